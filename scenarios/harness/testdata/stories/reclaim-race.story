timeline (88 steps; idle-worker hand-offs left out, -full shows them)
      2          +0s  conductor#4    sleep       0s
      5          +0s  client-00#2    sleep       1.260105364s
      6       +1.26s  client-00#2    timer       deadline +1.260105364s
      7       +1.26s  client-00#2    wake
      8       +1.26s  client-00#2    point       lease.request
      9       +1.26s  client-00#2    point       queue.schedule
     11       +1.26s  client-00#2    point       store.lease
     12       +1.26s  client-00#2    sleep       10m0s
     15       +1.26s  worker-01#1    locktimeout drydock.lease:1 1s
     16       +1.26s  worker-01#1    point       store.lease
     17       +1.26s  worker-01#1    point       store.commands
     18       +1.26s  worker-01#1    point       store.blueprints
     19       +1.26s  worker-01#1    point       store.resources
     20       +1.26s  worker-01#1    point       store.count
     21       +1.26s  worker-01#1    sleep       436.792361ms
     22      +1.697s  worker-01#1    timer       deadline +1.696897725s
     23      +1.697s  worker-01#1    wake
     24      +1.697s  worker-01#1    point       store.slotlocks
     25      +1.697s  worker-01#1    point       resource.allocate
     26      +1.697s  worker-01#1    point       resource.attributes
     27      +1.697s  worker-01#1    point       queue.schedule
     29      +1.697s  worker-01#1    unlock      drydock.lease:1
     33      +1.697s  worker-01#1    locktimeout drydock.resource:1 1s
     34      +1.697s  worker-01#1    point       store.resource
     35      +1.697s  worker-01#1    point       store.commands
     36      +1.697s  worker-01#1    sleep       7.674771516s
     41      +1.697s  client-01#3    sleep       6.962850474s
     42       +8.66s  client-01#3    timer       deadline +8.659748199s
     43       +8.66s  client-01#3    wake
     44       +8.66s  client-01#3    point       lease.request
     45      +9.372s  worker-01#1    timer       deadline +9.371669241s
     46      +9.372s  worker-01#1    wake
     47      +9.372s  worker-01#1    point       resource.activate
     48      +9.372s  worker-01#1    point       queue.awaken
     51     +16.697s  worker-01#1    point       store.commands
     52     +16.697s  worker-01#1    unlock      drydock.resource:1
     55     +16.697s  worker-01#1    locktimeout drydock.lease:1 1s
     56     +16.697s  worker-01#1    point       store.lease
     57     +16.697s  worker-01#1    point       store.commands
     58     +16.697s  worker-01#1    point       store.blueprints
     59     +16.697s  worker-01#1    point       store.resources
     60     +16.697s  worker-01#1    point       store.linked
     61     +16.697s  worker-01#1    point       store.resource
     62     +16.697s  worker-01#1    point       store.linked
     63     +16.697s  worker-01#1    sleep       93.710624ms
     67     +16.697s  client-01#3    point       queue.schedule
     69     +16.697s  client-01#3    point       store.lease
     70     +16.697s  client-01#3    sleep       10m0s
     73     +16.697s  worker-00#0    locktimeout drydock.lease:2 1s
     74     +16.697s  worker-00#0    point       store.lease
     75     +16.697s  worker-00#0    point       store.commands
     76     +16.697s  worker-00#0    point       store.blueprints
     77     +16.697s  worker-00#0    point       store.resources
     78     +16.697s  worker-00#0    point       store.count
     79     +16.697s  worker-00#0    point       store.resources
     80     +16.697s  worker-00#0    point       store.leases
     81     +16.697s  worker-00#0    point       lease.reclaimed
     82     +16.697s  worker-00#0    point       resource.release
     83     +16.697s  worker-00#0    point       store.leases
     84     +16.697s  worker-00#0    sleep       2.564034667s
     85     +16.791s  worker-01#1    timer       deadline +16.790608349s
     86     +16.791s  worker-01#1    wake
     87     +16.791s  worker-01#1    point       store.slotlocks
     88     +16.791s  worker-01#1    point       lease.acquire
violation  acquire-live-resource [lease:1 resource:1] at step 88 (+16.790608349s): lease 1 linked to resource 1 while it was released
