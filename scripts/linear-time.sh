#!/usr/bin/env bash
# Extraction work on hostile input, counted in instructions by callgrind
# (repeatable, unlike wall time): each input shape at 1 MB and 10 MB, and
# the ratio of the two. Linear work gives a ratio near 10.
#
# usage: scripts/linear-time.sh [SHAPE...]
#   shapes: punct line titles article (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."

command -v valgrind >/dev/null || { echo "linear-time: valgrind is not installed" >&2; exit 2; }
cargo build --release --quiet
bin=target/release/tinhuy
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# Writes SIZE bytes of SHAPE to FILE, cut at a character boundary.
make_input() {
    python3 - "$1" "$2" "$3" <<'PY'
import sys
shape, size, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
article = open("data/articles/001_459ce03ce86bd3fb.txt", encoding="utf-8").read()
unit = {
    "punct": ",.;:!?-–—…“”()[]/%\" ' \n",
    "line": article.replace("\n", " "),
    "titles": "Bí thư Tỉnh ủy, ",
    "article": article + "\n",
}[shape]
data = (unit * (size // len(unit.encode()) + 1)).encode()[:size]
open(path, "wb").write(data.decode("utf-8", "ignore").encode())
PY
}

# Instructions executed by `tinhuy extract --json FILE`.
count() {
    local n
    n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" extract --json "$1" \
        2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
    [ -n "$n" ] || { echo "linear-time: no count for $1" >&2; exit 1; }
    echo "$n"
}

# A one-word article: startup, argument parsing and the lazy tables.
printf 'x\n' >"$dir/tiny.txt"
base=$(count "$dir/tiny.txt")
echo "startup (one-word file): $base instructions"
printf '%-8s %16s %16s %8s %14s\n' shape "1 MB" "10 MB" ratio "less startup"
shapes=("$@")
[ ${#shapes[@]} -gt 0 ] || shapes=(punct line titles article)
for shape in "${shapes[@]}"; do
    make_input "$shape" 1000000 "$dir/$shape-1.txt"
    make_input "$shape" 10000000 "$dir/$shape-10.txt"
    a=$(count "$dir/$shape-1.txt")
    b=$(count "$dir/$shape-10.txt")
    ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }')
    # Startup is the same for both sizes: the ratio of the rest.
    net=$(awk -v a="$a" -v b="$b" -v s="$base" 'BEGIN { printf "%.2f", (b - s) / (a - s) }')
    printf '%-8s %16s %16s %8s %14s\n' "$shape" "$a" "$b" "$ratio" "$net"
done
