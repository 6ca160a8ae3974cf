#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks `interview-companion --check-bank` the way a bank author uses it:
# a summary and status 0 for a good bank, located messages on stderr and
# status 1 for a bad one, and never a crash, whatever the file holds.
#
# Usage: check-bank-cli.sh PATH-TO-INTERVIEW-COMPANION SOURCE-ROOT

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
if [ ! -f "$root/data/questions.json" ]; then
  echo "not ok - $root does not look like the source root (no data/questions.json)" >&2
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ivc-check-bank.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

n=0
failures=0

pass () {
  n=$((n + 1))
  echo "ok $n - $1"
}

# fail DESCRIPTION [DETAIL...]: each detail goes on a line of its own.
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

# Runs the program; leaves its exit status in $status and its output in
# $tmp/out and $tmp/err.
run () {
  status=0
  "$app" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null || status=$?
}

describe_status () {
  if [ "$status" -gt 128 ]; then
    echo "exit status $status: killed by signal $((status - 128)) ($(kill -l $((status - 128)) 2>/dev/null || echo '?'))"
  else
    echo "exit status $status"
  fi
}

# The first lines of stdout and stderr, for a failure report.
show_output () {
  echo "stdout: $(head -c 300 "$tmp/out" | head -n 3 | tr '\n' '|')"
  echo "stderr: $(head -c 300 "$tmp/err" | head -n 3 | tr '\n' '|')"
}

# check_refused NAME DESCRIPTION: status 1, nothing on stdout, every line on
# stderr naming the file.
check_refused () {
  local name=$1 description=$2

  if [ "$status" -ne 1 ]; then
    fail "$description: expected exit status 1" "$(describe_status)" "$(show_output)"
  elif [ -s "$tmp/out" ]; then
    fail "$description: expected nothing on stdout" "$(show_output)"
  elif [ ! -s "$tmp/err" ]; then
    fail "$description: expected the problem on stderr, found nothing"
  elif grep -v -q -F "$name" "$tmp/err"; then
    fail "$description: every line on stderr must name $name" "$(show_output)"
  else
    pass "$description"
  fi
}

# check_survives FILE DESCRIPTION: whatever the file holds, the program
# says yes (0) or no (1) and explains a no; it never dies of a signal.
check_survives () {
  local file=$1 description=$2

  run --check-bank "$file"
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    fail "$description: expected exit status 0 or 1" "$(describe_status)" "$(show_output)"
  elif [ "$status" -eq 1 ] && [ ! -s "$tmp/err" ]; then
    fail "$description: refused without saying why"
  elif [ "$status" -eq 1 ] && ! head -n 1 "$tmp/err" | grep -q -F "$(basename "$file")"; then
    fail "$description: the message must start with the file name" "$(show_output)"
  else
    pass "$description ($(describe_status))"
  fi
}

# random_bytes SEED COUNT: the same bytes for the same seed, NULs included.
random_bytes () {
  local i escape escapes=""

  RANDOM=$1
  for ((i = 0; i < $2; i++)); do
    printf -v escape '\\%03o' $((RANDOM % 256))
    escapes+=$escape
  done
  printf "$escapes"
}

# random_tokens SEED COUNT: JSON-like rubbish that gets past the syntax check
# now and then.
random_tokens () {
  local i
  local tokens=('{' '}' '[' ']' ',' ':' '"' '"format"' '"id"' '"levels"' '"questions"'
                '"title"' '"tags"' '1' '2' '-1' '1.5' 'true' 'null' '"x"' '""' ' ' $'\n'
                "'" '/*' '*/' '\' 'é')

  RANDOM=$1
  for ((i = 0; i < $2; i++)); do
    printf '%s' "${tokens[RANDOM % ${#tokens[@]}]}"
  done
}

# --- The bank that ships with the app ---------------------------------------

# The English original and its translations (data/questions.LANG.json):
# each one valid, with the same summary (the same ids; the
# test-bank-translations test compares them one by one).
translations=0
for file in "$root/data/questions.json" "$root"/data/questions.?*.json; do
  [ -e "$file" ] || continue
  name=$(basename "$file")
  [ "$name" = questions.json ] || translations=$((translations + 1))
  run --check-bank "$file"
  if [ "$status" -ne 0 ]; then
    fail "bundled $name: expected exit status 0" "$(describe_status)" "$(show_output)"
  elif ! printf 'microservices: 3 levels, 24 questions\n' | cmp -s - "$tmp/out"; then
    fail "bundled $name: expected exactly \"microservices: 3 levels, 24 questions\" on stdout" \
         "$(show_output)"
  elif [ -s "$tmp/err" ]; then
    fail "bundled $name: expected nothing on stderr" "$(show_output)"
  else
    pass "bundled $name: summary on stdout, exit status 0"
  fi
done
if [ "$translations" -eq 0 ]; then
  fail "translations of the bundled bank: no data/questions.LANG.json found"
fi

# --- Bad banks ---------------------------------------------------------------

cat >"$tmp/broken.json" <<'EOF'
{
  "format": 1,
  "id": "broken",
  "title": "",
  "levels": []
}
EOF
run --check-bank "$tmp/broken.json"
check_refused broken.json "bank with two problems"
if [ "$status" -eq 1 ]; then
  if grep -v -q -E '^broken\.json:[0-9]+:[0-9]+: ' "$tmp/err"; then
    fail "bank with two problems: every message must start with broken.json:LINE:COLUMN:" \
         "$(show_output)"
  elif [ "$(wc -l <"$tmp/err")" -ne 2 ]; then
    fail "bank with two problems: expected one line for each problem" "$(show_output)"
  elif ! grep -q -E '^broken\.json:4:3: .*title' "$tmp/err" ||
       ! grep -q -E '^broken\.json:5:3: .*levels' "$tmp/err"; then
    fail "bank with two problems: expected the title at 4:3 and the levels at 5:3" \
         "$(show_output)"
  else
    pass "bank with two problems: both located, one a line"
  fi
fi

printf '{\n  "format": 1,\n  "id": ]\n}\n' >"$tmp/syntax.json"
run --check-bank "$tmp/syntax.json"
check_refused syntax.json "not JSON"
if [ "$status" -eq 1 ] && ! grep -q -E '^syntax\.json:3:[0-9]+: ' "$tmp/err"; then
  fail "not JSON: expected the message to point at line 3" "$(show_output)"
fi

printf '{"format": 3, "id": "from-the-future"}' >"$tmp/future.json"
run --check-bank "$tmp/future.json"
check_refused future.json "newer format"
if [ "$status" -eq 1 ] && ! grep -q 'newer' "$tmp/err"; then
  fail "newer format: expected the message to say the format is newer" "$(show_output)"
fi

run --check-bank "$tmp/missing.json"
check_refused missing.json "missing file"

mkdir "$tmp/folder.json"
run --check-bank "$tmp/folder.json"
check_refused folder.json "folder instead of a file"

head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' ' ' >"$tmp/huge.json"
run --check-bank "$tmp/huge.json"
check_refused huge.json "file over 16 MiB"
if [ "$status" -eq 1 ] && ! grep -q 'too large' "$tmp/err"; then
  fail "file over 16 MiB: expected the message to say the file is too large" "$(show_output)"
fi
rm -f "$tmp/huge.json"

# --- Whatever the file holds, no crash ----------------------------------------

printf '%*s' 100000 '' | tr ' ' '[' >"$tmp/deep.json"
check_survives "$tmp/deep.json" "100,000 nested brackets"

{ printf "['\"', "; printf '%*s' 100000 '' | tr ' ' '['; } >"$tmp/deep-quoted.json"
check_survives "$tmp/deep-quoted.json" "100,000 nested brackets after a quoted quote"

# json-glib 1.6 takes /"/ for a comment: a depth count that does not know it
# misses every bracket after the quote.
{ printf '[/"/'; printf '%*s' 100000 '' | tr ' ' '['; } >"$tmp/deep-comment.json"
run --check-bank "$tmp/deep-comment.json"
check_refused deep-comment.json "100,000 nested brackets after a /\"/ comment"
if [ "$status" -eq 1 ] && ! grep -q -E '^deep-comment\.json:1:2: .*comment' "$tmp/err"; then
  fail "100,000 nested brackets after a /\"/ comment: expected the comment refused at 1:2" \
       "$(show_output)"
fi

for seed in 1 2 3 4 5; do
  random_bytes "$seed" 3000 >"$tmp/bytes-$seed.json"
  check_survives "$tmp/bytes-$seed.json" "random bytes, seed $seed"
done

for seed in 1 2 3 4 5 6 7 8; do
  random_tokens "$seed" 400 >"$tmp/tokens-$seed.json"
  check_survives "$tmp/tokens-$seed.json" "random JSON tokens, seed $seed"
done

for sample in 1 2 3; do
  head -c 65536 /dev/urandom >"$tmp/urandom-$sample.json"
  check_survives "$tmp/urandom-$sample.json" "64 KiB from /dev/urandom, sample $sample"
done

size=$(wc -c <"$root/data/questions.json")
for cut in 1 2 17 $((size / 7)) $((size / 3)) $((size / 2)) $((size - 2)); do
  head -c "$cut" "$root/data/questions.json" >"$tmp/cut-$cut.json"
  check_survives "$tmp/cut-$cut.json" "bundled bank cut after $cut bytes"
done

# --- Markdown interview guides and --export-bank ------------------------------

# The seed page imports as it is; what it leaves out is a warning on stderr.
run --check-bank "$root/tests/data/microservices-interview-questions.md"
if [ "$status" -ne 0 ]; then
  fail "seed guide: expected exit status 0" "$(describe_status)" "$(show_output)"
elif ! grep -q -F "3 levels, 24 questions" "$tmp/out"; then
  fail "seed guide: expected 3 levels, 24 questions" "$(show_output)"
elif ! grep -q -F "warning: microservices-interview-questions.md:275:1: " "$tmp/err"; then
  fail "seed guide: expected the footer reported with its line" "$(show_output)"
else
  pass "seed guide: $(head -n 1 "$tmp/out"), $(wc -l <"$tmp/err") warnings"
fi

printf '# T\r\n\r\n## Empty\r\n\r\n## L\r\n\r\n### \r\n' >"$tmp/bad-guide.md"
run --check-bank "$tmp/bad-guide.md"
check_refused bad-guide.md "guide with problems"
if ! grep -q -F "bad-guide.md:3:4: the level “Empty” has no questions" "$tmp/err" ||
   ! grep -q -F "bad-guide.md:7:1: this question has no text" "$tmp/err"; then
  fail "guide with problems: expected each problem with its line and column" "$(show_output)"
else
  pass "guide with problems: located"
fi

# Every bank written as a guide reads again; the built-in one as a summary.
for format in md json; do
  run --export-bank microservices --format "$format" --output "$tmp/exported.$format"
  if [ "$status" -ne 0 ] || [ -s "$tmp/err" ]; then
    fail "--export-bank --format $format: expected exit status 0 and no warning" "$(describe_status)" "$(show_output)"
    continue
  fi
  run --check-bank "$tmp/exported.$format"
  if [ "$status" -ne 0 ] || ! grep -q -F "microservices: 3 levels, 24 questions" "$tmp/out"; then
    fail "--export-bank --format $format: the file must check as the same bank" "$(describe_status)" "$(show_output)"
  else
    pass "--export-bank --format $format, read back: $(head -n 1 "$tmp/out")"
  fi
done

run --export-bank microservices
if [ "$status" -ne 0 ] || ! head -c 200 "$tmp/out" | grep -q -F '"format" : 1'; then
  fail "--export-bank: JSON on stdout by default" "$(describe_status)" "$(show_output)"
else
  pass "--export-bank: JSON on stdout by default"
fi

run --export-bank no-such-bank --format md
if [ "$status" -ne 1 ] || ! grep -q -F "no-such-bank" "$tmp/err"; then
  fail "--export-bank of an unknown id: expected exit status 1 naming it" "$(describe_status)" "$(show_output)"
else
  pass "--export-bank of an unknown id is refused"
fi

run --export-bank microservices --format csv
if [ "$status" -ne 1 ] || ! grep -q -F "csv" "$tmp/err"; then
  fail "--export-bank --format csv: expected exit status 1" "$(describe_status)" "$(show_output)"
else
  pass "--export-bank --format csv is refused"
fi

# --- Other options -------------------------------------------------------------

run --version
if [ "$status" -ne 0 ]; then
  fail "--version: expected exit status 0" "$(describe_status)" "$(show_output)"
elif ! grep -q '[0-9]' "$tmp/out"; then
  fail "--version: expected a version number on stdout" "$(show_output)"
else
  pass "--version: $(head -n 1 "$tmp/out")"
fi

echo "1..$n"
if [ "$failures" -gt 0 ]; then
  echo "# $failures of $n checks failed" >&2
  exit 1
fi
