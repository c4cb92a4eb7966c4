"$MVEC" profile --data unknown_partner.csv
