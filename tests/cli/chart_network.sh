# mvec chart network: the oil links of 2022 with every link through Russia closed as SVG; the
# whole network with the CPC's Russian section closed as PNG (its vermilion) and PDF.
check="python3 $FIXTURES/../chart_image.py"
$MVEC chart network --commodity oil --without-transit RUS --year 2022 -o oil.svg &&
    $check oil.svg 1200 750
for format in png pdf; do
    $MVEC chart network --close cpc-rus --width 600 --height 400 -o network.$format &&
        $check network.$format 600 400 '#D55E00'
done
