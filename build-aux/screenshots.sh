#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes the metainfo's screenshots again (docs/screenshots/): real windows
# at 1000x700 with their shadow, on a transparent background, with the
# default Adwaita style and Cantarell 11, the app showing sample
# candidates.
#
#   build-aux/screenshots.sh [BUILD_DIR] [OUT_DIR]
#
# GTK draws a window's shadow only under a compositing window manager that
# supports _GTK_FRAME_EXTENTS: mutter runs on a virtual X server. Each
# window is taken over a black and then a white backdrop; the alpha comes
# from the difference (ImageMagick). Needs: xvfb mutter dbus xdotool
# imagemagick fonts-cantarell python3-gi gir1.2-gtk-4.0.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
out=${2:-$top/docs/screenshots}
work=$(mktemp -d)
pids=()
cleanup() {
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

export DISPLAY=:$((90 + RANDOM % 9))
Xvfb "$DISPLAY" -screen 0 2400x1400x24 +extension Composite -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
sleep 1
dbus-run-session -- mutter --x11 --replace --sm-disable >"$work/mutter.log" 2>&1 &
pids+=($!)
sleep 3

# The backdrop: a plain window, black or white as $work/bg says.
echo black >"$work/bg"
cat >"$work/backdrop.py" <<'PY'
import sys, gi
gi.require_version('Gtk', '4.0')
from gi.repository import Gtk, GLib, Gdk
css = Gtk.CssProvider()
def update():
    css.load_from_data(('window { background: %s; }' % open(sys.argv[1]).read().strip()).encode())
    return True
def activate(app):
    win = Gtk.ApplicationWindow(application=app, decorated=False, title='backdrop')
    Gtk.StyleContext.add_provider_for_display(Gdk.Display.get_default(), css, 900)
    win.set_default_size(2400, 1400)
    win.present()
    GLib.timeout_add(100, update)
app = Gtk.Application(application_id='org.example.Backdrop')
app.connect('activate', activate)
app.run([])
PY
GDK_BACKEND=x11 GTK_A11Y=none /usr/bin/python3 "$work/backdrop.py" "$work/bg" >/dev/null 2>&1 &
pids+=($!)
sleep 2
xdotool search --name '^backdrop$' windowmove 0 0 >/dev/null 2>&1 || true

# Sample candidates, and settings that open on one of them.
mkdir -p "$work/data" "$work/config/glib-2.0/settings" "$work/config/gtk-4.0"
/usr/bin/python3 - "$work/data" <<'PY'
import json, os, sys
me = "a1b2c3d4-interviewer"
candidates = [
  ("c-katherine", "Katherine Johnson", "Backend engineer", "2026-11-28", "yes",
   "Clear on boundaries and data ownership; hesitant about sagas but reasoned it through.",
   {"what-are-microservices": (4, False, "Independent deployables around business capabilities; mentioned team ownership and Conway’s law."),
    "how-do-services-communicate": (3, False, "REST for queries, events on Kafka for state changes. Knew about idempotent consumers."),
    "why-each-service-owns-its-data": (4, False, "Shared database = hidden coupling; schema changes break other teams."),
    "data-consistency-across-services": (2, True, "Reached for a distributed transaction (2PC) first; corrected to outbox + events when asked about failure."),
    "what-is-the-saga-pattern": (3, False, "Choreographed saga with compensating actions for an order → payment → shipping flow.")}, 2710),
  ("c-jose", "José Álvarez", "Platform engineer", "2026-11-27", "strong-yes",
   "Strongest on operations: timeouts, retries with jitter, bulkheads; pragmatic about when not to split.",
   {"what-are-microservices": (4, False, "Good answer."), "how-do-services-communicate": (4, False, "gRPC internally, async for fan-out."),
    "preventing-cascading-failures": (4, False, "Circuit breakers, timeouts budgeted per hop, load shedding."),
    "when-not-to-use-microservices": (4, False, "Small team, unclear domain: start with a modular monolith."),
    "data-consistency-across-services": (3, False, "Outbox pattern, eventual consistency explained to the business.")}, 3120),
  ("c-mei", "Mei Chen", "Backend engineer", "2026-11-26", "no",
   "Knows the vocabulary; struggled to apply it to failure cases.",
   {"what-are-microservices": (3, False, "Textbook definition."), "how-do-services-communicate": (2, False, "Only synchronous HTTP."),
    "preventing-cascading-failures": (1, True, "Suggested retrying until it works, no backoff."),
    "why-each-service-owns-its-data": (2, False, "Unsure why a shared database is a problem.")}, 2400),
]
for cid, name, role, date, rec, summary, evals, secs in candidates:
    folder = os.path.join(sys.argv[1], "interview-companion", "candidates", cid)
    os.makedirs(folder, exist_ok=True)
    doc = {"format": 2, "candidate": {"id": cid, "name": name, "role": role, "interview_date": date},
           "interviewer": {"id": me, "name": "Sam Rivera"}, "bank_id": "microservices",
           "recommendation": rec, "summary": summary,
           "created": date + "T09:00:00Z", "modified": date + "T10:00:00Z",
           "interview_seconds": secs, "plan": list(evals),
           "evaluations": {q: {"score": s, "red_flag": f, "notes": n, "seconds": 300}
                           for q, (s, f, n) in evals.items()}}
    with open(os.path.join(folder, me + ".json"), "w") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
PY
cat >"$work/config/glib-2.0/settings/keyfile" <<'INI'
[io/github/interviewcompanion/InterviewCompanion]
interviewer-id='a1b2c3d4-interviewer'
interviewer-name='Sam Rivera'
last-candidate='c-katherine'
last-question='data-consistency-across-services'
window-width=878
window-height=578
side-panel-visible=false
INI
printf '[Settings]\ngtk-font-name=Cantarell 11\n' >"$work/config/gtk-4.0/settings.ini"

GDK_BACKEND=x11 GTK_A11Y=none XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" \
  GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/data" \
  "$build/src/interview-companion" >"$work/app.log" 2>&1 &
pids+=($!)
sleep 4

# take NAME WINDOW: the window (1000x700 with its shadow) at 100,100.
take() {
  local name=$1 win=$2 g=1000x700+100+100
  xdotool windowsize "$win" 1000 700 windowmove "$win" 100 100 windowactivate "$win" 2>/dev/null || true
  sleep 1
  echo black >"$work/bg"; sleep 0.5
  import -window root -crop "$g" +repage "$work/black.png"
  echo white >"$work/bg"; sleep 0.5
  import -window root -crop "$g" +repage "$work/white.png"
  echo black >"$work/bg"
  mkdir -p "$out"
  convert "$work/black.png" "$work/white.png" -alpha off \
    \( -clone 0,1 -compose difference -composite -negate \) \
    \( -clone 0,2 +swap -compose divide -composite \) \
    -delete 0,1 +swap -compose Copy_Opacity -composite "$out/$name.png"
  echo "$out/$name.png"
}

# find_window NAME: the window whose title matches NAME, once it is there.
find_window() {
  local id
  for _ in $(seq 60); do
    id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1) || true
    if [ -n "$id" ]; then echo "$id"; return 0; fi
    sleep 0.5
  done
  echo "No window \"$1\": see the app's messages:" >&2
  cat "$work/app.log" >&2
  return 1
}

main=$(find_window 'Interview Companion$')
xdotool windowactivate --sync "$main" 2>/dev/null || true
sleep 0.5
xdotool key alt+a
sleep 0.5
xdotool key alt+r
take question "$main"
xdotool key F9
sleep 1
take notes "$main"
xdotool key F9 ctrl+i
sleep 2
# The main window out of the way, beyond the part of the screen taken.
xdotool windowmove "$main" 1400 700
take scorecard "$(find_window '^Scorecards$')"
