# One way to set up, run and test. `make run` and `make test` are the Quick start.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
EVENTS ?=
ENGINE ?=
ACTORS ?=

.PHONY: run test lint format bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

run: $(VENV)/.installed
	$(if $(EVENTS),EVENTS_PATH="$(abspath $(EVENTS))") $(if $(ENGINE),ENGINE="$(ENGINE)") \
	$(if $(ACTORS),ACTORS_PATH="$(abspath $(ACTORS))") \
		$(BIN)/streamlit run app.py \
		--server.port $(PORT) --server.headless true

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

# The benchmark at a million events (docs/performance.md); `make bench EVENTS_N=20000` for a quick one.
EVENTS_N ?= 1000000
bench: $(VENV)/.installed-test
	$(BIN)/python -m dashboard bench --events $(EVENTS_N)

# docs/screenshot-*.png: each main page in Debian's Chromium (see docs/testing.md).
screenshots: $(VENV)/.installed-test
	$(BIN)/python scripts/screenshots.py

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
