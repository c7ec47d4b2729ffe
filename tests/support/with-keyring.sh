#!/usr/bin/env bash
# Runs one test inside a private D-Bus session with gnome-keyring unlocked, so QtKeychain talks to
# a real Secret Service without touching the developer's own keyring.
set -euo pipefail
if [ -z "${PIXVERSE_IN_KEYRING_SESSION:-}" ]; then
    export PIXVERSE_IN_KEYRING_SESSION=1
    exec dbus-run-session -- bash "$0" "$@"
fi
mkdir -p "${HOME:-/tmp}"
# The password only unlocks this throw-away login keyring.
eval "$(printf 'pixverse-test' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
