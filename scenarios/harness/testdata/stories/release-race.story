timeline (86 steps; idle-worker hand-offs left out, -full shows them)
      3          +0s  client-00#1    sleep       813.850557ms
      4       +814ms  client-00#1    timer       deadline +813.850557ms
      5       +814ms  client-00#1    wake
      6       +814ms  client-00#1    point       lease.request
      8       +814ms  conductor#2    sleep       0s
      9       +814ms  client-00#1    point       queue.schedule
     11       +814ms  client-00#1    point       store.lease
     12       +814ms  client-00#1    sleep       10m0s
     14       +814ms  worker-00#0    locktimeout drydock.lease:1 1s
     15       +814ms  worker-00#0    point       store.lease
     17       +814ms  worker-00#0    point       store.commands
     18       +814ms  worker-00#0    point       store.blueprints
     19       +814ms  worker-00#0    point       store.resources
     20       +814ms  worker-00#0    point       store.count
     21       +814ms  worker-00#0    sleep       244.920494ms
     22      +1.059s  worker-00#0    timer       deadline +1.058771051s
     23      +1.059s  worker-00#0    wake
     24      +1.059s  worker-00#0    point       store.slotlocks
     25      +1.059s  worker-00#0    point       resource.allocate
     26      +1.059s  worker-00#0    point       resource.attributes
     27      +1.059s  worker-00#0    point       queue.schedule
     29      +1.059s  worker-00#0    unlock      drydock.lease:1
     33      +1.059s  worker-00#0    locktimeout drydock.resource:1 1s
     34      +1.059s  worker-00#0    point       store.resource
     35      +1.059s  worker-00#0    point       store.commands
     36      +1.059s  worker-00#0    sleep       17.474036346s
     37     +18.533s  worker-00#0    timer       deadline +18.532807397s
     38     +18.533s  worker-00#0    wake
     39     +18.533s  worker-00#0    point       resource.activate
     40     +18.533s  worker-00#0    point       queue.awaken
     41     +18.533s  worker-00#0    point       store.commands
     42     +18.533s  worker-00#0    unlock      drydock.resource:1
     45     +18.533s  worker-00#0    locktimeout drydock.lease:1 1s
     46     +18.533s  worker-00#0    point       store.lease
     47     +18.533s  worker-00#0    point       store.commands
     48     +18.533s  worker-00#0    point       store.blueprints
     49     +18.533s  worker-00#0    point       store.resources
     50     +18.533s  worker-00#0    point       store.linked
     51     +18.533s  worker-00#0    point       store.resource
     52     +18.533s  worker-00#0    point       store.linked
     53     +18.533s  worker-00#0    sleep       81.259964ms
     54     +18.614s  worker-00#0    timer       deadline +18.614067361s
     55     +18.614s  worker-00#0    wake
     56     +18.614s  worker-00#0    point       store.slotlocks
     57     +18.614s  worker-00#0    point       lease.acquire
     58     +18.614s  worker-00#0    point       queue.schedule
     60     +18.614s  worker-00#0    unlock      drydock.lease:1
     63     +18.614s  worker-00#0    locktimeout drydock.lease:1 1s
     64     +18.614s  worker-00#0    point       store.lease
     65     +18.614s  worker-00#0    point       store.commands
     66     +18.614s  worker-00#0    point       store.resource
     67     +18.614s  worker-00#0    sleep       1.258622791s
     68     +19.873s  worker-00#0    timer       deadline +19.872690152s
     69     +19.873s  worker-00#0    wake
     70     +19.873s  worker-00#0    point       lease.activate
     71     +19.873s  worker-00#0    unlock      drydock.lease:1
     75   +10m0.814s  client-00#1    timer       deadline +10m0.813850557s
     76   +10m0.814s  client-00#1    wake
     77   +10m0.814s  client-00#1    point       store.lease
     78   +10m0.814s  client-00#1    sleep       5.863359056s
     79   +10m6.677s  client-00#1    timer       deadline +10m6.677209613s
     80   +10m6.677s  client-00#1    wake
     81   +10m6.677s  client-00#1    go          spawn admin-1#3
     82   +10m6.677s  client-00#1    point       store.lease
     84   +10m6.677s  admin-1#3      point       store.lease
     85   +10m6.677s  client-00#1    point       lease.release
     86   +10m6.677s  admin-1#3      point       lease.release
violation  single-writer [lease:1] at step 86 (+10m6.677209613s): lease 1 written active -> released but the store held released (a lost update)
