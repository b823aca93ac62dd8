timeline (53 steps; idle-worker hand-offs left out, -full shows them)
      2          +0s  client-00#2    sleep       15.008687761s
      4          +0s  client-01#3    sleep       36.246316349s
      9          +0s  conductor#4    sleep       0s
     10     +15.009s  client-00#2    timer       deadline +15.008687761s
     11     +15.009s  client-00#2    wake
     12     +15.009s  client-00#2    point       lease.request
     13     +15.009s  client-00#2    point       queue.schedule
     15     +15.009s  client-00#2    point       store.lease
     16     +36.246s  client-01#3    timer       deadline +36.246316349s
     17     +36.246s  client-00#2    wait        lease.holder
     18     +36.246s  client-01#3    wake
     19     +36.246s  client-01#3    point       lease.request
     20     +36.246s  client-01#3    point       queue.schedule
     22     +36.246s  client-01#3    point       store.lease
     23     +36.246s  client-01#3    wait        lease.holder
     27     +36.246s  worker-01#1    locktimeout drydock.lease:1 1s
     28     +36.246s  worker-01#1    point       store.lease
     29     +36.246s  worker-01#1    point       store.commands
     30     +36.246s  worker-01#1    point       store.blueprints
     31     +36.246s  worker-01#1    point       store.resources
     32     +36.246s  worker-01#1    point       store.count
     33     +36.246s  worker-01#1    point       store.count
     34     +36.246s  worker-01#1    sleep       133.029644ms
     37     +36.246s  worker-00#0    locktimeout drydock.lease:2 1s
     38     +36.246s  worker-00#0    point       store.lease
     39     +36.246s  worker-00#0    point       store.commands
     40     +36.246s  worker-00#0    point       store.blueprints
     41     +36.246s  worker-00#0    point       store.resources
     42     +36.246s  worker-00#0    point       store.count
     43     +36.246s  worker-00#0    point       store.count
     44     +36.246s  worker-00#0    sleep       115.999747ms
     46     +36.362s  worker-00#0    timer       deadline +36.362316096s
     47     +36.362s  worker-00#0    wake
     48     +36.362s  worker-00#0    point       store.slotlocks
     49     +36.362s  worker-00#0    point       resource.allocate
     50     +36.379s  worker-01#1    timer       deadline +36.379345993s
     51     +36.379s  worker-01#1    wake
     52     +36.379s  worker-01#1    point       store.slotlocks
     53     +36.379s  worker-01#1    point       resource.allocate
violation  blueprint-limit [resource:2] at step 53 (+36.379345993s): 2 resources hold a place under the limit 1 (saved, slot locks not yet freed)
