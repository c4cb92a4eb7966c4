# mvec chart triangle: public opinion (interval shares) as SVG, trade among RUS-EAEU, CHN and
# WEST ('powers') as PNG and PDF; a scheme with four great powers is refused with their names.
check="python3 $FIXTURES/../chart_image.py"
$MVEC chart triangle --vector opinion -o opinion.svg && $check opinion.svg 1200 750
for format in png pdf; do
    $MVEC chart triangle --width 600 --height 400 -o triangle.$format &&
        $check triangle.$format 600 400 '#D55E00' '#E69F00' '#0072B2'
done
$MVEC chart triangle --blocs scheme_four.csv -q -o four.svg
echo "exit $?"
test -e four.svg || echo "no four.svg"
