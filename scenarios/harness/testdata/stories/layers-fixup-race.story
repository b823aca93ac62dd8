timeline (18 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      2           +0s  worker-01#0    lock        layers.lock
      3           +0s  worker-01#0    point       layers.json.read
      4           +0s  worker-01#0    sleep       12.107218ms
      5 *       +12ms  worker-01#0    timer       deadline +12.107218ms
      6         +12ms  worker-01#0    wake
      7         +12ms  worker-01#0    point       layers.json.write
      8         +12ms  worker-01#0    unlock      layers.lock
      9         +12ms  worker-01#0    sleep       20s
     11         +12ms  worker-02#1    tryrlock    layers.lock
     12         +12ms  worker-02#1    sleep       20ms
     15         +32ms  worker-02#1    timer       deadline +32.107218ms
     16 *    +20.012s  worker-01#0    timer       deadline +20.012107218s
     17      +20.012s  worker-01#0    wake
     18      +20.012s  worker-01#0    tryrlock    layers.lock
violation  one-writer [worker-01 worker-02 layers.lock] at step 18 (+20.012107218s): worker-01 changes what layers.lock guards (layer-1) while worker-02 does
