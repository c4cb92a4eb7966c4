# mvec chart blocs: the built-in profile's bloc shares in SVG (also to standard output), PNG at
# the default size (every bloc colour of 'powers' present) and PDF; tests/chart_image.py checks
# the structure with the Python standard library.
check="python3 $FIXTURES/../chart_image.py"
$MVEC chart blocs -o blocs.svg && $check blocs.svg 1200 750
$MVEC chart blocs --width 800 --height 500 > stdout.svg && $check stdout.svg 800 500
$MVEC chart blocs -o blocs.png && $check blocs.png 1200 750 '#D55E00' '#E69F00' '#0072B2' \
    '#009E73' '#CC79A7' '#999999'
$MVEC chart blocs --year 2022 --format pdf -o blocs.pdf && $check blocs.pdf 1200 750
