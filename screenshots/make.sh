#!/usr/bin/env bash
# Screenshots of the real binary: drives it in tmux, captures each view with
# its colours and renders them to PNG with ansi_to_png.py.
#
# Needs tmux, python3 with Pillow (pip install pillow) and DejaVu Sans Mono
# (Debian: fonts-dejavu-core). Run from anywhere: screenshots/make.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"
cargo build --release --quiet
bin="$root/target/release/tinhuy"
home=$(mktemp -d)
sock="tinhuy-shots-$$"
cols=100
rows=30
t() { tmux -L "$sock" "$@"; }
trap 't kill-server 2>/dev/null; rm -rf "$home"' EXIT

t -f /dev/null new-session -d -s main -x "$cols" -y "$rows" \
    "env -i PATH=$PATH HOME=$home XDG_CONFIG_HOME=$home/config XDG_STATE_HOME=$home/state TERM=xterm-256color LANG=C.UTF-8 $bin"
sleep 1

shot() {
    sleep 0.6
    t capture-pane -e -p -t main > "$home/$1.txt"
    python3 "$here/ansi_to_png.py" "$home/$1.txt" "$here/$1.png" --cols "$cols"
    echo "screenshots/$1.png"
}

# Keys one at a time: an Esc followed at once by a key reads as Alt-key.
keys() { for k in "$@"; do t send-keys -t main "$k"; sleep 0.15; done; }

# The four panes, a Hà Tĩnh meeting selected, on its attendees.
keys h j j l Tab
shot browse
# Search typed without diacritics.
keys /
t send-keys -t main -l "ngo dong hai"
shot search
# The official's page.
keys Enter
shot person
# An article with its facts marked, a conclusion current.
keys Escape Escape Tab j Enter
shot detail
# Help.
keys '?'
shot help
keys Escape
# Who held what when in Thái Bình (the last province) on its newest
# meeting's date; then that date marked, three months back, the chairman of
# the people's committee selected and the two dates compared.
keys Escape Escape h h h G L
shot leadership
keys m '[' '[' '[' j j j c
shot leadership-compare
# Every deadline, soonest first: opened on Thái Bình's, p goes on to all.
keys D p
shot deadlines
keys Escape q
