timeline (63 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      5           +0s  client-01#3    sleep       4.362925951s
      7           +0s  conductor#4    sleep       0s
     10           +0s  client-00#2    sleep       3.984192319s
     11 *     +3.984s  client-00#2    timer       deadline +3.984192319s
     12       +3.984s  client-00#2    wake
     13       +3.984s  client-00#2    point       lease.request            lease 1 (wants {})
     14       +3.984s  client-00#2    point       queue.schedule           lease 1
     16       +3.984s  client-00#2    point       store.lease              lease 1
     17       +3.984s  client-00#2    wait        lease.holder             lease 1
     20 *     +4.363s  client-01#3    timer       deadline +4.362925951s
     21       +4.363s  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     22       +4.363s  worker-00#0    point       store.lease              lease 1
     23       +4.363s  worker-00#0    point       store.commands           lease 1
     24       +4.363s  worker-00#0    point       store.blueprints         lease 1
     25       +4.363s  worker-00#0    point       store.resources          lease 1
     26       +4.363s  worker-00#0    point       store.count              lease 1
     27       +4.363s  worker-00#0    point       store.resources          lease 1
     28       +4.363s  worker-00#0    point       store.slotlocks          lease 1
     29 *     +4.363s  client-01#3    wake
     30       +4.363s  client-01#3    point       lease.request            lease 2 (wants {})
     31       +4.363s  client-01#3    point       queue.schedule           lease 2
     33       +4.363s  client-01#3    point       store.lease              lease 2
     34       +4.363s  client-01#3    wait        lease.holder             lease 2
     35       +4.363s  worker-00#0    point       store.count              lease 1
     36       +4.363s  worker-00#0    sleep       426.205363ms             lease 1
     39       +4.363s  worker-01#1    lock (≤1s)  drydock.lease:2          lease 2
     40       +4.363s  worker-01#1    point       store.lease              lease 2
     41       +4.363s  worker-01#1    point       store.commands           lease 2
     42       +4.363s  worker-01#1    point       store.blueprints         lease 2
     43       +4.363s  worker-01#1    point       store.resources          lease 2
     44       +4.363s  worker-01#1    point       store.count              lease 2
     45       +4.363s  worker-01#1    point       store.resources          lease 2
     46       +4.363s  worker-01#1    point       store.slotlocks          lease 2
     47       +4.363s  worker-01#1    point       store.count              lease 2
     48       +4.363s  worker-01#1    sleep       415.318855ms             lease 2
     49       +4.778s  worker-01#1    timer       deadline +4.778244806s   lease 2
     50       +4.778s  worker-01#1    wake                                 lease 2
     51       +4.778s  worker-01#1    point       store.resources          lease 2
     52       +4.778s  worker-01#1    point       store.slotlocks          lease 2
     53       +4.778s  worker-01#1    point       store.slotlocks          lease 2
     54 *     +4.789s  worker-00#0    timer       deadline +4.789131314s   lease 1
     55 *     +4.789s  worker-00#0    wake                                 lease 1
     56       +4.789s  worker-00#0    point       store.resources          lease 1
     57       +4.789s  worker-00#0    point       store.slotlocks          lease 1
     58       +4.789s  worker-00#0    point       store.slotlocks          lease 1
     59       +4.789s  worker-00#0    point       resource.allocate        lease 1
     60       +4.789s  worker-00#0    point       resource.attributes      lease 1
     61       +4.789s  worker-00#0    sleep       71.3002ms                lease 1
     62       +4.789s  worker-01#1    point       resource.allocate        lease 2
     63       +4.789s  worker-01#1    point       resource.attributes      lease 2
violation  blueprint-limit [resource:2] at step 62 (+4.789131314s): 2 resources hold a place under the limit 1 (saved, slot locks not yet freed)
violation  binding-unique [resource:1 resource:2] at step 63 (+4.789131314s): binding host-04 backs live resources 1 and 2
objects    resource 1 ({binding=host-04}); resource 2 ({binding=host-04}); lease 1 (wants {}) by worker-00#0, client-00#2; lease 2 (wants {}) by worker-01#1, client-01#3
