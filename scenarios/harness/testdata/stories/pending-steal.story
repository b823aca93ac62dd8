timeline (50 steps; idle-worker hand-offs left out, -full shows them)
      5          +0s  client-00#2    sleep       10.689421069s
      7          +0s  client-01#3    sleep       759.874523ms
      9       +760ms  client-01#3    timer       deadline +759.874523ms
     10       +760ms  client-01#3    wake
     11       +760ms  client-01#3    point       lease.request
     12       +760ms  client-01#3    point       queue.schedule
     14       +760ms  client-01#3    point       store.lease
     15       +760ms  client-01#3    sleep       10m0s
     16     +10.689s  client-00#2    timer       deadline +10.689421069s
     19     +10.689s  worker-00#0    locktimeout drydock.lease:1 1s
     20     +10.689s  worker-00#0    point       store.lease
     21     +10.689s  worker-00#0    point       store.commands
     22     +10.689s  worker-00#0    point       store.blueprints
     23     +10.689s  worker-00#0    point       store.resources
     24     +10.689s  client-00#2    wake
     25     +10.689s  client-00#2    point       lease.request
     26     +10.689s  client-00#2    point       queue.schedule
     28     +10.689s  client-00#2    point       store.lease
     29     +10.689s  client-00#2    sleep       10m0s
     30     +10.689s  worker-00#0    point       store.count
     31     +10.689s  worker-00#0    sleep       371.206251ms
     33     +10.689s  worker-01#1    locktimeout drydock.lease:2 1s
     34     +10.689s  worker-01#1    point       store.lease
     35     +10.689s  worker-01#1    point       store.commands
     36     +10.689s  worker-01#1    point       store.blueprints
     37     +10.689s  worker-01#1    point       store.resources
     38     +10.689s  worker-01#1    point       store.count
     39     +10.689s  worker-01#1    sleep       91.78955ms
     41     +10.689s  conductor#4    sleep       0s
     43     +10.781s  worker-01#1    timer       deadline +10.781210619s
     44     +10.781s  worker-01#1    wake
     45     +10.781s  worker-01#1    point       store.slotlocks
     46     +10.781s  worker-01#1    point       resource.allocate
     47     +11.061s  worker-00#0    timer       deadline +11.06062732s
     48     +11.061s  worker-00#0    wake
     49     +11.061s  worker-00#0    point       store.slotlocks
     50     +11.061s  worker-00#0    point       resource.allocate
violation  blueprint-limit [resource:2] at step 50 (+11.06062732s): 2 resources exist, limit 1
