timeline (55 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      2           +0s  conductor#4    sleep       0s
      5           +0s  client-01#3    sleep       2.150770282s
      7 *     +2.151s  client-01#3    timer       deadline +2.150770282s
      8 *     +2.151s  client-01#3    wake
      9       +2.151s  client-01#3    point       lease.request            lease 1 (wants {flavour=linux})
     10       +2.151s  client-01#3    point       queue.schedule           lease 1
     12       +2.151s  client-01#3    point       store.lease              lease 1
     13       +2.151s  client-01#3    sleep       10m0s                    lease 1
     14 *     +2.151s  client-00#2    sleep       3.854089053s
     16 *     +6.005s  client-00#2    timer       deadline +6.004859335s
     17 *     +6.005s  client-00#2    wake
     18       +6.005s  client-00#2    point       lease.request            lease 2 (wants {flavour=windows})
     19       +6.005s  client-00#2    point       queue.schedule           lease 2
     21       +6.005s  client-00#2    point       store.lease              lease 2
     22       +6.005s  client-00#2    sleep       10m0s                    lease 2
     26       +6.005s  worker-01#1    lock (≤1s)  drydock.lease:1          lease 1
     27       +6.005s  worker-01#1    point       store.lease              lease 1
     28       +6.005s  worker-01#1    point       store.commands           lease 1
     29       +6.005s  worker-01#1    point       store.blueprints         lease 1
     30       +6.005s  worker-01#1    point       store.resources          lease 1
     31       +6.005s  worker-01#1    point       store.count              lease 1
     32       +6.005s  worker-01#1    sleep       460.359446ms             lease 1
     34       +6.005s  worker-00#0    lock (≤1s)  drydock.lease:2          lease 2
     35       +6.005s  worker-00#0    point       store.lease              lease 2
     36       +6.005s  worker-00#0    point       store.commands           lease 2
     37       +6.005s  worker-00#0    point       store.blueprints         lease 2
     38 *     +6.465s  worker-01#1    timer       deadline +6.465218781s   lease 1
     39 *     +6.465s  worker-01#1    wake                                 lease 1
     40       +6.465s  worker-01#1    point       store.slotlocks          lease 1
     41       +6.465s  worker-01#1    point       resource.allocate        lease 1
     42       +6.465s  worker-01#1    sleep       2s                       lease 1
     43       +6.465s  worker-00#0    point       store.resources          lease 2
     44       +6.465s  worker-00#0    point       store.linked             lease 2
     45       +6.465s  worker-00#0    point       store.resource           lease 2
     46       +6.465s  worker-00#0    point       store.linked             lease 2
     47       +6.465s  worker-00#0    sleep       12.904065ms              lease 2
     48       +6.478s  worker-00#0    timer       deadline +6.478122846s   lease 2
     49       +6.478s  worker-00#0    wake                                 lease 2
     50       +6.478s  worker-00#0    point       store.slotlocks          lease 2
     51       +6.478s  worker-00#0    point       lease.acquire            lease 2
     52       +6.478s  worker-00#0    point       queue.schedule           lease 2
     53 *     +8.465s  worker-01#1    timer       deadline +8.465218781s   lease 1
     54 *     +8.465s  worker-01#1    wake                                 lease 1
     55       +8.465s  worker-01#1    point       resource.attributes      lease 1
violation  attributes-match [lease:2 resource:1] at step 55 (+8.465218781s): lease 2 wants {flavour=windows}, its resource 1 has {flavour=linux}
objects    lease 2 (wants {flavour=windows}) by worker-00#0, client-00#2; resource 1 ({flavour=linux}); lease 1 (wants {flavour=linux}) by worker-01#1, client-01#3
