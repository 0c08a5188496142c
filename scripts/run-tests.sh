#!/usr/bin/env bash
# `make test`: lint, types, the whole suite and the README's user commands, in two lanes that
# run at the same time (the machine has 2 cores and the long installer tests mostly wait on
# pip, PyInstaller and their subprocesses):
#   lane A: mypy, the installer, central-server, device and newcomer-demo tests (LANE_A_TESTS), then
#           scripts/user-commands.sh (screenshots and demo under a memory cap);
#   lane B: ruff, then every other test.
# Lane A's output is kept in a file and printed when it ends; either lane failing fails the run.
# A failing mypy does not stop lane A: its tests still run, and the run fails at the end.
# Each lane prints its slowest tests and when it ended, to balance the lanes from a CI log.
# With PYTEST_ARGS set (e.g. `make test PYTEST_ARGS="tests/ui -x"`) it runs just that, in one lane.
# Usage: scripts/run-tests.sh [PYTHON]
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
# lane A: the tests that mostly wait on subprocesses, servers and PostgreSQL (installer builds, the
# central server's tests and generated requests, the meter simulator on a pty, the newcomer demo run);
# lane B: the rest, most of it Qt widgets on the UI thread, and the sync tests. Balanced from the CI
# durations: lane A also runs the user commands (~45 s) at its end. Session of 2026-12-04, first sitting
# (docs/testing.md): the proxies' 5 s stop, the in-process server's 0.1-0.2 s stop and create_all/build_world
# for every central database went away. Second sitting: the UI tests' stall probe and per-test full garbage
# collection (UI tests -40 % CPU) and the bad-CLI-input processes (forked: 66.7 -> 30.4 s) made lane B the
# shorter one (a run here: A 961 s, B 846 s), so the sync tests lane A held (fault proxies, kill -9 workers,
# key rotation, older servers, the sync CLI: ~49 s there) and the DLMS demo run (~10 s) went back to lane B.
LANE_A_TESTS=(tests/installer tests/central tests/devices tests/test_demo_newcomer.py)

if [ -n "${PYTEST_ARGS:-}" ]; then
  # shellcheck disable=SC2086  # PYTEST_ARGS is a list of words on purpose
  exec "$PY" -m pytest -q $PYTEST_ARGS
fi

started=$SECONDS
log=$(mktemp -t fieldkit-lane-a.XXXXXX)
(
  rc=0
  "$PY" -m mypy || rc=1
  echo "run-tests: lane A: mypy ended after $((SECONDS - started)) s"
  tmp_a=$(mktemp -d -t fieldkit-lane-a-tmp.XXXXXX)   # its own basetemp (~860 MB of bundles): removed after
  "$PY" -m pytest -q -p no:cacheprovider --durations=25 --basetemp="$tmp_a" "${LANE_A_TESTS[@]}" || rc=1
  rm -rf "$tmp_a"
  echo "run-tests: lane A: tests ended after $((SECONDS - started)) s"
  bash scripts/user-commands.sh "$PY" || rc=1
  echo "run-tests: lane A (mypy, tests, user commands) ended after $((SECONDS - started)) s, $([ $rc = 0 ] && echo ok || echo FAILED)"
  exit $rc
) >"$log" 2>&1 &
lane_a=$!

lane_b=0
"$PY" -m ruff check fieldkit tests bench || lane_b=1
ignores=()
for t in "${LANE_A_TESTS[@]}"; do ignores+=(--ignore "$t"); done
"$PY" -m pytest -q --durations=25 "${ignores[@]}" || lane_b=1
echo "run-tests: lane B (ruff, tests) ended after $((SECONDS - started)) s, $([ $lane_b = 0 ] && echo ok || echo FAILED)"

wait "$lane_a"; rc_a=$?
echo "---- lane A (mypy, installer tests, user commands) ----"
cat "$log"; rm -f "$log"
echo "run-tests: both lanes ended after $((SECONDS - started)) s; lane A $([ $rc_a = 0 ] && echo ok || echo FAILED)"
[ "$lane_b" = 0 ] && [ "$rc_a" = 0 ]
