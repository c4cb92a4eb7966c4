# mvec chart network: the built-in corridors with the CPC's Russian section closed, in each
# format (the PNG shows the closed link's vermilion), one commodity, and links through Russia.
check="python3 $FIXTURES/../chart_image.py"
for format in svg png pdf; do
    $MVEC chart network --close cpc-rus --width 600 --height 400 -o network.$format &&
        $check network.$format 600 400 '#D55E00'
done
$MVEC chart network --commodity oil --without-transit RUS --year 2022 -o oil.svg &&
    $check oil.svg 1200 750
