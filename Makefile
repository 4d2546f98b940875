# make run    : set up .venv if needed and open the window on the lecture's toy network
# make test   : set up .venv if needed and run every test off-screen, in random order, on every core
#               (the torch oracle tests skip without torch; TEST_WORKERS=1 for one process, SEED=N to repeat an order)
# make oracle : add torch to .venv, so the tests also compare every gradient with PyTorch's autograd
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# pytest-xdist: one process per core, each with its own QApplication; each test file runs in one process
# (--dist loadfile), so a file's costly session fixture (the attack corpora) runs once; pytest-randomly shuffles the order.
# (loadgroup would be finer, but pytest-xdist 3.8 cannot tag node ids under pytest 9: its groups are ignored)
TEST_WORKERS ?= auto
SEED   ?=
PYTEST := QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile $(if $(SEED),--randomly-seed=$(SEED))

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
