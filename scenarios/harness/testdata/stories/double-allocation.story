timeline (58 steps; idle-worker hand-offs left out, -full shows them)
      5          +0s  client-01#3    sleep       8.725851902s
      7          +0s  conductor#4    sleep       0s
     10          +0s  client-00#2    sleep       7.968384639s
     11      +7.968s  client-00#2    timer       deadline +7.968384639s
     12      +7.968s  client-00#2    wake
     13      +7.968s  client-00#2    point       lease.request
     14      +7.968s  client-00#2    point       queue.schedule
     16      +7.968s  client-00#2    point       store.lease
     17      +7.968s  client-00#2    sleep       10m0s
     20      +8.726s  client-01#3    timer       deadline +8.725851902s
     21      +8.726s  worker-00#0    locktimeout drydock.lease:1 1s
     22      +8.726s  worker-00#0    point       store.lease
     23      +8.726s  worker-00#0    point       store.commands
     24      +8.726s  worker-00#0    point       store.blueprints
     25      +8.726s  worker-00#0    point       store.resources
     26      +8.726s  worker-00#0    point       store.count
     27      +8.726s  worker-00#0    point       store.resources
     28      +8.726s  client-01#3    wake
     29      +8.726s  client-01#3    point       lease.request
     30      +8.726s  client-01#3    point       queue.schedule
     32      +8.726s  client-01#3    point       store.lease
     33      +8.726s  client-01#3    sleep       10m0s
     34      +8.726s  worker-00#0    point       store.slotlocks
     35      +8.726s  worker-00#0    sleep       426.205363ms
     38      +8.726s  worker-01#1    locktimeout drydock.lease:2 1s
     39      +8.726s  worker-01#1    point       store.lease
     40      +8.726s  worker-01#1    point       store.commands
     41      +8.726s  worker-01#1    point       store.blueprints
     42      +8.726s  worker-01#1    point       store.resources
     43      +8.726s  worker-01#1    point       store.count
     44      +8.726s  worker-01#1    point       store.resources
     45      +8.726s  worker-01#1    point       store.slotlocks
     46      +8.726s  worker-01#1    sleep       415.318855ms
     47      +9.141s  worker-01#1    timer       deadline +9.141170757s
     48      +9.141s  worker-01#1    wake
     49      +9.141s  worker-01#1    point       store.resources
     50      +9.141s  worker-01#1    point       store.slotlocks
     51      +9.141s  worker-01#1    point       store.slotlocks
     52      +9.141s  worker-01#1    point       resource.allocate
     53      +9.152s  worker-00#0    timer       deadline +9.152057265s
     54      +9.152s  worker-00#0    wake
     55      +9.152s  worker-00#0    point       store.resources
     56      +9.152s  worker-00#0    point       store.slotlocks
     57      +9.152s  worker-00#0    point       store.slotlocks
     58      +9.152s  worker-00#0    point       resource.allocate
violation  blueprint-limit [resource:2] at step 58 (+9.152057265s): 2 resources exist, limit 1
