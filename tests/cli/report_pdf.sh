# The PDF of mvec report, as docs/formats.md ("HTML report") says to make it: headless
# Chromium's print-to-PDF of the HTML file. Checks the PDF (tests/independent/pdf_pages.py:
# pages, each A4, the report's title) and keeps report.html, report.pdf and a screenshot of
# the first screen, report.png, in $MVEC_TEST_OUTPUT/report (default build/test-output/report)
# to be looked at. Skipped (exit 77) where chromium is not installed; CI installs it.
command -v chromium >/dev/null 2>&1 || exit 77
root="$FIXTURES/../.."
out="${MVEC_TEST_OUTPUT:-$root/build/test-output}/report"
mkdir -p "$out" || exit 1
"$MVEC" report -o report.html || exit 1
browse() {
    timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-extensions --disable-background-networking "$@" "file://$PWD/report.html" \
        >chromium.log 2>&1 || { echo "chromium failed:"; tail -5 chromium.log; exit 1; }
}
browse --no-pdf-header-footer --print-to-pdf="$PWD/report.pdf"
browse --hide-scrollbars --window-size=1000,1400 --screenshot="$PWD/report.png"
python3 "$root/tests/independent/pdf_pages.py" report.pdf "Kazakhstan (KAZ)" || exit 1
[ -s report.png ] && echo "screenshot: a PNG" || echo "no screenshot"
cp report.html report.pdf report.png "$out"/
