timeline (25 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      4           +0s  pull-1#1       sleep       17m18.610531611s
      7   +17m18.611s  pull-1#1       timer       deadline +17m18.610531611s
      8   +17m18.611s  pull-1#1       wake
      9   +17m18.611s  pull-1#1       go          spawn pull-1/plan#1#3
     10   +17m18.611s  pull-1#1       go          spawn pull-1/plan-all#2#4
     17 * +17m18.611s  pull-1/plan-all#2#4 trylock     pull-1 acquired
     18 * +17m18.611s  worker-01#0    point       lockstore.trylock
     19   +17m18.611s  worker-01#0    trylock     pull-1/default acquired
     20   +17m18.611s  worker-01#0    trylock     pull-1 busy
     21   +17m18.611s  worker-01#0    lock        pull-1
     22   +17m18.611s  pull-1/plan-all#2#4 trylock     pull-1/default busy
     23   +17m18.611s  pull-1/plan-all#2#4 lock        pull-1/default
violation  no-deadlock [worker-01 pull-1 pull-1/plan-all#2 pull-1/default] at step 25 (+24h0m0s): waits-for cycle: worker-01 (plan of pull 1 project 0 for pull-1/plan#1) waits for mutex pull-1 held by pull-1/plan-all#2 (plan-all builder of pull 1); pull-1/plan-all#2 (plan-all builder of pull 1) waits for mutex pull-1/default held by worker-01 (plan of pull 1 project 0 for pull-1/plan#1)
