#!/bin/sh
# check-potfiles.sh SOURCE-ROOT
#
# Every source file with translatable strings is listed in po/POTFILES.in,
# and every file listed there exists: otherwise its strings are never
# translated, silently.
set -eu
cd "$1"
status=0
for f in $(grep -l -e '_(' -e 'N_(' -e 'translatable="yes"' src/*/*.c data/ui/*.ui data/*.in data/*.xml 2>/dev/null); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done
for f in $(grep -v '^#' po/POTFILES.in); do
  if [ ! -f "$f" ]; then
    echo "listed in po/POTFILES.in but missing: $f"
    status=1
  fi
done
exit $status
