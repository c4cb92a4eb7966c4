# Bad ITPD-E and UNGA files (tests/data: malformed, truncated, invalid UTF-8) and bad rows:
# each gives file:line:column, exit 3, and nothing is loaded. UNGA votes without the year of
# their roll calls (no date column, no un_roll_calls.csv beside them) cannot be read (exit 1).
for f in itpd_malformed itpd_truncated itpd_bad_utf8 unga_malformed unga_truncated unga_bad_utf8; do
    "$MVEC" profile UZB --no-embedded --data "$f.csv"
    echo "$f: exit $?"
done
itpd() {
    printf 'year,exporter_iso3,importer_iso3,trade_usd2010\n%s\n' "$1" > itpd.csv
    "$MVEC" profile UZB --no-embedded --data itpd.csv > /dev/null
    echo "exit $?"
}
itpd '16,UZB,KAZ,1'
itpd '2016,uzb,KAZ,1'
itpd '2016,UZB,KAZ,-1'
itpd '2016,UZB,KAZ,1e19'
itpd '2016,UZB,KAZ'
itpd '2016,UZB,XXX,5'
itpd '2016,UZB,WLD,5'
unga() {
    printf '"rcid","country","country_code","vote"\n%s\n' "$1" > votes.csv
    "$MVEC" sources --no-embedded --data votes.csv --vector diplomacy.unga > /dev/null
    echo "exit $?"
}
unga '1,"Kazakhstan","KZ","yes"'
unga '2791,"Kazakhstan","KAZ","yes"'
unga 'x,"Kazakhstan","KZ","yes"'
unga '2791,"Kazakhstan","KZ","yes"
2791,"Kazakhstan","KZ","no"'
unga '2791,"Atlantis","","yes"'
unga '2791,"Atlantis","QQ","yes"'
mkdir -p alone
printf '"rcid","country","country_code","vote"\n2791,"Kazakhstan","KZ","yes"\n' > alone/votes.csv
"$MVEC" sources --no-embedded --data alone/votes.csv > /dev/null
echo "no roll calls: exit $?"
