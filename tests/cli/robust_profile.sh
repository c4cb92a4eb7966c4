# --blocs powers,treaties: the profile's bloc-based numbers under both built-in schemes and
# the conclusions that flip (on the embedded data; regenerated when the data change)
"$MVEC" profile --blocs powers,treaties
