#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One command for each thing a developer does on a fresh Debian or Ubuntu
# machine. Each installs whatever is missing first.
#
#   build-aux/dev.sh run        build and start Interview Companion
#   build-aux/dev.sh test       build and run the whole test suite (headless
#                               under Xvfb when there is no display)
#   build-aux/dev.sh benchmark  build with optimisation and run the benchmarks
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"

packages=(
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  desktop-file-utils appstream flatpak-builder
  xvfb xauth xdotool dbus
  libreoffice-calc-nogui
)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  echo "Installing: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Configure once; meson reconfigures by itself when a meson.build changes,
# and an existing build folder is given the options asked for here.
setup() {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@" >/dev/null
  elif [ $# -gt 0 ]; then
    meson configure "$dir" "$@" >/dev/null
  fi
  ninja -C "$dir"
}

have_display() {
  [ -n "${WAYLAND_DISPLAY:-}" ] || [ -n "${DISPLAY:-}" ]
}

# Widget tests need a display: provide a virtual one when there is none.
with_display() {
  if have_display; then
    "$@"
  else
    xvfb-run -a -s "-screen 0 1280x800x24" "$@"
  fi
}

# CI reads a final "N passed, N failed" line; meson's summary is not that.
summarize() {
  local log=$1
  python3 - "$log" <<'PY'
import json, sys
counts = {"OK": 0, "EXPECTEDFAIL": 0, "FAIL": 0, "UNEXPECTEDPASS": 0, "TIMEOUT": 0, "ERROR": 0, "SKIP": 0}
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.strip()
    if line:
        result = json.loads(line).get("result", "ERROR")
        counts[result] = counts.get(result, 0) + 1
passed = counts["OK"] + counts["EXPECTEDFAIL"]
failed = sum(v for k, v in counts.items() if k not in ("OK", "EXPECTEDFAIL", "SKIP"))
line = f"{passed} passed, {failed} failed"
if counts["SKIP"]:
    line += f", {counts['SKIP']} skipped"
print(line)
PY
}

cmd=${1:-run}
case "$cmd" in
  run)
    install_missing
    setup build
    # Run from the build tree: the schema is compiled there.
    GSETTINGS_SCHEMA_DIR="$top/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}" \
      exec ./build/src/interview-companion "${@:2}"
    ;;
  test)
    install_missing
    # The strictest build: every warning of warning_level 3 is an error.
    setup build --warnlevel=3 -Dwerror=true
    status=0
    with_display meson test -C build --print-errorlogs --num-processes 2 "${@:2}" || status=$?
    summarize build/meson-logs/testlog.json
    exit $status
    ;;
  benchmark)
    install_missing
    setup build-release --buildtype=release
    with_display meson test -C build-release --benchmark --verbose "${@:2}"
    ;;
  *)
    echo "usage: $0 run|test|benchmark" >&2
    exit 2
    ;;
esac
