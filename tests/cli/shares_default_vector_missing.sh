# the default vector (trade.total) absent: exit 1 naming the vectors there are
printf 'country,partner,vector,indicator,year,value,unit,basis,source\nKAZ,WLD,fdi.stock,value,2021,10,USD bn,reporter,S\nKAZ,USA,fdi.stock,value,2021,4,USD bn,reporter,S\n' > fdi.csv
"$MVEC" shares --no-embedded --data fdi.csv
