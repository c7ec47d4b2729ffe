#!/bin/bash
# with-xvfb-panel.sh WIDTH HEIGHT PANEL COMMAND...: runs COMMAND on a private X server (Xvfb) of
# WIDTHxHEIGHT whose work area (_NET_WORKAREA, what a desktop's panel leaves) ends PANEL px above
# the bottom, so that the screen's available area is smaller than the screen, as on a laptop.
set -euo pipefail
width=$1 height=$2 panel=$3
shift 3
for tool in Xvfb xprop; do
    command -v "$tool" >/dev/null || { echo "with-xvfb-panel.sh: $tool is missing" >&2; exit 1; }
done
dir=$(mktemp -d)
# -noreset: the work area set below stays when xprop disconnects.
Xvfb -displayfd 3 -screen 0 "${width}x${height}x24" -nolisten tcp -noreset \
    3>"$dir/display" 2>"$dir/xvfb.log" &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 200); do # Xvfb writes its display number once it accepts clients
    [ -s "$dir/display" ] && break
    kill -0 "$xvfb" 2>/dev/null || { cat "$dir/xvfb.log" >&2; exit 1; }
    sleep 0.05
done
export DISPLAY=":$(head -n1 "$dir/display")"
xprop -root -f _NET_WORKAREA 32c -set _NET_WORKAREA "0, 0, $width, $((height - panel))"
export QT_QPA_PLATFORM=xcb PIXVERSE_TEST_SCREEN=x11 PIXVERSE_TEST_PANEL="$panel"
"$@"
