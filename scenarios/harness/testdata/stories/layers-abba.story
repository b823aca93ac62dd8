timeline (6 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      3 *         +0s  worker-02#1    tryrlock    layer-1
      4 *         +0s  worker-01#0    tryrlock    layer-2
      5           +0s  worker-01#0    lock        layer-1
      6           +0s  worker-02#1    lock        layer-2
violation  no-deadlock [worker-01 layer-1 worker-02 layer-2] at step 6 (+0s): waits-for cycle: worker-01 (copy layer-2 -> layer-1) waits for write lock layer-1 held by worker-02 (copy layer-1 -> layer-2); worker-02 (copy layer-1 -> layer-2) waits for write lock layer-2 held by worker-01 (copy layer-2 -> layer-1)
