timeline (23 steps; idle-worker hand-offs left out, -full shows them)
      2          +0s  client-00#1    sleep       14.546789252s
      3     +14.547s  client-00#1    timer       deadline +14.546789252s
      4     +14.547s  client-00#1    wake
      5     +14.547s  client-00#1    point       lease.request
      6     +14.547s  client-00#1    point       queue.schedule
      8     +14.547s  client-00#1    point       store.lease
      9     +14.547s  client-00#1    wait        lease.holder
     12     +14.547s  worker-00#0    locktimeout drydock.lease:1 1s
     13     +14.547s  worker-00#0    point       store.lease
     14     +14.547s  worker-00#0    point       store.commands
     15     +14.547s  worker-00#0    point       store.blueprints
     16     +14.547s  worker-00#0    point       store.resources
     17     +14.547s  worker-00#0    point       store.count
     18     +14.547s  worker-00#0    point       store.count
     19     +14.547s  worker-00#0    sleep       58.512491ms
     21     +14.605s  worker-00#0    timer       deadline +14.605301743s
     22     +14.605s  worker-00#0    wake
     23     +14.605s  worker-00#0    point       lease.break
violation  broken-own-cause [lease:1] at step 23 (+14.605301743s): lease 1 broke because allocation-failed
