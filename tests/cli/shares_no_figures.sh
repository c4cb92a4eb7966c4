# no figures on the basis asked for; a vector with only context figures
"$MVEC" shares --basis third_party
echo "exit $?"
"$MVEC" shares --vector people
