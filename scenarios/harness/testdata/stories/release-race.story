timeline (48 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      3 *         +0s  conductor#2    sleep       0s
      6 *         +0s  client-00#1    sleep       4.953602114s
      7 *     +4.954s  client-00#1    timer       deadline +4.953602114s
      8       +4.954s  client-00#1    wake
      9       +4.954s  client-00#1    point       lease.request            lease 1 (wants {})
     10       +4.954s  client-00#1    point       queue.schedule           lease 1
     12       +4.954s  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     13       +4.954s  worker-00#0    point       store.lease              lease 1
     15       +4.954s  client-00#1    point       store.lease              lease 1
     16 *     +4.954s  worker-00#0    point       store.commands           lease 1
     17       +4.954s  worker-00#0    point       store.blueprints         lease 1
     18       +4.954s  worker-00#0    point       store.resources          lease 1
     19 *     +4.954s  client-00#1    wait        lease.holder             lease 1
     20       +4.954s  worker-00#0    point       store.count              lease 1
     21       +4.954s  worker-00#0    point       store.count              lease 1
     22       +4.954s  worker-00#0    sleep       435.50392ms              lease 1
     23       +5.389s  worker-00#0    timer       deadline +5.389106034s   lease 1
     24       +5.389s  worker-00#0    wake                                 lease 1
     25       +5.389s  worker-00#0    point       store.slotlocks          lease 1
     26       +5.389s  worker-00#0    point       resource.allocate        lease 1
     27       +5.389s  worker-00#0    point       resource.attributes      lease 1
     28       +5.389s  worker-00#0    sleep       65.054697ms              lease 1
     29       +5.454s  worker-00#0    timer       deadline +5.454160731s   lease 1
     30       +5.454s  worker-00#0    wake                                 lease 1
     31       +5.454s  worker-00#0    point       store.slotlocks          lease 1
     32       +5.454s  worker-00#0    point       lease.acquire            lease 1
     33       +5.454s  worker-00#0    unlock      drydock.lease:1          lease 1
     37    +10m4.954s  client-00#1    timer       lease.holder deadline +10m4.953602114s lease 1
     38    +10m4.954s  client-00#1    wake        lease.holder timed out   lease 1
     39    +10m4.954s  client-00#1    point       store.lease              lease 1
     40    +10m4.954s  client-00#1    sleep       3.130874554s             lease 1
     41    +10m8.084s  client-00#1    timer       deadline +10m8.084476668s lease 1
     42    +10m8.084s  client-00#1    wake                                 lease 1
     43    +10m8.084s  client-00#1    go          spawn admin-1#3          lease 1
     44    +10m8.084s  client-00#1    point       store.lease              lease 1
     46    +10m8.084s  admin-1#3      point       store.lease              lease 1
     47    +10m8.084s  admin-1#3      point       lease.release            lease 1
     48 *  +10m8.084s  client-00#1    point       lease.release            lease 1
violation  single-writer [lease:1] at step 48 (+10m8.084476668s): lease 1 written active -> released but the store held released (a lost update)
objects    lease 1 (wants {}) by worker-00#0, client-00#1, admin-1#3
