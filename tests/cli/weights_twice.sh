# a vector weighted twice is refused (which one was meant?), exit 2
"$MVEC" profile --weights trade.total=2,trade.total=3
