# mvec chart trend: the great powers' shares of exports with a break year, in each format; the
# PNG has the three bloc colours.
check="python3 $FIXTURES/../chart_image.py"
for format in svg png pdf; do
    $MVEC chart trend --vector trade.exports --bloc RUS-EAEU,CHN,WEST --break 2021 \
        --width 600 --height 400 -o trend.$format &&
        $check trend.$format 600 400 '#D55E00' '#E69F00' '#0072B2'
done
# partners (codes or names) and an interval series (public opinion)
$MVEC chart trend --vector trade.imports --partner RUS,China -o partners.svg &&
    $check partners.svg 1200 750
$MVEC chart trend --vector opinion --bloc CHN -o opinion.svg && $check opinion.svg 1200 750
