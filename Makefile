# Two entry points for a fresh Debian machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup sysdeps web-deps demo test wheel-smoke workbook examples clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# LibreOffice (recalculation and .docx -> PDF), CJK fonts, pdftoppm: from Debian's packages.
# Under a lock: two `make test` started together would both run apt-get, and one would fail.
sysdeps:
	if command -v flock >/dev/null; then flock "$${TMPDIR:-/tmp}/perfxl-sysdeps.lock" bash scripts/install-system-deps.sh; else bash scripts/install-system-deps.sh; fi

# The offline web page's parts, into perfxl's cache: the pinned npm package pyodide (npm) and the
# pure-Python wheels the page installs (pip); `perfxl web build` and its tests read them there.
web-deps: setup sysdeps
	$(BIN)/perfxl web fetch >/dev/null

demo: setup sysdeps
	$(BIN)/perfxl demo

# The suite on every core (pytest-xdist; TEST_JOBS=1 for one process), hypothesis' fixed "ci"
# examples.  Byte code compiled first: where PYTHONDONTWRITEBYTECODE is set, every perfxl
# process the tests start would otherwise compile the package again.
TEST_JOBS ?= auto
test: setup sysdeps web-deps
	$(BIN)/python -m compileall -q perfxl tests benchmarks > /dev/null
	HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-ci} $(BIN)/python -m pytest -q -n $(TEST_JOBS) --dist worksteal --durations=30

# The built wheel, installed in a fresh venv under /tmp, runs report, demo, addin build, doctor.
wheel-smoke: setup
	bash scripts/wheel-smoke.sh $(BIN)/python

# Rebuild the committed standard workbook and the examples from their sources.
workbook: setup
	$(BIN)/perfxl new --force -o workbook/perfxl-standard.xlsx

examples: setup
	$(BIN)/python examples/build.py

clean:
	rm -rf $(VENV) out
