#!/usr/bin/env bash
# Refresh the Qt Linguist sources from the UI code, then compile them.
# (pyside6-lupdate 6.12 finds nothing when given the folder, so the files are listed.)
set -euo pipefail
cd "$(dirname "$0")/../.."
files=$(find fieldkit/ui -name '*.py' | sort)
.venv/bin/pyside6-lupdate $files -ts resources/translations/fieldkit_vi.ts resources/translations/fieldkit_en.ts
# strings a feature catalogue (<area>_<lang>.ts) owns are not kept twice
.venv/bin/python resources/translations/dedupe.py
for ts in resources/translations/*.ts; do
  .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
