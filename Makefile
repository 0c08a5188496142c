# Quick start:  make run   (demo profile, simulated meter, local central server)
#               make test  (the whole suite, lint and type checks)
.PHONY: setup run test user-commands lint typecheck bench screenshots translations installer clean

VENV := .venv
PY := $(VENV)/bin/python

setup:
	@bash scripts/setup.sh

run: setup
	$(PY) -m fieldkit demo

# lint, types, the whole suite and the user commands, in two lanes (scripts/run-tests.sh);
# `make test PYTEST_ARGS="tests/ui -x"` runs just those tests
test: setup
	PYTEST_ARGS="$(PYTEST_ARGS)" bash scripts/run-tests.sh $(PY)

# `fieldkit screenshots` and `fieldkit demo --no-gui --check`, each with a memory cap and a time bound
user-commands: setup
	bash scripts/user-commands.sh $(PY)

lint: setup
	$(PY) -m ruff check fieldkit tests bench

typecheck: setup
	$(PY) -m mypy

bench: setup
	$(PY) bench/store.py
	$(PY) bench/ui.py
	$(PY) bench/startup.py
	$(PY) bench/sync.py
	$(PY) bench/readout.py

screenshots: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m fieldkit screenshots out/screenshots

translations: setup
	bash resources/translations/update.sh

# dist/fieldkit/ (one-folder bundle) and, on Linux, dist/fieldkit-<version>-linux-<arch>.tar.gz
installer: setup
	$(PY) -c "import PyInstaller" 2>/dev/null || $(PY) -m pip install "pyinstaller>=6.10"
	$(PY) installer/build.py

clean:
	rm -rf build dist out .pytest_cache .mypy_cache .ruff_cache
