#!/usr/bin/env bash
# `make test`: lint, types, the whole suite and the README's user commands, in two lanes that
# run at the same time (the machine has 2 cores and the long installer tests mostly wait on
# pip, PyInstaller and their subprocesses):
#   lane A: mypy, the installer, central-server, device and demo tests (LANE_A_TESTS), then
#           scripts/user-commands.sh (screenshots and demo under a memory cap);
#   lane B: ruff, then every other test.
# Lane A's output is kept in a file and printed when it ends; either lane failing fails the run.
# With PYTEST_ARGS set (e.g. `make test PYTEST_ARGS="tests/ui -x"`) it runs just that, in one lane.
# Usage: scripts/run-tests.sh [PYTHON]
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
# lane A: the tests that mostly wait on subprocesses, servers and PostgreSQL (installer builds, the
# central server's generated requests, the meter simulator on a pty, the demo runs); lane B: the rest,
# most of it Qt widgets on the UI thread
LANE_A_TESTS=(tests/installer tests/central tests/devices tests/test_demo_dlms.py tests/test_demo_newcomer.py)

if [ -n "${PYTEST_ARGS:-}" ]; then
  # shellcheck disable=SC2086  # PYTEST_ARGS is a list of words on purpose
  exec "$PY" -m pytest -q $PYTEST_ARGS
fi

started=$SECONDS
log=$(mktemp -t fieldkit-lane-a.XXXXXX)
(
  set -e
  "$PY" -m mypy
  "$PY" -m pytest -q -p no:cacheprovider --basetemp="$(mktemp -d -t fieldkit-lane-a-tmp.XXXXXX)" "${LANE_A_TESTS[@]}"
  bash scripts/user-commands.sh "$PY"
) >"$log" 2>&1 &
lane_a=$!

lane_b=0
"$PY" -m ruff check fieldkit tests bench || lane_b=1
ignores=()
for t in "${LANE_A_TESTS[@]}"; do ignores+=(--ignore "$t"); done
"$PY" -m pytest -q --durations=15 "${ignores[@]}" || lane_b=1
echo "run-tests: lane B (ruff, tests) ended after $((SECONDS - started)) s, $([ $lane_b = 0 ] && echo ok || echo FAILED)"

wait "$lane_a"; rc_a=$?
echo "---- lane A (mypy, installer tests, user commands) ----"
cat "$log"; rm -f "$log"
echo "run-tests: both lanes ended after $((SECONDS - started)) s; lane A $([ $rc_a = 0 ] && echo ok || echo FAILED)"
[ "$lane_b" = 0 ] && [ "$rc_a" = 0 ]
