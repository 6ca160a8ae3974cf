#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that the commands without a window only read the data folder:
# --list-candidates, --export and --check-bank leave every name, mode, time
# and byte in it as it was, even with damaged, newer and unreadable files
# there; and --list-candidates says on stderr, and with exit status 2, that
# some files could not be read.
#
# Usage: check-cli-read-only.sh PATH-TO-INTERVIEW-COMPANION SOURCE-ROOT

set -eu

if [ $# -ne 2 ]; then
  echo "usage: $0 PATH-TO-INTERVIEW-COMPANION SOURCE-ROOT" >&2
  exit 2
fi

app=$1
root=$2

if [ ! -x "$app" ]; then
  echo "not ok - $app is not an executable program; build it first" >&2
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ivc-cli-read-only.XXXXXX")
trap 'chmod -R u+rwX "$tmp"; rm -rf "$tmp"' EXIT

n=0
failures=0

pass () {
  n=$((n + 1))
  echo "ok $n - $1"
}

fail () {
  local detail line

  n=$((n + 1))
  failures=$((failures + 1))
  echo "not ok $n - $1"
  shift
  for detail in "$@"; do
    while IFS= read -r line; do
      echo "#   $line"
    done <<<"$detail"
  done
}

# The program sees this interviewer's files as its own: settings in a key
# file, data in the test's folder.
export XDG_DATA_HOME="$tmp/data-home"
export XDG_CONFIG_HOME="$tmp/config-home"
export GSETTINGS_BACKEND=keyfile
mkdir -p "$XDG_CONFIG_HOME/glib-2.0/settings"
printf "[io/github/interviewcompanion/InterviewCompanion]\ninterviewer-id='ann'\n" \
  >"$XDG_CONFIG_HOME/glib-2.0/settings/keyfile"

data="$XDG_DATA_HOME/interview-companion"
candidates="$data/candidates"

candidate_file () {
  local id=$1 name=$2 interviewer=$3
  cat <<JSON
{
  "format": 2,
  "candidate": {"id": "$id", "name": "$name", "role": "SRE", "interview_date": "2024-05-01"},
  "interviewer": {"id": "$interviewer", "name": "$interviewer"},
  "bank_id": "microservices",
  "recommendation": "yes",
  "summary": "Fine",
  "created": "2024-05-01T09:00:00Z",
  "modified": "2024-05-01T10:00:00Z",
  "evaluations": {}
}
JSON
}

mkdir -p "$candidates/good-1" "$candidates/damaged-1" "$candidates/newer-1" \
         "$candidates/only-bob-1" "$candidates/in-the-way-1/ann.json"
candidate_file good-1 "Gail Good" ann >"$candidates/good-1/ann.json"
printf '{ half a save' >"$candidates/good-1/ann.json.Ab3dE9"
touch -d '2001-09-09 01:46:40' "$candidates/good-1/ann.json.Ab3dE9"
printf '{ damaged' >"$candidates/damaged-1/ann.json"
printf '{"format": 99}' >"$candidates/newer-1/ann.json"
candidate_file only-bob-1 "Dave" bob >"$candidates/only-bob-1/bob.json"
chmod 0755 "$data" "$candidates" "$candidates/good-1"

# Permissions do not stop root: the folder in the way stands for an
# unreadable file there; for anyone else, a file without permissions too.
expected_problems=3
if [ "$(id -u)" -ne 0 ]; then
  mkdir -p "$candidates/locked-1"
  candidate_file locked-1 "Lee" ann >"$candidates/locked-1/ann.json"
  chmod 0 "$candidates/locked-1/ann.json"
  expected_problems=4
fi

# Every name, mode, size and time in the data folder, and every readable
# file's checksum.
snapshot () {
  (cd "$XDG_DATA_HOME" && find . -printf '%p %M %s %T@\n' | LC_ALL=C sort
   cd "$XDG_DATA_HOME" && find . -type f -readable -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}

before=$(snapshot)

check_unchanged () {
  local description=$1 after

  after=$(snapshot)
  if [ "$after" != "$before" ]; then
    fail "$description: the data folder changed" "$(diff <(echo "$before") <(echo "$after") || true)"
  else
    pass "$description: the data folder is as it was"
  fi
}

mkdir "$tmp/run"
run () {
  status=0
  "$app" "$@" >"$tmp/run/out" 2>"$tmp/run/err" </dev/null || status=$?
}

show_output () {
  echo "exit status $status"
  echo "stdout: $(head -c 500 "$tmp/run/out" | tr '\n' '|')"
  echo "stderr: $(head -c 1000 "$tmp/run/err" | tr '\n' '|')"
}

# --- --list-candidates --------------------------------------------------------

run --list-candidates
if [ "$status" -ne 2 ]; then
  fail "--list-candidates with unreadable files: expected exit status 2" "$(show_output)"
elif ! grep -q -P '^good-1\tGail Good\t' "$tmp/run/out" || ! grep -q -P '^only-bob-1\tDave\t' "$tmp/run/out"; then
  fail "--list-candidates: expected the readable candidates on stdout" "$(show_output)"
elif [ "$(grep -c 'left as it is' "$tmp/run/err")" -ne "$expected_problems" ]; then
  fail "--list-candidates: expected $expected_problems files reported as left as they are" "$(show_output)"
elif ! grep -q "damaged-1/ann.json" "$tmp/run/err" || ! grep -q "newer-1/ann.json" "$tmp/run/err"; then
  fail "--list-candidates: expected each problem to name its file" "$(show_output)"
else
  pass "--list-candidates: the candidates on stdout, each unreadable file on stderr, exit status 2"
fi
check_unchanged "--list-candidates"

# --- --export -----------------------------------------------------------------

run --export "Gail Good" --format csv
if [ "$status" -ne 0 ] || ! grep -q "Gail Good" "$tmp/run/out"; then
  fail "--export to stdout: expected the scorecard" "$(show_output)"
else
  pass "--export to stdout"
fi
check_unchanged "--export to stdout"

run --export good-1 --output "$tmp/run/export.md"
if [ "$status" -ne 0 ] || ! grep -q "Gail Good" "$tmp/run/export.md"; then
  fail "--export --output: expected the scorecard in the file" "$(show_output)"
else
  pass "--export --output"
fi
rm -f "$tmp/run/export.md"
check_unchanged "--export --output"

run --export damaged-1
if [ "$status" -ne 1 ] || ! grep -q "damaged-1/ann.json" "$tmp/run/err"; then
  fail "--export of a damaged candidate: expected exit status 1 and the file's problem" "$(show_output)"
else
  pass "--export of a damaged candidate says why it is not found"
fi
check_unchanged "--export of a damaged candidate"

# --- --check-bank ---------------------------------------------------------------

run --check-bank "$root/data/questions.json"
if [ "$status" -ne 0 ]; then
  fail "--check-bank: expected exit status 0" "$(show_output)"
else
  pass "--check-bank"
fi
check_unchanged "--check-bank"

# --- Nothing there: nothing made ------------------------------------------------

rm -rf "$XDG_DATA_HOME"
run --list-candidates
if [ "$status" -ne 0 ]; then
  fail "--list-candidates without data: expected exit status 0" "$(show_output)"
elif [ -e "$XDG_DATA_HOME" ]; then
  fail "--list-candidates without data: made $(cd "$tmp" && find data-home | tr '\n' ' ')"
else
  pass "--list-candidates without data makes no folder"
fi

# --- The team folder ------------------------------------------------------------

settings="$XDG_CONFIG_HOME/glib-2.0/settings/keyfile"
set_team_folder () {
  printf "[io/github/interviewcompanion/InterviewCompanion]\ninterviewer-id='ann'\nteam-folder='%s'\n" "$1" >"$settings"
}

# Read from the team folder, and only read it.
team="$tmp/team"
mkdir -p "$team/candidates/team-1"
candidate_file team-1 "Tess Team" bob >"$team/candidates/team-1/bob.json"
set_team_folder "$team"
team_before=$(cd "$team" && find . -printf '%p %M %s %T@\n' | LC_ALL=C sort)
run --list-candidates
if [ "$status" -ne 0 ] || ! grep -q "Tess Team" "$tmp/run/out"; then
  fail "--list-candidates with team-folder: expected the team folder's candidates" "$(show_output)"
elif [ "$(cd "$team" && find . -printf '%p %M %s %T@\n' | LC_ALL=C sort)" != "$team_before" ]; then
  fail "--list-candidates with team-folder: the team folder changed"
else
  pass "--list-candidates reads the team folder of the settings, and changes nothing there"
fi

# A relative path, or a missing folder: said, exit status 1, nothing made
# and nothing read from elsewhere.
for bad in "Sync/hiring" "$tmp/not-mounted"; do
  set_team_folder "$bad"
  for command in --list-candidates "--export team-1"; do
    # shellcheck disable=SC2086
    run $command
    if [ "$status" -ne 1 ] || ! grep -qF "“$bad”" "$tmp/run/err" || [ -s "$tmp/run/out" ]; then
      fail "$command with team-folder '$bad': expected exit status 1 and a message naming it" "$(show_output)"
    elif [ -e "$tmp/not-mounted" ] || [ -e "Sync" ]; then
      fail "$command with team-folder '$bad': a folder was made"
    else
      pass "$command with team-folder '$bad' says what is wrong"
    fi
  done
done

echo "1..$n"
[ "$failures" -eq 0 ]
