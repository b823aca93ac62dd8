timeline (53 steps; idle-worker hand-offs left out, -full shows them)
      2          +0s  client-00#2    sleep       2.424464875s
      3      +2.424s  client-00#2    timer       deadline +2.424464875s
      4      +2.424s  client-00#2    wake
      5      +2.424s  client-00#2    point       lease.request
      6      +2.424s  client-00#2    point       queue.schedule
      8      +2.424s  client-00#2    point       store.lease
      9      +2.424s  client-00#2    sleep       10m0s
     12      +2.424s  worker-01#1    locktimeout drydock.lease:1 1s
     13      +2.424s  worker-01#1    point       store.lease
     14      +2.424s  worker-01#1    point       store.commands
     15      +2.424s  worker-01#1    point       store.blueprints
     16      +2.424s  worker-01#1    point       store.resources
     17      +2.424s  worker-01#1    point       store.count
     18      +2.424s  worker-01#1    sleep       58.512491ms
     20      +2.483s  worker-01#1    timer       deadline +2.482977366s
     21      +2.483s  worker-01#1    wake
     22      +2.483s  worker-01#1    point       store.slotlocks
     23      +2.483s  worker-01#1    point       resource.allocate
     24      +2.483s  worker-01#1    point       resource.attributes
     25      +2.483s  worker-01#1    point       queue.schedule
     27      +2.483s  worker-01#1    unlock      drydock.lease:1
     31      +2.483s  worker-01#1    locktimeout drydock.resource:1 1s
     32      +2.483s  worker-01#1    point       store.resource
     33      +2.483s  worker-01#1    point       store.commands
     34      +2.483s  worker-01#1    sleep       32.510059442s
     38      +2.483s  conductor#3    sleep       0s
     43     +17.483s  worker-00#0    locktimeout drydock.lease:1 1s
     44     +17.483s  worker-00#0    point       store.lease
     45     +17.483s  worker-00#0    point       store.commands
     46     +17.483s  worker-00#0    point       store.blueprints
     47     +17.483s  worker-00#0    point       store.resources
     48     +17.483s  worker-00#0    point       store.count
     49     +17.483s  worker-00#0    sleep       233.339981ms
     50     +17.716s  worker-00#0    timer       deadline +17.716317347s
     51     +17.716s  worker-00#0    wake
     52     +17.716s  worker-00#0    point       store.slotlocks
     53     +17.716s  worker-00#0    point       resource.allocate
violation  one-pending-allocation [lease:1] at step 53 (+17.716317347s): lease 1 waits on 2 pending resources it built ([1 2])
