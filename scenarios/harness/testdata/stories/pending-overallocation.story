timeline (788 steps; idle-worker hand-offs left out, -full shows them)
      9          +0s  client-02#8    sleep       1.498407035s
     11          +0s  client-01#7    sleep       3.821670534s
     16      +1.498s  client-02#8    timer       deadline +1.498407035s
     19      +1.498s  client-05#11   sleep       2.44650587s
     22      +1.498s  client-03#9    sleep       1.884348296s
     25      +3.383s  client-03#9    timer       deadline +3.382755331s
     27      +3.383s  client-04#10   sleep       4.065570578s
     30      +3.822s  client-01#7    timer       deadline +3.821670534s
     33      +3.822s  client-00#6    sleep       2.586294341s
     34      +3.822s  client-01#7    wake
     35      +3.822s  client-01#7    point       lease.request
     36      +3.945s  client-05#11   timer       deadline +3.944912905s
     37      +3.945s  client-01#7    point       queue.schedule
     39      +3.945s  client-05#11   wake
     40      +3.945s  client-05#11   point       lease.request
     41      +3.945s  client-02#8    wake
     42      +6.408s  client-00#6    timer       deadline +6.407964875s
     43      +6.408s  client-02#8    point       lease.request
     44      +6.408s  client-05#11   point       queue.schedule
     46      +6.408s  client-05#11   point       store.lease
     47      +6.408s  client-05#11   wait        lease.holder
     48      +6.408s  client-03#9    wake
     52      +6.408s  worker-03#3    locktimeout drydock.lease:1 1s
     53      +6.408s  client-03#9    point       lease.request
     54      +6.408s  client-03#9    point       queue.schedule
     56      +6.408s  client-02#8    point       queue.schedule
     58      +6.408s  client-02#8    point       store.lease
     59      +6.408s  client-02#8    wait        lease.holder
     63      +6.408s  worker-00#0    locktimeout drydock.lease:2 1s
     64      +6.408s  worker-00#0    point       store.lease
     65      +6.408s  client-00#6    wake
     66      +6.408s  client-00#6    point       lease.request
     67      +6.408s  client-00#6    point       queue.schedule
     68      +6.408s  worker-00#0    point       store.commands
     69      +6.408s  worker-03#3    point       store.lease
     71      +6.408s  client-00#6    point       store.lease
     73      +6.408s  client-03#9    point       store.lease
     74      +6.408s  client-03#9    wait        lease.holder
     75      +6.408s  worker-00#0    point       store.blueprints
     76      +6.408s  worker-00#0    point       store.resources
     77      +6.408s  worker-03#3    point       store.commands
     81      +6.408s  worker-04#4    locktimeout drydock.lease:4 1s
     82      +6.408s  worker-04#4    point       store.lease
     83      +6.408s  worker-04#4    point       store.commands
     84      +6.408s  worker-04#4    point       store.blueprints
     85      +6.408s  worker-04#4    point       store.resources
     86      +6.408s  worker-03#3    point       store.blueprints
     87      +6.408s  worker-03#3    point       store.resources
     88      +6.408s  worker-03#3    point       store.count
     89      +6.408s  worker-03#3    point       store.count
     90      +7.448s  client-04#10   timer       deadline +7.448325909s
     96      +7.448s  worker-05#5    locktimeout drydock.lease:5 1s
     97      +7.448s  worker-05#5    point       store.lease
     98      +7.448s  worker-05#5    point       store.commands
     99      +7.448s  worker-05#5    point       store.blueprints
    100      +7.448s  worker-05#5    point       store.resources
    101     +11.408s  client-05#11   timer       lease.holder deadline +11.407964875s
    102     +11.408s  worker-03#3    sleep       88.692283ms
    103     +11.408s  worker-00#0    point       store.count
    104     +11.408s  worker-00#0    point       store.count
    105     +11.408s  worker-00#0    sleep       318.706794ms
    106     +11.408s  worker-01#1    locktimeout drydock.lease:3 1s
    107     +11.408s  worker-01#1    point       store.lease
    108     +11.408s  worker-01#1    point       store.commands
    109     +11.408s  worker-01#1    point       store.blueprints
    110     +11.408s  worker-01#1    point       store.resources
    111     +11.408s  worker-01#1    point       store.count
    112     +11.408s  worker-01#1    point       store.count
    113     +11.408s  worker-01#1    sleep       407.879406ms
    118     +11.408s  worker-04#4    point       store.count
    119     +11.408s  worker-04#4    point       store.count
    120     +11.408s  worker-04#4    sleep       172.499082ms
    121     +11.408s  worker-05#5    point       store.count
    122     +11.408s  worker-05#5    point       store.count
    123     +11.408s  worker-05#5    sleep       352.417402ms
    124     +11.408s  client-00#6    wait        lease.holder
    126     +11.408s  client-01#7    point       store.lease
    127     +11.408s  client-01#7    wait        lease.holder
    131     +11.408s  client-04#10   wake
    132     +11.408s  client-04#10   point       lease.request
    133     +11.408s  client-04#10   point       queue.schedule
    135     +11.408s  client-04#10   point       store.lease
    136     +11.408s  client-04#10   wait        lease.holder
    139     +11.408s  worker-02#2    locktimeout drydock.lease:6 1s
    140     +11.408s  worker-02#2    point       store.lease
    141     +11.408s  worker-02#2    point       store.commands
    142     +11.408s  worker-02#2    point       store.blueprints
    143     +11.408s  worker-02#2    point       store.resources
    144     +11.408s  worker-02#2    point       store.count
    145     +11.408s  worker-02#2    point       store.count
    146     +11.408s  worker-02#2    sleep       167.74158ms
    147     +11.408s  client-05#11   wake        lease.holder timed out
    148     +11.408s  client-05#11   point       store.lease
    149     +11.408s  client-05#11   wait        lease.holder
    150     +11.408s  conductor#12   sleep       0s
    152     +11.408s  client-02#8    timer       lease.holder deadline +11.407964875s
    153     +11.408s  client-02#8    wake        lease.holder timed out
    154     +11.408s  client-02#8    point       store.lease
    155     +11.408s  client-02#8    wait        lease.holder
    156     +11.408s  client-03#9    timer       lease.holder deadline +11.407964875s
    157     +11.408s  client-03#9    wake        lease.holder timed out
    158     +11.408s  client-03#9    point       store.lease
    159     +11.408s  client-03#9    wait        lease.holder
    160     +11.497s  worker-03#3    timer       deadline +11.496657158s
    161     +11.497s  worker-03#3    wake
    162     +11.497s  worker-03#3    point       store.slotlocks
    163     +11.497s  worker-03#3    point       resource.allocate
    164     +11.497s  worker-03#3    point       resource.attributes
    165     +11.497s  worker-03#3    point       queue.schedule
    167     +11.497s  worker-03#3    unlock      drydock.lease:1
    171     +11.497s  worker-03#3    locktimeout drydock.resource:1 1s
    172     +11.497s  worker-03#3    point       store.resource
    173     +11.497s  worker-03#3    point       store.commands
    174     +11.497s  worker-03#3    sleep       38.652436867s
    175     +11.576s  worker-02#2    timer       deadline +11.575706455s
    176     +11.576s  worker-02#2    wake
    177     +11.576s  worker-02#2    point       store.slotlocks
    178     +11.576s  worker-02#2    point       resource.allocate
    179     +11.576s  worker-02#2    point       resource.attributes
    180     +11.576s  worker-02#2    point       queue.schedule
    182     +11.576s  worker-02#2    unlock      drydock.lease:6
    186     +11.576s  worker-02#2    locktimeout drydock.resource:2 1s
    187     +11.576s  worker-02#2    point       store.resource
    188     +11.576s  worker-02#2    point       store.commands
    189     +11.576s  worker-02#2    sleep       47.436615264s
    190      +11.58s  worker-04#4    timer       deadline +11.580463957s
    191      +11.58s  worker-04#4    wake
    192      +11.58s  worker-04#4    point       store.slotlocks
    193      +11.58s  worker-04#4    point       resource.allocate
    194      +11.58s  worker-04#4    point       resource.attributes
    195      +11.58s  worker-04#4    point       queue.schedule
    197      +11.58s  worker-04#4    unlock      drydock.lease:4
    198     +11.727s  worker-00#0    timer       deadline +11.726671669s
    200     +11.727s  worker-00#0    wake
    201     +11.727s  worker-00#0    point       store.slotlocks
    202     +11.727s  worker-00#0    point       resource.allocate
    203     +11.727s  worker-00#0    point       resource.attributes
    204     +11.727s  worker-00#0    point       queue.schedule
    206     +11.727s  worker-00#0    unlock      drydock.lease:2
    211     +11.727s  worker-00#0    locktimeout drydock.resource:3 1s
    212     +11.727s  worker-00#0    point       store.resource
    213     +11.727s  worker-00#0    point       store.commands
    214     +11.727s  worker-00#0    sleep       54.228061698s
    217     +11.727s  worker-04#4    locktimeout drydock.resource:4 1s
    218     +11.727s  worker-04#4    point       store.resource
    219     +11.727s  worker-04#4    point       store.commands
    220     +11.727s  worker-04#4    sleep       55.936856465s
    221      +11.76s  worker-05#5    timer       deadline +11.760382277s
    222      +11.76s  worker-05#5    wake
    223      +11.76s  worker-05#5    point       store.slotlocks
    224      +11.76s  worker-05#5    point       resource.allocate
    225      +11.76s  worker-05#5    point       resource.attributes
    226      +11.76s  worker-05#5    point       queue.schedule
    228      +11.76s  worker-05#5    unlock      drydock.lease:5
    232      +11.76s  worker-05#5    locktimeout drydock.resource:5 1s
    233      +11.76s  worker-05#5    point       store.resource
    234      +11.76s  worker-05#5    point       store.commands
    235      +11.76s  worker-05#5    sleep       41.755582677s
    236     +11.816s  worker-01#1    timer       deadline +11.815844281s
    237     +11.816s  worker-01#1    wake
    238     +11.816s  worker-01#1    point       store.slotlocks
    239     +11.816s  worker-01#1    point       resource.allocate
    240     +11.816s  worker-01#1    point       resource.attributes
    241     +11.816s  worker-01#1    point       queue.schedule
    243     +11.816s  worker-01#1    unlock      drydock.lease:3
    244     +16.408s  client-00#6    timer       lease.holder deadline +16.407964875s
    248     +16.408s  worker-01#1    locktimeout drydock.resource:6 1s
    249     +16.408s  worker-01#1    point       store.resource
    250     +16.408s  worker-01#1    point       store.commands
    251     +16.408s  worker-01#1    sleep       36.799941479s
    252     +16.408s  client-00#6    wake        lease.holder timed out
    253     +16.408s  client-00#6    point       store.lease
    254     +16.408s  client-00#6    wait        lease.holder
    255     +16.408s  client-01#7    timer       lease.holder deadline +16.407964875s
    256     +16.408s  client-01#7    wake        lease.holder timed out
    257     +16.408s  client-01#7    point       store.lease
    258     +16.408s  client-01#7    wait        lease.holder
    259     +16.408s  client-04#10   timer       lease.holder deadline +16.407964875s
    260     +16.408s  client-04#10   wake        lease.holder timed out
    261     +16.408s  client-04#10   point       store.lease
    262     +16.408s  client-04#10   wait        lease.holder
    263     +16.408s  client-05#11   timer       lease.holder deadline +16.407964875s
    264     +16.408s  client-05#11   wake        lease.holder timed out
    265     +16.408s  client-05#11   point       store.lease
    266     +16.408s  client-02#8    timer       lease.holder deadline +16.407964875s
    267     +16.408s  client-03#9    timer       lease.holder deadline +16.407964875s
    268     +16.408s  client-05#11   wait        lease.holder
    269     +16.408s  client-02#8    wake        lease.holder timed out
    270     +16.408s  client-02#8    point       store.lease
    271     +16.408s  client-02#8    wait        lease.holder
    272     +16.408s  client-03#9    wake        lease.holder timed out
    273     +16.408s  client-03#9    point       store.lease
    274     +16.408s  client-03#9    wait        lease.holder
    275     +21.408s  client-00#6    timer       lease.holder deadline +21.407964875s
    276     +21.408s  client-00#6    wake        lease.holder timed out
    277     +21.408s  client-00#6    point       store.lease
    278     +21.408s  client-00#6    wait        lease.holder
    279     +21.408s  client-01#7    timer       lease.holder deadline +21.407964875s
    280     +21.408s  client-01#7    wake        lease.holder timed out
    281     +21.408s  client-01#7    point       store.lease
    282     +21.408s  client-01#7    wait        lease.holder
    283     +21.408s  client-04#10   timer       lease.holder deadline +21.407964875s
    284     +21.408s  client-04#10   wake        lease.holder timed out
    285     +21.408s  client-04#10   point       store.lease
    286     +21.408s  client-04#10   wait        lease.holder
    287     +21.408s  client-05#11   timer       lease.holder deadline +21.407964875s
    288     +21.408s  client-05#11   wake        lease.holder timed out
    289     +21.408s  client-05#11   point       store.lease
    290     +21.408s  client-05#11   wait        lease.holder
    291     +21.408s  client-02#8    timer       lease.holder deadline +21.407964875s
    292     +21.408s  client-02#8    wake        lease.holder timed out
    293     +21.408s  client-02#8    point       store.lease
    294     +21.408s  client-02#8    wait        lease.holder
    295     +21.408s  client-03#9    timer       lease.holder deadline +21.407964875s
    296     +21.408s  client-03#9    wake        lease.holder timed out
    297     +21.408s  client-03#9    point       store.lease
    298     +21.408s  client-03#9    wait        lease.holder
    299     +26.408s  client-00#6    timer       lease.holder deadline +26.407964875s
    300     +26.408s  client-00#6    wake        lease.holder timed out
    301     +26.408s  client-00#6    point       store.lease
    302     +26.408s  client-00#6    wait        lease.holder
    303     +26.408s  client-01#7    timer       lease.holder deadline +26.407964875s
    304     +26.408s  client-01#7    wake        lease.holder timed out
    305     +26.408s  client-01#7    point       store.lease
    306     +26.408s  client-01#7    wait        lease.holder
    307     +26.408s  client-04#10   timer       lease.holder deadline +26.407964875s
    308     +26.408s  client-04#10   wake        lease.holder timed out
    309     +26.408s  client-04#10   point       store.lease
    310     +26.408s  client-04#10   wait        lease.holder
    311     +26.408s  client-05#11   timer       lease.holder deadline +26.407964875s
    312     +26.408s  client-05#11   wake        lease.holder timed out
    313     +26.408s  client-05#11   point       store.lease
    314     +26.408s  client-05#11   wait        lease.holder
    315     +26.408s  client-02#8    timer       lease.holder deadline +26.407964875s
    316     +26.408s  client-02#8    wake        lease.holder timed out
    317     +26.408s  client-02#8    point       store.lease
    318     +26.408s  client-02#8    wait        lease.holder
    319     +26.408s  client-03#9    timer       lease.holder deadline +26.407964875s
    320     +26.408s  client-03#9    wake        lease.holder timed out
    321     +31.408s  client-00#6    timer       lease.holder deadline +31.407964875s
    322     +31.408s  client-03#9    point       store.lease
    323     +31.408s  client-03#9    wait        lease.holder
    324     +31.408s  client-00#6    wake        lease.holder timed out
    325     +31.408s  client-00#6    point       store.lease
    326     +31.408s  client-00#6    wait        lease.holder
    327     +31.408s  client-01#7    timer       lease.holder deadline +31.407964875s
    328     +31.408s  client-01#7    wake        lease.holder timed out
    329     +31.408s  client-01#7    point       store.lease
    330     +31.408s  client-01#7    wait        lease.holder
    331     +31.408s  client-04#10   timer       lease.holder deadline +31.407964875s
    332     +31.408s  client-04#10   wake        lease.holder timed out
    333     +31.408s  client-04#10   point       store.lease
    334     +31.408s  client-04#10   wait        lease.holder
    335     +31.408s  client-05#11   timer       lease.holder deadline +31.407964875s
    336     +31.408s  client-05#11   wake        lease.holder timed out
    337     +31.408s  client-05#11   point       store.lease
    338     +31.408s  client-05#11   wait        lease.holder
    339     +31.408s  client-02#8    timer       lease.holder deadline +31.407964875s
    340     +31.408s  client-02#8    wake        lease.holder timed out
    341     +31.408s  client-02#8    point       store.lease
    342     +31.408s  client-02#8    wait        lease.holder
    343     +36.408s  client-03#9    timer       lease.holder deadline +36.407964875s
    344     +36.408s  client-03#9    wake        lease.holder timed out
    345     +36.408s  client-03#9    point       store.lease
    346     +36.408s  client-03#9    wait        lease.holder
    347     +36.408s  client-00#6    timer       lease.holder deadline +36.407964875s
    348     +36.408s  client-00#6    wake        lease.holder timed out
    349     +36.408s  client-00#6    point       store.lease
    350     +36.408s  client-00#6    wait        lease.holder
    351     +36.408s  client-01#7    timer       lease.holder deadline +36.407964875s
    352     +36.408s  client-01#7    wake        lease.holder timed out
    353     +36.408s  client-01#7    point       store.lease
    354     +36.408s  client-01#7    wait        lease.holder
    355     +36.408s  client-04#10   timer       lease.holder deadline +36.407964875s
    356     +36.408s  client-04#10   wake        lease.holder timed out
    357     +36.408s  client-04#10   point       store.lease
    358     +36.408s  client-04#10   wait        lease.holder
    359     +36.408s  client-05#11   timer       lease.holder deadline +36.407964875s
    360     +36.408s  client-05#11   wake        lease.holder timed out
    361     +36.408s  client-05#11   point       store.lease
    362     +36.408s  client-05#11   wait        lease.holder
    363     +36.408s  client-02#8    timer       lease.holder deadline +36.407964875s
    364     +36.408s  client-02#8    wake        lease.holder timed out
    365     +36.408s  client-02#8    point       store.lease
    366     +36.408s  client-02#8    wait        lease.holder
    367     +41.408s  client-03#9    timer       lease.holder deadline +41.407964875s
    368     +41.408s  client-03#9    wake        lease.holder timed out
    369     +41.408s  client-03#9    point       store.lease
    370     +41.408s  client-03#9    wait        lease.holder
    371     +41.408s  client-00#6    timer       lease.holder deadline +41.407964875s
    372     +41.408s  client-00#6    wake        lease.holder timed out
    373     +41.408s  client-00#6    point       store.lease
    374     +41.408s  client-00#6    wait        lease.holder
    375     +41.408s  client-01#7    timer       lease.holder deadline +41.407964875s
    376     +41.408s  client-01#7    wake        lease.holder timed out
    377     +41.408s  client-01#7    point       store.lease
    378     +41.408s  client-01#7    wait        lease.holder
    379     +41.408s  client-04#10   timer       lease.holder deadline +41.407964875s
    380     +41.408s  client-04#10   wake        lease.holder timed out
    381     +41.408s  client-04#10   point       store.lease
    382     +41.408s  client-04#10   wait        lease.holder
    383     +41.408s  client-05#11   timer       lease.holder deadline +41.407964875s
    384     +41.408s  client-05#11   wake        lease.holder timed out
    385     +41.408s  client-05#11   point       store.lease
    386     +41.408s  client-05#11   wait        lease.holder
    387     +41.408s  client-02#8    timer       lease.holder deadline +41.407964875s
    388     +41.408s  client-02#8    wake        lease.holder timed out
    389     +41.408s  client-02#8    point       store.lease
    390     +41.408s  client-02#8    wait        lease.holder
    391     +46.408s  client-03#9    timer       lease.holder deadline +46.407964875s
    392     +46.408s  client-03#9    wake        lease.holder timed out
    393     +46.408s  client-03#9    point       store.lease
    394     +46.408s  client-03#9    wait        lease.holder
    395     +46.408s  client-00#6    timer       lease.holder deadline +46.407964875s
    396     +46.408s  client-00#6    wake        lease.holder timed out
    397     +46.408s  client-00#6    point       store.lease
    398     +46.408s  client-00#6    wait        lease.holder
    399     +46.408s  client-01#7    timer       lease.holder deadline +46.407964875s
    400     +46.408s  client-01#7    wake        lease.holder timed out
    401     +46.408s  client-01#7    point       store.lease
    402     +46.408s  client-01#7    wait        lease.holder
    403     +46.408s  client-04#10   timer       lease.holder deadline +46.407964875s
    404     +46.408s  client-04#10   wake        lease.holder timed out
    405     +46.408s  client-04#10   point       store.lease
    406     +46.408s  client-04#10   wait        lease.holder
    407     +46.408s  client-05#11   timer       lease.holder deadline +46.407964875s
    408     +46.408s  client-05#11   wake        lease.holder timed out
    409     +46.408s  client-05#11   point       store.lease
    410     +46.408s  client-05#11   wait        lease.holder
    411     +46.408s  client-02#8    timer       lease.holder deadline +46.407964875s
    412     +46.408s  client-02#8    wake        lease.holder timed out
    413     +46.408s  client-02#8    point       store.lease
    414     +50.149s  worker-03#3    timer       deadline +50.149094025s
    415     +50.149s  client-02#8    wait        lease.holder
    416     +50.149s  worker-03#3    wake
    417     +50.149s  worker-03#3    point       resource.activate
    418     +50.149s  worker-03#3    point       queue.awaken
    419     +50.149s  worker-03#3    point       store.commands
    420     +50.149s  worker-03#3    unlock      drydock.resource:1
    424     +50.149s  worker-03#3    locktimeout drydock.lease:1 1s
    425     +50.149s  worker-03#3    point       store.lease
    426     +50.149s  worker-03#3    point       store.commands
    427     +50.149s  worker-03#3    point       store.blueprints
    428     +50.149s  worker-03#3    point       store.resources
    429     +50.149s  worker-03#3    point       store.linked
    430     +50.149s  worker-03#3    sleep       19.112121ms
    431     +50.168s  worker-03#3    timer       deadline +50.168206146s
    432     +50.168s  worker-03#3    wake
    433     +50.168s  worker-03#3    point       store.slotlocks
    434     +50.168s  worker-03#3    point       lease.acquire
    435     +50.168s  worker-03#3    point       queue.schedule
    437     +50.168s  worker-03#3    unlock      drydock.lease:1
    441     +50.168s  worker-03#3    locktimeout drydock.lease:2 1s
    442     +50.168s  worker-03#3    point       store.lease
    443     +50.168s  worker-03#3    point       store.commands
    444     +50.168s  worker-03#3    point       store.blueprints
    445     +50.168s  worker-03#3    point       store.resources
    446     +51.408s  client-03#9    timer       lease.holder deadline +51.407964875s
    447     +51.408s  worker-03#3    point       store.linked
    448     +51.408s  worker-03#3    point       store.count
    449     +51.408s  worker-03#3    point       store.count
    450     +51.408s  worker-03#3    point       store.resources
    451     +51.408s  worker-03#3    unlock      drydock.lease:2
    456     +51.408s  worker-03#3    locktimeout drydock.lease:4 1s
    457     +51.408s  worker-03#3    point       store.lease
    458     +51.408s  worker-03#3    point       store.commands
    459     +51.408s  worker-03#3    point       store.blueprints
    460     +51.408s  worker-03#3    point       store.resources
    461     +51.408s  worker-03#3    point       store.linked
    462     +51.408s  worker-03#3    point       store.count
    463     +51.408s  worker-03#3    point       store.count
    464     +51.408s  worker-03#3    point       store.resources
    465     +51.408s  worker-03#3    unlock      drydock.lease:4
    470     +51.408s  worker-03#3    locktimeout drydock.lease:3 1s
    471     +51.408s  worker-03#3    point       store.lease
    472     +51.408s  worker-03#3    point       store.commands
    473     +51.408s  worker-03#3    point       store.blueprints
    474     +51.408s  worker-03#3    point       store.resources
    475     +51.408s  worker-03#3    point       store.linked
    476     +51.408s  worker-03#3    point       store.count
    477     +51.408s  worker-03#3    point       store.count
    478     +51.408s  worker-03#3    point       store.resources
    479     +51.408s  worker-03#3    unlock      drydock.lease:3
    484     +51.408s  worker-03#3    locktimeout drydock.lease:5 1s
    485     +51.408s  worker-03#3    point       store.lease
    486     +51.408s  worker-03#3    point       store.commands
    487     +51.408s  worker-03#3    point       store.blueprints
    488     +51.408s  worker-03#3    point       store.resources
    489     +51.408s  worker-03#3    point       store.linked
    490     +51.408s  worker-03#3    point       store.count
    491     +51.408s  worker-03#3    point       store.count
    492     +51.408s  worker-03#3    point       store.resources
    493     +51.408s  worker-03#3    unlock      drydock.lease:5
    498     +51.408s  worker-03#3    locktimeout drydock.lease:6 1s
    499     +51.408s  worker-03#3    point       store.lease
    500     +51.408s  worker-03#3    point       store.commands
    501     +51.408s  worker-03#3    point       store.blueprints
    502     +51.408s  worker-03#3    point       store.resources
    503     +51.408s  worker-03#3    point       store.linked
    504     +51.408s  worker-03#3    point       store.count
    505     +51.408s  worker-03#3    point       store.count
    506     +51.408s  worker-03#3    point       store.resources
    507     +51.408s  worker-03#3    unlock      drydock.lease:6
    511     +51.408s  worker-03#3    locktimeout drydock.lease:1 1s
    512     +51.408s  worker-03#3    point       store.lease
    513     +51.408s  worker-03#3    point       store.commands
    514     +51.408s  worker-03#3    point       store.resource
    515     +51.408s  worker-03#3    sleep       1.068464613s
    516     +51.408s  client-03#9    wake        lease.holder timed out
    517     +51.408s  client-03#9    point       store.lease
    518     +51.408s  client-03#9    wait        lease.holder
    519     +51.408s  client-00#6    timer       lease.holder deadline +51.407964875s
    520     +51.408s  client-00#6    wake        lease.holder timed out
    521     +51.408s  client-00#6    point       store.lease
    522     +51.408s  client-00#6    wait        lease.holder
    523     +51.408s  client-01#7    timer       lease.holder deadline +51.407964875s
    524     +51.408s  client-01#7    wake        lease.holder timed out
    525     +51.408s  client-01#7    point       store.lease
    526     +51.408s  client-01#7    wait        lease.holder
    527     +51.408s  client-04#10   timer       lease.holder deadline +51.407964875s
    528     +51.408s  client-04#10   wake        lease.holder timed out
    529     +51.408s  client-04#10   point       store.lease
    530     +51.408s  client-04#10   wait        lease.holder
    531     +51.408s  client-05#11   timer       lease.holder deadline +51.407964875s
    532     +51.408s  client-05#11   wake        lease.holder timed out
    533     +51.408s  client-05#11   point       store.lease
    534     +51.408s  client-05#11   wait        lease.holder
    535     +52.476s  worker-03#3    timer       deadline +52.476429488s
    536     +52.476s  worker-03#3    wake
    537     +52.476s  worker-03#3    point       lease.activate
    538     +52.476s  worker-03#3    point       store.commands
    539     +52.476s  worker-03#3    point       store.lease
    540     +52.476s  worker-03#3    broadcast   lease.holder
    541     +52.476s  worker-03#3    unlock      drydock.lease:1
    545     +52.476s  client-01#7    wake        lease.holder
    546     +52.476s  client-01#7    point       store.lease
    547     +52.476s  client-01#7    sleep       14.73655971s
    548     +53.208s  worker-01#1    timer       deadline +53.207906354s
    549     +53.208s  worker-01#1    wake
    550     +53.208s  worker-01#1    point       resource.activate
    551     +53.208s  worker-01#1    point       queue.awaken
    553     +53.208s  worker-01#1    point       store.commands
    554     +53.208s  worker-01#1    unlock      drydock.resource:6
    557     +53.208s  worker-01#1    locktimeout drydock.lease:3 1s
    558     +53.208s  worker-01#1    point       store.lease
    559     +53.208s  worker-01#1    point       store.commands
    560     +53.208s  worker-01#1    point       store.blueprints
    561     +53.208s  worker-01#1    point       store.resources
    562     +53.208s  worker-01#1    point       store.linked
    563     +53.208s  worker-01#1    point       store.linked
    564     +53.208s  worker-01#1    sleep       26.196895ms
    568     +53.234s  worker-01#1    timer       deadline +53.234103249s
    569     +53.234s  worker-01#1    wake
    570     +53.234s  worker-01#1    point       store.slotlocks
    571     +53.234s  worker-01#1    point       lease.acquire
    572     +53.234s  worker-01#1    point       queue.schedule
    574     +53.234s  worker-01#1    unlock      drydock.lease:3
    577     +53.234s  worker-01#1    locktimeout drydock.lease:3 1s
    578     +53.234s  worker-01#1    point       store.lease
    579     +53.234s  worker-01#1    point       store.commands
    580     +53.234s  worker-01#1    point       store.resource
    581     +53.234s  worker-01#1    sleep       1.27672197s
    585     +53.516s  worker-05#5    timer       deadline +53.515964954s
    586     +53.516s  worker-05#5    wake
    587     +53.516s  worker-05#5    point       resource.activate
    588     +53.516s  worker-05#5    point       queue.awaken
    590     +53.516s  worker-05#5    point       store.commands
    591     +53.516s  worker-05#5    unlock      drydock.resource:5
    594     +53.516s  worker-05#5    locktimeout drydock.lease:5 1s
    595     +53.516s  worker-05#5    point       store.lease
    596     +53.516s  worker-05#5    point       store.commands
    597     +53.516s  worker-05#5    point       store.blueprints
    598     +53.516s  worker-05#5    point       store.resources
    599     +53.516s  worker-05#5    point       store.linked
    600     +53.516s  worker-05#5    point       store.linked
    601     +53.516s  worker-05#5    point       store.linked
    602     +53.516s  worker-05#5    sleep       19.205984ms
    606     +53.535s  worker-05#5    timer       deadline +53.535170938s
    607     +53.535s  worker-05#5    wake
    608     +53.535s  worker-05#5    point       store.slotlocks
    609     +53.535s  worker-05#5    point       lease.acquire
    610     +53.535s  worker-05#5    point       queue.schedule
    612     +53.535s  worker-05#5    unlock      drydock.lease:5
    615     +53.535s  worker-05#5    locktimeout drydock.lease:5 1s
    616     +53.535s  worker-05#5    point       store.lease
    617     +53.535s  worker-05#5    point       store.commands
    618     +53.535s  worker-05#5    point       store.resource
    619     +53.535s  worker-05#5    sleep       1.986862987s
    623     +54.511s  worker-01#1    timer       deadline +54.510825219s
    624     +54.511s  worker-01#1    wake
    625     +54.511s  worker-01#1    point       lease.activate
    626     +54.511s  worker-01#1    point       store.commands
    627     +54.511s  worker-01#1    point       store.lease
    628     +54.511s  worker-01#1    broadcast   lease.holder
    629     +54.511s  worker-01#1    unlock      drydock.lease:3
    633     +54.511s  client-02#8    wake        lease.holder
    634     +54.511s  client-02#8    point       store.lease
    635     +54.511s  client-02#8    sleep       19.745964547s
    636     +55.522s  worker-05#5    timer       deadline +55.522033925s
    637     +55.522s  worker-05#5    wake
    638     +55.522s  worker-05#5    point       lease.activate
    639     +55.522s  worker-05#5    point       store.commands
    640     +55.522s  worker-05#5    point       store.lease
    641     +55.522s  worker-05#5    broadcast   lease.holder
    642     +55.522s  worker-05#5    unlock      drydock.lease:5
    646     +55.522s  client-00#6    wake        lease.holder
    647     +55.522s  client-00#6    point       store.lease
    648     +55.522s  client-00#6    sleep       19.521202853s
    649     +56.408s  client-03#9    timer       lease.holder deadline +56.407964875s
    650     +56.408s  client-03#9    wake        lease.holder timed out
    651     +56.408s  client-03#9    point       store.lease
    652     +56.408s  client-03#9    wait        lease.holder
    653     +56.408s  client-04#10   timer       lease.holder deadline +56.407964875s
    654     +56.408s  client-04#10   wake        lease.holder timed out
    655     +56.408s  client-04#10   point       store.lease
    656     +56.408s  client-04#10   wait        lease.holder
    657     +56.408s  client-05#11   timer       lease.holder deadline +56.407964875s
    658     +56.408s  client-05#11   wake        lease.holder timed out
    659     +56.408s  client-05#11   point       store.lease
    660     +56.408s  client-05#11   wait        lease.holder
    661     +59.012s  worker-02#2    timer       deadline +59.012321719s
    662     +59.012s  worker-02#2    wake
    663     +59.012s  worker-02#2    point       resource.activate
    664     +59.012s  worker-02#2    point       queue.awaken
    666     +59.012s  worker-02#2    point       store.commands
    667     +59.012s  worker-02#2    unlock      drydock.resource:2
    670     +59.012s  worker-02#2    locktimeout drydock.lease:6 1s
    671     +59.012s  worker-02#2    point       store.lease
    672     +59.012s  worker-02#2    point       store.commands
    673     +59.012s  worker-02#2    point       store.blueprints
    674     +59.012s  worker-02#2    point       store.resources
    675     +59.012s  worker-02#2    point       store.linked
    676     +59.012s  worker-02#2    point       store.linked
    677     +59.012s  worker-02#2    point       store.linked
    678     +59.012s  worker-02#2    point       store.linked
    679     +59.012s  worker-02#2    sleep       61.603232ms
    683     +59.074s  worker-02#2    timer       deadline +59.073924951s
    684     +59.074s  worker-02#2    wake
    685     +59.074s  worker-02#2    point       store.slotlocks
    686     +59.074s  worker-02#2    point       lease.acquire
    687     +59.074s  worker-02#2    point       queue.schedule
    689     +59.074s  worker-02#2    unlock      drydock.lease:6
    692     +59.074s  worker-02#2    locktimeout drydock.lease:6 1s
    693     +59.074s  worker-02#2    point       store.lease
    694     +59.074s  worker-02#2    point       store.commands
    695     +59.074s  worker-02#2    point       store.resource
    696     +59.074s  worker-02#2    sleep       1.981533765s
    700    +1m1.055s  worker-02#2    timer       deadline +1m1.055458716s
    701    +1m1.055s  worker-02#2    wake
    702    +1m1.055s  worker-02#2    point       lease.activate
    703    +1m1.055s  worker-02#2    point       store.commands
    704    +1m1.055s  worker-02#2    point       store.lease
    705    +1m1.055s  worker-02#2    broadcast   lease.holder
    706    +1m1.055s  worker-02#2    unlock      drydock.lease:6
    710    +1m1.055s  client-04#10   wake        lease.holder
    711    +1m1.055s  client-04#10   point       store.lease
    712    +1m1.055s  client-04#10   sleep       18.605511177s
    713    +1m1.408s  client-03#9    timer       lease.holder deadline +1m1.407964875s
    714    +1m1.408s  client-03#9    wake        lease.holder timed out
    715    +1m1.408s  client-03#9    point       store.lease
    716    +1m1.408s  client-03#9    wait        lease.holder
    717    +1m1.408s  client-05#11   timer       lease.holder deadline +1m1.407964875s
    718    +1m1.408s  client-05#11   wake        lease.holder timed out
    719    +1m1.408s  client-05#11   point       store.lease
    720    +1m1.408s  client-05#11   wait        lease.holder
    721    +1m5.955s  worker-00#0    timer       deadline +1m5.954733367s
    722    +1m5.955s  worker-00#0    wake
    723    +1m5.955s  worker-00#0    point       resource.activate
    724    +1m5.955s  worker-00#0    point       queue.awaken
    726    +1m5.955s  worker-00#0    point       store.commands
    727    +1m5.955s  worker-00#0    unlock      drydock.resource:3
    730    +1m5.955s  worker-00#0    locktimeout drydock.lease:4 1s
    731    +1m5.955s  worker-00#0    point       store.lease
    732    +1m5.955s  worker-00#0    point       store.commands
    733    +1m5.955s  worker-00#0    point       store.blueprints
    734    +1m5.955s  worker-00#0    point       store.resources
    735    +1m5.955s  worker-00#0    point       store.linked
    736    +1m5.955s  worker-00#0    point       store.linked
    737    +1m5.955s  worker-00#0    point       store.linked
    738    +1m5.955s  worker-00#0    point       store.linked
    739    +1m5.955s  worker-00#0    point       store.linked
    740    +1m5.955s  worker-00#0    sleep       70.851987ms
    744    +1m6.026s  worker-00#0    timer       deadline +1m6.025585354s
    745    +1m6.026s  worker-00#0    wake
    746    +1m6.026s  worker-00#0    point       store.slotlocks
    747    +1m6.026s  worker-00#0    point       lease.acquire
    748    +1m6.026s  worker-00#0    point       queue.schedule
    750    +1m6.026s  worker-00#0    unlock      drydock.lease:4
    753    +1m6.026s  worker-00#0    locktimeout drydock.lease:4 1s
    754    +1m6.026s  worker-00#0    point       store.lease
    755    +1m6.026s  worker-00#0    point       store.commands
    756    +1m6.026s  worker-00#0    point       store.resource
    757    +1m6.026s  worker-00#0    sleep       1.579453884s
    761    +1m6.408s  client-03#9    timer       lease.holder deadline +1m6.407964875s
    762    +1m6.408s  client-03#9    wake        lease.holder timed out
    763    +1m6.408s  client-03#9    point       store.lease
    764    +1m6.408s  client-03#9    wait        lease.holder
    765    +1m6.408s  client-05#11   timer       lease.holder deadline +1m6.407964875s
    766    +1m6.408s  client-05#11   wake        lease.holder timed out
    767    +1m6.408s  client-05#11   point       store.lease
    768    +1m6.408s  client-05#11   wait        lease.holder
    772    +1m6.408s  worker-03#3    locktimeout drydock.lease:2 1s
    773    +1m6.408s  worker-03#3    point       store.lease
    774    +1m6.408s  worker-03#3    point       store.commands
    775    +1m6.408s  worker-03#3    point       store.blueprints
    776    +1m6.408s  worker-03#3    point       store.resources
    777    +1m6.408s  worker-03#3    point       store.linked
    778    +1m6.408s  worker-03#3    point       store.linked
    779    +1m6.408s  worker-03#3    point       store.linked
    780    +1m6.408s  worker-03#3    point       store.linked
    781    +1m6.408s  worker-03#3    point       store.linked
    782    +1m6.408s  worker-03#3    point       store.count
    783    +1m6.408s  worker-03#3    point       store.count
    784    +1m6.408s  worker-03#3    sleep       147.018486ms
    785    +1m6.555s  worker-03#3    timer       deadline +1m6.554983361s
    786    +1m6.555s  worker-03#3    wake
    787    +1m6.555s  worker-03#3    point       store.slotlocks
    788    +1m6.555s  worker-03#3    point       resource.allocate
violation  one-pending-allocation [lease:2] at step 788 (+1m6.554983361s): lease 2 waits on 2 pending resources it built ([4 7])
