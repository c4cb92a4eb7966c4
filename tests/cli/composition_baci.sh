# mvec composition on a real CEPII BACI HS 2017 file (South Africa's and Afghanistan's exports,
# 2020): HS6 lines through data/hs/bec_HS17.csv, by bloc; the lines the UNSD table does not list
# are shown as unmapped. Skipped without the shared data.
file="$SHARED/baci-zaf-afg-exports/BACI_HS17_Y2020_V202301_exports_ZAF_AFG.csv"
[ -r "$file" ] || exit 77
"$MVEC" composition ZAF --flow exports --data "$file"
echo "exit $?"
"$MVEC" composition AFG --flow exports --data "$file" --format csv
echo "exit $?"
