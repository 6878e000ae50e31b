#!/usr/bin/env bash
# Extract the messages, merge them into the Dutch catalogue and compile it.
#   scripts/translations.sh          extract + update + compile
# Then translate every new or fuzzy entry in workplace_planner/translations/nl/LC_MESSAGES/messages.po
# and run it again; tests/test_i18n.py fails while an entry is missing, fuzzy or not compiled.
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel=${PYBABEL:-pybabel}
$pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output \
  --project workplace-planner --copyright-holder workplace_planner \
  -o workplace_planner/translations/messages.pot . 2>/dev/null
$pybabel update -i workplace_planner/translations/messages.pot -d workplace_planner/translations \
  --no-fuzzy-matching --ignore-obsolete >/dev/null
$pybabel compile -d workplace_planner/translations --statistics
