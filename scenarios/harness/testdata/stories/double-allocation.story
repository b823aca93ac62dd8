timeline (58 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      5           +0s  client-01#3    sleep       8.725851902s
      7           +0s  conductor#4    sleep       0s
     10           +0s  client-00#2    sleep       7.968384639s
     11 *     +7.968s  client-00#2    timer       deadline +7.968384639s
     12       +7.968s  client-00#2    wake
     13       +7.968s  client-00#2    point       lease.request            lease 1 (wants {})
     14       +7.968s  client-00#2    point       queue.schedule           lease 1
     16       +7.968s  client-00#2    point       store.lease              lease 1
     17       +7.968s  client-00#2    sleep       10m0s                    lease 1
     20 *     +8.726s  client-01#3    timer       deadline +8.725851902s
     21       +8.726s  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     22       +8.726s  worker-00#0    point       store.lease              lease 1
     23       +8.726s  worker-00#0    point       store.commands           lease 1
     24       +8.726s  worker-00#0    point       store.blueprints         lease 1
     25       +8.726s  worker-00#0    point       store.resources          lease 1
     26       +8.726s  worker-00#0    point       store.count              lease 1
     27       +8.726s  worker-00#0    point       store.resources          lease 1
     28 *     +8.726s  client-01#3    wake
     29       +8.726s  client-01#3    point       lease.request            lease 2 (wants {})
     30       +8.726s  client-01#3    point       queue.schedule           lease 2
     32       +8.726s  client-01#3    point       store.lease              lease 2
     33       +8.726s  client-01#3    sleep       10m0s                    lease 2
     34       +8.726s  worker-00#0    point       store.slotlocks          lease 1
     35       +8.726s  worker-00#0    sleep       426.205363ms             lease 1
     38       +8.726s  worker-01#1    lock (≤1s)  drydock.lease:2          lease 2
     39       +8.726s  worker-01#1    point       store.lease              lease 2
     40       +8.726s  worker-01#1    point       store.commands           lease 2
     41       +8.726s  worker-01#1    point       store.blueprints         lease 2
     42       +8.726s  worker-01#1    point       store.resources          lease 2
     43       +8.726s  worker-01#1    point       store.count              lease 2
     44       +8.726s  worker-01#1    point       store.resources          lease 2
     45       +8.726s  worker-01#1    point       store.slotlocks          lease 2
     46       +8.726s  worker-01#1    sleep       415.318855ms             lease 2
     47       +9.141s  worker-01#1    timer       deadline +9.141170757s   lease 2
     48       +9.141s  worker-01#1    wake                                 lease 2
     49       +9.141s  worker-01#1    point       store.resources          lease 2
     50       +9.141s  worker-01#1    point       store.slotlocks          lease 2
     51       +9.141s  worker-01#1    point       store.slotlocks          lease 2
     52       +9.141s  worker-01#1    point       resource.allocate        lease 2
     53 *     +9.152s  worker-00#0    timer       deadline +9.152057265s   lease 1
     54 *     +9.152s  worker-00#0    wake                                 lease 1
     55       +9.152s  worker-00#0    point       store.resources          lease 1
     56       +9.152s  worker-00#0    point       store.slotlocks          lease 1
     57       +9.152s  worker-00#0    point       store.slotlocks          lease 1
     58       +9.152s  worker-00#0    point       resource.allocate        lease 1
violation  blueprint-limit [resource:2] at step 58 (+9.152057265s): 2 resources exist, limit 1
objects    resource 2 ({}); lease 1 (wants {}) by worker-00#0, client-00#2; lease 2 (wants {}) by worker-01#1, client-01#3
