timeline (52 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      5           +0s  client-00#1    sleep       2.384515861s
      7           +0s  conductor#2    sleep       0s
      9       +2.385s  client-00#1    timer       deadline +2.384515861s
     10       +2.385s  client-00#1    wake
     11       +2.385s  client-00#1    point       lease.request            lease 1 (wants {})
     12       +2.385s  client-00#1    point       queue.schedule           lease 1
     16       +2.385s  worker-00#0    lock (≤1s)  drydock.lease:1          lease 1
     17       +2.385s  worker-00#0    point       store.lease              lease 1
     18       +2.385s  worker-00#0    point       store.commands           lease 1
     19 *     +2.385s  client-00#1    point       store.lease              lease 1
     20       +2.385s  client-00#1    wait        lease.holder             lease 1
     21       +2.385s  worker-00#0    point       store.blueprints         lease 1
     22       +2.385s  worker-00#0    point       store.resources          lease 1
     23       +2.385s  worker-00#0    point       store.count              lease 1
     24       +2.385s  worker-00#0    point       store.count              lease 1
     25       +2.385s  worker-00#0    sleep       401.583101ms             lease 1
     26       +2.786s  worker-00#0    timer       deadline +2.786098962s   lease 1
     27       +2.786s  worker-00#0    wake                                 lease 1
     28       +2.786s  worker-00#0    point       store.slotlocks          lease 1
     29       +2.786s  worker-00#0    point       resource.allocate        lease 1
     30       +2.786s  worker-00#0    point       resource.attributes      lease 1
     31       +2.786s  worker-00#0    sleep       71.03458ms               lease 1
     32       +2.857s  worker-00#0    timer       deadline +2.857133542s   lease 1
     33       +2.857s  worker-00#0    wake                                 lease 1
     34       +2.857s  worker-00#0    point       store.slotlocks          lease 1
     35       +2.857s  worker-00#0    point       lease.acquire            lease 1
     36       +2.857s  worker-00#0    point       store.commands           lease 1
     37       +2.857s  worker-00#0    point       store.lease              lease 1
     38       +2.857s  worker-00#0    point       queue.schedule           lease 1
     40       +2.857s  worker-00#0    broadcast   lease.holder             lease 1
     41       +2.857s  worker-00#0    unlock      drydock.lease:1          lease 1
     42 *     +2.857s  client-00#1    wake        lease.holder             lease 1
     43       +2.857s  client-00#1    point       store.lease              lease 1
     44       +2.857s  client-00#1    sleep       2.486257916s             lease 1
     45 *     +5.343s  client-00#1    timer       deadline +5.343391458s   lease 1
     46       +5.343s  client-00#1    wake                                 lease 1
     47       +5.343s  client-00#1    go          spawn admin-1#3          lease 1
     49 *     +5.343s  client-00#1    point       store.lease              lease 1
     50 *     +5.343s  admin-1#3      point       store.lease              lease 1
     51       +5.343s  admin-1#3      point       lease.release            lease 1
     52 *     +5.343s  client-00#1    point       lease.release            lease 1
violation  single-writer [lease:1] at step 52 (+5.343391458s): lease 1 written active -> released but the store held released (a lost update)
objects    lease 1 (wants {}) by worker-00#0, client-00#1, admin-1#3
