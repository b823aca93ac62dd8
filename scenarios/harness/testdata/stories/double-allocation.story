timeline (65 steps; idle-worker hand-offs left out, -full shows them)
      8          +0s  client-00#2    sleep       1.722087569s
     10          +0s  client-01#3    sleep       6.957239247s
     12          +0s  conductor#4    sleep       0s
     14      +1.722s  client-00#2    timer       deadline +1.722087569s
     15      +1.722s  client-00#2    wake
     16      +1.722s  client-00#2    point       lease.request
     17      +1.722s  client-00#2    point       queue.schedule
     19      +1.722s  client-00#2    point       store.lease
     20      +1.722s  client-00#2    wait        lease.holder
     23      +1.722s  worker-00#0    locktimeout drydock.lease:1 1s
     24      +1.722s  worker-00#0    point       store.lease
     25      +1.722s  worker-00#0    point       store.commands
     26      +6.957s  client-01#3    timer       deadline +6.957239247s
     27      +6.957s  worker-00#0    point       store.blueprints
     28      +6.957s  worker-00#0    point       store.resources
     29      +6.957s  worker-00#0    point       store.count
     30      +6.957s  worker-00#0    point       store.resources
     31      +6.957s  worker-00#0    point       store.slotlocks
     32      +6.957s  worker-00#0    point       store.count
     33      +6.957s  worker-00#0    sleep       409.729204ms
     34      +6.957s  client-01#3    wake
     35      +6.957s  client-01#3    point       lease.request
     36      +6.957s  client-01#3    point       queue.schedule
     38      +6.957s  client-01#3    point       store.lease
     41      +6.957s  worker-01#1    locktimeout drydock.lease:2 1s
     42      +6.957s  worker-01#1    point       store.lease
     43      +6.957s  worker-01#1    point       store.commands
     44      +6.957s  worker-01#1    point       store.blueprints
     45      +6.957s  worker-01#1    point       store.resources
     46      +6.957s  worker-01#1    point       store.count
     47      +6.957s  worker-01#1    point       store.resources
     48      +6.957s  worker-01#1    point       store.slotlocks
     49      +6.957s  worker-01#1    point       store.count
     50      +6.957s  worker-01#1    sleep       446.591722ms
     51      +6.957s  client-01#3    wait        lease.holder
     52      +7.367s  worker-00#0    timer       deadline +7.366968451s
     53      +7.404s  worker-01#1    timer       deadline +7.403830969s
     54      +7.404s  worker-00#0    wake
     55      +7.404s  worker-00#0    point       store.resources
     56      +7.404s  worker-01#1    wake
     57      +7.404s  worker-00#0    point       store.slotlocks
     58      +7.404s  worker-00#0    point       store.slotlocks
     59      +7.404s  worker-00#0    point       resource.allocate
     60      +7.404s  worker-01#1    point       store.resources
     61      +7.404s  worker-01#1    point       store.slotlocks
     62      +7.404s  worker-01#1    point       store.slotlocks
     63      +7.404s  worker-01#1    point       resource.allocate
     64      +7.404s  worker-00#0    point       resource.attributes
     65      +7.404s  worker-01#1    point       resource.attributes
violation  binding-unique [resource:1 resource:2] at step 65 (+7.403830969s): binding host-05 backs live resources 1 and 2
