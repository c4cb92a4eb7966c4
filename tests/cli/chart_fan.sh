# mvec chart fan: the 'squeezed' scenario's exports at risk (USD) as SVG; its export shares of
# the great powers over 200 paths as PNG (the three bloc colours) and PDF.
check="python3 $FIXTURES/../chart_image.py"
script=$FIXTURES/../../scenarios/squeezed.lua
$MVEC chart fan "$script" --paths 50 --metric exports.at_risk -o risk.svg &&
    $check risk.svg 1200 750
for format in png pdf; do
    $MVEC chart fan "$script" --paths 200 --seed 3 --width 600 --height 400 -o fan.$format &&
        $check fan.$format 600 400 '#D55E00' '#E69F00' '#0072B2'
done
