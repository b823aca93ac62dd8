timeline (78 steps; idle-worker hand-offs left out, -full shows them)
      2          +0s  client-00#1    sleep       1.968937115s
      4          +0s  conductor#2    sleep       0s
      6      +1.969s  client-00#1    timer       deadline +1.968937115s
      7      +1.969s  client-00#1    wake
      8      +1.969s  client-00#1    point       lease.request
      9      +1.969s  client-00#1    point       queue.schedule
     11      +1.969s  client-00#1    point       store.lease
     12      +1.969s  client-00#1    wait        lease.holder
     15      +1.969s  worker-00#0    locktimeout drydock.lease:1 1s
     16      +1.969s  worker-00#0    point       store.lease
     17      +1.969s  worker-00#0    point       store.commands
     18      +1.969s  worker-00#0    point       store.blueprints
     19      +1.969s  worker-00#0    point       store.resources
     20      +1.969s  worker-00#0    point       store.count
     21      +1.969s  worker-00#0    sleep       390.204222ms
     22      +2.359s  worker-00#0    timer       deadline +2.359141337s
     23      +2.359s  worker-00#0    wake
     24      +2.359s  worker-00#0    point       store.slotlocks
     25      +2.359s  worker-00#0    point       resource.allocate
     26      +2.359s  worker-00#0    sleep       76.62939ms
     27      +2.436s  worker-00#0    timer       deadline +2.435770727s
     28      +2.436s  worker-00#0    wake
     29      +2.436s  worker-00#0    point       store.slotlocks
     30      +2.436s  worker-00#0    locktimeout drydock.resource:1 15s
     31      +2.436s  worker-00#0    point       store.resource
     32      +2.436s  worker-00#0    point       lease.acquire
     33      +2.436s  worker-00#0    unlock      drydock.resource:1
     34      +2.436s  worker-00#0    point       store.commands
     35      +2.436s  worker-00#0    point       store.lease
     36      +2.436s  worker-00#0    point       queue.schedule
     38      +2.436s  worker-00#0    broadcast   lease.holder
     39      +2.436s  client-00#1    wake        lease.holder
     40      +2.436s  client-00#1    point       store.lease
     41      +2.436s  client-00#1    sleep       6.119448589s
     42      +2.436s  worker-00#0    unlock      drydock.lease:1
     43      +8.555s  client-00#1    timer       deadline +8.555219316s
     44      +8.555s  client-00#1    wake
     45      +8.555s  client-00#1    go          spawn admin-1#3
     46      +8.555s  client-00#1    point       command.queue
     47      +8.555s  client-00#1    point       queue.schedule
     52      +8.555s  admin-1#3      point       command.queue
     53      +8.555s  admin-1#3      point       queue.schedule
     59      +8.555s  worker-00#0    locktimeout drydock.lease:1 1s
     60      +8.555s  worker-00#0    point       store.lease
     61      +8.555s  worker-00#0    point       store.commands
     62      +8.555s  worker-00#0    point       lease.release
     63      +8.555s  worker-00#0    point       store.resource
     64      +8.555s  worker-00#0    sleep       150.995465ms
     66      +8.555s  conductor#2    sleep       10m0s
     67      +8.706s  worker-00#0    timer       deadline +8.706214781s
     68      +8.706s  worker-00#0    wake
     69      +8.706s  worker-00#0    point       store.resource
     70      +8.706s  worker-00#0    point       slotlock.release
     71      +8.706s  worker-00#0    point       lease.destroy
     72      +8.706s  worker-00#0    broadcast   lease.holder
     73      +8.706s  worker-00#0    point       command.consume
     74      +8.706s  worker-00#0    point       lease.release
     75      +8.706s  worker-00#0    point       store.resource
     76      +8.706s  worker-00#0    sleep       206.616711ms
     77      +8.913s  worker-00#0    timer       deadline +8.912831492s
     78      +8.913s  worker-00#0    wake
violation  status-transitions [lease:1] at step 74 (+8.706214781s): lease 1: lease destroyed -> released: illegal status transition
violation  release-hooks-once [lease:1] at step 78 (+8.912831492s): release hook ran 2 times for lease 1
