#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks each translation of po/LINGUAS (TAP): its .po file compiles with
# `msgfmt --check`, and merged with a template built afresh from the
# sources (xgettext with the build's options) it has nothing untranslated
# and nothing fuzzy.
#
# Usage: check-po.sh SOURCE-ROOT PACKAGE [XGETTEXT-ARGS...]

set -u

if [ $# -lt 2 ]; then
  echo "usage: $0 SOURCE-ROOT PACKAGE [XGETTEXT-ARGS...]" >&2
  exit 2
fi

root=$1
package=$2
shift 2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ivc-check-po.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

n=0
failures=0

pass () {
  n=$((n + 1))
  echo "ok $n - $1"
}

# fail DESCRIPTION [DETAIL]: the detail's lines become TAP comments.
fail () {
  local line

  n=$((n + 1))
  failures=$((failures + 1))
  echo "not ok $n - $1"
  if [ $# -gt 1 ]; then
    while IFS= read -r line; do
      echo "#   $line"
    done <<<"$2"
  fi
}

# The template, as `ninja interview-companion-pot` makes it (meson's
# gettext helper runs xgettext the same way), but outside the source tree.
if ! out=$(cd "$root" && xgettext --package-name="$package" -p "$tmp" -f po/POTFILES.in \
             -D "$root" -k_ -o "$package.pot" "$@" 2>&1); then
  fail "xgettext builds the template from po/POTFILES.in" "$out"
  echo "1..$n"
  exit 1
fi
pass "xgettext builds the template from po/POTFILES.in"
pot=$tmp/$package.pot

languages=()
while read -r line; do
  line=${line%%#*}
  for lang in $line; do
    languages+=("$lang")
  done
done <"$root/po/LINGUAS"

if [ ${#languages[@]} -eq 0 ]; then
  fail "po/LINGUAS lists at least one language"
fi

for lang in "${languages[@]}"; do
  po=$root/po/$lang.po

  if [ ! -f "$po" ]; then
    fail "$lang: po/$lang.po exists"
    continue
  fi

  if out=$(msgfmt --check --output-file=/dev/null "$po" 2>&1); then
    pass "$lang: po/$lang.po compiles with msgfmt --check"
  else
    fail "$lang: po/$lang.po compiles with msgfmt --check" "$out"
    continue
  fi

  # Merged with the current template, what the sources say today is
  # either translated or missing: changed source strings come out fuzzy.
  merged=$tmp/$lang.po
  if ! out=$(msgmerge --quiet --output-file="$merged" "$po" "$pot" 2>&1); then
    fail "$lang: po/$lang.po merges with the template" "$out"
    continue
  fi

  stats=$(LC_ALL=C msgfmt --check --statistics --output-file=/dev/null "$merged" 2>&1)
  missing=$(msgattrib --untranslated --no-obsolete --no-wrap "$merged" | grep '^msgid ' | grep -v '^msgid ""$')
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$merged" | grep '^msgid ' | grep -v '^msgid ""$')
  if [ -z "$missing" ] && [ -z "$fuzzy" ] && [[ "$stats" != *fuzzy* ]] && [[ "$stats" != *untranslated* ]]; then
    pass "$lang: complete ($stats)"
  else
    fail "$lang: complete: every message translated, none fuzzy" \
      "$stats"$'\n'"untranslated:"$'\n'"$missing"$'\n'"fuzzy:"$'\n'"$fuzzy"
  fi
done

echo "1..$n"
[ $failures -eq 0 ]
