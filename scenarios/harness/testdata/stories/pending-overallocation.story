timeline (788 steps; idle-worker hand-offs left out, -full shows them)
  * a forced context switch: the story needs this task to run here
      9           +0s  client-02#8    sleep       1.498407035s
     11           +0s  client-01#7    sleep       3.821670534s
     16 *     +1.498s  client-02#8    timer       deadline +1.498407035s
     19       +1.498s  client-05#11   sleep       2.44650587s
     22       +1.498s  client-03#9    sleep       1.884348296s
     25 *     +3.383s  client-03#9    timer       deadline +3.382755331s
     27       +3.383s  client-04#10   sleep       4.065570578s
     30 *     +3.822s  client-01#7    timer       deadline +3.821670534s
     33       +3.822s  client-00#6    sleep       2.586294341s
     34       +3.822s  client-01#7    wake
     35       +3.822s  client-01#7    point       lease.request            lease 1 (wants {})
     36 *     +3.945s  client-05#11   timer       deadline +3.944912905s
     37       +3.945s  client-01#7    point       queue.schedule           lease 1
     39 *     +3.945s  client-05#11   wake
     40       +3.945s  client-05#11   point       lease.request            lease 2 (wants {})
     41 *     +3.945s  client-02#8    wake
     42 *     +6.408s  client-00#6    timer       deadline +6.407964875s
     43       +6.408s  client-02#8    point       lease.request            lease 3 (wants {})
     44 *     +6.408s  client-05#11   point       queue.schedule           lease 2
     46       +6.408s  client-05#11   point       store.lease              lease 2
     47       +6.408s  client-05#11   wait        lease.holder             lease 2
     48 *     +6.408s  client-03#9    wake
     52       +6.408s  worker-03#3    lock (≤1s)  drydock.lease:1          lease 1
     53 *     +6.408s  client-03#9    point       lease.request            lease 4 (wants {})
     54       +6.408s  client-03#9    point       queue.schedule           lease 4
     56 *     +6.408s  client-02#8    point       queue.schedule           lease 3
     58       +6.408s  client-02#8    point       store.lease              lease 3
     59       +6.408s  client-02#8    wait        lease.holder             lease 3
     63       +6.408s  worker-00#0    lock (≤1s)  drydock.lease:2          lease 2
     64       +6.408s  worker-00#0    point       store.lease              lease 2
     65 *     +6.408s  client-00#6    wake
     66       +6.408s  client-00#6    point       lease.request            lease 5 (wants {})
     67       +6.408s  client-00#6    point       queue.schedule           lease 5
     68 *     +6.408s  worker-00#0    point       store.commands           lease 2
     69 *     +6.408s  worker-03#3    point       store.lease              lease 1
     71       +6.408s  client-00#6    point       store.lease              lease 5
     73 *     +6.408s  client-03#9    point       store.lease              lease 4
     74       +6.408s  client-03#9    wait        lease.holder             lease 4
     75       +6.408s  worker-00#0    point       store.blueprints         lease 2
     76       +6.408s  worker-00#0    point       store.resources          lease 2
     77 *     +6.408s  worker-03#3    point       store.commands           lease 1
     81       +6.408s  worker-04#4    lock (≤1s)  drydock.lease:4          lease 4
     82       +6.408s  worker-04#4    point       store.lease              lease 4
     83       +6.408s  worker-04#4    point       store.commands           lease 4
     84       +6.408s  worker-04#4    point       store.blueprints         lease 4
     85       +6.408s  worker-04#4    point       store.resources          lease 4
     86 *     +6.408s  worker-03#3    point       store.blueprints         lease 1
     87       +6.408s  worker-03#3    point       store.resources          lease 1
     88       +6.408s  worker-03#3    point       store.count              lease 1
     89       +6.408s  worker-03#3    point       store.count              lease 1
     90 *     +7.448s  client-04#10   timer       deadline +7.448325909s
     96       +7.448s  worker-05#5    lock (≤1s)  drydock.lease:5          lease 5
     97       +7.448s  worker-05#5    point       store.lease              lease 5
     98       +7.448s  worker-05#5    point       store.commands           lease 5
     99       +7.448s  worker-05#5    point       store.blueprints         lease 5
    100       +7.448s  worker-05#5    point       store.resources          lease 5
    101 *    +11.408s  client-05#11   timer       lease.holder deadline +11.407964875s lease 2
    102 *    +11.408s  worker-03#3    sleep       88.692283ms              lease 1
    103      +11.408s  worker-00#0    point       store.count              lease 2
    104      +11.408s  worker-00#0    point       store.count              lease 2
    105      +11.408s  worker-00#0    sleep       318.706794ms             lease 2
    106      +11.408s  worker-01#1    lock (≤1s)  drydock.lease:3          lease 3
    107      +11.408s  worker-01#1    point       store.lease              lease 3
    108      +11.408s  worker-01#1    point       store.commands           lease 3
    109      +11.408s  worker-01#1    point       store.blueprints         lease 3
    110      +11.408s  worker-01#1    point       store.resources          lease 3
    111      +11.408s  worker-01#1    point       store.count              lease 3
    112      +11.408s  worker-01#1    point       store.count              lease 3
    113      +11.408s  worker-01#1    sleep       407.879406ms             lease 3
    118      +11.408s  worker-04#4    point       store.count              lease 4
    119      +11.408s  worker-04#4    point       store.count              lease 4
    120      +11.408s  worker-04#4    sleep       172.499082ms             lease 4
    121      +11.408s  worker-05#5    point       store.count              lease 5
    122      +11.408s  worker-05#5    point       store.count              lease 5
    123      +11.408s  worker-05#5    sleep       352.417402ms             lease 5
    124      +11.408s  client-00#6    wait        lease.holder             lease 5
    126      +11.408s  client-01#7    point       store.lease              lease 1
    127      +11.408s  client-01#7    wait        lease.holder             lease 1
    131      +11.408s  client-04#10   wake
    132      +11.408s  client-04#10   point       lease.request            lease 6 (wants {})
    133      +11.408s  client-04#10   point       queue.schedule           lease 6
    135      +11.408s  client-04#10   point       store.lease              lease 6
    136      +11.408s  client-04#10   wait        lease.holder             lease 6
    139      +11.408s  worker-02#2    lock (≤1s)  drydock.lease:6          lease 6
    140      +11.408s  worker-02#2    point       store.lease              lease 6
    141      +11.408s  worker-02#2    point       store.commands           lease 6
    142      +11.408s  worker-02#2    point       store.blueprints         lease 6
    143      +11.408s  worker-02#2    point       store.resources          lease 6
    144      +11.408s  worker-02#2    point       store.count              lease 6
    145      +11.408s  worker-02#2    point       store.count              lease 6
    146      +11.408s  worker-02#2    sleep       167.74158ms              lease 6
    147      +11.408s  client-05#11   wake        lease.holder timed out   lease 2
    148      +11.408s  client-05#11   point       store.lease              lease 2
    149      +11.408s  client-05#11   wait        lease.holder             lease 2
    150      +11.408s  conductor#12   sleep       0s
    152      +11.408s  client-02#8    timer       lease.holder deadline +11.407964875s lease 3
    153      +11.408s  client-02#8    wake        lease.holder timed out   lease 3
    154      +11.408s  client-02#8    point       store.lease              lease 3
    155      +11.408s  client-02#8    wait        lease.holder             lease 3
    156      +11.408s  client-03#9    timer       lease.holder deadline +11.407964875s lease 4
    157      +11.408s  client-03#9    wake        lease.holder timed out   lease 4
    158      +11.408s  client-03#9    point       store.lease              lease 4
    159      +11.408s  client-03#9    wait        lease.holder             lease 4
    160      +11.497s  worker-03#3    timer       deadline +11.496657158s  lease 1
    161      +11.497s  worker-03#3    wake                                 lease 1
    162      +11.497s  worker-03#3    point       store.slotlocks          lease 1
    163      +11.497s  worker-03#3    point       resource.allocate        lease 1
    164      +11.497s  worker-03#3    point       resource.attributes      lease 1
    165      +11.497s  worker-03#3    point       queue.schedule           lease 1
    167      +11.497s  worker-03#3    unlock      drydock.lease:1          lease 1
    171      +11.497s  worker-03#3    lock (≤1s)  drydock.resource:1       resource 1 ({})
    172      +11.497s  worker-03#3    point       store.resource           resource 1
    173      +11.497s  worker-03#3    point       store.commands           resource 1
    174      +11.497s  worker-03#3    sleep       38.652436867s            resource 1
    175      +11.576s  worker-02#2    timer       deadline +11.575706455s  lease 6
    176      +11.576s  worker-02#2    wake                                 lease 6
    177      +11.576s  worker-02#2    point       store.slotlocks          lease 6
    178      +11.576s  worker-02#2    point       resource.allocate        lease 6
    179      +11.576s  worker-02#2    point       resource.attributes      lease 6
    180      +11.576s  worker-02#2    point       queue.schedule           lease 6
    182      +11.576s  worker-02#2    unlock      drydock.lease:6          lease 6
    186      +11.576s  worker-02#2    lock (≤1s)  drydock.resource:2       resource 2 ({})
    187      +11.576s  worker-02#2    point       store.resource           resource 2
    188      +11.576s  worker-02#2    point       store.commands           resource 2
    189      +11.576s  worker-02#2    sleep       47.436615264s            resource 2
    190       +11.58s  worker-04#4    timer       deadline +11.580463957s  lease 4
    191       +11.58s  worker-04#4    wake                                 lease 4
    192       +11.58s  worker-04#4    point       store.slotlocks          lease 4
    193       +11.58s  worker-04#4    point       resource.allocate        lease 4
    194       +11.58s  worker-04#4    point       resource.attributes      lease 4
    195       +11.58s  worker-04#4    point       queue.schedule           lease 4
    197       +11.58s  worker-04#4    unlock      drydock.lease:4          lease 4
    198 *    +11.727s  worker-00#0    timer       deadline +11.726671669s  lease 2
    200 *    +11.727s  worker-00#0    wake                                 lease 2
    201      +11.727s  worker-00#0    point       store.slotlocks          lease 2
    202      +11.727s  worker-00#0    point       resource.allocate        lease 2
    203      +11.727s  worker-00#0    point       resource.attributes      lease 2
    204      +11.727s  worker-00#0    point       queue.schedule           lease 2
    206      +11.727s  worker-00#0    unlock      drydock.lease:2          lease 2
    211      +11.727s  worker-00#0    lock (≤1s)  drydock.resource:3       resource 3 ({})
    212      +11.727s  worker-00#0    point       store.resource           resource 3
    213      +11.727s  worker-00#0    point       store.commands           resource 3
    214      +11.727s  worker-00#0    sleep       54.228061698s            resource 3
    217      +11.727s  worker-04#4    lock (≤1s)  drydock.resource:4       resource 4 ({})
    218      +11.727s  worker-04#4    point       store.resource           resource 4
    219      +11.727s  worker-04#4    point       store.commands           resource 4
    220      +11.727s  worker-04#4    sleep       55.936856465s            resource 4
    221       +11.76s  worker-05#5    timer       deadline +11.760382277s  lease 5
    222       +11.76s  worker-05#5    wake                                 lease 5
    223       +11.76s  worker-05#5    point       store.slotlocks          lease 5
    224       +11.76s  worker-05#5    point       resource.allocate        lease 5
    225       +11.76s  worker-05#5    point       resource.attributes      lease 5
    226       +11.76s  worker-05#5    point       queue.schedule           lease 5
    228       +11.76s  worker-05#5    unlock      drydock.lease:5          lease 5
    232       +11.76s  worker-05#5    lock (≤1s)  drydock.resource:5       resource 5 ({})
    233       +11.76s  worker-05#5    point       store.resource           resource 5
    234       +11.76s  worker-05#5    point       store.commands           resource 5
    235       +11.76s  worker-05#5    sleep       41.755582677s            resource 5
    236      +11.816s  worker-01#1    timer       deadline +11.815844281s  lease 3
    237      +11.816s  worker-01#1    wake                                 lease 3
    238      +11.816s  worker-01#1    point       store.slotlocks          lease 3
    239      +11.816s  worker-01#1    point       resource.allocate        lease 3
    240      +11.816s  worker-01#1    point       resource.attributes      lease 3
    241      +11.816s  worker-01#1    point       queue.schedule           lease 3
    243      +11.816s  worker-01#1    unlock      drydock.lease:3          lease 3
    244 *    +16.408s  client-00#6    timer       lease.holder deadline +16.407964875s lease 5
    248      +16.408s  worker-01#1    lock (≤1s)  drydock.resource:6       resource 6 ({})
    249      +16.408s  worker-01#1    point       store.resource           resource 6
    250      +16.408s  worker-01#1    point       store.commands           resource 6
    251      +16.408s  worker-01#1    sleep       36.799941479s            resource 6
    252      +16.408s  client-00#6    wake        lease.holder timed out   lease 5
    253      +16.408s  client-00#6    point       store.lease              lease 5
    254      +16.408s  client-00#6    wait        lease.holder             lease 5
    255      +16.408s  client-01#7    timer       lease.holder deadline +16.407964875s lease 1
    256      +16.408s  client-01#7    wake        lease.holder timed out   lease 1
    257      +16.408s  client-01#7    point       store.lease              lease 1
    258      +16.408s  client-01#7    wait        lease.holder             lease 1
    259      +16.408s  client-04#10   timer       lease.holder deadline +16.407964875s lease 6
    260      +16.408s  client-04#10   wake        lease.holder timed out   lease 6
    261      +16.408s  client-04#10   point       store.lease              lease 6
    262      +16.408s  client-04#10   wait        lease.holder             lease 6
    263      +16.408s  client-05#11   timer       lease.holder deadline +16.407964875s lease 2
    264      +16.408s  client-05#11   wake        lease.holder timed out   lease 2
    265      +16.408s  client-05#11   point       store.lease              lease 2
    266 *    +16.408s  client-02#8    timer       lease.holder deadline +16.407964875s lease 3
    267 *    +16.408s  client-03#9    timer       lease.holder deadline +16.407964875s lease 4
    268      +16.408s  client-05#11   wait        lease.holder             lease 2
    269      +16.408s  client-02#8    wake        lease.holder timed out   lease 3
    270      +16.408s  client-02#8    point       store.lease              lease 3
    271      +16.408s  client-02#8    wait        lease.holder             lease 3
    272      +16.408s  client-03#9    wake        lease.holder timed out   lease 4
    273      +16.408s  client-03#9    point       store.lease              lease 4
    274      +16.408s  client-03#9    wait        lease.holder             lease 4
    275      +21.408s  client-00#6    timer       lease.holder deadline +21.407964875s lease 5
    276      +21.408s  client-00#6    wake        lease.holder timed out   lease 5
    277      +21.408s  client-00#6    point       store.lease              lease 5
    278      +21.408s  client-00#6    wait        lease.holder             lease 5
    279      +21.408s  client-01#7    timer       lease.holder deadline +21.407964875s lease 1
    280      +21.408s  client-01#7    wake        lease.holder timed out   lease 1
    281      +21.408s  client-01#7    point       store.lease              lease 1
    282      +21.408s  client-01#7    wait        lease.holder             lease 1
    283      +21.408s  client-04#10   timer       lease.holder deadline +21.407964875s lease 6
    284      +21.408s  client-04#10   wake        lease.holder timed out   lease 6
    285      +21.408s  client-04#10   point       store.lease              lease 6
    286      +21.408s  client-04#10   wait        lease.holder             lease 6
    287      +21.408s  client-05#11   timer       lease.holder deadline +21.407964875s lease 2
    288      +21.408s  client-05#11   wake        lease.holder timed out   lease 2
    289      +21.408s  client-05#11   point       store.lease              lease 2
    290      +21.408s  client-05#11   wait        lease.holder             lease 2
    291      +21.408s  client-02#8    timer       lease.holder deadline +21.407964875s lease 3
    292      +21.408s  client-02#8    wake        lease.holder timed out   lease 3
    293      +21.408s  client-02#8    point       store.lease              lease 3
    294      +21.408s  client-02#8    wait        lease.holder             lease 3
    295      +21.408s  client-03#9    timer       lease.holder deadline +21.407964875s lease 4
    296      +21.408s  client-03#9    wake        lease.holder timed out   lease 4
    297      +21.408s  client-03#9    point       store.lease              lease 4
    298      +21.408s  client-03#9    wait        lease.holder             lease 4
    299      +26.408s  client-00#6    timer       lease.holder deadline +26.407964875s lease 5
    300      +26.408s  client-00#6    wake        lease.holder timed out   lease 5
    301      +26.408s  client-00#6    point       store.lease              lease 5
    302      +26.408s  client-00#6    wait        lease.holder             lease 5
    303      +26.408s  client-01#7    timer       lease.holder deadline +26.407964875s lease 1
    304      +26.408s  client-01#7    wake        lease.holder timed out   lease 1
    305      +26.408s  client-01#7    point       store.lease              lease 1
    306      +26.408s  client-01#7    wait        lease.holder             lease 1
    307      +26.408s  client-04#10   timer       lease.holder deadline +26.407964875s lease 6
    308      +26.408s  client-04#10   wake        lease.holder timed out   lease 6
    309      +26.408s  client-04#10   point       store.lease              lease 6
    310      +26.408s  client-04#10   wait        lease.holder             lease 6
    311      +26.408s  client-05#11   timer       lease.holder deadline +26.407964875s lease 2
    312      +26.408s  client-05#11   wake        lease.holder timed out   lease 2
    313      +26.408s  client-05#11   point       store.lease              lease 2
    314      +26.408s  client-05#11   wait        lease.holder             lease 2
    315      +26.408s  client-02#8    timer       lease.holder deadline +26.407964875s lease 3
    316      +26.408s  client-02#8    wake        lease.holder timed out   lease 3
    317      +26.408s  client-02#8    point       store.lease              lease 3
    318      +26.408s  client-02#8    wait        lease.holder             lease 3
    319      +26.408s  client-03#9    timer       lease.holder deadline +26.407964875s lease 4
    320      +26.408s  client-03#9    wake        lease.holder timed out   lease 4
    321 *    +31.408s  client-00#6    timer       lease.holder deadline +31.407964875s lease 5
    322      +31.408s  client-03#9    point       store.lease              lease 4
    323      +31.408s  client-03#9    wait        lease.holder             lease 4
    324      +31.408s  client-00#6    wake        lease.holder timed out   lease 5
    325      +31.408s  client-00#6    point       store.lease              lease 5
    326      +31.408s  client-00#6    wait        lease.holder             lease 5
    327      +31.408s  client-01#7    timer       lease.holder deadline +31.407964875s lease 1
    328      +31.408s  client-01#7    wake        lease.holder timed out   lease 1
    329      +31.408s  client-01#7    point       store.lease              lease 1
    330      +31.408s  client-01#7    wait        lease.holder             lease 1
    331      +31.408s  client-04#10   timer       lease.holder deadline +31.407964875s lease 6
    332      +31.408s  client-04#10   wake        lease.holder timed out   lease 6
    333      +31.408s  client-04#10   point       store.lease              lease 6
    334      +31.408s  client-04#10   wait        lease.holder             lease 6
    335      +31.408s  client-05#11   timer       lease.holder deadline +31.407964875s lease 2
    336      +31.408s  client-05#11   wake        lease.holder timed out   lease 2
    337      +31.408s  client-05#11   point       store.lease              lease 2
    338      +31.408s  client-05#11   wait        lease.holder             lease 2
    339      +31.408s  client-02#8    timer       lease.holder deadline +31.407964875s lease 3
    340      +31.408s  client-02#8    wake        lease.holder timed out   lease 3
    341      +31.408s  client-02#8    point       store.lease              lease 3
    342      +31.408s  client-02#8    wait        lease.holder             lease 3
    343      +36.408s  client-03#9    timer       lease.holder deadline +36.407964875s lease 4
    344      +36.408s  client-03#9    wake        lease.holder timed out   lease 4
    345      +36.408s  client-03#9    point       store.lease              lease 4
    346      +36.408s  client-03#9    wait        lease.holder             lease 4
    347      +36.408s  client-00#6    timer       lease.holder deadline +36.407964875s lease 5
    348      +36.408s  client-00#6    wake        lease.holder timed out   lease 5
    349      +36.408s  client-00#6    point       store.lease              lease 5
    350      +36.408s  client-00#6    wait        lease.holder             lease 5
    351      +36.408s  client-01#7    timer       lease.holder deadline +36.407964875s lease 1
    352      +36.408s  client-01#7    wake        lease.holder timed out   lease 1
    353      +36.408s  client-01#7    point       store.lease              lease 1
    354      +36.408s  client-01#7    wait        lease.holder             lease 1
    355      +36.408s  client-04#10   timer       lease.holder deadline +36.407964875s lease 6
    356      +36.408s  client-04#10   wake        lease.holder timed out   lease 6
    357      +36.408s  client-04#10   point       store.lease              lease 6
    358      +36.408s  client-04#10   wait        lease.holder             lease 6
    359      +36.408s  client-05#11   timer       lease.holder deadline +36.407964875s lease 2
    360      +36.408s  client-05#11   wake        lease.holder timed out   lease 2
    361      +36.408s  client-05#11   point       store.lease              lease 2
    362      +36.408s  client-05#11   wait        lease.holder             lease 2
    363      +36.408s  client-02#8    timer       lease.holder deadline +36.407964875s lease 3
    364      +36.408s  client-02#8    wake        lease.holder timed out   lease 3
    365      +36.408s  client-02#8    point       store.lease              lease 3
    366      +36.408s  client-02#8    wait        lease.holder             lease 3
    367      +41.408s  client-03#9    timer       lease.holder deadline +41.407964875s lease 4
    368      +41.408s  client-03#9    wake        lease.holder timed out   lease 4
    369      +41.408s  client-03#9    point       store.lease              lease 4
    370      +41.408s  client-03#9    wait        lease.holder             lease 4
    371      +41.408s  client-00#6    timer       lease.holder deadline +41.407964875s lease 5
    372      +41.408s  client-00#6    wake        lease.holder timed out   lease 5
    373      +41.408s  client-00#6    point       store.lease              lease 5
    374      +41.408s  client-00#6    wait        lease.holder             lease 5
    375      +41.408s  client-01#7    timer       lease.holder deadline +41.407964875s lease 1
    376      +41.408s  client-01#7    wake        lease.holder timed out   lease 1
    377      +41.408s  client-01#7    point       store.lease              lease 1
    378      +41.408s  client-01#7    wait        lease.holder             lease 1
    379      +41.408s  client-04#10   timer       lease.holder deadline +41.407964875s lease 6
    380      +41.408s  client-04#10   wake        lease.holder timed out   lease 6
    381      +41.408s  client-04#10   point       store.lease              lease 6
    382      +41.408s  client-04#10   wait        lease.holder             lease 6
    383      +41.408s  client-05#11   timer       lease.holder deadline +41.407964875s lease 2
    384      +41.408s  client-05#11   wake        lease.holder timed out   lease 2
    385      +41.408s  client-05#11   point       store.lease              lease 2
    386      +41.408s  client-05#11   wait        lease.holder             lease 2
    387      +41.408s  client-02#8    timer       lease.holder deadline +41.407964875s lease 3
    388      +41.408s  client-02#8    wake        lease.holder timed out   lease 3
    389      +41.408s  client-02#8    point       store.lease              lease 3
    390      +41.408s  client-02#8    wait        lease.holder             lease 3
    391      +46.408s  client-03#9    timer       lease.holder deadline +46.407964875s lease 4
    392      +46.408s  client-03#9    wake        lease.holder timed out   lease 4
    393      +46.408s  client-03#9    point       store.lease              lease 4
    394      +46.408s  client-03#9    wait        lease.holder             lease 4
    395      +46.408s  client-00#6    timer       lease.holder deadline +46.407964875s lease 5
    396      +46.408s  client-00#6    wake        lease.holder timed out   lease 5
    397      +46.408s  client-00#6    point       store.lease              lease 5
    398      +46.408s  client-00#6    wait        lease.holder             lease 5
    399      +46.408s  client-01#7    timer       lease.holder deadline +46.407964875s lease 1
    400      +46.408s  client-01#7    wake        lease.holder timed out   lease 1
    401      +46.408s  client-01#7    point       store.lease              lease 1
    402      +46.408s  client-01#7    wait        lease.holder             lease 1
    403      +46.408s  client-04#10   timer       lease.holder deadline +46.407964875s lease 6
    404      +46.408s  client-04#10   wake        lease.holder timed out   lease 6
    405      +46.408s  client-04#10   point       store.lease              lease 6
    406      +46.408s  client-04#10   wait        lease.holder             lease 6
    407      +46.408s  client-05#11   timer       lease.holder deadline +46.407964875s lease 2
    408      +46.408s  client-05#11   wake        lease.holder timed out   lease 2
    409      +46.408s  client-05#11   point       store.lease              lease 2
    410      +46.408s  client-05#11   wait        lease.holder             lease 2
    411      +46.408s  client-02#8    timer       lease.holder deadline +46.407964875s lease 3
    412      +46.408s  client-02#8    wake        lease.holder timed out   lease 3
    413      +46.408s  client-02#8    point       store.lease              lease 3
    414 *    +50.149s  worker-03#3    timer       deadline +50.149094025s  resource 1
    415      +50.149s  client-02#8    wait        lease.holder             lease 3
    416      +50.149s  worker-03#3    wake                                 resource 1
    417      +50.149s  worker-03#3    point       resource.activate        resource 1
    418      +50.149s  worker-03#3    point       queue.awaken             resource 1
    419      +50.149s  worker-03#3    point       store.commands           resource 1
    420      +50.149s  worker-03#3    unlock      drydock.resource:1       resource 1
    424      +50.149s  worker-03#3    lock (≤1s)  drydock.lease:1          lease 1
    425      +50.149s  worker-03#3    point       store.lease              lease 1
    426      +50.149s  worker-03#3    point       store.commands           lease 1
    427      +50.149s  worker-03#3    point       store.blueprints         lease 1
    428      +50.149s  worker-03#3    point       store.resources          lease 1
    429      +50.149s  worker-03#3    point       store.linked             lease 1
    430      +50.149s  worker-03#3    sleep       19.112121ms              lease 1
    431      +50.168s  worker-03#3    timer       deadline +50.168206146s  lease 1
    432      +50.168s  worker-03#3    wake                                 lease 1
    433      +50.168s  worker-03#3    point       store.slotlocks          lease 1
    434      +50.168s  worker-03#3    point       lease.acquire            lease 1
    435      +50.168s  worker-03#3    point       queue.schedule           lease 1
    437      +50.168s  worker-03#3    unlock      drydock.lease:1          lease 1
    441      +50.168s  worker-03#3    lock (≤1s)  drydock.lease:2          lease 2
    442      +50.168s  worker-03#3    point       store.lease              lease 2
    443      +50.168s  worker-03#3    point       store.commands           lease 2
    444      +50.168s  worker-03#3    point       store.blueprints         lease 2
    445      +50.168s  worker-03#3    point       store.resources          lease 2
    446 *    +51.408s  client-03#9    timer       lease.holder deadline +51.407964875s lease 4
    447      +51.408s  worker-03#3    point       store.linked             lease 2
    448      +51.408s  worker-03#3    point       store.count              lease 2
    449      +51.408s  worker-03#3    point       store.count              lease 2
    450      +51.408s  worker-03#3    point       store.resources          lease 2
    451      +51.408s  worker-03#3    unlock      drydock.lease:2          lease 2
    456      +51.408s  worker-03#3    lock (≤1s)  drydock.lease:4          lease 4
    457      +51.408s  worker-03#3    point       store.lease              lease 4
    458      +51.408s  worker-03#3    point       store.commands           lease 4
    459      +51.408s  worker-03#3    point       store.blueprints         lease 4
    460      +51.408s  worker-03#3    point       store.resources          lease 4
    461      +51.408s  worker-03#3    point       store.linked             lease 4
    462      +51.408s  worker-03#3    point       store.count              lease 4
    463      +51.408s  worker-03#3    point       store.count              lease 4
    464      +51.408s  worker-03#3    point       store.resources          lease 4
    465      +51.408s  worker-03#3    unlock      drydock.lease:4          lease 4
    470      +51.408s  worker-03#3    lock (≤1s)  drydock.lease:3          lease 3
    471      +51.408s  worker-03#3    point       store.lease              lease 3
    472      +51.408s  worker-03#3    point       store.commands           lease 3
    473      +51.408s  worker-03#3    point       store.blueprints         lease 3
    474      +51.408s  worker-03#3    point       store.resources          lease 3
    475      +51.408s  worker-03#3    point       store.linked             lease 3
    476      +51.408s  worker-03#3    point       store.count              lease 3
    477      +51.408s  worker-03#3    point       store.count              lease 3
    478      +51.408s  worker-03#3    point       store.resources          lease 3
    479      +51.408s  worker-03#3    unlock      drydock.lease:3          lease 3
    484      +51.408s  worker-03#3    lock (≤1s)  drydock.lease:5          lease 5
    485      +51.408s  worker-03#3    point       store.lease              lease 5
    486      +51.408s  worker-03#3    point       store.commands           lease 5
    487      +51.408s  worker-03#3    point       store.blueprints         lease 5
    488      +51.408s  worker-03#3    point       store.resources          lease 5
    489      +51.408s  worker-03#3    point       store.linked             lease 5
    490      +51.408s  worker-03#3    point       store.count              lease 5
    491      +51.408s  worker-03#3    point       store.count              lease 5
    492      +51.408s  worker-03#3    point       store.resources          lease 5
    493      +51.408s  worker-03#3    unlock      drydock.lease:5          lease 5
    498      +51.408s  worker-03#3    lock (≤1s)  drydock.lease:6          lease 6
    499      +51.408s  worker-03#3    point       store.lease              lease 6
    500      +51.408s  worker-03#3    point       store.commands           lease 6
    501      +51.408s  worker-03#3    point       store.blueprints         lease 6
    502      +51.408s  worker-03#3    point       store.resources          lease 6
    503      +51.408s  worker-03#3    point       store.linked             lease 6
    504      +51.408s  worker-03#3    point       store.count              lease 6
    505      +51.408s  worker-03#3    point       store.count              lease 6
    506      +51.408s  worker-03#3    point       store.resources          lease 6
    507      +51.408s  worker-03#3    unlock      drydock.lease:6          lease 6
    511      +51.408s  worker-03#3    lock (≤1s)  drydock.lease:1          lease 1
    512      +51.408s  worker-03#3    point       store.lease              lease 1
    513      +51.408s  worker-03#3    point       store.commands           lease 1
    514      +51.408s  worker-03#3    point       store.resource           lease 1
    515      +51.408s  worker-03#3    sleep       1.068464613s             lease 1
    516      +51.408s  client-03#9    wake        lease.holder timed out   lease 4
    517      +51.408s  client-03#9    point       store.lease              lease 4
    518      +51.408s  client-03#9    wait        lease.holder             lease 4
    519      +51.408s  client-00#6    timer       lease.holder deadline +51.407964875s lease 5
    520      +51.408s  client-00#6    wake        lease.holder timed out   lease 5
    521      +51.408s  client-00#6    point       store.lease              lease 5
    522      +51.408s  client-00#6    wait        lease.holder             lease 5
    523      +51.408s  client-01#7    timer       lease.holder deadline +51.407964875s lease 1
    524      +51.408s  client-01#7    wake        lease.holder timed out   lease 1
    525      +51.408s  client-01#7    point       store.lease              lease 1
    526      +51.408s  client-01#7    wait        lease.holder             lease 1
    527      +51.408s  client-04#10   timer       lease.holder deadline +51.407964875s lease 6
    528      +51.408s  client-04#10   wake        lease.holder timed out   lease 6
    529      +51.408s  client-04#10   point       store.lease              lease 6
    530      +51.408s  client-04#10   wait        lease.holder             lease 6
    531      +51.408s  client-05#11   timer       lease.holder deadline +51.407964875s lease 2
    532      +51.408s  client-05#11   wake        lease.holder timed out   lease 2
    533      +51.408s  client-05#11   point       store.lease              lease 2
    534      +51.408s  client-05#11   wait        lease.holder             lease 2
    535      +52.476s  worker-03#3    timer       deadline +52.476429488s  lease 1
    536      +52.476s  worker-03#3    wake                                 lease 1
    537      +52.476s  worker-03#3    point       lease.activate           lease 1
    538      +52.476s  worker-03#3    point       store.commands           lease 1
    539      +52.476s  worker-03#3    point       store.lease              lease 1
    540      +52.476s  worker-03#3    broadcast   lease.holder             lease 1
    541      +52.476s  worker-03#3    unlock      drydock.lease:1          lease 1
    545      +52.476s  client-01#7    wake        lease.holder             lease 1
    546      +52.476s  client-01#7    point       store.lease              lease 1
    547      +52.476s  client-01#7    sleep       14.73655971s             lease 1
    548      +53.208s  worker-01#1    timer       deadline +53.207906354s  resource 6
    549      +53.208s  worker-01#1    wake                                 resource 6
    550      +53.208s  worker-01#1    point       resource.activate        resource 6
    551      +53.208s  worker-01#1    point       queue.awaken             resource 6
    553      +53.208s  worker-01#1    point       store.commands           resource 6
    554      +53.208s  worker-01#1    unlock      drydock.resource:6       resource 6
    557      +53.208s  worker-01#1    lock (≤1s)  drydock.lease:3          lease 3
    558      +53.208s  worker-01#1    point       store.lease              lease 3
    559      +53.208s  worker-01#1    point       store.commands           lease 3
    560      +53.208s  worker-01#1    point       store.blueprints         lease 3
    561      +53.208s  worker-01#1    point       store.resources          lease 3
    562      +53.208s  worker-01#1    point       store.linked             lease 3
    563      +53.208s  worker-01#1    point       store.linked             lease 3
    564      +53.208s  worker-01#1    sleep       26.196895ms              lease 3
    568      +53.234s  worker-01#1    timer       deadline +53.234103249s  lease 3
    569      +53.234s  worker-01#1    wake                                 lease 3
    570      +53.234s  worker-01#1    point       store.slotlocks          lease 3
    571      +53.234s  worker-01#1    point       lease.acquire            lease 3
    572      +53.234s  worker-01#1    point       queue.schedule           lease 3
    574      +53.234s  worker-01#1    unlock      drydock.lease:3          lease 3
    577      +53.234s  worker-01#1    lock (≤1s)  drydock.lease:3          lease 3
    578      +53.234s  worker-01#1    point       store.lease              lease 3
    579      +53.234s  worker-01#1    point       store.commands           lease 3
    580      +53.234s  worker-01#1    point       store.resource           lease 3
    581      +53.234s  worker-01#1    sleep       1.27672197s              lease 3
    585      +53.516s  worker-05#5    timer       deadline +53.515964954s  resource 5
    586      +53.516s  worker-05#5    wake                                 resource 5
    587      +53.516s  worker-05#5    point       resource.activate        resource 5
    588      +53.516s  worker-05#5    point       queue.awaken             resource 5
    590      +53.516s  worker-05#5    point       store.commands           resource 5
    591      +53.516s  worker-05#5    unlock      drydock.resource:5       resource 5
    594      +53.516s  worker-05#5    lock (≤1s)  drydock.lease:5          lease 5
    595      +53.516s  worker-05#5    point       store.lease              lease 5
    596      +53.516s  worker-05#5    point       store.commands           lease 5
    597      +53.516s  worker-05#5    point       store.blueprints         lease 5
    598      +53.516s  worker-05#5    point       store.resources          lease 5
    599      +53.516s  worker-05#5    point       store.linked             lease 5
    600      +53.516s  worker-05#5    point       store.linked             lease 5
    601      +53.516s  worker-05#5    point       store.linked             lease 5
    602      +53.516s  worker-05#5    sleep       19.205984ms              lease 5
    606      +53.535s  worker-05#5    timer       deadline +53.535170938s  lease 5
    607      +53.535s  worker-05#5    wake                                 lease 5
    608      +53.535s  worker-05#5    point       store.slotlocks          lease 5
    609      +53.535s  worker-05#5    point       lease.acquire            lease 5
    610      +53.535s  worker-05#5    point       queue.schedule           lease 5
    612      +53.535s  worker-05#5    unlock      drydock.lease:5          lease 5
    615      +53.535s  worker-05#5    lock (≤1s)  drydock.lease:5          lease 5
    616      +53.535s  worker-05#5    point       store.lease              lease 5
    617      +53.535s  worker-05#5    point       store.commands           lease 5
    618      +53.535s  worker-05#5    point       store.resource           lease 5
    619      +53.535s  worker-05#5    sleep       1.986862987s             lease 5
    623      +54.511s  worker-01#1    timer       deadline +54.510825219s  lease 3
    624      +54.511s  worker-01#1    wake                                 lease 3
    625      +54.511s  worker-01#1    point       lease.activate           lease 3
    626      +54.511s  worker-01#1    point       store.commands           lease 3
    627      +54.511s  worker-01#1    point       store.lease              lease 3
    628      +54.511s  worker-01#1    broadcast   lease.holder             lease 3
    629      +54.511s  worker-01#1    unlock      drydock.lease:3          lease 3
    633      +54.511s  client-02#8    wake        lease.holder             lease 3
    634      +54.511s  client-02#8    point       store.lease              lease 3
    635      +54.511s  client-02#8    sleep       19.745964547s            lease 3
    636      +55.522s  worker-05#5    timer       deadline +55.522033925s  lease 5
    637      +55.522s  worker-05#5    wake                                 lease 5
    638      +55.522s  worker-05#5    point       lease.activate           lease 5
    639      +55.522s  worker-05#5    point       store.commands           lease 5
    640      +55.522s  worker-05#5    point       store.lease              lease 5
    641      +55.522s  worker-05#5    broadcast   lease.holder             lease 5
    642      +55.522s  worker-05#5    unlock      drydock.lease:5          lease 5
    646      +55.522s  client-00#6    wake        lease.holder             lease 5
    647      +55.522s  client-00#6    point       store.lease              lease 5
    648      +55.522s  client-00#6    sleep       19.521202853s            lease 5
    649      +56.408s  client-03#9    timer       lease.holder deadline +56.407964875s lease 4
    650      +56.408s  client-03#9    wake        lease.holder timed out   lease 4
    651      +56.408s  client-03#9    point       store.lease              lease 4
    652      +56.408s  client-03#9    wait        lease.holder             lease 4
    653      +56.408s  client-04#10   timer       lease.holder deadline +56.407964875s lease 6
    654      +56.408s  client-04#10   wake        lease.holder timed out   lease 6
    655      +56.408s  client-04#10   point       store.lease              lease 6
    656      +56.408s  client-04#10   wait        lease.holder             lease 6
    657      +56.408s  client-05#11   timer       lease.holder deadline +56.407964875s lease 2
    658      +56.408s  client-05#11   wake        lease.holder timed out   lease 2
    659      +56.408s  client-05#11   point       store.lease              lease 2
    660      +56.408s  client-05#11   wait        lease.holder             lease 2
    661      +59.012s  worker-02#2    timer       deadline +59.012321719s  resource 2
    662      +59.012s  worker-02#2    wake                                 resource 2
    663      +59.012s  worker-02#2    point       resource.activate        resource 2
    664      +59.012s  worker-02#2    point       queue.awaken             resource 2
    666      +59.012s  worker-02#2    point       store.commands           resource 2
    667      +59.012s  worker-02#2    unlock      drydock.resource:2       resource 2
    670      +59.012s  worker-02#2    lock (≤1s)  drydock.lease:6          lease 6
    671      +59.012s  worker-02#2    point       store.lease              lease 6
    672      +59.012s  worker-02#2    point       store.commands           lease 6
    673      +59.012s  worker-02#2    point       store.blueprints         lease 6
    674      +59.012s  worker-02#2    point       store.resources          lease 6
    675      +59.012s  worker-02#2    point       store.linked             lease 6
    676      +59.012s  worker-02#2    point       store.linked             lease 6
    677      +59.012s  worker-02#2    point       store.linked             lease 6
    678      +59.012s  worker-02#2    point       store.linked             lease 6
    679      +59.012s  worker-02#2    sleep       61.603232ms              lease 6
    683      +59.074s  worker-02#2    timer       deadline +59.073924951s  lease 6
    684      +59.074s  worker-02#2    wake                                 lease 6
    685      +59.074s  worker-02#2    point       store.slotlocks          lease 6
    686      +59.074s  worker-02#2    point       lease.acquire            lease 6
    687      +59.074s  worker-02#2    point       queue.schedule           lease 6
    689      +59.074s  worker-02#2    unlock      drydock.lease:6          lease 6
    692      +59.074s  worker-02#2    lock (≤1s)  drydock.lease:6          lease 6
    693      +59.074s  worker-02#2    point       store.lease              lease 6
    694      +59.074s  worker-02#2    point       store.commands           lease 6
    695      +59.074s  worker-02#2    point       store.resource           lease 6
    696      +59.074s  worker-02#2    sleep       1.981533765s             lease 6
    700     +1m1.055s  worker-02#2    timer       deadline +1m1.055458716s lease 6
    701     +1m1.055s  worker-02#2    wake                                 lease 6
    702     +1m1.055s  worker-02#2    point       lease.activate           lease 6
    703     +1m1.055s  worker-02#2    point       store.commands           lease 6
    704     +1m1.055s  worker-02#2    point       store.lease              lease 6
    705     +1m1.055s  worker-02#2    broadcast   lease.holder             lease 6
    706     +1m1.055s  worker-02#2    unlock      drydock.lease:6          lease 6
    710     +1m1.055s  client-04#10   wake        lease.holder             lease 6
    711     +1m1.055s  client-04#10   point       store.lease              lease 6
    712     +1m1.055s  client-04#10   sleep       18.605511177s            lease 6
    713     +1m1.408s  client-03#9    timer       lease.holder deadline +1m1.407964875s lease 4
    714     +1m1.408s  client-03#9    wake        lease.holder timed out   lease 4
    715     +1m1.408s  client-03#9    point       store.lease              lease 4
    716     +1m1.408s  client-03#9    wait        lease.holder             lease 4
    717     +1m1.408s  client-05#11   timer       lease.holder deadline +1m1.407964875s lease 2
    718     +1m1.408s  client-05#11   wake        lease.holder timed out   lease 2
    719     +1m1.408s  client-05#11   point       store.lease              lease 2
    720     +1m1.408s  client-05#11   wait        lease.holder             lease 2
    721     +1m5.955s  worker-00#0    timer       deadline +1m5.954733367s resource 3
    722     +1m5.955s  worker-00#0    wake                                 resource 3
    723     +1m5.955s  worker-00#0    point       resource.activate        resource 3
    724     +1m5.955s  worker-00#0    point       queue.awaken             resource 3
    726     +1m5.955s  worker-00#0    point       store.commands           resource 3
    727     +1m5.955s  worker-00#0    unlock      drydock.resource:3       resource 3
    730     +1m5.955s  worker-00#0    lock (≤1s)  drydock.lease:4          lease 4
    731     +1m5.955s  worker-00#0    point       store.lease              lease 4
    732     +1m5.955s  worker-00#0    point       store.commands           lease 4
    733     +1m5.955s  worker-00#0    point       store.blueprints         lease 4
    734     +1m5.955s  worker-00#0    point       store.resources          lease 4
    735     +1m5.955s  worker-00#0    point       store.linked             lease 4
    736     +1m5.955s  worker-00#0    point       store.linked             lease 4
    737     +1m5.955s  worker-00#0    point       store.linked             lease 4
    738     +1m5.955s  worker-00#0    point       store.linked             lease 4
    739     +1m5.955s  worker-00#0    point       store.linked             lease 4
    740     +1m5.955s  worker-00#0    sleep       70.851987ms              lease 4
    744     +1m6.026s  worker-00#0    timer       deadline +1m6.025585354s lease 4
    745     +1m6.026s  worker-00#0    wake                                 lease 4
    746     +1m6.026s  worker-00#0    point       store.slotlocks          lease 4
    747     +1m6.026s  worker-00#0    point       lease.acquire            lease 4
    748     +1m6.026s  worker-00#0    point       queue.schedule           lease 4
    750     +1m6.026s  worker-00#0    unlock      drydock.lease:4          lease 4
    753     +1m6.026s  worker-00#0    lock (≤1s)  drydock.lease:4          lease 4
    754     +1m6.026s  worker-00#0    point       store.lease              lease 4
    755     +1m6.026s  worker-00#0    point       store.commands           lease 4
    756     +1m6.026s  worker-00#0    point       store.resource           lease 4
    757     +1m6.026s  worker-00#0    sleep       1.579453884s             lease 4
    761     +1m6.408s  client-03#9    timer       lease.holder deadline +1m6.407964875s lease 4
    762     +1m6.408s  client-03#9    wake        lease.holder timed out   lease 4
    763     +1m6.408s  client-03#9    point       store.lease              lease 4
    764     +1m6.408s  client-03#9    wait        lease.holder             lease 4
    765     +1m6.408s  client-05#11   timer       lease.holder deadline +1m6.407964875s lease 2
    766     +1m6.408s  client-05#11   wake        lease.holder timed out   lease 2
    767     +1m6.408s  client-05#11   point       store.lease              lease 2
    768     +1m6.408s  client-05#11   wait        lease.holder             lease 2
    772     +1m6.408s  worker-03#3    lock (≤1s)  drydock.lease:2          lease 2
    773     +1m6.408s  worker-03#3    point       store.lease              lease 2
    774     +1m6.408s  worker-03#3    point       store.commands           lease 2
    775     +1m6.408s  worker-03#3    point       store.blueprints         lease 2
    776     +1m6.408s  worker-03#3    point       store.resources          lease 2
    777     +1m6.408s  worker-03#3    point       store.linked             lease 2
    778     +1m6.408s  worker-03#3    point       store.linked             lease 2
    779     +1m6.408s  worker-03#3    point       store.linked             lease 2
    780     +1m6.408s  worker-03#3    point       store.linked             lease 2
    781     +1m6.408s  worker-03#3    point       store.linked             lease 2
    782     +1m6.408s  worker-03#3    point       store.count              lease 2
    783     +1m6.408s  worker-03#3    point       store.count              lease 2
    784     +1m6.408s  worker-03#3    sleep       147.018486ms             lease 2
    785     +1m6.555s  worker-03#3    timer       deadline +1m6.554983361s lease 2
    786     +1m6.555s  worker-03#3    wake                                 lease 2
    787     +1m6.555s  worker-03#3    point       store.slotlocks          lease 2
    788     +1m6.555s  worker-03#3    point       resource.allocate        lease 2
violation  one-pending-allocation [lease:2] at step 788 (+1m6.554983361s): lease 2 waits on 2 pending resources it built ([4 7])
objects    lease 2 (wants {}) by worker-00#0, worker-03#3, client-05#11; lease 1 (wants {}) by worker-03#3, client-01#7; lease 3 (wants {}) by worker-01#1, worker-03#3, client-02#8; lease 4 (wants {}) by worker-00#0, worker-03#3, worker-04#4, client-03#9; lease 5 (wants {}) by worker-03#3, worker-05#5, client-00#6; lease 6 (wants {}) by worker-02#2, worker-03#3, client-04#10; resource 1 ({}) by worker-03#3; resource 2 ({}) by worker-02#2; resource 3 ({}) by worker-00#0; resource 4 ({}) by worker-04#4; resource 5 ({}) by worker-05#5; resource 6 ({}) by worker-01#1
