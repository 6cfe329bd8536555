# infoview: `make packet` and `make test` are all a new clone needs (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-pyproject

.PHONY: packet lint watch thanks agenda test bench readme judge-report venv clean

# The virtual environment is (re)built when missing or when pyproject.toml changed.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

venv: $(STAMP)

packet: $(STAMP)
	@$(BIN)/infoview packet

lint: $(STAMP)
	@$(BIN)/infoview lint

watch: $(STAMP)
	@$(BIN)/infoview watch

thanks: $(STAMP)
	@$(BIN)/infoview thanks

agenda: $(STAMP)
	@$(BIN)/infoview agenda

test: $(STAMP)
	$(BIN)/ruff check infoview tests bench tools
	$(BIN)/ruff format --check infoview tests bench tools
	$(BIN)/mypy infoview
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/bench.py

judge-report: $(STAMP)
	$(BIN)/python tools/judge_report.py

readme: $(STAMP)
	$(BIN)/python tools/update_readme.py

clean:
	rm -rf build
