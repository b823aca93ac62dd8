timeline (26 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      4           +0s  pull-1#1       sleep       3m27.883821419s
      7    +3m27.884s  pull-1#1       timer       deadline +3m27.883821419s
      8    +3m27.884s  pull-1#1       wake
      9    +3m27.884s  pull-1#1       go          spawn pull-1/plan#1#3
     14    +3m27.884s  worker-01#0    point       lockstore.trylock
     15    +3m27.884s  worker-01#0    trylock     pull-1 acquired
     16    +3m27.884s  worker-01#0    trylock     pull-1/default acquired
     17    +3m27.884s  worker-01#0    unlock      pull-1
     18    +3m27.884s  worker-01#0    point       lockstore.get
     19    +3m27.884s  worker-01#0    unlock      pull-1/default
     20    +3m27.884s  worker-01#0    point       dir.enter
     21 *  +3m27.884s  pull-1#1       go          spawn pull-1/plan-all#2#4
     23    +3m27.884s  pull-1/plan-all#2#4 trylock     pull-1 acquired
     24    +3m27.884s  pull-1/plan-all#2#4 trylock     pull-1/default acquired
     25    +3m27.884s  pull-1/plan-all#2#4 unlock      pull-1/default
     26    +3m27.884s  pull-1/plan-all#2#4 point       dir.enter
violation  dir-exclusive [pull-1/plan-all#2 pull-1/plan#1/project-0 pull-1/default] at step 26 (+3m27.883821419s): pull-1/plan-all#2 starts to clone in pull-1/default while pull-1/plan#1/project-0 works in it
