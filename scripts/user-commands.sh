#!/usr/bin/env bash
# The commands a user types, run as CI runs them: each under a memory cap (prlimit, address
# space) and a time bound, so a runaway (like the 12 GB screenshot run) fails CI instead of
# the machine. Measured on the 2-core dev box: screenshots 32 s / 351 MB peak RSS,
# demo --no-gui --check 11 s / 124 MB. Usage: scripts/user-commands.sh [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
MEM=${FIELDKIT_CI_MEM:-4000000000}   # bytes of address space per command
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() {  # run NAME SECONDS CMD...
  local name=$1 limit=$2; shift 2
  local started=$SECONDS
  if ! timeout --kill-after=10 "$limit" prlimit --as="$MEM" "$@"; then
    echo "user-commands: FAILED: $name (exit, time limit ${limit}s or memory cap ${MEM} B)" >&2
    exit 1
  fi
  echo "user-commands: $name ok in $((SECONDS - started)) s"
}

run "fieldkit screenshots" 300 "$PY" -m fieldkit screenshots "$work/shots"
count=$(find "$work/shots" -name '*.png' | wc -l)
biggest=$(find "$work/shots" -name '*.png' -printf '%s\n' | sort -n | tail -1)
echo "user-commands: $count screenshots, largest ${biggest} bytes"
[ "$count" -ge 60 ] || { echo "user-commands: FAILED: only $count screenshots" >&2; exit 1; }
[ "$biggest" -lt 5000000 ] || { echo "user-commands: FAILED: a screenshot of $biggest bytes" >&2; exit 1; }

run "fieldkit demo --no-gui --check" 180 "$PY" -m fieldkit demo --no-gui --check --dir "$work/demo"
