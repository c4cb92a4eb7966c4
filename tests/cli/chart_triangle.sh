# mvec chart triangle: Kazakhstan's trade among RUS-EAEU, CHN and WEST ('powers'), in each
# format; a scheme with four great powers is refused with their names.
check="python3 $FIXTURES/../chart_image.py"
for format in svg png pdf; do
    $MVEC chart triangle --width 600 --height 400 -o triangle.$format &&
        $check triangle.$format 600 400 '#D55E00' '#E69F00' '#0072B2'
done
$MVEC chart triangle --vector opinion -o opinion.svg && $check opinion.svg 1200 750
$MVEC chart triangle --blocs scheme_four.csv -o four.svg
echo "exit $?"
test -e four.svg || echo "no four.svg"
