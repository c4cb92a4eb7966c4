# mvec composition: usage errors (exit 2); a WITS product group, a value finer than a dollar,
# a bad nomenclature (exit 3, file:line:column); HS2 chapters cannot be put in stages (exit 2)
"$MVEC" composition KAZ
echo "exit $?"
"$MVEC" composition KAZ --data composition_wits.csv --flow both-ways
echo "exit $?"
"$MVEC" composition Narnia --data composition_wits.csv
echo "exit $?"
head -1 composition_wits.csv > group.csv
echo 'H4,KAZ,84-85_MachElec,Kazakhstan,CHN,China,2016,Import,5,10,,' >> group.csv
"$MVEC" composition KAZ --data group.csv
echo "exit $?"
head -1 composition_wits.csv > fine.csv
echo 'H4,KAZ,2709,Kazakhstan,CHN,China,2016,Export,5,10.0005,,' >> fine.csv
"$MVEC" composition KAZ --data fine.csv
echo "exit $?"
head -1 composition_wits.csv > nomenclature.csv
echo 'S3,KAZ,2709,Kazakhstan,CHN,China,2016,Export,6,10,,' >> nomenclature.csv
"$MVEC" composition KAZ --data nomenclature.csv
echo "exit $?"
"$MVEC" composition KAZ --data screen_wto.csv
echo "exit $?"
