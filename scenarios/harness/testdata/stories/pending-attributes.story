timeline (56 steps; idle-worker hand-offs left out, -full shows them)
      2          +0s  client-01#3    sleep       2.040919266s
     10          +0s  client-00#2    sleep       2.115004388s
     12          +0s  conductor#4    sleep       0s
     14      +2.041s  client-01#3    timer       deadline +2.040919266s
     15      +2.041s  client-01#3    wake
     16      +2.041s  client-01#3    point       lease.request
     17      +2.041s  client-01#3    point       queue.schedule
     19      +2.041s  client-01#3    point       store.lease
     20      +2.115s  client-00#2    timer       deadline +2.115004388s
     21      +2.115s  client-01#3    wait        lease.holder
     24      +2.115s  worker-00#0    locktimeout drydock.lease:1 1s
     25      +2.115s  worker-00#0    point       store.lease
     26      +2.115s  worker-00#0    point       store.commands
     27      +2.115s  worker-00#0    point       store.blueprints
     28      +2.115s  worker-00#0    point       store.resources
     29      +2.115s  worker-00#0    point       store.count
     30      +2.115s  worker-00#0    point       store.count
     31      +2.115s  worker-00#0    sleep       124.041555ms
     32      +2.115s  client-00#2    wake
     33      +2.115s  client-00#2    point       lease.request
     34      +2.115s  client-00#2    point       queue.schedule
     36      +2.115s  client-00#2    point       store.lease
     37      +2.115s  client-00#2    wait        lease.holder
     40      +2.115s  worker-01#1    locktimeout drydock.lease:2 1s
     41      +2.115s  worker-01#1    point       store.lease
     42      +2.115s  worker-01#1    point       store.commands
     43      +2.115s  worker-01#1    point       store.blueprints
     44      +2.115s  worker-01#1    point       store.resources
     45      +2.115s  worker-01#1    point       store.count
     46      +2.115s  worker-01#1    point       store.count
     47      +2.115s  worker-01#1    sleep       467.233025ms
     48      +2.239s  worker-00#0    timer       deadline +2.239045943s
     49      +2.239s  worker-00#0    wake
     50      +2.582s  worker-01#1    timer       deadline +2.582237413s
     51      +2.582s  worker-01#1    wake
     52      +2.582s  worker-00#0    point       store.slotlocks
     53      +2.582s  worker-01#1    point       store.slotlocks
     54      +2.582s  worker-00#0    point       resource.allocate
     55      +2.582s  worker-01#1    point       resource.allocate
     56      +2.582s  worker-00#0    point       resource.attributes
violation  blueprint-limit [resource:2] at step 55 (+2.582237413s): 2 resources hold a place under the limit 1 (saved, slot locks not yet freed)
violation  needless-build [lease:2 resource:1] at step 56 (+2.582237413s): lease 2 built resource 2 while resource 1, active with room, would have served it once its attributes were set
