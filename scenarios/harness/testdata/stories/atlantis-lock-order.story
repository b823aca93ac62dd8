timeline (22 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      4           +0s  pull-1#1       sleep       9m29.0700888s
      7     +9m29.07s  pull-1#1       timer       deadline +9m29.0700888s
      8     +9m29.07s  pull-1#1       wake
      9     +9m29.07s  pull-1#1       go          spawn pull-1/plan#1#3
     10     +9m29.07s  pull-1#1       go          spawn pull-1/plan-all#2#4
     14 *   +9m29.07s  pull-1/plan-all#2#4 trylock     pull-1 acquired
     16     +9m29.07s  worker-01#0    point       lockstore.trylock
     17     +9m29.07s  worker-01#0    trylock     pull-1/default acquired
     18     +9m29.07s  worker-01#0    trylock     pull-1 busy
     19     +9m29.07s  worker-01#0    lock        pull-1
     21 *   +9m29.07s  pull-1/plan-all#2#4 trylock     pull-1/default busy
     22     +9m29.07s  pull-1/plan-all#2#4 lock        pull-1/default
violation  no-deadlock [worker-01 pull-1 pull-1/plan-all#2 pull-1/default] at step 22 (+9m29.0700888s): waits-for cycle: worker-01 (plan of pull 1 project 0 for pull-1/plan#1) waits for mutex pull-1 held by pull-1/plan-all#2 (plan-all builder of pull 1); pull-1/plan-all#2 (plan-all builder of pull 1) waits for mutex pull-1/default held by worker-01 (plan of pull 1 project 0 for pull-1/plan#1)
