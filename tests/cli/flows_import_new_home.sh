# A newcomer's first command may be 'mvec flows import' with the default workspace: the
# directories above it (~/.local/share/mvec) do not exist yet and are made, as 'mvec import'
# makes them.
mkdir home
cp "$FIXTURES/flows/BACI_HS92_Y2021_V202301_slice.csv" .
HOME=$PWD/home env -u MVEC_WORKSPACE -u XDG_DATA_HOME "$MVEC" flows import BACI_HS92_Y2021_V202301_slice.csv
echo "exit $?"
ls home/.local/share/mvec/workspace.sqlite.flows | sed 's/^[0-9a-f]*\.mvf/X.mvf/'
