#!/usr/bin/env bash
# Set up everything FieldKit needs on a fresh Debian machine with Python 3.11:
# the system libraries Qt needs, a virtual environment in .venv, the package with its
# test tools, and the compiled translations. Safe to run again: it skips what is done.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
need_apt=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
if command -v dpkg-query >/dev/null 2>&1; then
  for p in libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libxkbcommon-x11-0 libxcb-cursor0 \
           libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 \
           libxcb-image0 fonts-dejavu-core poppler-utils nsis binutils \
           gnome-keyring dbus; do  # gnome-keyring + dbus: the real Secret Service the at-rest tests use
    have_pkg "$p" || need_apt+=("$p")
  done
  if ! "$PY" -c 'import venv, ensurepip' >/dev/null 2>&1; then need_apt+=(python3-venv); fi
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing system packages: ${need_apt[*]}"
  # Another apt/dpkg (unattended upgrades on a fresh laptop, a second terminal) may hold the
  # lock: wait for it (up to FIELDKIT_APT_WAIT seconds, default 600) instead of failing at once.
  wait_s=${FIELDKIT_APT_WAIT:-600}
  apt_opts=(-o "DPkg::Lock::Timeout=$wait_s")
  waited=0
  while command -v fuser >/dev/null 2>&1 && \
        $SUDO fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock >/dev/null 2>&1; do
    [ "$waited" -ge "$wait_s" ] && { echo "setup: apt is still busy after ${wait_s} s; try again later" >&2; exit 1; }
    [ $((waited % 30)) -eq 0 ] && echo "setup: another apt/dpkg is running; waiting for it (${waited} s) …"
    sleep 5; waited=$((waited + 5))
  done
  $SUDO apt-get "${apt_opts[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get "${apt_opts[@]}" install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
# the extras live in setup.py and the server distribution in server/pyproject.toml: any change reinstalls
stamp=.venv/.stamp-$(cat pyproject.toml setup.py server/pyproject.toml 2>/dev/null | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[dev]"
  rm -f .venv/.stamp-*; touch "$stamp"
fi
# Qt Linguist: .ts sources -> .qm
for ts in resources/translations/*.ts; do
  [ -e "$ts" ] || continue
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
  fi
done
