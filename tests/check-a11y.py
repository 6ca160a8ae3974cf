#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The window as a screen reader sees it. Starts Interview Companion in a
# real window with a candidate, and reads its accessibility tree through
# AT-SPI (pyatspi), as Orca does: the main window, the bank and candidate
# switchers, the Scorecards window (a scorecard and the comparison) and the
# preferences. Fails on
#   - a focusable or actionable node without a name a person would say:
#     empty, a GTK class name ("GtkToggleButton"), a mnemonic left in
#     ("_New Candidate"), or the same words twice ("New Candidate New
#     Candidate");
#   - the strong answer or red flag of the question shown anywhere in the
#     tree while they are concealed (and checks that they are found once
#     revealed, so the search itself is known to work).
#
# Runs itself again inside a D-Bus session of its own (dbus-run-session),
# under an X server; GTK 4 talks to the accessibility bus directly. The
# accessibility services print to the session's output: the TAP goes to a
# descriptor of its own.
#
# Usage: check-a11y.py PATH-TO-INTERVIEW-COMPANION
# Prints TAP; skips, saying why, when there is no display or no pyatspi
# (build-aux/dev.sh installs python3-pyatspi and at-spi2-core).

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

CANDIDATE_ID = "ada-a11y0001"
QUESTION_ID = "what-are-microservices"
SCHEMA_PATH = "io/github/interviewcompanion/InterviewCompanion"

# How long to wait for the program to show something: generous, for a
# loaded machine; every wait ends as soon as its condition holds.
TIMEOUT = 60

SOURCE_ROOT = os.environ.get("IVC_SOURCE_ROOT",
                             os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

CLASS_NAME = re.compile(r"^(Gtk|Adw|Ivc)[A-Z][A-Za-z]*$")

# Roles whose nodes can take the focus without being controls a person
# names: the text of a selectable label is its own name.
NAMED_BY_CONTENT = {"label", "text", "paragraph"}

results = []


def skip_all(reason):
    print(f"1..0 # SKIP {reason}", file=globals().get("tap", sys.stdout))
    sys.exit(0)


if not os.environ.get("DISPLAY"):
    skip_all("no X display")

if "IVC_A11Y_TAP_FD" not in os.environ:
    dbus_run_session = shutil.which("dbus-run-session")
    if dbus_run_session is None:
        skip_all("dbus-run-session is not installed")
    tap_fd = os.dup(sys.stdout.fileno())
    sys.stdout.flush()
    result = subprocess.run([dbus_run_session, "--", sys.executable, *sys.argv],
                            stdin=subprocess.DEVNULL, stdout=sys.stderr, pass_fds=(tap_fd,),
                            env=dict(os.environ, IVC_A11Y_TAP_FD=str(tap_fd)))
    sys.exit(result.returncode)

tap = os.fdopen(int(os.environ["IVC_A11Y_TAP_FD"]), "w", buffering=1)

try:
    import gi
    gi.require_version("Atspi", "2.0")
    import pyatspi
except (ImportError, ValueError) as e:
    skip_all(f"pyatspi is not installed ({e})")


def check(description, problems):
    results.append((description, problems))


def dump(title, root):
    """With IVC_A11Y_DUMP=FILE, appends the tree to FILE: for finding out why."""
    path = os.environ.get("IVC_A11Y_DUMP")
    if not path:
        return
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"=== {title}\n")
        stack = [(root, 0)]
        while stack:
            node, depth = stack.pop()
            try:
                state = states_of(node)
                flags = [pyatspi.stateToString(s) for s in state.getStates()] if state else []
                flags = [s for s in flags if s in ("focusable", "showing", "checked", "pressed",
                                                   "selected", "selectable", "expanded")]
                f.write(f"{'  ' * depth}[{node.getRoleName()}] {node.name!r} "
                        f"desc={node.description!r} actions={action_names(node)} {flags} "
                        f"text={text_of(node)[:50]!r}\n")
                stack.extend((c, depth + 1) for c in reversed(list(node)) if c is not None)
            except Exception as e:
                f.write(f"{'  ' * depth}<{e}>\n")


def wait_for(what, condition, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        time.sleep(0.1)


def write_data(data_home, config_home, strong_answer):
    folder = os.path.join(data_home, "interview-companion", "candidates", CANDIDATE_ID)
    os.makedirs(folder, mode=0o700)
    document = {
        "format": 2,
        "candidate": {
            "id": CANDIDATE_ID,
            "name": "Ada Lovelace-Żółć",
            "role": "Backend Engineer",
            "interview_date": "2026-11-30",
        },
        "interviewer": {"id": "ann-a11y0001", "name": "Ann"},
        "bank_id": "microservices",
        "evaluations": {
            QUESTION_ID: {"score": 3, "red_flag": True, "notes": "Knew the basics.", "seconds": 90},
            "tradeoffs-vs-monolith": {"score": 2, "red_flag": False, "notes": "", "seconds": 30},
        },
        "recommendation": "yes",
        "summary": "Solid.",
    }
    with open(os.path.join(folder, "ann-a11y0001.json"), "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False, indent=2)
    # A bank of one's own beside the bundled one: the switcher offers to
    # remove it.
    banks = os.path.join(data_home, "interview-companion", "banks")
    os.makedirs(banks, mode=0o700)
    shutil.copy(os.path.join(SOURCE_ROOT, "tests", "data", "sql.json"), os.path.join(banks, "sql.json"))
    settings = os.path.join(config_home, "glib-2.0", "settings")
    os.makedirs(settings)
    with open(os.path.join(settings, "keyfile"), "w", encoding="utf-8") as f:
        f.write(f"[{SCHEMA_PATH}]\n"
                f"last-candidate='{CANDIDATE_ID}'\n"
                f"last-question='{QUESTION_ID}'\n"
                "interviewer-name='Ann'\n"
                "interviewer-id='ann-a11y0001'\n"
                "side-panel-visible=true\n"
                "window-width=1280\n"
                "window-height=760\n")


def find_app(pid):
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None:
            try:
                if app.get_process_id() == pid:
                    return app
            except Exception:
                pass
    return None


def states_of(node):
    try:
        return node.getState()
    except Exception:
        return None


def action_names(node):
    try:
        action = node.queryAction()
    except NotImplementedError:
        return []
    except Exception:
        return []
    return [action.getName(i) for i in range(action.nActions)]


def text_of(node):
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except Exception:
        return ""


def walk(node, depth=0):
    """Every node below node (itself included), with the path to it."""
    if node is None or depth > 80:
        return
    yield node
    try:
        children = list(node)
    except Exception:
        return
    for child in children:
        yield from walk(child, depth + 1)


def describe(node):
    path = []
    current = node
    while current is not None and len(path) < 6:
        try:
            path.append(f"{current.getRoleName()}:{current.name!r}")
            current = current.parent
        except Exception:
            break
    return " < ".join(path)


def name_problem(name):
    if name is None or not name.strip():
        return "no name"
    if CLASS_NAME.match(name.strip()):
        return "named after its class"
    if re.search(r"(^|\s)_\w", name):
        return "mnemonic underscore in the name"
    words = name.split()
    half = len(words) // 2
    if half > 0 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return "the same words twice"
    return None


# A control inside a button is part of it: the focus never lands there.
BUTTON_ROLES = {"push button", "toggle button", "check box", "radio button"}

# GTK 4.8 reports every scrolled window as focusable, though it only passes
# the focus on to what it scrolls; a screen reader does not stop there.
CONTAINER_ROLES = {"scroll pane"}


def user_actions(node):
    """What a person can do to a node: GTK 4.8 also lists every widget's
    internal actions ("clipboard.copy", "win.…"), which are not controls."""
    return [a for a in action_names(node) if "." not in a]


def inside_button(node):
    try:
        parent = node.parent
        while parent is not None:
            if parent.getRoleName() in BUTTON_ROLES:
                return True
            parent = parent.parent
    except Exception:
        pass
    return False


# Parts of a list or a table: a screen reader says their name when moving
# through them, focusable or not.
STRUCTURE_ROLES = {"list", "list item", "table", "tree table", "table row", "table cell",
                   "table column header", "page tab list", "page tab"}


def unnamed_controls(root):
    problems = []
    for node in walk(root):
        state = states_of(node)
        if state is None:
            continue
        try:
            role = node.getRoleName()
        except Exception:
            continue
        if role in STRUCTURE_ROLES and node.name and CLASS_NAME.match(node.name):
            problems.append(f"named after its class: {describe(node)}")
            continue
        focusable = state.contains(pyatspi.STATE_FOCUSABLE)
        actionable = bool(user_actions(node))
        if not (focusable or actionable) or role in CONTAINER_ROLES or inside_button(node):
            continue
        name = node.name
        if role in NAMED_BY_CONTENT and (not name or CLASS_NAME.match(name)):
            name = text_of(node)
        problem = name_problem(name)
        if problem:
            problems.append(f"{problem}: {describe(node)}")
    return problems


def texts_in(root):
    for node in walk(root):
        try:
            yield node.name or ""
            yield node.description or ""
        except Exception:
            pass
        yield text_of(node)


def contains_text(root, needle):
    return any(needle in text for text in texts_in(root))


def windows_of(app):
    return [w for w in app if w is not None]


def window_named(app, title):
    for window in windows_of(app):
        if window.name == title:
            return window
    return None


def showing_node(root, role, name, action=None):
    """The first node of that role and name (with that action). GTK 4.8
    leaves hidden widgets out of the tree, but not the pages of a stack
    out of sight, and it sets no "showing" state."""
    for node in walk(root):
        try:
            if node.getRoleName() == role and node.name == name and \
               (action is None or action in action_names(node)):
                return node
        except Exception:
            pass
    return None


def press(keys, window_id):
    subprocess.run(["xdotool", "windowfocus", "--sync", window_id], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["xdotool", "key", "--clearmodifiers", *keys.split()], check=True)


def do_action(node, name=None):
    action = node.queryAction()
    for i in range(action.nActions):
        if name is None or action.getName(i) == name:
            action.doAction(i)
            return
    raise RuntimeError(f"no action {name} on {describe(node)}")


def run(program, workdir):
    with open(os.path.join(SOURCE_ROOT, "data", "questions.json"), encoding="utf-8") as f:
        bank = json.load(f)
    question = next(q for level in bank["levels"] for q in level["questions"] if q["id"] == QUESTION_ID)
    # A part of each text long enough to be unmistakable.
    secrets = {"strong answer": question["strong_answer"][:40],
               "red flag": question["red_flag"][:40]}

    data_home = os.path.join(workdir, "data")
    config_home = os.path.join(workdir, "config")
    write_data(data_home, config_home, question["strong_answer"])

    env = dict(os.environ,
               XDG_DATA_HOME=data_home, XDG_CONFIG_HOME=config_home,
               XDG_CACHE_HOME=os.path.join(workdir, "cache"),
               GSETTINGS_BACKEND="keyfile", GDK_BACKEND="x11",
               GTK_A11Y="atspi", LANGUAGE="en", LC_ALL="C.UTF-8")
    env.pop("NO_AT_BRIDGE", None)
    # The registry first: GTK announces the program to it once, at start.
    pyatspi.Registry.getDesktop(0).childCount
    process = subprocess.Popen([program], env=env, stdin=subprocess.DEVNULL)
    try:
        app = wait_for("the program on the accessibility bus", lambda: find_app(process.pid))
        main = wait_for("the main window", lambda: window_named(app, "Interview Companion")
                        or next(iter(windows_of(app)), None))
        wait_for("the candidate's name", lambda: contains_text(main, "Ada Lovelace-Żółć"))
        wait_for("the question", lambda: contains_text(main, question["question"]))
        window_id = wait_for("the X window", lambda: subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(process.pid)],
            capture_output=True, text=True).stdout.split()[:1])[0]

        dump("main window", main)
        check("main window with a candidate: every control named", unnamed_controls(main))

        # States a screen reader says: the score chosen, the red flag
        # observed, the question on screen.
        problems = []
        score = showing_node(main, "push button", "3 Good", "click")
        if score is None or not states_of(score).contains(pyatspi.STATE_PRESSED):
            problems.append("the score button “3 Good” is not pressed")
        flag = showing_node(main, "check box", "Red flag observed")
        if flag is None or not states_of(flag).contains(pyatspi.STATE_CHECKED):
            problems.append("“Red flag observed” is not checked")
        rows = [n for n in walk(main) if n.getRoleName() == "list item"
                and (n.name or "").startswith(question["question"])]
        if not rows or not states_of(rows[0]).contains(pyatspi.STATE_SELECTED):
            problems.append(f"no selected list row named “{question['question']}…”")
        elif "scored 3" not in rows[0].name or "red flag" not in rows[0].name:
            problems.append(f"the row does not say its score and red flag: “{rows[0].name}”")
        check("states: score pressed, red flag checked, question selected and described", problems)

        # Concealed: nowhere in the tree; revealed: there (the search works).
        for what, secret in secrets.items():
            check(f"concealed {what} absent from the tree",
                  [f"found “{secret}…”"] if contains_text(main, secret) else [])
        press("alt+a", window_id)
        press("alt+r", window_id)
        revealed = all(wait_for_bool(lambda s=s: contains_text(main, s)) for s in secrets.values())
        check("revealed strong answer and red flag present in the tree",
              [] if revealed else ["revealing did not put the texts in the tree"])
        press("Escape", window_id)
        wait_for_bool(lambda: not any(contains_text(main, s) for s in secrets.values()))
        for what, secret in secrets.items():
            check(f"{what} absent again once concealed",
                  [f"found “{secret}…”"] if contains_text(main, secret) else [])

        # Ctrl+Shift+H: the evaluation is out of the tree too.
        if "win.hide-evaluation" not in action_names(main):
            check("evaluation hidden: no score or red flag in the tree", ["no win.hide-evaluation action"])
        else:
            do_action(main, "win.hide-evaluation")
            wait_for_bool(lambda: showing_node(main, "push button", "3 Good", "click") is None)
            check("evaluation hidden: no score or red flag in the tree",
                  [describe(n) for n in walk(main)
                   if n.name and ("3 Good" == n.name or "scored 3" in n.name or n.name == "Red flag observed")])
            do_action(main, "win.hide-evaluation")
            wait_for_bool(lambda: showing_node(main, "push button", "3 Good", "click"))

        # The candidate switcher and the bank switcher: popovers.
        switcher = showing_node(main, "push button", "Switch candidate", "click")
        if switcher is None:
            check("candidate switcher found", ["no “Switch candidate” button"])
        else:
            do_action(switcher)
            wait_for_bool(lambda: showing_node(app, "entry", "Search candidates"))
            dump("candidate switcher", app)
            check("candidate switcher: every control named", unnamed_controls(app))
            do_action(switcher)
        do_action(main, "win.show-banks")
        wait_for_bool(lambda: showing_node(app, "push button", "Remove “SQL and relational databases”"))
        dump("bank switcher", app)
        check("bank switcher: every control named", unnamed_controls(app))
        bank_button = showing_node(main, "push button", "Question banks", "click")
        if bank_button is not None:
            do_action(bank_button)

        # The Scorecards window: the candidate's scorecard, then the comparison.
        do_action(main, "win.show-scorecard")
        scorecards = wait_for("the Scorecards window",
                              lambda: next((w for w in windows_of(app) if w.name and "Scorecard" in w.name), None))
        wait_for_bool(lambda: contains_text(scorecards, "Ada Lovelace-Żółć"))
        dump("scorecard", scorecards)
        check("scorecard: every control named", unnamed_controls(scorecards))
        # The figures are four numbers, not a table of cells to select.
        check("scorecard figures are not a table of selectable cells",
              [describe(n) for n in walk(scorecards)
               if n.getRoleName() == "table cell" and states_of(n) is not None
               and states_of(n).contains(pyatspi.STATE_SELECTABLE)])
        back = showing_node(scorecards, "push button", "Back to all candidates", "click")
        if back is None:
            check("comparison found", ["no “Back to all candidates” button in the Scorecards window"])
        else:
            do_action(back)
            wait_for_bool(lambda: showing_node(scorecards, "table", "Candidates"))
            dump("comparison", scorecards)
            check("comparison: every control named", unnamed_controls(scorecards))
        do_action(scorecards, "window.close")
        wait_for_bool(lambda: scorecards not in windows_of(app))

        # The preferences.
        do_action(main, "win.show-preferences")
        preferences = wait_for("the preferences", lambda: next(
            (w for w in windows_of(app) if w.name and "Preferences" in w.name), None))
        wait_for_bool(lambda: len(list(walk(preferences))) > 10)
        dump("preferences", preferences)
        check("preferences: every control named", unnamed_controls(preferences))
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for_bool(condition, timeout=10):
    """Waits for a condition that may not come: whether it did is the answer."""
    try:
        return wait_for("a condition", condition, timeout)
    except TimeoutError:
        return False


def main():
    if len(sys.argv) != 2:
        print("Usage: check-a11y.py PATH-TO-INTERVIEW-COMPANION", file=sys.stderr)
        return 2
    workdir = tempfile.mkdtemp(prefix="ivc-a11y-")
    try:
        run(sys.argv[1], workdir)
    except Exception as e:
        check("the walk through the windows completed", [f"{type(e).__name__}: {e}"])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print(f"1..{len(results)}", file=tap)
    failed = 0
    for n, (description, problems) in enumerate(results, 1):
        if problems:
            failed += 1
            print(f"not ok {n} - {description}", file=tap)
            for problem in problems:
                print(f"#   {problem}", file=tap)
        else:
            print(f"ok {n} - {description}", file=tap)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
