# a scheme row naming an organisation whose members mvec does not know (NATO) places only the
# organisation (a partner of the institutions vector) and says so once, with the line; the
# EU's members of each year follow its row
printf 'code,bloc,great_power,rationale\nNATO,WEST,yes,alliance\nCHN,CHN,yes,x\nEU,WEST,yes,x\n*,OTHER,no,rest\n' > nato.csv
"$MVEC" profile --blocs nato.csv --format csv | grep '^KAZ,trade.total,' | cut -d, -f1,2,20-23
echo "exit $?"
