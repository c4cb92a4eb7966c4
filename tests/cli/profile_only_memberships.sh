# a country with only memberships has no profile: exit 1 and say so, in profile and shares
"$MVEC" profile Russia
echo "exit $?"
"$MVEC" shares Russia
echo "exit $?"
# asked for by name, the institutions vector of memberships is shown
"$MVEC" shares Russia --vector institutions
