timeline (119 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      4           +0s  pull-1#1       sleep       17m39.210958701s
      6           +0s  pull-2#2       sleep       11m50.647983229s
      9   +11m50.648s  pull-2#2       timer       deadline +11m50.647983229s
     10   +11m50.648s  pull-2#2       wake
     11   +11m50.648s  pull-2#2       go          spawn pull-2/plan#1#4
     17   +11m50.648s  worker-01#0    point       lockstore.trylock
     18   +11m50.648s  worker-01#0    trylock     pull-2 acquired
     19   +11m50.648s  worker-01#0    trylock     pull-2/default acquired
     20   +11m50.648s  worker-01#0    unlock      pull-2
     21   +11m50.648s  worker-01#0    point       lockstore.get
     22   +11m50.648s  worker-01#0    point       dir.enter
     23   +11m50.648s  worker-01#0    sleep       13.862458375s
     24     +12m4.51s  worker-01#0    timer       deadline +12m4.510441604s
     25     +12m4.51s  worker-01#0    wake
     26     +12m4.51s  worker-01#0    point       dir.clone
     27     +12m4.51s  worker-01#0    point       dir.enter
     28     +12m4.51s  worker-01#0    sleep       20.654265438s
     29   +12m25.165s  worker-01#0    timer       deadline +12m25.164707042s
     30   +12m25.165s  worker-01#0    wake
     31   +12m25.165s  worker-01#0    point       dir.plan
     32   +12m25.165s  worker-01#0    unlock      pull-2/default
     39   +12m25.165s  pull-2#2       sleep       4m50.140020552s
     40   +17m15.305s  pull-2#2       timer       deadline +17m15.304727594s
     41   +17m15.305s  pull-2#2       wake
     42   +17m15.305s  pull-2#2       go          spawn pull-2/apply#2#5
     48   +17m15.305s  worker-01#0    trylock     pull-2 acquired
     49   +17m15.305s  worker-01#0    trylock     pull-2/default acquired
     50   +17m15.305s  worker-01#0    unlock      pull-2
     51   +17m15.305s  worker-01#0    point       lockstore.get
     52   +17m15.305s  worker-01#0    point       dir.enter
     53   +17m15.305s  worker-01#0    sleep       22.229818366s
     54   +17m37.535s  worker-01#0    timer       deadline +17m37.53454596s
     55   +17m37.535s  worker-01#0    wake
     56   +17m37.535s  worker-01#0    point       dir.apply
     57 * +17m39.211s  pull-1#1       timer       deadline +17m39.210958701s
     58 * +17m39.211s  pull-1#1       wake
     59   +17m39.211s  pull-1#1       go          spawn pull-1/plan-all#3#6
     61   +17m39.211s  pull-1/plan-all#3#6 trylock     pull-1 acquired
     62   +17m39.211s  pull-1/plan-all#3#6 trylock     pull-1/default acquired
     63   +17m39.211s  pull-1/plan-all#3#6 point       dir.enter
     64   +17m39.211s  pull-1/plan-all#3#6 sleep       15.894538227s
     66 * +17m55.105s  pull-1/plan-all#3#6 timer       deadline +17m55.105496928s
     67 * +17m55.105s  pull-1/plan-all#3#6 wake
     68   +17m55.105s  pull-1/plan-all#3#6 point       dir.clone
     69   +17m55.105s  pull-1/plan-all#3#6 unlock      pull-1/default
     70   +17m55.105s  pull-1/plan-all#3#6 unlock      pull-1
     73   +17m55.105s  worker-01#0    unlock      pull-2/default
     79   +17m55.105s  pull-2#2       point       pull.merge
     80   +17m55.105s  pull-2#2       point       lockstore.unlock
     85   +17m55.105s  worker-01#0    point       lockstore.trylock
     86   +17m55.105s  worker-01#0    trylock     pull-1 acquired
     87   +17m55.105s  worker-01#0    trylock     pull-1/default acquired
     88   +17m55.105s  worker-01#0    unlock      pull-1
     89   +17m55.105s  worker-01#0    point       lockstore.get
     90   +17m55.105s  worker-01#0    point       dir.enter
     91   +17m55.105s  worker-01#0    sleep       11.757988531s
     92    +18m6.863s  worker-01#0    timer       deadline +18m6.863485459s
     93    +18m6.863s  worker-01#0    wake
     94    +18m6.863s  worker-01#0    point       dir.plan
     95    +18m6.863s  worker-01#0    unlock      pull-1/default
    102    +18m6.863s  pull-1#1       sleep       3m14.818522374s
    103   +21m21.682s  pull-1#1       timer       deadline +21m21.682007833s
    104   +21m21.682s  pull-1#1       wake
    105   +21m21.682s  pull-1#1       go          spawn pull-1/apply#4#7
    111   +21m21.682s  worker-01#0    trylock     pull-1 acquired
    112   +21m21.682s  worker-01#0    trylock     pull-1/default acquired
    113   +21m21.682s  worker-01#0    unlock      pull-1
    114   +21m21.682s  worker-01#0    point       lockstore.get
    115   +21m21.682s  worker-01#0    point       dir.enter
    116   +21m21.682s  worker-01#0    sleep       33.419337565s
    117   +21m55.101s  worker-01#0    timer       deadline +21m55.101345398s
    118   +21m55.101s  worker-01#0    wake
    119   +21m55.101s  worker-01#0    point       dir.apply
violation  apply-fresh-plan [pull-1/apply#4/project-0 project-0] at step 119 (+21m55.101345398s): pull-1/apply#4/project-0 applies pull-1/plan-all#3/project-0's plan to project 0: the plan was made on a checkout merged at upstream 0; the project changed upstream at 1 (someone else's apply was merged since)
