timeline (53 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      2           +0s  client-00#2    sleep       15.008687761s
      4           +0s  client-01#3    sleep       36.246316349s
      9           +0s  conductor#4    sleep       0s
     10 *    +15.009s  client-00#2    timer       deadline +15.008687761s
     11 *    +15.009s  client-00#2    wake
     12      +15.009s  client-00#2    point       lease.request            lease 1 (wants {})
     13      +15.009s  client-00#2    point       queue.schedule           lease 1
     15      +15.009s  client-00#2    point       store.lease              lease 1
     16 *    +36.246s  client-01#3    timer       deadline +36.246316349s
     17      +36.246s  client-00#2    wait        lease.holder             lease 1
     18 *    +36.246s  client-01#3    wake
     19      +36.246s  client-01#3    point       lease.request            lease 2 (wants {})
     20      +36.246s  client-01#3    point       queue.schedule           lease 2
     22      +36.246s  client-01#3    point       store.lease              lease 2
     23      +36.246s  client-01#3    wait        lease.holder             lease 2
     27      +36.246s  worker-01#1    lock (≤1s)  drydock.lease:1          lease 1
     28      +36.246s  worker-01#1    point       store.lease              lease 1
     29      +36.246s  worker-01#1    point       store.commands           lease 1
     30      +36.246s  worker-01#1    point       store.blueprints         lease 1
     31      +36.246s  worker-01#1    point       store.resources          lease 1
     32      +36.246s  worker-01#1    point       store.count              lease 1
     33      +36.246s  worker-01#1    point       store.count              lease 1
     34      +36.246s  worker-01#1    sleep       133.029644ms             lease 1
     37      +36.246s  worker-00#0    lock (≤1s)  drydock.lease:2          lease 2
     38      +36.246s  worker-00#0    point       store.lease              lease 2
     39      +36.246s  worker-00#0    point       store.commands           lease 2
     40      +36.246s  worker-00#0    point       store.blueprints         lease 2
     41      +36.246s  worker-00#0    point       store.resources          lease 2
     42      +36.246s  worker-00#0    point       store.count              lease 2
     43      +36.246s  worker-00#0    point       store.count              lease 2
     44      +36.246s  worker-00#0    sleep       115.999747ms             lease 2
     46      +36.362s  worker-00#0    timer       deadline +36.362316096s  lease 2
     47      +36.362s  worker-00#0    wake                                 lease 2
     48      +36.362s  worker-00#0    point       store.slotlocks          lease 2
     49      +36.362s  worker-00#0    point       resource.allocate        lease 2
     50 *    +36.379s  worker-01#1    timer       deadline +36.379345993s  lease 1
     51 *    +36.379s  worker-01#1    wake                                 lease 1
     52      +36.379s  worker-01#1    point       store.slotlocks          lease 1
     53      +36.379s  worker-01#1    point       resource.allocate        lease 1
violation  blueprint-limit [resource:2] at step 53 (+36.379345993s): 2 resources hold a place under the limit 1 (saved, slot locks not yet freed)
objects    resource 2 ({}); lease 1 (wants {}) by worker-01#1, client-00#2; lease 2 (wants {}) by worker-00#0, client-01#3
