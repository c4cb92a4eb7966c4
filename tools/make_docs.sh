#!/bin/sh
# make_docs.sh BUILD_DIR [OUT_DIR] - the README's pictures, from the embedded data:
#   OUT_DIR/triangle.png   mvec chart triangle (Kazakhstan's balance triangle, trade.total)
#   OUT_DIR/dashboard.png  mvec serve's dashboard as headless Chromium shows it
# OUT_DIR defaults to docs/img. Run by `make docs`; tests/cli/docs_pictures.sh checks that the
# triangle in the tree is the one this script draws (the dashboard's pixels depend on the
# browser's fonts, so that picture is checked for size and content, not byte for byte).
set -eu
build=${1:?usage: make_docs.sh BUILD_DIR [OUT_DIR]}
out=${2:-docs/img}
mvec=$(cd "$build" && pwd)/mvec
mkdir -p "$out"

"$mvec" chart triangle -o "$out/triangle.png" --width 1200 --height 900

browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "make_docs: chromium is not installed (tools/install-deps.sh)" >&2; exit 1; }
scratch=$(mktemp -d)
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null
    rm -rf "$scratch"
}
trap cleanup EXIT INT TERM
"$mvec" serve --port 0 2>"$scratch/serve.err" &
server=$!
url=
for _ in $(seq 1 100); do
    url=$(sed -n 's/^mvec serve: \(http[^ ]*\)$/\1/p' "$scratch/serve.err")
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { echo "make_docs: mvec serve did not start:" >&2; cat "$scratch/serve.err" >&2; exit 1; }
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$scratch/profile" \
    --window-size=1400,1000 --virtual-time-budget=8000 --screenshot="$out/dashboard.png" \
    "$url" >"$scratch/chromium.log" 2>&1 ||
    { echo "make_docs: chromium failed:" >&2; tail -5 "$scratch/chromium.log" >&2; exit 1; }
echo "make_docs: $out/triangle.png, $out/dashboard.png"
