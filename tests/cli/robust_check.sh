# each claim's verdict under each scheme; only three-way-balance reads the blocs
"$MVEC" check --blocs powers,treaties
"$MVEC" check --blocs powers,treaties --format csv
