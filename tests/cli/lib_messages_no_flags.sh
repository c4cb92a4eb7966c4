# library messages name things, not command-line flags (the CLI adds those):
# every string literal in src/lib holding "--option" is listed here
cd "$FIXTURES/../.." && grep -rn -- '"[^"]*--[a-z]' src/lib | cut -d: -f1
