#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end with a real sync engine: two Syncthing instances on 127.0.0.1,
# each with a home of its own, share one team folder between two data sets.
# Interviewer Ann scores a candidate on side A; side B's
# `interview-companion --list-candidates` (team-folder set in its settings)
# lists them. Bob scores and submits the same candidate on side B; side A's
# Ann cannot see his notes until she has submitted hers (the bias guard),
# then `--export --interviewer bob` shows them and both sides' `--debrief`
# prints both scorecards. Then the link is paused, the same
# interviewer's scorecard is changed on both sides, the link resumed: after
# Syncthing's conflict copy and the app's merge, nothing typed on either
# side is lost.
#
# No discovery, relays, NAT or usage reporting; free ports on 127.0.0.1
# only; every wait bounded; the daemons stopped at the end whatever
# happens. Skipped only when syncthing is not installed.
#
# Usage: check-syncthing.py INTERVIEW-COMPANION TEAM-WRITER

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import xml.etree.ElementTree as ET

SYNC_SECONDS = 60
CANDIDATE = "Zoë Ångström"

tests_run = 0
failures = 0


def ok(name):
    global tests_run
    tests_run += 1
    print(f"ok {tests_run} - {name}", flush=True)


def not_ok(name, detail=""):
    global tests_run, failures
    tests_run += 1
    failures += 1
    print(f"not ok {tests_run} - {name}", flush=True)
    for line in str(detail).splitlines():
        print(f"#   {line}", flush=True)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(what, check, seconds=SYNC_SECONDS, interval=0.25):
    """Polls check() until it returns something true; returns it, or None."""
    deadline = time.monotonic() + seconds
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            print(f"# gave up waiting for {what} after {seconds} s", flush=True)
            return None
        time.sleep(interval)


class Side:
    def __init__(self, root, name):
        self.name = name
        self.home = os.path.join(root, f"st-{name}")
        self.team = os.path.join(root, f"team-{name}")
        self.data = os.path.join(root, f"data-{name}")
        self.listen_port = free_port()
        self.gui_port = free_port()
        self.api_key = f"ivc-test-key-{name}"
        self.process = None
        self.device_id = None
        os.makedirs(os.path.join(self.team, ".stfolder"))

    def generate(self):
        subprocess.run(["syncthing", "generate", f"--home={self.home}",
                        "--no-default-folder", "--skip-port-probing"],
                       check=True, capture_output=True, timeout=60)
        out = subprocess.run(["syncthing", "serve", f"--home={self.home}", "--device-id"],
                             check=True, capture_output=True, text=True, timeout=60)
        self.device_id = out.stdout.strip()

    def configure(self, other):
        path = os.path.join(self.home, "config.xml")
        tree = ET.parse(path)
        root = tree.getroot()

        gui = root.find("gui")
        gui.find("address").text = f"127.0.0.1:{self.gui_port}"
        gui.find("apikey").text = self.api_key

        options = root.find("options")
        settings = {
            "listenAddress": f"tcp://127.0.0.1:{self.listen_port}",
            "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false",
            "relaysEnabled": "false",
            "natEnabled": "false",
            "startBrowser": "false",
            "urAccepted": "-1",
            "autoUpgradeIntervalH": "0",
            "crashReportingEnabled": "false",
            "reconnectionIntervalS": "1",
            "minHomeDiskFree": "0",
        }
        for key, value in settings.items():
            element = options.find(key)
            if element is None:
                element = ET.SubElement(options, key)
            element.text = value
        for element in options.findall("globalAnnounceServer"):
            options.remove(element)

        device = ET.SubElement(root, "device", {
            "id": other.device_id, "name": other.name, "compression": "metadata",
            "introducer": "false", "skipIntroductionRemovals": "false", "introducedBy": "",
        })
        ET.SubElement(device, "address").text = f"tcp://127.0.0.1:{other.listen_port}"
        ET.SubElement(device, "paused").text = "false"
        ET.SubElement(device, "autoAcceptFolders").text = "false"

        folder = ET.Element("folder", {
            "id": "ivc-team", "label": "Team", "path": self.team, "type": "sendreceive",
            "rescanIntervalS": "3", "fsWatcherEnabled": "true", "fsWatcherDelayS": "1",
            "ignorePerms": "false", "autoNormalize": "true",
        })
        for device_id in (self.device_id, other.device_id):
            ET.SubElement(folder, "device", {"id": device_id, "introducedBy": ""})
        ET.SubElement(folder, "minDiskFree", {"unit": "%"}).text = "0"
        # Written out: an element left out reads as 0, and 0 conflict
        # copies would mean the losing side's text is simply dropped.
        ET.SubElement(folder, "maxConflicts").text = "10"
        root.insert(0, folder)
        tree.write(path)

    def start(self):
        env = dict(os.environ, STNODEFAULTFOLDER="1", STNOUPGRADE="1", STNORESTART="1")
        log = open(os.path.join(self.home, "log.txt"), "w")
        self.process = subprocess.Popen(
            ["syncthing", "serve", f"--home={self.home}", "--no-browser", "--no-restart",
             "--no-upgrade"],
            stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(timeout=10)

    def rest(self, method, path):
        request = urllib.request.Request(f"http://127.0.0.1:{self.gui_port}{path}",
                                         method=method, headers={"X-API-Key": self.api_key})
        with urllib.request.urlopen(request, timeout=5) as response:
            body = response.read()
        return json.loads(body) if body else None

    def try_rest(self, method, path):
        try:
            return self.rest(method, path)
        except OSError:
            return None

    def connected_to(self, other):
        connections = self.try_rest("GET", "/rest/system/connections")
        if not connections:
            return False
        return connections.get("connections", {}).get(other.device_id, {}).get("connected", False)

    def app_env(self, interviewer_id, interviewer_name):
        env = dict(os.environ)
        env["XDG_DATA_HOME"] = os.path.join(self.data, "share")
        env["XDG_CONFIG_HOME"] = os.path.join(self.data, "config")
        env["XDG_CACHE_HOME"] = os.path.join(self.data, "cache")
        env["GSETTINGS_BACKEND"] = "keyfile"
        settings = os.path.join(env["XDG_CONFIG_HOME"], "glib-2.0", "settings")
        os.makedirs(settings, exist_ok=True)
        with open(os.path.join(settings, "keyfile"), "w") as f:
            f.write("[io/github/interviewcompanion/InterviewCompanion]\n"
                    f"interviewer-id='{interviewer_id}'\n"
                    f"interviewer-name='{interviewer_name}'\n"
                    f"team-folder='{self.team}'\n")
        return env


def run(args, env=None):
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)


def main():
    if len(sys.argv) != 3:
        print(f"usage: {sys.argv[0]} INTERVIEW-COMPANION TEAM-WRITER", file=sys.stderr)
        return 2
    app, writer = sys.argv[1], sys.argv[2]

    if shutil.which("syncthing") is None:
        # TAP's way to skip (meson reads the plan, not exit status 77).
        print("1..0 # SKIP syncthing is not installed (build-aux/dev.sh deps installs it)")
        return 0

    tmp = tempfile.mkdtemp(prefix="ivc-syncthing-")
    a = Side(tmp, "a")
    b = Side(tmp, "b")
    try:
        for side in (a, b):
            side.generate()
        a.configure(b)
        b.configure(a)
        for side in (a, b):
            side.start()

        if not wait_until("the two instances to connect",
                          lambda: a.connected_to(b) and b.connected_to(a)):
            for side in (a, b):
                with open(os.path.join(side.home, "log.txt")) as f:
                    not_ok(f"syncthing {side.name} connects", f.read()[-3000:])
            return 1
        ok("two Syncthing instances on 127.0.0.1 are connected")

        # 1. Ann scores on side A; side B's app lists the candidate.
        out = run([writer, "write", a.team, "ann", "Ann Lee", CANDIDATE, "Ann: clear on Raft"])
        if out.returncode != 0:
            not_ok("Ann writes her scorecard on side A", out.stderr)
            return 1
        candidate_id = out.stdout.strip()
        env_b = b.app_env("bob", "Bob Marsh")

        def b_lists():
            listed = run([app, "--list-candidates"], env=env_b)
            return listed.returncode == 0 and CANDIDATE in listed.stdout and candidate_id in listed.stdout

        if wait_until("side B to list Ann's candidate", b_lists):
            ok("side B's --list-candidates shows the candidate Ann scored on side A")
        else:
            listed = run([app, "--list-candidates"], env=env_b)
            not_ok("side B's --list-candidates shows the candidate Ann scored on side A",
                   listed.stdout + listed.stderr)

        # 2. Bob scores the same candidate on side B and submits. Side A's
        # Ann does not see his notes until she has submitted her own (the
        # bias guard); then she does, and each side's --debrief holds both.
        out = run([writer, "write", b.team, "bob", "Bob Marsh", CANDIDATE, "Bob: weak on SQL"])
        if out.returncode != 0 or out.stdout.strip() != candidate_id:
            not_ok("Bob scores the same candidate on side B", out.stdout + out.stderr)
        out = run([writer, "submit", b.team, "bob", "Bob Marsh", CANDIDATE])
        if out.returncode != 0:
            not_ok("Bob submits his scorecard on side B", out.stdout + out.stderr)
        env_a = a.app_env("ann", "Ann Lee")
        bob_on_a = os.path.join(a.team, "candidates", candidate_id, "bob.json")

        def export_bob_on_a():
            return run([app, "--export", candidate_id, "--interviewer", "bob",
                        "--format", "json"], env=env_a)

        if wait_until("Bob's submitted scorecard on side A",
                      lambda: os.path.exists(bob_on_a) and "submitted" in open(bob_on_a, encoding="utf-8").read()
                      and "Bob: weak on SQL" in open(bob_on_a, encoding="utf-8").read()):
            hidden = export_bob_on_a()
            if hidden.returncode != 0 and "Bob: weak on SQL" not in hidden.stdout:
                ok("side A's Ann cannot see Bob's notes before she submits")
            else:
                not_ok("side A's Ann cannot see Bob's notes before she submits",
                       hidden.stdout + hidden.stderr)
        else:
            not_ok("Bob's submitted scorecard reaches side A", "\n".join(os.listdir(os.path.dirname(bob_on_a))))

        out = run([writer, "submit", a.team, "ann", "Ann Lee", CANDIDATE])
        if out.returncode != 0:
            not_ok("Ann submits her scorecard on side A", out.stdout + out.stderr)
        exported = export_bob_on_a()
        if exported.returncode == 0 and "Bob: weak on SQL" in exported.stdout:
            ok("side A's --export --interviewer bob shows Bob's notes once Ann has submitted")
        else:
            not_ok("side A's --export --interviewer bob shows Bob's notes once Ann has submitted",
                   exported.stdout + exported.stderr)

        def debrief_holds_both(env):
            shown = run([app, "--debrief", candidate_id, "--format", "json"], env=env)
            if shown.returncode != 0:
                return False
            text = json.dumps(json.loads(shown.stdout), ensure_ascii=False)
            return ("Ann: clear on Raft" in text and "Bob: weak on SQL" in text
                    and "Ann Lee" in text and "Bob Marsh" in text)

        if debrief_holds_both(env_a):
            ok("side A's --debrief prints Ann's and Bob's submitted scorecards")
        else:
            shown = run([app, "--debrief", candidate_id, "--format", "json"], env=env_a)
            not_ok("side A's --debrief prints both", shown.stdout + shown.stderr)
        if wait_until("side B's debrief to hold Ann's submitted scorecard",
                      lambda: debrief_holds_both(env_b)):
            ok("side B's --debrief prints both, once Ann's submission has synced")
        else:
            shown = run([app, "--debrief", candidate_id, "--format", "json"], env=env_b)
            not_ok("side B's --debrief prints both", shown.stdout + shown.stderr)

        # 3. A real conflict: the link paused, Ann's own scorecard changed on
        # both sides (Ann on two laptops), the link resumed.
        ann_b = os.path.join(b.team, "candidates", candidate_id, "ann.json")
        wait_until("Ann's file on side B", lambda: os.path.exists(ann_b))
        for side, other in ((a, b), (b, a)):
            side.rest("POST", f"/rest/system/pause?device={other.device_id}")
        if not wait_until("the link to pause",
                          lambda: not a.connected_to(b) and not b.connected_to(a)):
            not_ok("the link pauses")
            return 1

        out_a = run([writer, "write", a.team, "ann", "Ann Lee", CANDIDATE, "Ann on laptop A: follow up on leader election"])
        out_b = run([writer, "write", b.team, "ann", "Ann Lee", CANDIDATE, "Ann on laptop B: asked about backups"])
        if out_a.returncode != 0 or out_b.returncode != 0:
            not_ok("Ann writes on both sides while paused", out_a.stderr + out_b.stderr)
            return 1

        for side, other in ((a, b), (b, a)):
            side.rest("POST", f"/rest/system/resume?device={other.device_id}")

        folder_a = os.path.join(a.team, "candidates", candidate_id)

        def conflict_copy_on_a():
            try:
                return [n for n in os.listdir(folder_a) if ".sync-conflict-" in n]
            except OSError:
                return []

        if wait_until("Syncthing's conflict copy on side A", conflict_copy_on_a):
            ok("Syncthing left a conflict copy: " + ", ".join(conflict_copy_on_a()))
        else:
            not_ok("Syncthing left a conflict copy", "\n".join(os.listdir(folder_a)))

        # Opening Ann's data on side A merges the conflict copy into her file.
        texts = ["Ann: clear on Raft", "Ann on laptop A: follow up on leader election",
                 "Ann on laptop B: asked about backups"]

        def merged_on_a():
            shown = run([writer, "show", a.team, "ann", CANDIDATE])
            first = shown.stdout.splitlines()[0] if shown.stdout else ""
            return all(t in first for t in texts) and shown.stdout

        shown = wait_until("the merge on side A", merged_on_a, seconds=20)
        if shown:
            ok("nothing Ann typed on either side is lost after the conflict")
        else:
            shown = run([writer, "show", a.team, "ann", CANDIDATE])
            not_ok("nothing Ann typed on either side is lost after the conflict",
                   shown.stdout + shown.stderr + "\n" + "\n".join(os.listdir(folder_a)))

        # The merged file reaches side B, where Bob reads it as a teammate's.
        def b_has_merged():
            shown = run([writer, "show", b.team, "bob", CANDIDATE])
            ann_line = [line for line in shown.stdout.splitlines() if line.startswith("ann: ")]
            return ann_line and all(t in ann_line[0] for t in texts)

        if wait_until("the merged scorecard on side B", b_has_merged):
            ok("side B gets the merged scorecard, with Bob's own untouched")
        else:
            shown = run([writer, "show", b.team, "bob", CANDIDATE])
            not_ok("side B gets the merged scorecard", shown.stdout + shown.stderr)

        bob_line = run([writer, "show", b.team, "bob", CANDIDATE]).stdout.splitlines()
        if bob_line and bob_line[0] == "bob: Bob: weak on SQL":
            ok("Bob's scorecard is as he wrote it")
        else:
            not_ok("Bob's scorecard is as he wrote it", "\n".join(bob_line))
    finally:
        for side in (a, b):
            side.stop()
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"1..{tests_run}")
    return 1 if failures else 0


def on_signal(signum, frame):
    # meson's timeout, or ^C: out through main()'s finally, which stops
    # the daemons (they run in sessions of their own).
    raise SystemExit(1)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    sys.exit(main())
