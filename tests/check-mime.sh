#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The app's own file types (data/*.mime.xml) as the desktop sees them once
# installed: a bank or guide named with the app's double extension gets the
# app's type, a kind of JSON or Markdown; any other .json or .md keeps its
# usual type; and the desktop file claims the app's types only.
#
#   check-mime.sh MIME_XML DESKTOP_FILE
set -eu

mime_xml=$1
desktop=$2

for tool in update-mime-database gio; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed"
    exit 77
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/share/mime/packages" "$tmp/files"
cp "$mime_xml" "$tmp/share/mime/packages/"
data_dirs="$tmp/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
XDG_DATA_DIRS=$data_dirs update-mime-database "$tmp/share/mime"

status=0
check() {
  name=$1 contents=$2 expected=$3
  printf '%s\n' "$contents" >"$tmp/files/$name"
  got=$(XDG_DATA_DIRS=$data_dirs gio info -a standard::content-type "$tmp/files/$name" | sed -n 's/^ *standard::content-type: //p')
  if [ "$got" = "$expected" ]; then
    echo "ok: $name is $got"
  else
    echo "FAIL: $name is ${got:-of no type}, not $expected"
    status=1
  fi
}

check frontend.interview-bank.json '{"format": 1}' application/x-interview-bank+json
check "Team Guide.interview-guide.md" '# Guide' text/x-interview-guide
check package.json '{"name": "x"}' application/json
check README.md '# Read me' text/markdown

mime_types=$(sed -n 's/^MimeType=//p' "$desktop")
if [ "$mime_types" = "application/x-interview-bank+json;text/x-interview-guide;" ]; then
  echo "ok: the desktop file claims $mime_types"
else
  echo "FAIL: the desktop file claims \"$mime_types\", not the app's own types only"
  status=1
fi

exit $status
