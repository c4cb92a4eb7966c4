# Issue 6, point 4: any country the workspace covers. ITPD-E, SIPRI, UNCTAD, UNGA and COW-IGO
# imported into one workspace, then the profiles of Uzbekistan, Mongolia, Serbia and Viet Nam
# from it alone, and a trend of Uzbekistan's UNGA agreement with Russia. Needs ../shared/data
# (skipped without it: the fixture-based tests itpd_profiles and social_fixtures cover the
# importers on a fresh clone).
[ -d "$SHARED/itpd-e-bilateral-2000-2016" ] || exit 77
for spec in itpd:itpd-e-bilateral-2000-2016/itpd_e_r01_total_trade_2000_2016.csv \
            sipri-tiv:sipri-tiv/sipri-exports-processed.csv \
            unctad-fdi:unctad-bilateral-fdi/unctad_bilateral_fdi_2001_2012.csv \
            unga:unga-votes/un_votes.csv \
            cow-igo:cow-igo-v3/state_year_format3.csv; do
    "$MVEC" import -q "${spec%%:*}" "$SHARED/${spec#*:}" --workspace ws.sqlite | sed "s|$SHARED|SHARED|"
done
echo "exit $?"
for country in Uzbekistan MNG SRB VNM; do
    "$MVEC" profile "$country" --workspace ws.sqlite --no-embedded
    echo "exit $?"
done
"$MVEC" trend UZB --vector diplomacy.unga --indicator agreement --partner RUS --break 2014 \
    --workspace ws.sqlite --no-embedded | grep -E "^(series|exact|verdict)"
