#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One command for each thing a developer does on a fresh Debian or Ubuntu
# machine. Each installs whatever is missing first.
#
#   build-aux/dev.sh run        build and start Interview Companion
#   build-aux/dev.sh test       build and run the whole test suite (headless
#                               under Xvfb when there is no display)
#   build-aux/dev.sh benchmark  build with optimisation and run the benchmarks;
#                               the last lines are every target's, one a line:
#                               "target NAME: MEASURED (goal GOAL) met" or
#                               "... not met"
#   build-aux/dev.sh sanitize   build with AddressSanitizer and
#                               UndefinedBehaviorSanitizer (in ./build-sanitize)
#                               and run the whole test suite under them
#   build-aux/dev.sh fuzz [SECONDS]
#                               build the libFuzzer targets of tests/fuzz/ with
#                               clang (in ./build-fuzz) and run each for
#                               SECONDS (60) over a copy of its seed corpus
#
#   build-aux/dev.sh test-current-platform
#                               build and run the whole test suite against the
#                               GTK and libadwaita the Flatpak runs on, in a
#                               Debian 13 root (as root; the root is cached);
#                               its test log is copied to
#                               build-current-platform/testlog.json
#
# test, sanitize, fuzz and test-current-platform end with a line "N passed,
# N failed" (the last prefixed "current platform: ") and exit non-zero when
# anything failed. With IVC_CI_LEGS set (.ci/run runs all four, then prints
# one summary of them) that line is worded differently, so that only
# .ci/run's last line has the plain form.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"

packages=(
  build-essential pkg-config meson ninja-build gettext locales
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libmd4c-dev
  desktop-file-utils appstream flatpak-builder shared-mime-info libglib2.0-bin
  xvfb xauth xdotool dbus
  at-spi2-core python3-pyatspi
  libreoffice-calc-nogui
  syncthing
)

# The compiler of the fuzz targets. libFuzzer and clang's sanitizer
# runtimes come with libclang-rt-N-dev for clang N, added once clang is
# there (libclang-rt-14-dev on Debian 12).
fuzz_packages=(clang)

# Installs those of the packages named (by default the ones every command
# needs) that are missing.
install_missing() {
  local missing=()
  [ $# -gt 0 ] || set -- "${packages[@]}"
  for p in "$@"; do
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
  local out
  # Quiet when it works; meson's whole account when it does not.
  if [ ! -f "$dir/build.ninja" ]; then
    out=$(meson setup "$dir" "$@" 2>&1) || { echo "$out" >&2; return 1; }
  elif [ $# -gt 0 ]; then
    out=$(meson configure "$dir" "$@" 2>&1) || { echo "$out" >&2; return 1; }
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
# Each argument is a test log in meson's form (one JSON object a line, key
# "result"), optionally followed by ":STATUS", the exit status of what wrote
# it: a command that failed with no failed test in its log (a build error, a
# crash before the tests) counts as one failure, and so does a missing log.
# With --label NAME and IVC_CI_LEGS set, the line is worded for one leg of
# .ci/run: "NAME: N tests passed and N failed".
summarize() {
  local label=
  if [ "${1:-}" = --label ]; then
    label=$2
    shift 2
  fi
  python3 - "$label" "$@" <<'PY'
import json, os, sys

label, logs = sys.argv[1], sys.argv[2:]
kinds = ("OK", "EXPECTEDFAIL", "FAIL", "UNEXPECTEDPASS", "TIMEOUT", "ERROR", "SKIP")
counts = dict.fromkeys(kinds, 0)

def failed(c):
    return sum(v for k, v in c.items() if k not in ("OK", "EXPECTEDFAIL", "SKIP"))

for arg in logs:
    path, status = arg, "0"
    if ":" in arg:
        path, status = arg.rsplit(":", 1)
    these = dict.fromkeys(kinds, 0)
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line:
                result = json.loads(line).get("result", "ERROR")
                these[result] = these.get(result, 0) + 1
    else:
        print(f"{path}: no test log, counted as one failure", file=sys.stderr)
        these["ERROR"] += 1
    if status != "0" and failed(these) == 0:
        print(f"{path}: what wrote it failed (exit status {status}), counted as one failure", file=sys.stderr)
        these["ERROR"] += 1
    for k, v in these.items():
        counts[k] = counts.get(k, 0) + v

passed = counts["OK"] + counts["EXPECTEDFAIL"]
skipped = f"{counts['SKIP']} skipped" if counts["SKIP"] else ""
if label and os.environ.get("IVC_CI_LEGS"):
    print(f"{label}: {passed} tests passed and {failed(counts)} failed" + (f", {skipped}" if skipped else ""))
else:
    # The last line is exactly "N passed, N failed": skips go on the line
    # before it.
    if skipped:
        print(f"{skipped} (neither passed nor failed)")
    print(f"{passed} passed, {failed(counts)} failed")
PY
}

# The "target NAME: ... met" / "... not met" lines the benchmarks printed,
# in the order they ran, from meson's log (one JSON object a line, with the
# test's "stdout").
collect_targets() {
  python3 - "$1" <<'PY'
import json, os, sys

path = sys.argv[1]
if not os.path.exists(path):
    print(f"{path}: no benchmark log, no targets", file=sys.stderr)
    sys.exit(0)
for line in open(path, encoding="utf-8"):
    line = line.strip()
    if not line:
        continue
    for out in (json.loads(line).get("stdout") or "").splitlines():
        if out.startswith("target ") and (out.endswith(" met") or out.endswith(" not met")):
            print(out)
PY
}

# The sanitizers stop at the first report, with a stack; leaks in
# third-party libraries are suppressed, each with the reason, in
# build-aux/lsan.supp. GSlice's caches would hide use-after-free and GL
# drivers add reports of their own: plain malloc, and cairo instead of GL.
# GLib and GTK are built without frame pointers: only the slow unwinder
# gives leak stacks deep enough for a suppression to name a function. It
# makes allocations several times slower, so the model's tests, which need
# no suppression of that kind, run with the fast one.
sanitizer_env() {
  export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:print_stacktrace=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
  export LSAN_OPTIONS="suppressions=$top/build-aux/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
  export G_SLICE=always-malloc
  # GIO's own modules (dconf, proxies, TLS) are none of the tests' business,
  # and a machine with more of them installed leaks a GIOModule per module
  # GIO scans: no module folder, whatever the machine has.
  mkdir -p "$top/build-sanitize/no-gio-modules"
  export GIO_MODULE_DIR="$top/build-sanitize/no-gio-modules"
  export GSK_RENDERER=cairo
  export GDK_DEBUG=gl-disable
}

fuzz_targets=(fuzz-bank fuzz-candidate fuzz-export fuzz-guide fuzz-markdown)

# Runs each fuzz target for $1 seconds over a fresh copy of its seed corpus:
# what libFuzzer adds stays in build-fuzz/, never in the source tree. Prints
# one line a target, and writes build-fuzz/fuzz-testlog.json with one test a
# target for summarize.
run_fuzzers() {
  local seconds=$1 dir=build-fuzz status=0
  local results=$dir/fuzz-testlog.json

  rm -f "$results"
  for t in "${fuzz_targets[@]}"; do
    local corpus=$dir/corpus/$t log=$dir/logs/$t.log
    local start=$SECONDS rc=0 result=OK runs first

    rm -rf "$corpus" "$dir/artifacts/$t"
    mkdir -p "$corpus" "$dir/logs" "$dir/artifacts/$t"
    cp tests/fuzz/corpus/"$t"/* "$corpus"/
    "$dir/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -dict="tests/fuzz/$t.dict" -artifact_prefix="$dir/artifacts/$t/" \
      -print_final_stats=1 "$corpus" >"$log" 2>&1 || rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    if [ $rc -eq 0 ]; then
      echo "$t: ok, ${runs:-?} inputs in $((SECONDS - start)) s, $(find "$corpus" -type f | wc -l) in its corpus"
    else
      result=FAIL
      status=1
      echo "$t: FAILED (exit status $rc) after $((SECONDS - start)) s; the input is in $dir/artifacts/$t/, the log in $log"
      # The report, from the first message of a check, GLib or a sanitizer.
      first=$(grep -a -n -m1 -E '^(==[0-9]+==|fuzz check failed|\(process:|SUMMARY:)' "$log" | cut -d: -f1 || true)
      tail -n +"${first:-1}" "$log" | head -n 60
    fi
    printf '{"name": "%s", "result": "%s", "duration": %d}\n' "$t" "$result" $((SECONDS - start)) >>"$results"
  done
  return $status
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
  libmd4c-dev
  desktop-file-utils appstream flatpak-builder
  libxml2-utils xvfb xauth xdotool dbus fonts-dejavu-core python3 locales
  syncthing
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
    /bin/bash -c '
      set -eu
      cd /src
      mkdir -p tmp
      meson setup build-trixie --warnlevel=3 -Dwerror=true >/dev/null
      ninja -C build-trixie
      xvfb-run -a -s "-screen 0 1280x800x24" \
        meson test -C build-trixie --print-errorlogs --num-processes 2 "$@"' bash "${@:2}" &
  # Waiting on a background job lets the traps run as soon as a signal comes.
  wait $! || status=$?
  exit $status
}

cmd=${1:-run}
case "$cmd" in
  run)
    install_missing
    setup build
    # Run from the build tree: the schema is compiled there, and this
    # build of the program finds the translations there.
    GSETTINGS_SCHEMA_DIR="$top/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}" \
      exec ./build/src/interview-companion-uninstalled "${@:2}"
    ;;
  test)
    install_missing
    # The strictest build: every warning of warning_level 3 is an error.
    setup build --warnlevel=3 -Dwerror=true
    status=0
    with_display meson test -C build --print-errorlogs --num-processes 2 "${@:2}" || status=$?
    summarize --label "normal suite" build/meson-logs/testlog.json
    exit $status
    ;;
  sanitize)
    install_missing
    # gcc's ASan and UBSan. Warnings are the test command's business; this
    # build looks for what goes wrong at run time.
    setup build-sanitize -Db_sanitize=address,undefined
    sanitizer_env
    status=0
    logs=build-sanitize/meson-logs
    rm -f "$logs"/testlog-*.json
    run_tests() {
      with_display meson test -C build-sanitize --print-errorlogs --num-processes 2 \
        --timeout-multiplier 4 "$@" || status=$?
    }
    if [ $# -gt 1 ]; then
      ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0" run_tests --logbase testlog-chosen "${@:2}"
    else
      run_tests --no-suite widgets --logbase testlog-model
      ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0" \
        run_tests --suite widgets --no-suite file-chooser --logbase testlog-widgets
      # GTK 4.8's file chooser leaks what Debian's stripped GTK and GIO do
      # not let a suppression name (see tests/meson.build): leaks are not
      # looked for in the tests that drive it; everything else is.
      ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0" \
        run_tests --suite file-chooser --logbase testlog-file-chooser
    fi
    # One log for .ci/run.
    cat "$logs"/testlog-*.json >"$logs/sanitize-testlog.json" 2>/dev/null || true
    summarize --label "sanitizers" "$logs/sanitize-testlog.json:$status"
    exit $status
    ;;
  fuzz)
    seconds=${2:-60}
    case "$seconds" in
      ''|*[!0-9]*) echo "usage: $0 fuzz [SECONDS]" >&2; exit 2 ;;
    esac
    install_missing
    install_missing "${fuzz_packages[@]}"
    install_missing "libclang-rt-$(clang -dumpversion | cut -d. -f1)-dev"
    if [ ! -f build-fuzz/build.ninja ]; then
      CC=clang meson setup build-fuzz -Dfuzzing=true >/dev/null
    fi
    # Only the fuzz targets: the rest of this folder is not needed.
    ninja -C build-fuzz "${fuzz_targets[@]/#/tests/fuzz/}"
    status=0
    run_fuzzers "$seconds" || status=$?
    summarize --label "fuzzing" "build-fuzz/fuzz-testlog.json:$status"
    exit $status
    ;;
  summary)
    # .ci/run's last line: the test logs of its legs, added up.
    summarize "${@:2}"
    ;;
  benchmark)
    install_missing
    setup build-release --buildtype=release
    status=0
    with_display meson test -C build-release --benchmark --verbose --logbase benchlog "${@:2}" || status=$?
    # Every benchmark prints a line "target NAME: MEASURED (goal GOAL) met"
    # (or "... not met") for each of its targets: all of them, collected
    # from the log, come last.
    echo
    collect_targets build-release/meson-logs/benchlog.json
    exit $status
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
    export -f run_in_current_platform_root
    echo "Testing in $root (GTK $(chroot "$root" pkg-config --modversion gtk4)," \
      "libadwaita $(chroot "$root" pkg-config --modversion libadwaita-1)," \
      "json-glib $(chroot "$root" pkg-config --modversion json-glib-1.0))"
    status=0
    unshare --mount --propagation private --net --ipc --pid --fork --kill-child \
      bash -c 'set -eu; run_in_current_platform_root "$@"' bash "$root" "${@:2}" || status=$?
    # The log comes out of the root, for .ci/run to add up with the others.
    log=build-current-platform/testlog.json
    mkdir -p build-current-platform
    rm -f "$log"
    if [ -f "$root/src/build-trixie/meson-logs/testlog.json" ]; then
      cp "$root/src/build-trixie/meson-logs/testlog.json" "$log"
    fi
    echo "current platform: $(summarize --label "current platform" "$log:$status" | sed 's/^current platform: //')"
    exit $status
    ;;
  *)
    echo "usage: $0 run|test|benchmark|sanitize|fuzz [SECONDS]|test-current-platform" >&2
    exit 2
    ;;
esac
