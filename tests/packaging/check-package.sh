#!/usr/bin/env bash
# Builds the .deb with CPack, unpacks it into a scratch root and checks the installed tree:
# programs, desktop file, AppStream metainfo, icons, sample clips, declared dependencies.
set -euo pipefail
build_dir="$1"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build_dir" && cpack -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1) || { cat "$scratch/cpack.log"; fail "cpack failed"; }
deb=$(ls "$scratch"/out/pixverse-studio_*_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no pixverse-studio_*.deb was produced"
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

root="$scratch/root"
dpkg-deb -x "$deb" "$root"
app_id=io.github.pixverse_studio.PixVerseStudio
for f in usr/bin/pixverse-studio usr/bin/pixverse-studio-cli usr/bin/pixverse-sandbox; do
    [ -x "$root/$f" ] || fail "$f is missing or not executable"
    file "$root/$f" | grep -q ELF || fail "$f is not a program"
done
for f in usr/share/applications/$app_id.desktop usr/share/metainfo/$app_id.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/$app_id.svg; do
    [ -s "$root/$f" ] || fail "$f is missing"
done
for size in 16 32 48 64 128 256; do
    png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    [ -s "$png" ] || fail "the ${size}px icon is missing"
    file "$png" | grep -q "$size x $size" || fail "the ${size}px icon has the wrong size"
done
clips=$(find "$root/usr/share/pixverse-studio/clips" -name '*.mp4' 2>/dev/null | wc -l)
[ "$clips" -gt 0 ] || fail "no sandbox clips are installed"
desktop-file-validate "$root/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" || fail "appstreamcli validate"
grep -q "^Icon=$app_id$" "$root/usr/share/applications/$app_id.desktop" || fail "the desktop file names another icon"

depends=$(dpkg-deb -f "$deb" Depends)
for dep in libqt6core6 libqt6widgets6 libqt6multimedia6 libqt6keychain1 libqt6sql6-sqlite qt6-qpa-plugins qt6-image-formats-plugins; do
    echo "$depends" | grep -q "$dep" || fail "Depends lacks $dep: $depends"
done
# Every shared library the programs need resolves on this system (what apt would pull).
for f in "$root"/usr/bin/*; do
    if ldd "$f" | grep -q 'not found'; then ldd "$f" >&2; fail "$(basename "$f") has unresolved libraries"; fi
done
echo "package ok: $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version), $clips clips"
