timeline (55 steps; idle-worker hand-offs left out, -full shows them)
      2          +0s  conductor#4    sleep       0s
      5          +0s  client-01#3    sleep       2.150770282s
      7      +2.151s  client-01#3    timer       deadline +2.150770282s
      8      +2.151s  client-01#3    wake
      9      +2.151s  client-01#3    point       lease.request
     10      +2.151s  client-01#3    point       queue.schedule
     12      +2.151s  client-01#3    point       store.lease
     13      +2.151s  client-01#3    sleep       10m0s
     14      +2.151s  client-00#2    sleep       3.854089053s
     16      +6.005s  client-00#2    timer       deadline +6.004859335s
     17      +6.005s  client-00#2    wake
     18      +6.005s  client-00#2    point       lease.request
     19      +6.005s  client-00#2    point       queue.schedule
     21      +6.005s  client-00#2    point       store.lease
     22      +6.005s  client-00#2    sleep       10m0s
     26      +6.005s  worker-01#1    locktimeout drydock.lease:1 1s
     27      +6.005s  worker-01#1    point       store.lease
     28      +6.005s  worker-01#1    point       store.commands
     29      +6.005s  worker-01#1    point       store.blueprints
     30      +6.005s  worker-01#1    point       store.resources
     31      +6.005s  worker-01#1    point       store.count
     32      +6.005s  worker-01#1    sleep       460.359446ms
     34      +6.005s  worker-00#0    locktimeout drydock.lease:2 1s
     35      +6.005s  worker-00#0    point       store.lease
     36      +6.005s  worker-00#0    point       store.commands
     37      +6.005s  worker-00#0    point       store.blueprints
     38      +6.465s  worker-01#1    timer       deadline +6.465218781s
     39      +6.465s  worker-01#1    wake
     40      +6.465s  worker-01#1    point       store.slotlocks
     41      +6.465s  worker-01#1    point       resource.allocate
     42      +6.465s  worker-01#1    sleep       2s
     43      +6.465s  worker-00#0    point       store.resources
     44      +6.465s  worker-00#0    point       store.linked
     45      +6.465s  worker-00#0    point       store.resource
     46      +6.465s  worker-00#0    point       store.linked
     47      +6.465s  worker-00#0    sleep       12.904065ms
     48      +6.478s  worker-00#0    timer       deadline +6.478122846s
     49      +6.478s  worker-00#0    wake
     50      +6.478s  worker-00#0    point       store.slotlocks
     51      +6.478s  worker-00#0    point       lease.acquire
     52      +6.478s  worker-00#0    point       queue.schedule
     53      +8.465s  worker-01#1    timer       deadline +8.465218781s
     54      +8.465s  worker-01#1    wake
     55      +8.465s  worker-01#1    point       resource.attributes
violation  attributes-match [lease:2 resource:1] at step 55 (+8.465218781s): lease 2 wants {flavour=windows}, its resource 1 has {flavour=linux}
