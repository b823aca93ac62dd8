timeline (78 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      2           +0s  client-00#1    sleep       1.968937115s
      4           +0s  conductor#2    sleep       0s
      6 *     +1.969s  client-00#1    timer       deadline +1.968937115s
      7 *     +1.969s  client-00#1    wake
      8       +1.969s  client-00#1    point       lease.request            lease 1 (wants {})
      9       +1.969s  client-00#1    point       queue.schedule           lease 1
     11       +1.969s  client-00#1    point       store.lease              lease 1
     12       +1.969s  client-00#1    wait        lease.holder             lease 1
     15       +1.969s  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     16       +1.969s  worker-00#0    point       store.lease              lease 1
     17       +1.969s  worker-00#0    point       store.commands           lease 1
     18       +1.969s  worker-00#0    point       store.blueprints         lease 1
     19       +1.969s  worker-00#0    point       store.resources          lease 1
     20       +1.969s  worker-00#0    point       store.count              lease 1
     21       +1.969s  worker-00#0    sleep       390.204222ms             lease 1
     22       +2.359s  worker-00#0    timer       deadline +2.359141337s   lease 1
     23       +2.359s  worker-00#0    wake                                 lease 1
     24       +2.359s  worker-00#0    point       store.slotlocks          lease 1
     25       +2.359s  worker-00#0    point       resource.allocate        lease 1
     26       +2.359s  worker-00#0    sleep       76.62939ms               lease 1
     27       +2.436s  worker-00#0    timer       deadline +2.435770727s   lease 1
     28       +2.436s  worker-00#0    wake                                 lease 1
     29       +2.436s  worker-00#0    point       store.slotlocks          lease 1
     30       +2.436s  worker-00#0    lock (≤15s) drydock.resource:1       resource 1 ({})
     31       +2.436s  worker-00#0    point       store.resource           resource 1, lease 1
     32       +2.436s  worker-00#0    point       lease.acquire            resource 1, lease 1
     33       +2.436s  worker-00#0    unlock      drydock.resource:1       resource 1
     34       +2.436s  worker-00#0    point       store.commands           lease 1
     35       +2.436s  worker-00#0    point       store.lease              lease 1
     36       +2.436s  worker-00#0    point       queue.schedule           lease 1
     38       +2.436s  worker-00#0    broadcast   lease.holder             lease 1
     39 *     +2.436s  client-00#1    wake        lease.holder             lease 1
     40       +2.436s  client-00#1    point       store.lease              lease 1
     41       +2.436s  client-00#1    sleep       6.119448589s             lease 1
     42       +2.436s  worker-00#0    unlock      drydock.lease:1          lease 1
     43 *     +8.555s  client-00#1    timer       deadline +8.555219316s   lease 1
     44 *     +8.555s  client-00#1    wake                                 lease 1
     45       +8.555s  client-00#1    go          spawn admin-1#3          lease 1
     46       +8.555s  client-00#1    point       command.queue            lease 1
     47       +8.555s  client-00#1    point       queue.schedule           lease 1
     52       +8.555s  admin-1#3      point       command.queue            lease 1
     53       +8.555s  admin-1#3      point       queue.schedule           lease 1
     59       +8.555s  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     60       +8.555s  worker-00#0    point       store.lease              lease 1
     61       +8.555s  worker-00#0    point       store.commands           lease 1
     62       +8.555s  worker-00#0    point       lease.release            lease 1
     63       +8.555s  worker-00#0    point       store.resource           lease 1
     64       +8.555s  worker-00#0    sleep       150.995465ms             lease 1
     66       +8.555s  conductor#2    sleep       10m0s
     67       +8.706s  worker-00#0    timer       deadline +8.706214781s   lease 1
     68       +8.706s  worker-00#0    wake                                 lease 1
     69       +8.706s  worker-00#0    point       store.resource           lease 1
     70       +8.706s  worker-00#0    point       slotlock.release         lease 1
     71       +8.706s  worker-00#0    point       lease.destroy            lease 1
     72       +8.706s  worker-00#0    broadcast   lease.holder             lease 1
     73       +8.706s  worker-00#0    point       command.consume          lease 1
     74       +8.706s  worker-00#0    point       lease.release            lease 1
     75       +8.706s  worker-00#0    point       store.resource           lease 1
     76       +8.706s  worker-00#0    sleep       206.616711ms             lease 1
     77       +8.913s  worker-00#0    timer       deadline +8.912831492s   lease 1
     78       +8.913s  worker-00#0    wake                                 lease 1
violation  status-transitions [lease:1] at step 74 (+8.706214781s): lease 1: lease destroyed -> released: illegal status transition
violation  release-hooks-once [lease:1] at step 78 (+8.912831492s): release hook ran 2 times for lease 1
objects    lease 1 (wants {}) by worker-00#0, client-00#1, admin-1#3; resource 1 ({}) by worker-00#0
