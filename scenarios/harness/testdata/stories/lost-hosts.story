timeline (49 steps; idle-worker hand-offs left out, -full shows them)
      5          +0s  client-00#1    sleep       17.005669335s
      7          +0s  conductor#2    sleep       10m0s
      9          +0s  operator#3     sleep       18.478580144s
     10     +17.006s  client-00#1    timer       deadline +17.005669335s
     11     +17.006s  client-00#1    wake
     12     +17.006s  client-00#1    point       lease.request
     13     +17.006s  client-00#1    point       queue.schedule
     15     +17.006s  client-00#1    point       store.lease
     16     +17.006s  client-00#1    wait        lease.holder
     19     +17.006s  worker-00#0    locktimeout drydock.lease:1 1s
     20     +17.006s  worker-00#0    point       store.lease
     21     +17.006s  worker-00#0    point       store.commands
     22     +17.006s  worker-00#0    point       store.blueprints
     23     +17.006s  worker-00#0    point       store.resources
     24     +17.006s  worker-00#0    point       store.count
     25     +17.006s  worker-00#0    point       store.count
     26     +17.006s  worker-00#0    sleep       486.098594ms
     27     +17.492s  worker-00#0    timer       deadline +17.491767929s
     28     +17.492s  worker-00#0    wake
     29     +17.492s  worker-00#0    point       store.slotlocks
     30     +17.492s  worker-00#0    point       resource.allocate
     31     +17.492s  worker-00#0    point       resource.attributes
     32     +17.492s  worker-00#0    point       queue.schedule
     34     +17.492s  worker-00#0    unlock      drydock.lease:1
     38     +17.492s  worker-00#0    locktimeout drydock.resource:1 1s
     39     +17.492s  worker-00#0    point       store.resource
     40     +17.492s  worker-00#0    point       store.commands
     41     +17.492s  worker-00#0    sleep       7.747082938s
     42     +18.479s  operator#3     timer       deadline +18.478580144s
     43     +18.479s  operator#3     wake
     44     +18.479s  operator#3     point       store.resources
     45     +25.239s  worker-00#0    timer       deadline +25.238850867s
     46     +25.239s  operator#3     point       store.resource
     47     +25.239s  worker-00#0    wake
     48     +25.239s  worker-00#0    point       resource.activate
     49     +25.239s  operator#3     point       resource.release
violation  single-writer [resource:1] at step 49 (+25.238850867s): resource 1 written pending -> released but the store held active (a lost update)
