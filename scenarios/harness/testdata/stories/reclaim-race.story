timeline (96 steps; idle-worker hand-offs left out, -full shows them)
      2          +0s  conductor#4    sleep       0s
      5          +0s  client-00#2    sleep       1.260105364s
      6       +1.26s  client-00#2    timer       deadline +1.260105364s
      7       +1.26s  client-00#2    wake
      8       +1.26s  client-00#2    point       lease.request
      9       +1.26s  client-00#2    point       queue.schedule
     11       +1.26s  client-00#2    point       store.lease
     12       +1.26s  client-00#2    wait        lease.holder
     15       +1.26s  worker-01#1    locktimeout drydock.lease:1 1s
     16       +1.26s  worker-01#1    point       store.lease
     17       +1.26s  worker-01#1    point       store.commands
     18       +1.26s  worker-01#1    point       store.blueprints
     19       +1.26s  worker-01#1    point       store.resources
     20       +1.26s  worker-01#1    point       store.count
     21       +1.26s  worker-01#1    point       store.count
     22       +1.26s  worker-01#1    sleep       436.792361ms
     23      +1.697s  worker-01#1    timer       deadline +1.696897725s
     24      +1.697s  worker-01#1    wake
     25      +1.697s  worker-01#1    point       store.slotlocks
     26      +1.697s  worker-01#1    point       resource.allocate
     27      +1.697s  worker-01#1    point       resource.attributes
     28      +1.697s  worker-01#1    point       queue.schedule
     30      +1.697s  worker-01#1    unlock      drydock.lease:1
     34      +1.697s  worker-01#1    locktimeout drydock.resource:1 1s
     35      +1.697s  worker-01#1    point       store.resource
     36      +1.697s  worker-01#1    point       store.commands
     37      +1.697s  worker-01#1    sleep       7.674771516s
     42      +1.697s  client-01#3    sleep       6.962850474s
     43       +8.66s  client-01#3    timer       deadline +8.659748199s
     44       +8.66s  client-01#3    wake
     45       +8.66s  client-01#3    point       lease.request
     46      +9.372s  worker-01#1    timer       deadline +9.371669241s
     47      +9.372s  worker-01#1    wake
     48      +9.372s  worker-01#1    point       resource.activate
     49      +9.372s  worker-01#1    point       queue.awaken
     52     +16.697s  worker-01#1    point       store.commands
     53     +16.697s  worker-01#1    unlock      drydock.resource:1
     56     +16.697s  worker-01#1    locktimeout drydock.lease:1 1s
     57     +16.697s  worker-01#1    point       store.lease
     58     +16.697s  worker-01#1    point       store.commands
     59     +16.697s  worker-01#1    point       store.blueprints
     60     +16.697s  worker-01#1    point       store.resources
     61     +16.697s  worker-01#1    point       store.linked
     62     +16.697s  worker-01#1    sleep       93.710624ms
     66     +16.697s  client-01#3    point       queue.schedule
     68     +16.697s  client-01#3    point       store.lease
     69     +16.697s  client-01#3    wait        lease.holder
     72     +16.697s  worker-00#0    locktimeout drydock.lease:2 1s
     73     +16.697s  worker-00#0    point       store.lease
     74     +16.697s  worker-00#0    point       store.commands
     75     +16.697s  worker-00#0    point       store.blueprints
     76     +16.697s  worker-00#0    point       store.resources
     77     +16.697s  worker-00#0    point       store.count
     78     +16.697s  worker-00#0    point       store.resources
     79     +16.697s  worker-00#0    point       store.leases
     80     +16.697s  worker-00#0    point       lease.reclaim
     81     +16.697s  worker-00#0    point       queue.schedule
     83     +16.697s  worker-00#0    unlock      drydock.lease:2
     87     +16.697s  worker-00#0    locktimeout drydock.resource:1 1s
     88     +16.697s  worker-00#0    point       store.resource
     89     +16.697s  worker-00#0    point       store.commands
     90     +16.697s  worker-00#0    point       resource.release
     91     +16.697s  worker-00#0    point       store.leases
     92     +16.697s  worker-00#0    sleep       2.564034667s
     93     +16.791s  worker-01#1    timer       deadline +16.790608349s
     94     +16.791s  worker-01#1    wake
     95     +16.791s  worker-01#1    point       store.slotlocks
     96     +16.791s  worker-01#1    point       lease.acquire
violation  acquire-live-resource [lease:1 resource:1] at step 96 (+16.790608349s): lease 1 linked to resource 1 while it was released
