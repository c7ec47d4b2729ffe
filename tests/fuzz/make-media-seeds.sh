#!/usr/bin/env bash
# Makes the seed corpus of fuzz_media_probe (issue 21): tiny real clips of every container the
# probe names, made by ffmpeg, each behind the byte that chooses its extension in the target
# (0 mp4, 1 mov, 2 m4a, 3 webm, 4 mp3, 5 wav, 6 aac, 7 mkv), plus files whose extension lies,
# a truncated clip and a text file.
#
#   tests/fuzz/make-media-seeds.sh [OUT_DIR]      (default: tests/fuzz/corpus/fuzz_media_probe)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/corpus/fuzz_media_probe}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
f() { ffmpeg -loglevel error -y "$@"; }
video=(-f lavfi -i "testsrc=s=64x48:r=10:d=0.5")
sound=(-f lavfi -i "sine=d=0.5:sample_rate=8000")
f "${video[@]}" "${sound[@]}" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -b:a 16k \
    -shortest "$work/clip.mp4"
f "${video[@]}" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -metadata:s:v rotate=90 \
    "$work/rotated.mov"
f "${sound[@]}" -c:a aac -b:a 16k "$work/voice.m4a"
f "${video[@]}" "${sound[@]}" -c:v libvpx-vp9 -deadline realtime -b:v 50k -c:a libopus -b:a 16k \
    -shortest "$work/clip.webm"
f "${sound[@]}" -c:a libmp3lame -b:a 16k "$work/voice.mp3"
f -f lavfi -i "sine=d=0.2:sample_rate=8000" -c:a pcm_s16le "$work/voice.wav"
f "${sound[@]}" -c:a aac -b:a 16k -f adts "$work/voice.aac"
f "${video[@]}" "${sound[@]}" -c:v mpeg4 -c:a libmp3lame -b:a 16k -shortest "$work/clip.mkv"
# seed BYTE FILE NAME: the extension's byte, then the file.
seed() { { printf "\\x$1"; cat "$2"; } >"$out/$3"; }
seed 00 "$work/clip.mp4" h264-aac.mp4.bin
seed 01 "$work/rotated.mov" rotated-90.mov.bin
seed 02 "$work/voice.m4a" aac.m4a.bin
seed 03 "$work/clip.webm" vp9-opus.webm.bin
seed 04 "$work/voice.mp3" voice.mp3.bin
seed 05 "$work/voice.wav" pcm.wav.bin
seed 06 "$work/voice.aac" adts.aac.bin
seed 07 "$work/clip.mkv" mpeg4-mp3.mkv.bin
seed 02 "$work/clip.mp4" video-named-m4a.bin
seed 00 "$work/voice.m4a" audio-named-mp4.bin
{ printf '\x00'; head -c 3000 "$work/clip.mp4"; } >"$out/truncated.mp4.bin"
printf '\x00these are words, not a clip\n' >"$out/text-named-mp4.bin"
echo "make-media-seeds.sh: seeds written to $out"
