# Kazakhstan's oil exports by route country (energy.export_routes, tonnes): each route
# country's growth is capped by the corridor network's spare capacity through it (groups
# routes-RUS, routes-AZE, routes-CHN). Reviewed by eye: CHN grows by exactly its cap,
# 1,209,000 + 1,194,000 = 2,403,000 t, not to its ceiling 2,431,730.84 t (GLPK's presolver
# used to drop the one-member cap row); AZE has no spare capacity and stays; RUS gives up
# what CHN takes.
"$MVEC" frontier --vector energy.export_routes
echo "exit $?"
