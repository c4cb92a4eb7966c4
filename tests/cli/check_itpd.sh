# With ITPD-E (third-party basis, 2000-2016) the claim that China's share was stable before
# and after the BRI (2013) is decided; the built-in reporter data alone cannot reach 2013
"$MVEC" check --data "$FIXTURES/itpd/itpd_kaz_2000_2016.csv" | sed -n '/^china-stable-bri/,$p'
