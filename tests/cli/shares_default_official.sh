# shares with no options: trade.total of the latest year, from the Bureau's table built in
"$MVEC" shares
