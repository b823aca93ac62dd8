timeline (65 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      8           +0s  client-00#2    sleep       1.722087569s
     10           +0s  client-01#3    sleep       6.957239247s
     12           +0s  conductor#4    sleep       0s
     14       +1.722s  client-00#2    timer       deadline +1.722087569s
     15       +1.722s  client-00#2    wake
     16       +1.722s  client-00#2    point       lease.request            lease 1 (wants {})
     17       +1.722s  client-00#2    point       queue.schedule           lease 1
     19       +1.722s  client-00#2    point       store.lease              lease 1
     20       +1.722s  client-00#2    wait        lease.holder             lease 1
     23       +1.722s  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     24       +1.722s  worker-00#0    point       store.lease              lease 1
     25       +1.722s  worker-00#0    point       store.commands           lease 1
     26 *     +6.957s  client-01#3    timer       deadline +6.957239247s
     27       +6.957s  worker-00#0    point       store.blueprints         lease 1
     28       +6.957s  worker-00#0    point       store.resources          lease 1
     29       +6.957s  worker-00#0    point       store.count              lease 1
     30       +6.957s  worker-00#0    point       store.resources          lease 1
     31       +6.957s  worker-00#0    point       store.slotlocks          lease 1
     32       +6.957s  worker-00#0    point       store.count              lease 1
     33       +6.957s  worker-00#0    sleep       409.729204ms             lease 1
     34       +6.957s  client-01#3    wake
     35       +6.957s  client-01#3    point       lease.request            lease 2 (wants {})
     36       +6.957s  client-01#3    point       queue.schedule           lease 2
     38       +6.957s  client-01#3    point       store.lease              lease 2
     41       +6.957s  worker-01#1    lock (≤1s)  drydock.lease:2          lease 2
     42       +6.957s  worker-01#1    point       store.lease              lease 2
     43       +6.957s  worker-01#1    point       store.commands           lease 2
     44       +6.957s  worker-01#1    point       store.blueprints         lease 2
     45       +6.957s  worker-01#1    point       store.resources          lease 2
     46       +6.957s  worker-01#1    point       store.count              lease 2
     47       +6.957s  worker-01#1    point       store.resources          lease 2
     48       +6.957s  worker-01#1    point       store.slotlocks          lease 2
     49       +6.957s  worker-01#1    point       store.count              lease 2
     50       +6.957s  worker-01#1    sleep       446.591722ms             lease 2
     51       +6.957s  client-01#3    wait        lease.holder             lease 2
     52       +7.367s  worker-00#0    timer       deadline +7.366968451s   lease 1
     53 *     +7.404s  worker-01#1    timer       deadline +7.403830969s   lease 2
     54       +7.404s  worker-00#0    wake                                 lease 1
     55       +7.404s  worker-00#0    point       store.resources          lease 1
     56 *     +7.404s  worker-01#1    wake                                 lease 2
     57 *     +7.404s  worker-00#0    point       store.slotlocks          lease 1
     58       +7.404s  worker-00#0    point       store.slotlocks          lease 1
     59       +7.404s  worker-00#0    point       resource.allocate        lease 1
     60 *     +7.404s  worker-01#1    point       store.resources          lease 2
     61       +7.404s  worker-01#1    point       store.slotlocks          lease 2
     62       +7.404s  worker-01#1    point       store.slotlocks          lease 2
     63       +7.404s  worker-01#1    point       resource.allocate        lease 2
     64 *     +7.404s  worker-00#0    point       resource.attributes      lease 1
     65 *     +7.404s  worker-01#1    point       resource.attributes      lease 2
violation  binding-unique [resource:1 resource:2] at step 65 (+7.403830969s): binding host-05 backs live resources 1 and 2
objects    resource 1 ({binding=host-05}); resource 2 ({binding=host-05}); lease 1 (wants {}) by worker-00#0, client-00#2; lease 2 (wants {}) by worker-01#1, client-01#3
