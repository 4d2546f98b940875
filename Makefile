# make run    : set up .venv if needed and open the window on the lecture's toy network
# make test   : set up .venv if needed and run every test off-screen, in random order, on every core
#               (the torch oracle tests skip without torch; TEST_WORKERS=1 for one process, SEED=N to repeat an order)
# make oracle : add torch to .venv, so the tests also compare every gradient with PyTorch's autograd
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# pytest-xdist: one process per core, each with its own QApplication; tests marked with one xdist_group
# (the attack corpus, built once) run in one process; pytest-randomly shuffles the order
TEST_WORKERS ?= auto
SEED   ?=
PYTEST := QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadgroup $(if $(SEED),--randomly-seed=$(SEED))

.PHONY: run test oracle lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/jacobian-explorer

test: $(STAMP)
	$(BIN)/lint-imports
	$(PYTEST)
	$(BIN)/ruff check explorer tests benchmarks scripts
	$(BIN)/mypy

oracle: $(STAMP)
	@# the CPU build of torch (the default one from PyPI brings gigabytes of CUDA libraries)
	$(BIN)/python -m pip install --quiet -e '.[test,oracle]' --extra-index-url https://download.pytorch.org/whl/cpu

lint: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check explorer tests benchmarks scripts
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_engine.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench_ui.py

clean:
	rm -rf $(VENV) build dist *.egg-info
