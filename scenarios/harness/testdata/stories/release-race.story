timeline (48 steps; idle-worker hand-offs left out, -full shows them)
      3          +0s  conductor#2    sleep       0s
      6          +0s  client-00#1    sleep       4.953602114s
      7      +4.954s  client-00#1    timer       deadline +4.953602114s
      8      +4.954s  client-00#1    wake
      9      +4.954s  client-00#1    point       lease.request
     10      +4.954s  client-00#1    point       queue.schedule
     12      +4.954s  worker-00#0    locktimeout drydock.lease:1 1s
     13      +4.954s  worker-00#0    point       store.lease
     15      +4.954s  client-00#1    point       store.lease
     16      +4.954s  worker-00#0    point       store.commands
     17      +4.954s  worker-00#0    point       store.blueprints
     18      +4.954s  worker-00#0    point       store.resources
     19      +4.954s  client-00#1    wait        lease.holder
     20      +4.954s  worker-00#0    point       store.count
     21      +4.954s  worker-00#0    point       store.count
     22      +4.954s  worker-00#0    sleep       435.50392ms
     23      +5.389s  worker-00#0    timer       deadline +5.389106034s
     24      +5.389s  worker-00#0    wake
     25      +5.389s  worker-00#0    point       store.slotlocks
     26      +5.389s  worker-00#0    point       resource.allocate
     27      +5.389s  worker-00#0    point       resource.attributes
     28      +5.389s  worker-00#0    sleep       65.054697ms
     29      +5.454s  worker-00#0    timer       deadline +5.454160731s
     30      +5.454s  worker-00#0    wake
     31      +5.454s  worker-00#0    point       store.slotlocks
     32      +5.454s  worker-00#0    point       lease.acquire
     33      +5.454s  worker-00#0    unlock      drydock.lease:1
     37   +10m4.954s  client-00#1    timer       lease.holder deadline +10m4.953602114s
     38   +10m4.954s  client-00#1    wake        lease.holder timed out
     39   +10m4.954s  client-00#1    point       store.lease
     40   +10m4.954s  client-00#1    sleep       3.130874554s
     41   +10m8.084s  client-00#1    timer       deadline +10m8.084476668s
     42   +10m8.084s  client-00#1    wake
     43   +10m8.084s  client-00#1    go          spawn admin-1#3
     44   +10m8.084s  client-00#1    point       store.lease
     46   +10m8.084s  admin-1#3      point       store.lease
     47   +10m8.084s  admin-1#3      point       lease.release
     48   +10m8.084s  client-00#1    point       lease.release
violation  single-writer [lease:1] at step 48 (+10m8.084476668s): lease 1 written active -> released but the store held released (a lost update)
