# "did you mean": the one valid name that starts with what was typed, else the closest by edit
# distance; an ambiguous prefix gets no suggestion; unknown options get the command's closest
# option. The exit code stays 2.
for args in "prof" "s" "help che" "chek" \
    "profile --formt json" "profile --form=json" "sources --part China" "check --yr 2023" \
    "profile --no" "shares --vector trade.ex"; do
    # shellcheck disable=SC2086 # the words of each case
    "$MVEC" $args >/dev/null
    echo "exit $?: mvec $args"
done
