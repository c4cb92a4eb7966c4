# Every example of 'mvec help', of 'mvec help COMMAND' for every command listed and of the man
# page's EXAMPLES runs from the repository root and exits 0: no example can name a file, option,
# vector or year that is not there. Each is listed with its exit code; its output is not compared
# (the other golden tests do that), its messages are shown only when it fails.
root=$(cd "$FIXTURES/../.." && pwd) || exit 1
# A directory that mirrors the repository root (a link to each entry): relative paths resolve as
# in the root, and a file an example writes ('> china.csv') lands here, not in the tree.
mkdir root && cd root || exit 1
for entry in "$root"/*; do ln -s "$entry" .; done
# Lines after "examples:" (indented), a trailing backslash joining the next line.
examples_of() {
    sed -n '/^examples:$/,$p' | sed -n 's/^  *//p' |
        awk '/\\$/ { sub(/\\$/, ""); joined = joined $0; next } { print joined $0; joined = "" }'
}
commands=$("$MVEC" help | sed -n '/^commands:$/,/^$/p' | awk 'NF > 1 { print $1 }')
{
    "$MVEC" help | examples_of | sed 's/^/main: /'
    for command in $commands; do
        "$MVEC" help "$command" | examples_of | sed "s/^/$command: /"
    done
    sed -n '/^\.SH EXAMPLES/,/^\.fi/p' "$root/docs/mvec.1" | grep -v '^\.' |
        sed 's/\\-/-/g; s/\\e/\\/g' | sed 's/^/  /' | sed '1i examples:' | examples_of |
        sed 's/^/mvec.1: /'
} >examples.txt
count=0
while IFS= read -r line; do
    example=${line#*: }
    case $example in
    "mvec "*) ;;
    *) echo "not an mvec command: $line"; continue ;;
    esac
    count=$((count + 1))
    case $example in
    "mvec serve"*) # runs until stopped: wait for its URL (at most 60 s), then SIGINT (exit 0)
        sh -c "exec \"\$MVEC\" ${example#mvec }" >example.out 2>example.err </dev/null &
        pid=$!
        tries=0
        while [ $tries -lt 600 ] && kill -0 $pid 2>/dev/null &&
            ! grep -q '^mvec serve: http' example.err; do
            sleep 0.1
            tries=$((tries + 1))
        done
        kill -INT $pid 2>/dev/null
        wait $pid
        code=$? ;;
    *)
        sh -c "\"\$MVEC\" ${example#mvec }" >example.out 2>example.err </dev/null
        code=$? ;;
    esac
    echo "exit $code: $line"
    [ $code -eq 0 ] || cat example.err
done <examples.txt
echo "$count examples"
