timeline (23 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      2           +0s  client-00#1    sleep       14.546789252s
      3 *    +14.547s  client-00#1    timer       deadline +14.546789252s
      4      +14.547s  client-00#1    wake
      5      +14.547s  client-00#1    point       lease.request            lease 1 (wants {})
      6      +14.547s  client-00#1    point       queue.schedule           lease 1
      8      +14.547s  client-00#1    point       store.lease              lease 1
      9      +14.547s  client-00#1    wait        lease.holder             lease 1
     12      +14.547s  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     13      +14.547s  worker-00#0    point       store.lease              lease 1
     14      +14.547s  worker-00#0    point       store.commands           lease 1
     15      +14.547s  worker-00#0    point       store.blueprints         lease 1
     16      +14.547s  worker-00#0    point       store.resources          lease 1
     17      +14.547s  worker-00#0    point       store.count              lease 1
     18      +14.547s  worker-00#0    point       store.count              lease 1
     19      +14.547s  worker-00#0    sleep       58.512491ms              lease 1
     21 *    +14.605s  worker-00#0    timer       deadline +14.605301743s  lease 1
     22 *    +14.605s  worker-00#0    wake                                 lease 1
     23      +14.605s  worker-00#0    point       lease.break              lease 1
violation  broken-own-cause [lease:1] at step 23 (+14.605301743s): lease 1 broke because allocation-failed
objects    lease 1 (wants {}) by worker-00#0, client-00#1
