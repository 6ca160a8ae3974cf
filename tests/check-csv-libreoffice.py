#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Opens a CSV export in the spreadsheet most of our users have, LibreOffice
# Calc, run headless, with a comma, a semicolon, a tab and a space as the
# separator, and checks that no cell of the sheet is a formula. The notes
# hide formulas behind each of those separators, behind line breaks, and
# behind spaces and quotes that Calc trims.
#
# The scorecard is written as a candidate file the test makes, and
# exported the way a user does it: `interview-companion --export CANDIDATE
# --format csv`.
#
# Usage: check-csv-libreoffice.py PATH-TO-INTERVIEW-COMPANION
# Prints TAP; skips, saying why, when LibreOffice (soffice) is not
# installed (build-aux/dev.sh installs it).

import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# Each of Calc's separators, as its CSV filter names them (ASCII codes),
# with the name a person sees in its import dialog.
SEPARATORS = [(44, "comma"), (59, "semicolon"), (9, "tab"), (32, "space")]

# One conversion takes about ten seconds here; a hung office is a failure.
SOFFICE_TIMEOUT = 120

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

# Where the score is in the export (docs/export-format.md), counted from 0,
# and the score every question gets here.
SCORE_COLUMN = 8
SCORE = 3

CANDIDATE_ID = "hostile-0badcafe"

# What an attacker would type, each a live formula in a cell of its own
# once Calc splits the line somewhere the writer did not mean it to.
HOSTILE_NOTES = {
    "semicolon": "good;=1+1",
    "tab": "ok\t=2+2",
    "space": "fine =3+3",
    "comma": "so,=4+4",
    "line-break": "first line\n=5+5",
    "crlf": "first line\r\n=6+6",
    "trimmed": "trim;   =7+7",
    "quoted": 'say;"=8+8" and;""=9+9',
    "start": "=10+10",
    "webservice": 'x;=WEBSERVICE("http://127.0.0.1:9/?"&A1)',
    "hyperlink": 'ok\t=HYPERLINK("http://127.0.0.1:9/";"click")',
    "plus-minus-at": "a;+1+1 b;-1+1 c;@SUM(1)",
}


def tap_ok(n, description):
    print(f"ok {n} - {description}")


def tap_not_ok(n, description, details):
    print(f"not ok {n} - {description}")
    for detail in details:
        for line in str(detail).splitlines() or [""]:
            print(f"#   {line}")


def write_candidate(data_home):
    folder = os.path.join(data_home, "interview-companion", "candidates", CANDIDATE_ID)
    os.makedirs(folder, mode=0o700)
    evaluations = {
        f"q-{name}": {"score": SCORE, "red_flag": False, "notes": notes, "seconds": 1}
        for name, notes in HOSTILE_NOTES.items()
    }
    document = {
        "format": 2,
        "candidate": {
            "id": CANDIDATE_ID,
            # The name and interviewer repeat on every row.
            "name": "=1+1;=2+2\t=3+3",
            "role": "Engineer",
            "interview_date": "2024-05-01",
        },
        "interviewer": {"id": "ann-0badcafe", "name": "Ann;=1+1"},
        "bank_id": "no-such-bank",
        "evaluations": evaluations,
    }
    path = os.path.join(folder, "ann-0badcafe.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False, indent=2)
    os.chmod(path, 0o600)


def export_csv(program, data_home, path):
    # The program is the interviewer whose scorecard it exports (a
    # teammate's would stay hidden until it submitted its own).
    config_home = os.path.join(data_home, "config")
    settings = os.path.join(config_home, "glib-2.0", "settings")
    os.makedirs(settings, exist_ok=True)
    with open(os.path.join(settings, "keyfile"), "w", encoding="utf-8") as f:
        f.write("[io/github/interviewcompanion/InterviewCompanion]\n"
                "interviewer-id='ann-0badcafe'\n")
    env = dict(os.environ, XDG_DATA_HOME=data_home, XDG_CONFIG_HOME=config_home,
               GSETTINGS_BACKEND="keyfile")
    result = subprocess.run(
        [program, "--export", CANDIDATE_ID, "--format", "csv", "--output", path],
        env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    return result


def convert(soffice, csv_path, separator, outdir, profile):
    # Fields: separator, text delimiter ("), UTF-8 (76), from line 1.
    # Calc's CSV filter evaluates formulas unless told otherwise: the
    # default a person gets.
    infilter = f"CSV:{separator},34,76,1"
    command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
               "--norestore", f"--infilter={infilter}", "--convert-to", "fods",
               "--outdir", outdir, csv_path]
    result = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True,
                            text=True, timeout=SOFFICE_TIMEOUT)
    fods = os.path.join(outdir, os.path.splitext(os.path.basename(csv_path))[0] + ".fods")
    return result, fods


def cell_text(cell):
    return "\n".join("".join(p.itertext()) for p in cell.iter(f"{{{TEXT}}}p"))


def read_sheet(fods):
    """The rows of the first sheet, each a list of cell elements."""
    root = ET.parse(fods).getroot()
    table = next(root.iter(f"{{{TABLE}}}table"))
    rows = []
    for row in table.iter(f"{{{TABLE}}}table-row"):
        cells = []
        for cell in row.iter(f"{{{TABLE}}}table-cell"):
            repeat = int(cell.get(f"{{{TABLE}}}number-columns-repeated", "1"))
            # Calc writes the empty cells up to its last column as one.
            cells.extend([cell] * min(repeat, 64))
        rows.append(cells)
    return rows


def formulas_in(rows):
    """The (row, column, formula, shown text) of every formula cell."""
    found = []
    for r, cells in enumerate(rows, start=1):
        for c, cell in enumerate(cells, start=1):
            formula = cell.get(f"{{{TABLE}}}formula")
            if formula is not None:
                found.append((r, c, formula, cell_text(cell)))
    return found


def scores_not_numbers(rows):
    """Split on its own separator, the score column must stay numbers, or
    a spreadsheet's average of it is empty."""
    wrong = []
    for r, cells in enumerate(rows[1:], start=2):
        cell = cells[SCORE_COLUMN] if len(cells) > SCORE_COLUMN else None
        if cell is None or cell.get(f"{{{OFFICE}}}value-type") != "float" \
           or cell.get(f"{{{OFFICE}}}value") != str(SCORE):
            wrong.append(f"row {r}: the score is not the number {SCORE}: "
                         f"{cell_text(cell) if cell is not None else 'no cell'!r}")
    return wrong


def main():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} PATH-TO-INTERVIEW-COMPANION", file=sys.stderr)
        return 2
    program = sys.argv[1]

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("1..0 # SKIP LibreOffice (soffice) is not installed; "
              "build-aux/dev.sh installs libreoffice-calc-nogui")
        return 0

    print(f"1..{1 + len(SEPARATORS)}")
    n = 0
    failures = 0
    with tempfile.TemporaryDirectory(prefix="ivc-csv-libreoffice-") as tmp:
        data_home = os.path.join(tmp, "data")
        profile = os.path.join(tmp, "office-profile")
        csv_path = os.path.join(tmp, "scorecard.csv")
        write_candidate(data_home)

        n += 1
        result = export_csv(program, data_home, csv_path)
        if result.returncode != 0 or not os.path.exists(csv_path):
            tap_not_ok(n, "--export writes the CSV", [result.stdout, result.stderr])
            return 1
        tap_ok(n, "--export writes the CSV")

        for code, name in SEPARATORS:
            n += 1
            outdir = os.path.join(tmp, f"out-{code}")
            description = f"Calc opening it with the {name} as separator finds no formula"
            if code == 44:
                description += ", and the scores are numbers"
            try:
                result, fods = convert(soffice, csv_path, code, outdir, profile)
            except subprocess.TimeoutExpired:
                tap_not_ok(n, description, [f"soffice did not finish in {SOFFICE_TIMEOUT} s"])
                failures += 1
                continue
            if not os.path.exists(fods):
                tap_not_ok(n, description, ["soffice wrote no sheet", result.stdout, result.stderr])
                failures += 1
                continue
            rows = read_sheet(fods)
            found = formulas_in(rows)
            if len(rows) < 1 + len(HOSTILE_NOTES):
                tap_not_ok(n, description, [f"the sheet has only {len(rows)} rows"])
                failures += 1
            elif found:
                tap_not_ok(n, description,
                           [f"row {r}, column {c}: {formula!r} (shows {text!r})"
                            for r, c, formula, text in found])
                failures += 1
            elif code == 44 and scores_not_numbers(rows):
                tap_not_ok(n, description, scores_not_numbers(rows))
                failures += 1
            else:
                tap_ok(n, description)

    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
