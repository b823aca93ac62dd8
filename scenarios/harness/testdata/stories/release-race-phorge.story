timeline (78 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      2           +0s  client-00#1    sleep       513.11954ms
      4 *      +513ms  client-00#1    timer       deadline +513.11954ms
      5 *      +513ms  client-00#1    wake
      6        +513ms  client-00#1    point       lease.request            lease 1 (wants {})
      7        +513ms  client-00#1    point       queue.schedule           lease 1
      9        +513ms  client-00#1    point       store.lease              lease 1
     10        +513ms  client-00#1    wait        lease.holder             lease 1
     12        +513ms  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     13        +513ms  worker-00#0    point       store.lease              lease 1
     14        +513ms  worker-00#0    point       store.commands           lease 1
     15        +513ms  worker-00#0    point       store.blueprints         lease 1
     16        +513ms  worker-00#0    point       store.resources          lease 1
     17        +513ms  worker-00#0    point       store.count              lease 1
     18        +513ms  worker-00#0    sleep       181.307465ms             lease 1
     20        +513ms  conductor#2    sleep       0s
     22        +694ms  worker-00#0    timer       deadline +694.427005ms   lease 1
     23        +694ms  worker-00#0    wake                                 lease 1
     24        +694ms  worker-00#0    point       store.slotlocks          lease 1
     25        +694ms  worker-00#0    point       resource.allocate        lease 1
     26        +694ms  worker-00#0    sleep       96.662299ms              lease 1
     27        +791ms  worker-00#0    timer       deadline +791.089304ms   lease 1
     28        +791ms  worker-00#0    wake                                 lease 1
     29        +791ms  worker-00#0    point       store.slotlocks          lease 1
     30        +791ms  worker-00#0    lock (≤15s) drydock.resource:1       resource 1 ({})
     31        +791ms  worker-00#0    point       store.resource           resource 1, lease 1
     32        +791ms  worker-00#0    point       lease.acquire            resource 1, lease 1
     33        +791ms  worker-00#0    unlock      drydock.resource:1       resource 1
     34        +791ms  worker-00#0    point       store.commands           lease 1
     35        +791ms  worker-00#0    point       store.lease              lease 1
     36        +791ms  worker-00#0    point       queue.schedule           lease 1
     38        +791ms  worker-00#0    broadcast   lease.holder             lease 1
     39 *      +791ms  client-00#1    wake        lease.holder             lease 1
     40        +791ms  client-00#1    point       store.lease              lease 1
     41        +791ms  client-00#1    sleep       4.082817691s             lease 1
     42 *     +4.874s  client-00#1    timer       deadline +4.873906995s   lease 1
     43       +4.874s  client-00#1    wake                                 lease 1
     44       +4.874s  client-00#1    go          spawn admin-1#3          lease 1
     45       +4.874s  client-00#1    point       command.queue            lease 1
     46       +4.874s  client-00#1    point       queue.schedule           lease 1
     51       +4.874s  admin-1#3      point       command.queue            lease 1
     52       +4.874s  admin-1#3      point       queue.schedule           lease 1
     55       +4.874s  worker-00#0    unlock      drydock.lease:1          lease 1
     59       +4.874s  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     60       +4.874s  worker-00#0    point       store.lease              lease 1
     61       +4.874s  worker-00#0    point       store.commands           lease 1
     62       +4.874s  worker-00#0    point       lease.release            lease 1
     63       +4.874s  worker-00#0    point       store.resource           lease 1
     64       +4.874s  worker-00#0    sleep       270.065647ms             lease 1
     66       +4.874s  conductor#2    sleep       10m0s
     67       +5.144s  worker-00#0    timer       deadline +5.143972642s   lease 1
     68       +5.144s  worker-00#0    wake                                 lease 1
     69       +5.144s  worker-00#0    point       store.resource           lease 1
     70       +5.144s  worker-00#0    point       slotlock.release         lease 1
     71       +5.144s  worker-00#0    point       lease.destroy            lease 1
     72       +5.144s  worker-00#0    broadcast   lease.holder             lease 1
     73       +5.144s  worker-00#0    point       command.consume          lease 1
     74       +5.144s  worker-00#0    point       lease.release            lease 1
     75       +5.144s  worker-00#0    point       store.resource           lease 1
     76       +5.144s  worker-00#0    sleep       363.090828ms             lease 1
     77       +5.507s  worker-00#0    timer       deadline +5.50706347s    lease 1
     78       +5.507s  worker-00#0    wake                                 lease 1
violation  status-transitions [lease:1] at step 74 (+5.143972642s): lease 1: lease destroyed -> released: illegal status transition
violation  release-hooks-once [lease:1] at step 78 (+5.50706347s): release hook ran 2 times for lease 1
objects    lease 1 (wants {}) by worker-00#0, client-00#1, admin-1#3; resource 1 ({}) by worker-00#0
