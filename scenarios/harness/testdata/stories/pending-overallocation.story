timeline (53 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      2           +0s  client-00#2    sleep       2.424464875s
      3 *     +2.424s  client-00#2    timer       deadline +2.424464875s
      4       +2.424s  client-00#2    wake
      5       +2.424s  client-00#2    point       lease.request            lease 1 (wants {})
      6       +2.424s  client-00#2    point       queue.schedule           lease 1
      8       +2.424s  client-00#2    point       store.lease              lease 1
      9       +2.424s  client-00#2    sleep       10m0s                    lease 1
     12       +2.424s  worker-01#1    lock (≤1s)  drydock.lease:1          lease 1
     13       +2.424s  worker-01#1    point       store.lease              lease 1
     14       +2.424s  worker-01#1    point       store.commands           lease 1
     15       +2.424s  worker-01#1    point       store.blueprints         lease 1
     16       +2.424s  worker-01#1    point       store.resources          lease 1
     17       +2.424s  worker-01#1    point       store.count              lease 1
     18       +2.424s  worker-01#1    sleep       58.512491ms              lease 1
     20 *     +2.483s  worker-01#1    timer       deadline +2.482977366s   lease 1
     21 *     +2.483s  worker-01#1    wake                                 lease 1
     22       +2.483s  worker-01#1    point       store.slotlocks          lease 1
     23       +2.483s  worker-01#1    point       resource.allocate        lease 1
     24       +2.483s  worker-01#1    point       resource.attributes      lease 1
     25       +2.483s  worker-01#1    point       queue.schedule           lease 1
     27       +2.483s  worker-01#1    unlock      drydock.lease:1          lease 1
     31       +2.483s  worker-01#1    lock (≤1s)  drydock.resource:1       resource 1 ({})
     32       +2.483s  worker-01#1    point       store.resource           resource 1
     33       +2.483s  worker-01#1    point       store.commands           resource 1
     34       +2.483s  worker-01#1    sleep       32.510059442s            resource 1
     38       +2.483s  conductor#3    sleep       0s
     43      +17.483s  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     44      +17.483s  worker-00#0    point       store.lease              lease 1
     45      +17.483s  worker-00#0    point       store.commands           lease 1
     46      +17.483s  worker-00#0    point       store.blueprints         lease 1
     47      +17.483s  worker-00#0    point       store.resources          lease 1
     48      +17.483s  worker-00#0    point       store.count              lease 1
     49      +17.483s  worker-00#0    sleep       233.339981ms             lease 1
     50      +17.716s  worker-00#0    timer       deadline +17.716317347s  lease 1
     51      +17.716s  worker-00#0    wake                                 lease 1
     52      +17.716s  worker-00#0    point       store.slotlocks          lease 1
     53      +17.716s  worker-00#0    point       resource.allocate        lease 1
violation  one-pending-allocation [lease:1] at step 53 (+17.716317347s): lease 1 waits on 2 pending resources it built ([1 2])
objects    lease 1 (wants {}) by worker-00#0, worker-01#1, client-00#2; resource 1 ({}) by worker-01#1
