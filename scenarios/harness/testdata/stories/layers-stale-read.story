timeline (23 steps; idle-worker hand-offs left out, -full shows them)
      2           +0s  worker-01#0    tryrlock    layers.lock
      3           +0s  worker-01#0    point       layers.json.read
      4           +0s  worker-01#0    sleep       5.343248ms
      7          +5ms  worker-01#0    timer       deadline +5.343248ms
      8          +5ms  worker-01#0    wake
      9          +5ms  worker-01#0    runlock     layers.lock
     10          +5ms  worker-01#0    sleep       10m0s
     11    +10m0.005s  worker-01#0    timer       deadline +10m0.005343248s
     12    +10m0.005s  worker-01#0    wake
     13    +10m0.005s  worker-01#0    lock        layers.lock
     14    +10m0.005s  worker-01#0    point       layers.json.read
     15    +10m0.005s  worker-01#0    sleep       28.833281ms
     16    +10m0.034s  worker-01#0    timer       deadline +10m0.034176529s
     17    +10m0.034s  worker-01#0    wake
     18    +10m0.034s  worker-01#0    point       layers.json.write
     19    +10m0.034s  worker-01#0    unlock      layers.lock
     20    +10m0.034s  worker-01#0    sleep       10m0s
     21    +20m0.034s  worker-01#0    timer       deadline +20m0.034176529s
     22    +20m0.034s  worker-01#0    wake
     23    +20m0.034s  worker-01#0    tryrlock    layers.lock
violation  read-fresh [worker-01 layer-1] at step 23 (+20m0.034176529s): worker-01 read layer-1 through store-1/ro and saw write 0; write 1 had completed
