# Two commands do everything on a fresh clone:
#   make site   set up .venv from the hash-pinned lock, build docs/ from seeds/, then the site/
#   make test   set up .venv the same way and run the whole test suite (what .ci/run runs)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell sha256sum requirements.lock pyproject.toml | sha256sum | cut -c1-12)

.PHONY: setup site docs serve test bench golden lock clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

docs: $(STAMP)
	$(BIN)/dossier build

site: docs
	$(BIN)/mkdocs build --strict
	@echo "Site built in site/ (open site/index.html, or run 'make serve' for http://127.0.0.1:8000/)"

serve: docs
	$(BIN)/mkdocs serve

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py

# Accept an intended change of output: rebuild the golden sample that tests/test_golden.py compares with.
golden: $(STAMP)
	rm -rf tests/golden/docs
	$(BIN)/dossier build --seeds tests/golden/seeds --docs tests/golden/docs --curation tests/golden/curation.yaml \
		--ledger $$(mktemp -d)/permalinks.yaml

# Re-pin every dependency with hashes after editing pyproject.toml. --no-strip-extras keeps
# requirements such as smart-open[http] whole: without it pip older than 23.3 (what
# `python3 -m venv` gives on Python 3.11) refuses the lock in --require-hashes mode.
UV_VERSION := 0.13.9
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(BIN)/uv pip compile pyproject.toml --extra test --generate-hashes --no-strip-extras --python-version 3.11 \
		--python-platform x86_64-unknown-linux-gnu -o requirements.lock

clean:
	rm -rf $(VENV) site
