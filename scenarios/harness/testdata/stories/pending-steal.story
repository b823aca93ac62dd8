timeline (50 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      5           +0s  client-00#2    sleep       10.689421069s
      7           +0s  client-01#3    sleep       759.874523ms
      9 *      +760ms  client-01#3    timer       deadline +759.874523ms
     10 *      +760ms  client-01#3    wake
     11        +760ms  client-01#3    point       lease.request            lease 1 (wants {})
     12        +760ms  client-01#3    point       queue.schedule           lease 1
     14        +760ms  client-01#3    point       store.lease              lease 1
     15        +760ms  client-01#3    sleep       10m0s                    lease 1
     16 *    +10.689s  client-00#2    timer       deadline +10.689421069s
     19      +10.689s  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     20      +10.689s  worker-00#0    point       store.lease              lease 1
     21      +10.689s  worker-00#0    point       store.commands           lease 1
     22      +10.689s  worker-00#0    point       store.blueprints         lease 1
     23      +10.689s  worker-00#0    point       store.resources          lease 1
     24 *    +10.689s  client-00#2    wake
     25      +10.689s  client-00#2    point       lease.request            lease 2 (wants {})
     26      +10.689s  client-00#2    point       queue.schedule           lease 2
     28      +10.689s  client-00#2    point       store.lease              lease 2
     29      +10.689s  client-00#2    sleep       10m0s                    lease 2
     30      +10.689s  worker-00#0    point       store.count              lease 1
     31      +10.689s  worker-00#0    sleep       371.206251ms             lease 1
     33      +10.689s  worker-01#1    lock (≤1s)  drydock.lease:2          lease 2
     34      +10.689s  worker-01#1    point       store.lease              lease 2
     35      +10.689s  worker-01#1    point       store.commands           lease 2
     36      +10.689s  worker-01#1    point       store.blueprints         lease 2
     37      +10.689s  worker-01#1    point       store.resources          lease 2
     38      +10.689s  worker-01#1    point       store.count              lease 2
     39      +10.689s  worker-01#1    sleep       91.78955ms               lease 2
     41      +10.689s  conductor#4    sleep       0s
     43      +10.781s  worker-01#1    timer       deadline +10.781210619s  lease 2
     44      +10.781s  worker-01#1    wake                                 lease 2
     45      +10.781s  worker-01#1    point       store.slotlocks          lease 2
     46      +10.781s  worker-01#1    point       resource.allocate        lease 2
     47 *    +11.061s  worker-00#0    timer       deadline +11.06062732s   lease 1
     48 *    +11.061s  worker-00#0    wake                                 lease 1
     49      +11.061s  worker-00#0    point       store.slotlocks          lease 1
     50      +11.061s  worker-00#0    point       resource.allocate        lease 1
violation  blueprint-limit [resource:2] at step 50 (+11.06062732s): 2 resources exist, limit 1
objects    resource 2 ({}); lease 1 (wants {}) by worker-00#0, client-01#3; lease 2 (wants {}) by worker-01#1, client-00#2
