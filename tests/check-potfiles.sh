#!/bin/sh
# Fails when a source file with translatable strings is missing from po/POTFILES.
cd "$1" || exit 2
missing=""
for f in src/*/*.c src/*/*/*.c ui/*.ui ui/*/*.ui; do
  if grep -q -E '(^|[^[:alnum:]_])(_|N_|C_|ngettext)\(|translatable="yes"' "$f" \
     && ! grep -qxF "$f" po/POTFILES; then
    missing="$missing $f"
  fi
done
if [ -n "$missing" ]; then
  echo "missing from po/POTFILES:$missing"
  exit 1
fi
echo "po/POTFILES lists every translatable file"
