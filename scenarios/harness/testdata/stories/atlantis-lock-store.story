timeline (28 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      3           +0s  pull-2#3       sleep       15m34.963889951s
      9           +0s  pull-1#2       sleep       15m19.328923618s
     11   +15m19.329s  pull-1#2       timer       deadline +15m19.328923618s
     12   +15m19.329s  pull-1#2       wake
     13 * +15m34.964s  pull-2#3       timer       deadline +15m34.963889951s
     14   +15m34.964s  pull-1#2       go          spawn pull-1/plan#1#5
     16   +15m34.964s  pull-2#3       wake
     17   +15m34.964s  pull-2#3       go          spawn pull-2/plan#2#6
     23   +15m34.964s  worker-01#0    point       lockstore.get
     26   +15m34.964s  worker-02#1    point       lockstore.get
     27 * +15m34.964s  worker-01#0    point       lockstore.set
     28 * +15m34.964s  worker-02#1    point       lockstore.set
violation  lock-single-owner [project-0 pull-1 pull-2] at step 28 (+15m34.963889951s): the lock store told pulls [1 2] they own project 0's lock
