timeline (49 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      5           +0s  client-00#1    sleep       17.005669335s
      7           +0s  conductor#2    sleep       10m0s
      9           +0s  operator#3     sleep       18.478580144s
     10      +17.006s  client-00#1    timer       deadline +17.005669335s
     11      +17.006s  client-00#1    wake
     12      +17.006s  client-00#1    point       lease.request            lease 1 (wants {})
     13      +17.006s  client-00#1    point       queue.schedule           lease 1
     15      +17.006s  client-00#1    point       store.lease              lease 1
     16      +17.006s  client-00#1    wait        lease.holder             lease 1
     19      +17.006s  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     20      +17.006s  worker-00#0    point       store.lease              lease 1
     21      +17.006s  worker-00#0    point       store.commands           lease 1
     22      +17.006s  worker-00#0    point       store.blueprints         lease 1
     23      +17.006s  worker-00#0    point       store.resources          lease 1
     24      +17.006s  worker-00#0    point       store.count              lease 1
     25      +17.006s  worker-00#0    point       store.count              lease 1
     26      +17.006s  worker-00#0    sleep       486.098594ms             lease 1
     27      +17.492s  worker-00#0    timer       deadline +17.491767929s  lease 1
     28      +17.492s  worker-00#0    wake                                 lease 1
     29      +17.492s  worker-00#0    point       store.slotlocks          lease 1
     30      +17.492s  worker-00#0    point       resource.allocate        lease 1
     31      +17.492s  worker-00#0    point       resource.attributes      lease 1
     32      +17.492s  worker-00#0    point       queue.schedule           lease 1
     34      +17.492s  worker-00#0    unlock      drydock.lease:1          lease 1
     38      +17.492s  worker-00#0    lock (≤1s)  drydock.resource:1       resource 1 ({})
     39      +17.492s  worker-00#0    point       store.resource           resource 1
     40      +17.492s  worker-00#0    point       store.commands           resource 1
     41      +17.492s  worker-00#0    sleep       7.747082938s             resource 1
     42      +18.479s  operator#3     timer       deadline +18.478580144s
     43      +18.479s  operator#3     wake
     44      +18.479s  operator#3     point       store.resources
     45 *    +25.239s  worker-00#0    timer       deadline +25.238850867s  resource 1
     46      +25.239s  operator#3     point       store.resource
     47 *    +25.239s  worker-00#0    wake                                 resource 1
     48      +25.239s  worker-00#0    point       resource.activate        resource 1
     49 *    +25.239s  operator#3     point       resource.release
violation  single-writer [resource:1] at step 49 (+25.238850867s): resource 1 written pending -> released but the store held active (a lost update)
objects    resource 1 ({}) by worker-00#0; lease 1 (wants {}) by worker-00#0, client-00#1
