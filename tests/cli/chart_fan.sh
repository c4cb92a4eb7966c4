# mvec chart fan: the 'squeezed' scenario's export shares of the great powers over 200 paths,
# in each format; then one metric of another unit.
check="python3 $FIXTURES/../chart_image.py"
root=$FIXTURES/..
for format in svg png pdf; do
    $MVEC chart fan "$root/../scenarios/squeezed.lua" --paths 200 --seed 3 --width 600 \
        --height 400 -o fan.$format && $check fan.$format 600 400 '#D55E00' '#E69F00' '#0072B2'
done
$MVEC chart fan "$root/../scenarios/squeezed.lua" --paths 50 --metric exports.at_risk \
    -o risk.svg && $check risk.svg 1200 750
