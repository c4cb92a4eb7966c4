# A context indicator's series (as the UNGA and Pew importers produce: indicator 'agreement',
# one partner), two sources in one year giving an interval, and its break test on both ends
cat > votes.csv <<'CSV'
country,partner,vector,indicator,year,value,unit,basis,source
KAZ,RUS,un.votes,agreement,2008,91,%,third_party,Test fixture (invented figures)
KAZ,RUS,un.votes,agreement,2009,90,%,third_party,Test fixture (invented figures)
KAZ,RUS,un.votes,agreement,2010,92,%,third_party,Test fixture (invented figures)
KAZ,RUS,un.votes,agreement,2011,90,%,third_party,Test fixture (invented figures)
KAZ,RUS,un.votes,agreement,2012,85,%,third_party,Test fixture (invented figures)
KAZ,RUS,un.votes,agreement,2012,86,%,third_party,Other test fixture (invented figures)
KAZ,RUS,un.votes,agreement,2013,84,%,third_party,Test fixture (invented figures)
KAZ,CHN,un.votes,agreement,2013,70,%,third_party,Test fixture (invented figures)
CSV
"$MVEC" trend KAZ --vector un.votes --indicator agreement --partner RUS --break 2011 \
    --no-embedded --data votes.csv
echo "exit $?"
"$MVEC" trend KAZ --vector un.votes --indicator agreement --partner USA --no-embedded \
    --data votes.csv
echo "exit $?"
