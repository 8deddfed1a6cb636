# briefgraph: `make demo` sets everything up and runs the main job on the bundled
# sample; `make test` sets up and runs the test suite (CI runs .ci/run -> make test).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: install demo test test-fast lint services score bench clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -c "import briefgraph.nlp as n; n.load_nlp()"
	touch $(STAMP)

demo: install
	$(VENV)/bin/briefgraph extract samples --format table

services:
	bash scripts/ensure_postgres.sh

test: install services
	$(VENV)/bin/pytest -q

test-fast: install
	$(VENV)/bin/pytest -q -m "not slow"

lint: install
	$(VENV)/bin/ruff check src tests

score: install
	$(PYTHON) ../shared/eval/score.py ../shared/eval/dev --run "$(VENV)/bin/briefgraph extract {file} --format json"
	$(PYTHON) ../shared/eval/score.py ../shared/eval/briefs-dev.jsonl --run "$(VENV)/bin/briefgraph extract {file} --format jsonl"
	$(PYTHON) ../shared/eval/score.py tests/data --run "$(VENV)/bin/briefgraph extract {file} --format json"

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
