timeline (63 steps; idle-worker hand-offs left out, -full shows them)
      5          +0s  client-01#3    sleep       4.362925951s
      7          +0s  conductor#4    sleep       0s
     10          +0s  client-00#2    sleep       3.984192319s
     11      +3.984s  client-00#2    timer       deadline +3.984192319s
     12      +3.984s  client-00#2    wake
     13      +3.984s  client-00#2    point       lease.request
     14      +3.984s  client-00#2    point       queue.schedule
     16      +3.984s  client-00#2    point       store.lease
     17      +3.984s  client-00#2    wait        lease.holder
     20      +4.363s  client-01#3    timer       deadline +4.362925951s
     21      +4.363s  worker-00#0    locktimeout drydock.lease:1 1s
     22      +4.363s  worker-00#0    point       store.lease
     23      +4.363s  worker-00#0    point       store.commands
     24      +4.363s  worker-00#0    point       store.blueprints
     25      +4.363s  worker-00#0    point       store.resources
     26      +4.363s  worker-00#0    point       store.count
     27      +4.363s  worker-00#0    point       store.resources
     28      +4.363s  worker-00#0    point       store.slotlocks
     29      +4.363s  client-01#3    wake
     30      +4.363s  client-01#3    point       lease.request
     31      +4.363s  client-01#3    point       queue.schedule
     33      +4.363s  client-01#3    point       store.lease
     34      +4.363s  client-01#3    wait        lease.holder
     35      +4.363s  worker-00#0    point       store.count
     36      +4.363s  worker-00#0    sleep       426.205363ms
     39      +4.363s  worker-01#1    locktimeout drydock.lease:2 1s
     40      +4.363s  worker-01#1    point       store.lease
     41      +4.363s  worker-01#1    point       store.commands
     42      +4.363s  worker-01#1    point       store.blueprints
     43      +4.363s  worker-01#1    point       store.resources
     44      +4.363s  worker-01#1    point       store.count
     45      +4.363s  worker-01#1    point       store.resources
     46      +4.363s  worker-01#1    point       store.slotlocks
     47      +4.363s  worker-01#1    point       store.count
     48      +4.363s  worker-01#1    sleep       415.318855ms
     49      +4.778s  worker-01#1    timer       deadline +4.778244806s
     50      +4.778s  worker-01#1    wake
     51      +4.778s  worker-01#1    point       store.resources
     52      +4.778s  worker-01#1    point       store.slotlocks
     53      +4.778s  worker-01#1    point       store.slotlocks
     54      +4.789s  worker-00#0    timer       deadline +4.789131314s
     55      +4.789s  worker-00#0    wake
     56      +4.789s  worker-00#0    point       store.resources
     57      +4.789s  worker-00#0    point       store.slotlocks
     58      +4.789s  worker-00#0    point       store.slotlocks
     59      +4.789s  worker-00#0    point       resource.allocate
     60      +4.789s  worker-00#0    point       resource.attributes
     61      +4.789s  worker-00#0    sleep       71.3002ms
     62      +4.789s  worker-01#1    point       resource.allocate
     63      +4.789s  worker-01#1    point       resource.attributes
violation  blueprint-limit [resource:2] at step 62 (+4.789131314s): 2 resources hold a place under the limit 1 (saved, slot locks not yet freed)
violation  binding-unique [resource:1 resource:2] at step 63 (+4.789131314s): binding host-04 backs live resources 1 and 2
