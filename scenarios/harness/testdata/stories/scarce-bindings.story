timeline (63 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      2           +0s  client-00#2    sleep       3.348655536s
      4 *     +3.349s  client-00#2    timer       deadline +3.348655536s
      7       +3.349s  client-01#3    sleep       4.142068457s
     10 *     +3.349s  conductor#4    sleep       0s
     11 *     +3.349s  client-00#2    wake
     12       +3.349s  client-00#2    point       lease.request            lease 1 (wants {})
     13       +3.349s  client-00#2    point       queue.schedule           lease 1
     15 *     +7.491s  client-01#3    timer       deadline +7.490723993s
     16       +7.491s  client-00#2    point       store.lease              lease 1
     17 *     +7.491s  client-01#3    wake
     18       +7.491s  client-01#3    point       lease.request            lease 2 (wants {})
     19       +7.491s  client-01#3    point       queue.schedule           lease 2
     21       +7.491s  client-01#3    point       store.lease              lease 2
     22       +7.491s  client-01#3    wait        lease.holder             lease 2
     26       +7.491s  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     27       +7.491s  worker-00#0    point       store.lease              lease 1
     28       +7.491s  worker-00#0    point       store.commands           lease 1
     29       +7.491s  worker-00#0    point       store.blueprints         lease 1
     30       +7.491s  worker-00#0    point       store.resources          lease 1
     31       +7.491s  worker-00#0    point       store.count              lease 1
     32       +7.491s  worker-00#0    point       store.resources          lease 1
     33       +7.491s  worker-00#0    point       store.slotlocks          lease 1
     34       +7.491s  worker-00#0    point       store.count              lease 1
     35       +7.491s  worker-00#0    sleep       150.686901ms             lease 1
     37       +7.491s  worker-01#1    lock (≤1s)  drydock.lease:2          lease 2
     38       +7.491s  worker-01#1    point       store.lease              lease 2
     39       +7.491s  worker-01#1    point       store.commands           lease 2
     40       +7.491s  worker-01#1    point       store.blueprints         lease 2
     41       +7.491s  worker-01#1    point       store.resources          lease 2
     42       +7.491s  worker-01#1    point       store.count              lease 2
     43       +7.491s  worker-01#1    point       store.resources          lease 2
     44       +7.491s  worker-01#1    point       store.slotlocks          lease 2
     45       +7.491s  worker-01#1    point       store.count              lease 2
     46       +7.491s  worker-01#1    sleep       384.111192ms             lease 2
     47       +7.491s  client-00#2    wait        lease.holder             lease 1
     49       +7.641s  worker-00#0    timer       deadline +7.641410894s   lease 1
     50       +7.641s  worker-00#0    wake                                 lease 1
     51 *     +7.875s  worker-01#1    timer       deadline +7.874835185s   lease 2
     52 *     +7.875s  worker-01#1    wake                                 lease 2
     53       +7.875s  worker-01#1    point       store.resources          lease 2
     54       +7.875s  worker-01#1    point       store.slotlocks          lease 2
     55 *     +7.875s  worker-00#0    point       store.resources          lease 1
     56       +7.875s  worker-00#0    point       store.slotlocks          lease 1
     57       +7.875s  worker-00#0    point       store.slotlocks          lease 1
     58       +7.875s  worker-00#0    point       resource.allocate        lease 1
     59       +7.875s  worker-00#0    point       resource.attributes      lease 1
     60       +7.875s  worker-00#0    sleep       59.949836ms              lease 1
     61       +7.875s  worker-01#1    point       store.slotlocks          lease 2
     62       +7.875s  worker-01#1    point       resource.allocate        lease 2
     63       +7.875s  worker-01#1    point       resource.attributes      lease 2
violation  blueprint-limit [resource:2] at step 62 (+7.874835185s): 2 resources hold a place under the limit 1 (saved, slot locks not yet freed)
violation  binding-unique [resource:1 resource:2] at step 63 (+7.874835185s): binding host-04 backs live resources 1 and 2
objects    resource 1 ({binding=host-04}); resource 2 ({binding=host-04}); lease 1 (wants {}) by worker-00#0, client-00#2; lease 2 (wants {}) by worker-01#1, client-01#3
