# the Bureau's table built in, checked against its SOURCE.md: the export totals of the latest
# release of each year (thousand USD: 2018 61,111,221; 2019 58,065,589; 2020 47,540,773; 2021
# 60,321,024; 2022 84,593,070; 2023 79,138,755) and imports 2023 60,412,283; earlier releases
# are kept as superseded; Russia's import share 42.5 % (2021) -> 27.9 % (2023), China's 25.5 %
"$MVEC" sources --partner WLD --format csv |
    awk -F, '/Bureau of National Statistics/ && $4 == "value" && ($3 == "trade.exports" || ($3 == "trade.imports" && $5 == 2023)) {
        print $3, $5, $8, $10, ($13 == "" ? "latest" : $13), "release", $17 }'
"$MVEC" shares --vector trade.imports --year 2021 | grep -E '^(RUS|CHN) '
"$MVEC" shares --vector trade.imports --year 2023 | grep -E '^(RUS|CHN) '
