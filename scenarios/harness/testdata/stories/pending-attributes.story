timeline (56 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      2           +0s  client-01#3    sleep       2.040919266s
     10           +0s  client-00#2    sleep       2.115004388s
     12           +0s  conductor#4    sleep       0s
     14       +2.041s  client-01#3    timer       deadline +2.040919266s
     15       +2.041s  client-01#3    wake
     16       +2.041s  client-01#3    point       lease.request            lease 1 (wants {flavour=windows})
     17       +2.041s  client-01#3    point       queue.schedule           lease 1
     19       +2.041s  client-01#3    point       store.lease              lease 1
     20 *     +2.115s  client-00#2    timer       deadline +2.115004388s
     21       +2.115s  client-01#3    wait        lease.holder             lease 1
     24       +2.115s  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     25       +2.115s  worker-00#0    point       store.lease              lease 1
     26       +2.115s  worker-00#0    point       store.commands           lease 1
     27       +2.115s  worker-00#0    point       store.blueprints         lease 1
     28       +2.115s  worker-00#0    point       store.resources          lease 1
     29       +2.115s  worker-00#0    point       store.count              lease 1
     30       +2.115s  worker-00#0    point       store.count              lease 1
     31       +2.115s  worker-00#0    sleep       124.041555ms             lease 1
     32       +2.115s  client-00#2    wake
     33       +2.115s  client-00#2    point       lease.request            lease 2 (wants {flavour=windows})
     34       +2.115s  client-00#2    point       queue.schedule           lease 2
     36       +2.115s  client-00#2    point       store.lease              lease 2
     37       +2.115s  client-00#2    wait        lease.holder             lease 2
     40       +2.115s  worker-01#1    lock (≤1s)  drydock.lease:2          lease 2
     41       +2.115s  worker-01#1    point       store.lease              lease 2
     42       +2.115s  worker-01#1    point       store.commands           lease 2
     43       +2.115s  worker-01#1    point       store.blueprints         lease 2
     44       +2.115s  worker-01#1    point       store.resources          lease 2
     45       +2.115s  worker-01#1    point       store.count              lease 2
     46       +2.115s  worker-01#1    point       store.count              lease 2
     47       +2.115s  worker-01#1    sleep       467.233025ms             lease 2
     48       +2.239s  worker-00#0    timer       deadline +2.239045943s   lease 1
     49       +2.239s  worker-00#0    wake                                 lease 1
     50 *     +2.582s  worker-01#1    timer       deadline +2.582237413s   lease 2
     51 *     +2.582s  worker-01#1    wake                                 lease 2
     52 *     +2.582s  worker-00#0    point       store.slotlocks          lease 1
     53 *     +2.582s  worker-01#1    point       store.slotlocks          lease 2
     54 *     +2.582s  worker-00#0    point       resource.allocate        lease 1
     55 *     +2.582s  worker-01#1    point       resource.allocate        lease 2
     56 *     +2.582s  worker-00#0    point       resource.attributes      lease 1
violation  blueprint-limit [resource:2] at step 55 (+2.582237413s): 2 resources hold a place under the limit 1 (saved, slot locks not yet freed)
violation  needless-build [lease:2 resource:1] at step 56 (+2.582237413s): lease 2 built resource 2 while resource 1, active with room, would have served it once its attributes were set
objects    lease 2 (wants {flavour=windows}) by worker-01#1, client-00#2; resource 1 ({flavour=windows}); lease 1 (wants {flavour=windows}) by worker-00#0, client-01#3
