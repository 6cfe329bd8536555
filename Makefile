# infoview: `make packet` and `make test` are all a new clone needs (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-pyproject

.PHONY: packet lint watch thanks agenda test bench mutate judge-report judge-invariance judge-train judge-prebuild readme lsp-capabilities venv clean

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

# Retrain the judge's linear model from tests/data/*.csv (deterministic: same data, same
# bytes); writes infoview/data/judge_model.json and tests/data/judge_cv.csv.
judge-train: $(STAMP)
	nice $(BIN)/python tools/judge_train.py

# After editing infoview/data/judge.yaml (or the code that builds it): rewrite the grammar
# shipped ready-made, infoview/data/judge_built.json (a stale one is never used; a test says so).
judge-prebuild: $(STAMP)
	$(BIN)/python tools/judge_prebuild.py

# How often IV303/IV304 change their verdict when a tuning question is only asked otherwise
# (a lead-in, a name for the organisation, another field's noun); prints figures only.
judge-invariance: $(STAMP)
	$(BIN)/python tools/judge_invariance.py

# Mutation testing, not part of `make test` (README, Development): one score per module.
# make mutate MODULES="infoview/agenda_ics.py infoview/lint/rules/iv102_research_facet_missing.py"
# make mutate MODULES=infoview/agenda_ics.py:60-70 MUTATE_ARGS="-v --stubs"
MODULES ?= infoview/workspace.py infoview/lint/rules/iv303_answerable_online.py \
	infoview/agenda_ics.py infoview/thanks.py infoview/lint/rules/iv102_research_facet_missing.py
MUTATE_ARGS ?=
mutate: $(STAMP)
	nice -n 10 $(BIN)/python -m tools.mutate $(MUTATE_ARGS) $(MODULES)

readme: $(STAMP)
	$(BIN)/python tools/update_readme.py

# The capabilities `infoview lsp` announces before pygls is imported (infoview/lsp/early.py),
# taken from the real server; tests/lsp/unit/test_early.py fails when they are stale.
lsp-capabilities: $(STAMP)
	$(BIN)/python tools/lsp_capabilities.py

clean:
	rm -rf build
