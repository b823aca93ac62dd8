timeline (96 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      3           +0s  client-00#2    sleep       1.260105364s
      4 *      +1.26s  client-00#2    timer       deadline +1.260105364s
      5        +1.26s  client-00#2    wake
      6        +1.26s  client-00#2    point       lease.request            lease 1 (wants {flavour=linux})
      7        +1.26s  client-00#2    point       queue.schedule           lease 1
      9        +1.26s  client-00#2    point       store.lease              lease 1
     10        +1.26s  client-00#2    wait        lease.holder             lease 1
     13        +1.26s  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     14        +1.26s  worker-00#0    point       store.lease              lease 1
     15        +1.26s  worker-00#0    point       store.commands           lease 1
     16        +1.26s  worker-00#0    point       store.blueprints         lease 1
     17        +1.26s  worker-00#0    point       store.resources          lease 1
     18        +1.26s  worker-00#0    point       store.count              lease 1
     19        +1.26s  worker-00#0    point       store.count              lease 1
     20        +1.26s  worker-00#0    sleep       436.792361ms             lease 1
     21 *     +1.697s  worker-00#0    timer       deadline +1.696897725s   lease 1
     22       +1.697s  worker-00#0    wake                                 lease 1
     23       +1.697s  worker-00#0    point       store.slotlocks          lease 1
     24       +1.697s  worker-00#0    point       resource.allocate        lease 1
     25       +1.697s  worker-00#0    point       resource.attributes      lease 1
     26       +1.697s  worker-00#0    point       queue.schedule           lease 1
     28       +1.697s  worker-00#0    unlock      drydock.lease:1          lease 1
     32       +1.697s  worker-00#0    lock (≤1s)  drydock.resource:1       resource 1 ({flavour=linux})
     33       +1.697s  worker-00#0    point       store.resource           resource 1
     34       +1.697s  worker-00#0    point       store.commands           resource 1
     35       +1.697s  worker-00#0    sleep       7.674771516s             resource 1
     40       +1.697s  client-01#3    sleep       6.962850474s
     41       +1.697s  conductor#4    sleep       0s
     43        +8.66s  client-01#3    timer       deadline +8.659748199s
     44 *     +9.372s  worker-00#0    timer       deadline +9.371669241s   resource 1
     45       +9.372s  worker-00#0    wake                                 resource 1
     46       +9.372s  worker-00#0    point       resource.activate        resource 1
     47       +9.372s  worker-00#0    point       queue.awaken             resource 1
     50      +16.697s  worker-00#0    point       store.commands           resource 1
     51      +16.697s  worker-00#0    unlock      drydock.resource:1       resource 1
     54      +16.697s  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     55      +16.697s  worker-00#0    point       store.lease              lease 1
     56      +16.697s  worker-00#0    point       store.commands           lease 1
     57      +16.697s  worker-00#0    point       store.blueprints         lease 1
     58      +16.697s  worker-00#0    point       store.resources          lease 1
     59      +16.697s  worker-00#0    point       store.linked             lease 1
     60      +16.697s  worker-00#0    sleep       93.710624ms              lease 1
     64      +16.697s  client-01#3    wake
     65      +16.697s  client-01#3    point       lease.request            lease 2 (wants {flavour=windows})
     66      +16.697s  client-01#3    point       queue.schedule           lease 2
     68      +16.697s  client-01#3    point       store.lease              lease 2
     69      +16.697s  client-01#3    wait        lease.holder             lease 2
     72      +16.697s  worker-01#1    lock (≤1s)  drydock.lease:2          lease 2
     73      +16.697s  worker-01#1    point       store.lease              lease 2
     74      +16.697s  worker-01#1    point       store.commands           lease 2
     75      +16.697s  worker-01#1    point       store.blueprints         lease 2
     76      +16.697s  worker-01#1    point       store.resources          lease 2
     77      +16.697s  worker-01#1    point       store.count              lease 2
     78      +16.697s  worker-01#1    point       store.resources          lease 2
     79      +16.697s  worker-01#1    point       store.leases             lease 2
     80      +16.697s  worker-01#1    point       lease.reclaim            lease 2
     81      +16.697s  worker-01#1    point       queue.schedule           lease 2
     83      +16.697s  worker-01#1    unlock      drydock.lease:2          lease 2
     87      +16.697s  worker-01#1    lock (≤1s)  drydock.resource:1       resource 1
     88      +16.697s  worker-01#1    point       store.resource           resource 1
     89      +16.697s  worker-01#1    point       store.commands           resource 1
     90      +16.697s  worker-01#1    point       resource.release         resource 1
     91      +16.697s  worker-01#1    point       store.leases             resource 1
     92      +16.697s  worker-01#1    sleep       2.564034667s             resource 1
     93      +16.791s  worker-00#0    timer       deadline +16.790608349s  lease 1
     94      +16.791s  worker-00#0    wake                                 lease 1
     95      +16.791s  worker-00#0    point       store.slotlocks          lease 1
     96      +16.791s  worker-00#0    point       lease.acquire            lease 1
violation  acquire-live-resource [lease:1 resource:1] at step 96 (+16.790608349s): lease 1 linked to resource 1 while it was released
objects    lease 1 (wants {flavour=linux}) by worker-00#0, client-00#2; resource 1 ({flavour=linux}) by worker-00#0, worker-01#1; lease 2 (wants {flavour=windows}) by worker-01#1, client-01#3
