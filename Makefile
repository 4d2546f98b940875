# make run   : set up .venv if needed and open the window on the lecture's toy network
# make test  : set up .venv if needed and run every test off-screen
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@# torch is an optional oracle for the tests; take the CPU wheel if this machine has one on disk.
	-@ls /opt/wheels/torch-*cpu*.whl >/dev/null 2>&1 && $(BIN)/python -m pip install --quiet 'torch==2.13.0' || true
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/jacobian-explorer

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(BIN)/ruff check explorer tests benchmarks scripts
	$(BIN)/mypy

lint: $(STAMP)
	$(BIN)/ruff check explorer tests benchmarks scripts
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_engine.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench_ui.py

clean:
	rm -rf $(VENV) build dist *.egg-info
