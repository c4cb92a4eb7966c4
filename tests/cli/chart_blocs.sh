# mvec chart blocs: the built-in profile's bloc shares as SVG (to standard output, 800 x 500),
# PNG (every bloc colour of 'powers' present) and PDF of another year; tests/chart_image.py
# checks the structure with the Python standard library.
check="python3 $FIXTURES/../chart_image.py"
$MVEC chart blocs --width 800 --height 500 > stdout.svg && $check stdout.svg 800 500
$MVEC chart blocs --width 600 --height 400 -o blocs.png && $check blocs.png 600 400 '#D55E00' \
    '#E69F00' '#0072B2' '#009E73' '#CC79A7' '#999999'
$MVEC chart blocs --year 2022 --format pdf -o blocs.pdf && $check blocs.pdf 1200 750
