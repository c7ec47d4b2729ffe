#!/usr/bin/env bash
# Builds the .deb with CPack, unpacks it into a scratch root and checks the installed tree:
# programs, desktop file, AppStream metainfo, icons, translations, sample clips, and that the
# declared dependencies cover every shared library the programs load and resolve with apt.
# Usage: check-package.sh BUILD_DIR   (ctest -L packaging runs it on the test's build tree)
set -euo pipefail
build_dir="$1"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# Searches read here-strings, not pipes: under pipefail, `echo … | grep -q` fails when grep
# stops at its match before echo is done (SIGPIPE), which CI once reported as a missing package.

(cd "$build_dir" && cpack -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1) || { cat "$scratch/cpack.log"; fail "cpack failed"; }
deb=$(ls "$scratch"/out/pixverse-studio_*_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no pixverse-studio_*.deb was produced"
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

root="$scratch/root"
dpkg-deb -x "$deb" "$root"
app_id=io.github.pixverse_studio.PixVerseStudio
for f in usr/bin/pixverse-studio usr/bin/pixverse-studio-cli usr/bin/pixverse-sandbox; do
    [ -x "$root/$f" ] || fail "$f is missing or not executable"
    grep -q ELF <<<"$(file "$root/$f")" || fail "$f is not a program"
done
for f in usr/share/applications/$app_id.desktop usr/share/metainfo/$app_id.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/$app_id.svg; do
    [ -s "$root/$f" ] || fail "$f is missing"
done
for size in 16 32 48 64 128 256; do
    png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    [ -s "$png" ] || fail "the ${size}px icon is missing"
    grep -q "$size x $size" <<<"$(file "$png")" || fail "the ${size}px icon has the wrong size"
done
qm="$root/usr/share/pixverse-studio/translations/pixverse-studio_ru.qm"
[ -s "$qm" ] || fail "the Russian translation is not installed"
clips=$(find "$root/usr/share/pixverse-studio/clips" -name '*.mp4' 2>/dev/null | wc -l)
[ "$clips" -gt 0 ] || fail "no sandbox clips are installed"
# Videos made with sound are served from <w>x<h>-audio.mp4 (resources/clips).
sound_clips=$(find "$root/usr/share/pixverse-studio/clips" -name '*-audio.mp4' 2>/dev/null | wc -l)
[ "$sound_clips" -gt 0 ] || fail "no sandbox clips with sound are installed"
# The effect templates' previews and stills (issue 17: resources/clips, templates/look-<n>.*).
template_looks=$(find "$root/usr/share/pixverse-studio/clips/templates" -name 'look-*.mp4' 2>/dev/null | wc -l)
template_stills=$(find "$root/usr/share/pixverse-studio/clips/templates" -name 'look-*.jpg' 2>/dev/null | wc -l)
[ "$template_looks" -eq 8 ] && [ "$template_stills" -eq 8 ] ||
    fail "the sandbox's template previews are not installed ($template_looks clips, $template_stills stills)"
desktop-file-validate "$root/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" || fail "appstreamcli validate"
grep -q "^Icon=$app_id$" "$root/usr/share/applications/$app_id.desktop" || fail "the desktop file names another icon"

depends=$(dpkg-deb -f "$deb" Depends)
# ffmpeg's libraries: the media probe, its checks and the last frame (issue 16).
for dep in libqt6core6 libqt6widgets6 libqt6multimedia6 libqt6keychain1 libqt6sql6-sqlite qt6-qpa-plugins qt6-image-formats-plugins libavformat59 libavcodec59 libavutil57 libswscale6; do
    grep -q "$dep" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
echo "Depends: $depends"
# Every shared library the programs need resolves on this system, and the package that holds it
# is declared (dpkg-shlibdeps wrote them; this catches a lost CPACK_DEBIAN_PACKAGE_SHLIBDEPS).
declared=$(echo "$depends" | tr ',|' '\n\n' | sed -E 's/\(.*\)//; s/:any//; s/^ +//; s/ +$//' | sort -u)
for f in "$root"/usr/bin/*; do
    if grep -q 'not found' <<<"$(ldd "$f")"; then ldd "$f" >&2; fail "$(basename "$f") has unresolved libraries"; fi
    for lib in $(objdump -p "$f" | awk '/NEEDED/ {print $2}'); do
        # "libfoo.so.1 => /path (0x…)", or "/lib64/ld-linux-x86-64.so.2 (0x…)" for the loader.
        path=$(ldd "$f" | awk -v lib="$lib" '!found && $1 == lib {print $3; found = 1} !found && $1 ~ ("/" lib "$") {print $1; found = 1}')
        [ -n "$path" ] || fail "$(basename "$f"): $lib is not found"
        owner=$(dpkg -S "$path" 2>/dev/null || dpkg -S "$(readlink -f "$path")" 2>/dev/null || true)
        owner=${owner%%:*}
        [ -n "$owner" ] || fail "$(basename "$f"): no Debian package holds $path"
        grep -qx "$owner" <<<"$declared" || fail "$(basename "$f") needs $lib from $owner, which Depends lacks"
    done
done
# The package installs on this system with what Debian has (a dry run: nothing changes).
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    apt-get install --simulate --no-install-recommends "$deb" >"$scratch/apt.log" 2>&1 \
        || { cat "$scratch/apt.log" >&2; fail "apt-get cannot install the package"; }
    grep -E '^(Inst|Conf) pixverse-studio ' "$scratch/apt.log" >/dev/null \
        || { cat "$scratch/apt.log" >&2; fail "apt-get would not install pixverse-studio"; }
    echo "apt-get --simulate: $(grep -c '^Inst ' "$scratch/apt.log") package(s) to install"
else
    dpkg --dry-run -i "$deb" >/dev/null 2>&1 || echo "note: dpkg --dry-run -i failed (not root?)"
fi
echo "package ok: $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version), $(du -h "$deb" | cut -f1), $clips clips, $(dpkg-deb -f "$deb" Installed-Size) KiB installed"
