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
#   build-aux/dev.sh test-current-platform
#                               build and run the whole test suite against the
#                               GTK and libadwaita the Flatpak runs on, in a
#                               Debian 13 root (as root; the root is cached)
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"

packages=(
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  desktop-file-utils appstream flatpak-builder
  xvfb xauth xdotool dbus
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

# The current platform: the Flatpak runs on a newer GTK, libadwaita and
# json-glib than Debian 12 builds against. A Debian 13 (trixie) root has
# them: GTK 4.18, libadwaita 1.7, json-glib 1.10. It is built once with
# mmdebstrap and kept under /var/cache, in a folder named after what went
# into it, so a changed package list builds a new one.
current_platform_suite=trixie
current_platform_packages=(
  gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  desktop-file-utils appstream flatpak-builder
  libxml2-utils xvfb xauth xdotool dbus fonts-dejavu-core python3
)
current_platform_cache=/var/cache/interview-companion

current_platform_root() {
  local key
  key=$(printf '%s\n' "$current_platform_suite" apt "${current_platform_packages[@]}" | sha256sum | cut -c1-12)
  echo "$current_platform_cache/$current_platform_suite-$key"
}

# Removes a root folder without ever descending into something mounted on
# it (a bind-mounted /dev left by a killed mmdebstrap, for example).
remove_root() {
  local dir=$1 mnt
  [ -e "$dir" ] || return 0
  for mnt in $(awk -v d="$dir/" 'index($5, d) == 1 { print $5 }' /proc/self/mountinfo | sort -r); do
    umount -l "$mnt"
  done
  rm -rf --one-file-system "$dir"
}

ensure_current_platform_root() {
  local root=$1 old
  [ -x "$root/usr/bin/meson" ] && return 0

  # Roots built from another package list are of no more use.
  for old in "$current_platform_cache/$current_platform_suite"-*; do
    [ -e "$old" ] && [ "$old" != "$root" ] && remove_root "$old"
  done
  remove_root "$root.tmp"
  echo "Building a Debian 13 root in $root (once; a few minutes)"
  local IFS=,
  mmdebstrap --quiet --variant=apt --format=directory --include="${current_platform_packages[*]}" \
    "$current_platform_suite" "$root.tmp"
  mv "$root.tmp" "$root"
}

# A clean copy of the working tree: the tracked files as they are now, and
# new files not ignored; no build folders.
copy_working_tree() {
  local dest=$1 f
  git -C "$top" ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do
      if [ -e "$f" ] || [ -L "$f" ]; then printf '%s\0' "$f"; fi
    done |
    tar --null --no-recursion -T - -cf - | tar -xf - -C "$dest"
}

# Runs as the first process of private mount, network, IPC and PID
# namespaces (see the caller): the mounts, the virtual X server and every
# test process end with it, even when the run is killed, and the X server
# cannot collide with one on the host. The trap unmounts in order all the
# same.
run_in_current_platform_root() {
  local root=$1 status=0
  mounted=()
  unmount_root() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
      umount "${mounted[i]}" || umount -l "${mounted[i]}"
    done
    mounted=()
  }
  trap unmount_root EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM HUP
  mount_in_root() {
    mount "$@"
    mounted+=("${*: -1}")
  }

  ip link set lo up
  mount_in_root -t proc proc "$root/proc"
  # Read-only, as a real /sys is: a test relies on a folder nobody can write.
  mount_in_root -t sysfs -o ro sysfs "$root/sys"
  mount_in_root --bind /dev "$root/dev"
  mount_in_root --bind /dev/pts "$root/dev/pts"
  mount_in_root -t tmpfs -o mode=1777 shm "$root/dev/shm"
  # A fresh /tmp: nothing a run leaves there (X server locks) stays in the
  # cached root.
  mount_in_root -t tmpfs -o mode=1777 tmp "$root/tmp"

  chroot "$root" /usr/bin/env -i \
    PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME=/root LANG=C.UTF-8 \
    TMPDIR=/src/tmp \
    /bin/bash -c "$(declare -f summarize)"'
      set -eu
      cd /src
      mkdir -p tmp
      meson setup build-trixie --warnlevel=3 -Dwerror=true >/dev/null
      ninja -C build-trixie
      status=0
      xvfb-run -a -s "-screen 0 1280x800x24" \
        meson test -C build-trixie --print-errorlogs --num-processes 2 "$@" || status=$?
      if [ -f build-trixie/meson-logs/testlog.json ]; then
        echo "current platform: $(summarize build-trixie/meson-logs/testlog.json)"
      else
        echo "current platform: no test ran"
      fi
      exit $status' bash "${@:2}" &
  # Waiting on a background job lets the traps run as soon as a signal comes.
  wait $! || status=$?
  exit $status
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
  test-current-platform)
    if [ "$(id -u)" -ne 0 ]; then
      echo "test-current-platform builds a root and mounts into it: run it as root" >&2
      exit 2
    fi
    # The host needs mmdebstrap only: everything else is in the root.
    packages=(mmdebstrap)
    install_missing
    mkdir -p "$current_platform_cache"
    # One run at a time per machine: runs share the cached root.
    exec 9>"$current_platform_cache/lock"
    flock 9
    root=$(current_platform_root)
    ensure_current_platform_root "$root"
    rm -rf --one-file-system "$root/src"
    mkdir "$root/src"
    copy_working_tree "$root/src"
    export -f run_in_current_platform_root summarize
    echo "Testing in $root (GTK $(chroot "$root" pkg-config --modversion gtk4)," \
      "libadwaita $(chroot "$root" pkg-config --modversion libadwaita-1)," \
      "json-glib $(chroot "$root" pkg-config --modversion json-glib-1.0))"
    unshare --mount --propagation private --net --ipc --pid --fork --kill-child \
      bash -c 'set -eu; run_in_current_platform_root "$@"' bash "$root" "${@:2}"
    ;;
  *)
    echo "usage: $0 run|test|benchmark|test-current-platform" >&2
    exit 2
    ;;
esac
