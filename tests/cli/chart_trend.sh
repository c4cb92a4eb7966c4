# mvec chart trend: partners (a code and a name) as SVG; the great powers' shares of exports
# with a break year as PNG (the three bloc colours) and PDF.
check="python3 $FIXTURES/../chart_image.py"
$MVEC chart trend --vector trade.imports --partner RUS,China -o partners.svg &&
    $check partners.svg 1200 750
for format in png pdf; do
    $MVEC chart trend --vector trade.exports --bloc RUS-EAEU,CHN,WEST --break 2021 \
        --width 600 --height 400 -o trend.$format &&
        $check trend.$format 600 400 '#D55E00' '#E69F00' '#0072B2'
done
