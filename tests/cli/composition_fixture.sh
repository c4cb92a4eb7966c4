# mvec composition on a hand-made WITS download (tests/data/composition_wits.csv, HS 2012,
# thousands of USD); expected by hand from data/hs/bec_HS12.csv:
#  2709 = 270900 (BEC 31): raw; 7403 (all 22): intermediate; 8471 (all 41): capital; 6403 (all
#  62): consumer; 2711: 5 of its 7 subheadings intermediate (322), 2 raw (31): split 5/7, 2/7;
#  0101: 010121 capital, 010129 raw, 010130 half raw half capital, 010190 raw: raw 0.625,
#  capital 0.375; 9999 is not in the table: unmapped, left out of the shares
#  2015 exports to CHN 2,000,500 USD: raw 1,000,000 + 200,000 = 59.99 %, intermediate
#    500,000 + 300,500 = 40.01 %, split 700,000 = 34.99 %
#  2015 exports, World (the WLD rows, not the sum): 3,008,500: raw 2,205,000 = 73.29 %,
#    intermediate 800,500 = 26.61 %, capital 3,000 = 0.10 %
#  2015 imports from CHN 550,001 of which 50,000 unmapped: capital 400,001 / 500,001 = 80.00 %,
#    consumer 100,000 (two rows summed) = 20.00 %; no WLD import rows: "all" is the sum
#  2016 exports: CHN 500,000 raw, RUS (bloc RUS-EAEU) 500,000 consumer; all: 50 / 50
#  UZB's row and the Re-Export row are left out with a warning each
"$MVEC" composition KAZ --data composition_wits.csv
echo "exit $?"
"$MVEC" composition KAZ --data composition_wits.csv --flow imports --format csv
echo "exit $?"
"$MVEC" composition KAZ --data composition_wits.csv --flow total --format csv 2>/dev/null
echo "exit $?"
