# The README's pictures (docs/img/, drawn by `make docs`) are those of the current code and
# embedded data: the triangle is redrawn and must be byte for byte the one in the tree; the
# dashboard screenshot (its pixels depend on the browser's fonts) must be a 1400 x 1000 image
# with the bloc colours of the dashboard's bars (RUS-EAEU, CHN, WEST).
root="$FIXTURES/../.."
"$MVEC" chart triangle -o triangle.png --width 1200 --height 900 || exit 1
if cmp -s triangle.png "$root/docs/img/triangle.png"; then
    echo "docs/img/triangle.png: as drawn now"
else
    echo "docs/img/triangle.png differs from what mvec draws now: run make docs"
fi
python3 "$root/tests/chart_image.py" "$root/docs/img/triangle.png" 1200 900 '#D55E00' '#E69F00' \
    '#0072B2' | sed 's|.*/docs/img/|docs/img/|'
python3 "$root/tests/chart_image.py" "$root/docs/img/dashboard.png" 1400 1000 '#D55E00' \
    '#E69F00' '#0072B2' | sed 's|.*/docs/img/|docs/img/|'
