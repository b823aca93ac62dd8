timeline (86 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      3 *         +0s  client-00#1    sleep       813.850557ms
      4 *      +814ms  client-00#1    timer       deadline +813.850557ms
      5        +814ms  client-00#1    wake
      6        +814ms  client-00#1    point       lease.request            lease 1 (wants {})
      8        +814ms  conductor#2    sleep       0s
      9 *      +814ms  client-00#1    point       queue.schedule           lease 1
     11        +814ms  client-00#1    point       store.lease              lease 1
     12        +814ms  client-00#1    sleep       10m0s                    lease 1
     14        +814ms  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     15        +814ms  worker-00#0    point       store.lease              lease 1
     17        +814ms  worker-00#0    point       store.commands           lease 1
     18        +814ms  worker-00#0    point       store.blueprints         lease 1
     19        +814ms  worker-00#0    point       store.resources          lease 1
     20        +814ms  worker-00#0    point       store.count              lease 1
     21        +814ms  worker-00#0    sleep       244.920494ms             lease 1
     22       +1.059s  worker-00#0    timer       deadline +1.058771051s   lease 1
     23       +1.059s  worker-00#0    wake                                 lease 1
     24       +1.059s  worker-00#0    point       store.slotlocks          lease 1
     25       +1.059s  worker-00#0    point       resource.allocate        lease 1
     26       +1.059s  worker-00#0    point       resource.attributes      lease 1
     27       +1.059s  worker-00#0    point       queue.schedule           lease 1
     29       +1.059s  worker-00#0    unlock      drydock.lease:1          lease 1
     33       +1.059s  worker-00#0    lock (≤1s)  drydock.resource:1       resource 1 ({})
     34       +1.059s  worker-00#0    point       store.resource           resource 1
     35       +1.059s  worker-00#0    point       store.commands           resource 1
     36       +1.059s  worker-00#0    sleep       17.474036346s            resource 1
     37      +18.533s  worker-00#0    timer       deadline +18.532807397s  resource 1
     38      +18.533s  worker-00#0    wake                                 resource 1
     39      +18.533s  worker-00#0    point       resource.activate        resource 1
     40      +18.533s  worker-00#0    point       queue.awaken             resource 1
     41      +18.533s  worker-00#0    point       store.commands           resource 1
     42      +18.533s  worker-00#0    unlock      drydock.resource:1       resource 1
     45      +18.533s  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     46      +18.533s  worker-00#0    point       store.lease              lease 1
     47      +18.533s  worker-00#0    point       store.commands           lease 1
     48      +18.533s  worker-00#0    point       store.blueprints         lease 1
     49      +18.533s  worker-00#0    point       store.resources          lease 1
     50      +18.533s  worker-00#0    point       store.linked             lease 1
     51      +18.533s  worker-00#0    point       store.resource           lease 1
     52      +18.533s  worker-00#0    point       store.linked             lease 1
     53      +18.533s  worker-00#0    sleep       81.259964ms              lease 1
     54      +18.614s  worker-00#0    timer       deadline +18.614067361s  lease 1
     55      +18.614s  worker-00#0    wake                                 lease 1
     56      +18.614s  worker-00#0    point       store.slotlocks          lease 1
     57      +18.614s  worker-00#0    point       lease.acquire            lease 1
     58      +18.614s  worker-00#0    point       queue.schedule           lease 1
     60      +18.614s  worker-00#0    unlock      drydock.lease:1          lease 1
     63      +18.614s  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     64      +18.614s  worker-00#0    point       store.lease              lease 1
     65      +18.614s  worker-00#0    point       store.commands           lease 1
     66      +18.614s  worker-00#0    point       store.resource           lease 1
     67      +18.614s  worker-00#0    sleep       1.258622791s             lease 1
     68      +19.873s  worker-00#0    timer       deadline +19.872690152s  lease 1
     69      +19.873s  worker-00#0    wake                                 lease 1
     70      +19.873s  worker-00#0    point       lease.activate           lease 1
     71      +19.873s  worker-00#0    unlock      drydock.lease:1          lease 1
     75    +10m0.814s  client-00#1    timer       deadline +10m0.813850557s lease 1
     76    +10m0.814s  client-00#1    wake                                 lease 1
     77    +10m0.814s  client-00#1    point       store.lease              lease 1
     78    +10m0.814s  client-00#1    sleep       5.863359056s             lease 1
     79    +10m6.677s  client-00#1    timer       deadline +10m6.677209613s lease 1
     80    +10m6.677s  client-00#1    wake                                 lease 1
     81    +10m6.677s  client-00#1    go          spawn admin-1#3          lease 1
     82    +10m6.677s  client-00#1    point       store.lease              lease 1
     84    +10m6.677s  admin-1#3      point       store.lease              lease 1
     85 *  +10m6.677s  client-00#1    point       lease.release            lease 1
     86 *  +10m6.677s  admin-1#3      point       lease.release            lease 1
violation  single-writer [lease:1] at step 86 (+10m6.677209613s): lease 1 written active -> released but the store held released (a lost update)
objects    lease 1 (wants {}) by worker-00#0, client-00#1, admin-1#3; resource 1 ({}) by worker-00#0
