# 'mvec help NAME' works for every name 'mvec help' lists
for name in $("$MVEC" help | sed -n '/^commands:/,/^$/p' | awk 'NF > 1 {print $1}'); do
    echo "== $name"
    "$MVEC" help "$name" > /dev/null || echo "help $name failed"
done
"$MVEC" help help
"$MVEC" help version
