# Two entry points for a fresh Debian machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup sysdeps demo test wheel-smoke workbook examples clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# LibreOffice (recalculation and .docx -> PDF), CJK fonts, pdftoppm: from Debian's packages.
sysdeps:
	bash scripts/install-system-deps.sh

demo: setup sysdeps
	$(BIN)/perfxl demo

# The suite on every core (pytest-xdist; TEST_JOBS=1 for one process), hypothesis' fixed "ci"
# examples.  Byte code compiled first: where PYTHONDONTWRITEBYTECODE is set, every perfxl
# process the tests start would otherwise compile the package again.
TEST_JOBS ?= auto
test: setup sysdeps
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
