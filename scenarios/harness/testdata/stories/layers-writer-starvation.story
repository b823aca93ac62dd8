timeline (6 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      3           +0s  worker-01#0    tryrlock    layers.lock
      5 *         +0s  worker-02#1    lock        layers.lock
      6 *         +0s  worker-03#2    tryrlock    layers.lock
violation  writer-wait-bounded [worker-03 layers.lock] at step 6 (+0s): worker-03 took layers.lock's read lock at once while 1 writer(s) waited for it
