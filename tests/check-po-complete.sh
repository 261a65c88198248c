#!/bin/sh
# Fails when po/lv.po lacks a translation of any string in today's sources:
# the template is extracted afresh from po/POTFILES (as meson's glib preset
# does), merged with lv.po, and every message must be translated, none fuzzy.
set -eu
cd "$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xgettext --package-name=gadiba --files-from=po/POTFILES --from-code=UTF-8 \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_set_error:4:c-format --flag=g_print:1:c-format \
  -o "$tmp/gadiba.pot"
msgmerge --quiet --no-fuzzy-matching -o "$tmp/lv.po" po/lv.po "$tmp/gadiba.pot"
out=$(msgfmt --check --statistics -o /dev/null "$tmp/lv.po" 2>&1)
echo "$out"
case "$out" in
  *fuzzy*|*untranslated*)
    echo "to translate in po/lv.po:"
    { msgattrib --untranslated "$tmp/lv.po"; msgattrib --only-fuzzy "$tmp/lv.po"; } |
      grep -A1 '^msgid' | grep -v '^msgid ""$' | head -40
    exit 1;;
esac
