# Two commands do everything on a fresh clone:
#   make site   set up .venv from the hash-pinned lock, build docs/ from seeds/, then the site/, then its search index
#   make test   set up .venv (and .venv-zensical) the same way and run the whole test suite (what .ci/run runs)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell sha256sum requirements.lock pyproject.toml | sha256sum | cut -c1-12)
# Zensical, the second renderer, lives in a venv of its own from its own lock: the site must build
# with it from docs/ alone, with nothing of MkDocs, Material or dossier installed beside it.
ZVENV  := .venv-zensical
ZSTAMP := $(ZVENV)/.installed-$(shell sha256sum requirements-zensical.lock | cut -c1-12)

.PHONY: setup zensical-setup site zensical docs serve test bench golden skeleton lock clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

zensical-setup: $(ZSTAMP)

$(ZSTAMP): requirements-zensical.lock
	test -x $(ZVENV)/bin/python || $(PYTHON) -m venv $(ZVENV)
	$(ZVENV)/bin/python -m pip install --quiet --require-hashes -r requirements-zensical.lock
	rm -f $(ZVENV)/.installed-*
	touch $@

docs: $(STAMP)
	$(BIN)/dossier build

# Then the search index, once MkDocs has exited: each of mkdocs.yml's search bundles by its own
# Pagefind process (dossier/search.py says why).
site: docs
	$(BIN)/mkdocs build --strict
	$(BIN)/dossier search-index
	@echo "Site built in site/ (search runs over HTTP: 'make serve' previews it with live reload)"

# The same docs/ built by Zensical instead of MkDocs, into site/ as well, then indexed as `make site`
# indexes MkDocs' site (dossier from .venv, Pagefind with pagefind.yml).
zensical: docs $(ZSTAMP)
	$(ZVENV)/bin/zensical build --strict --clean
	$(BIN)/dossier search-index

serve: $(STAMP)
	$(BIN)/dossier serve

# axe-core for the browser tests' accessibility checks, pinned by tests/package-lock.json
# (where npm is missing those checks skip and say so).
tests/node_modules/.package-lock.json: tests/package-lock.json
	if command -v npm >/dev/null; then cd tests && npm ci --no-audit --no-fund --silent; fi

# pytest exits 5 when it collected no test: here that means the suite went missing, so it fails
# (with a reason) rather than passing for a run that tested nothing.
test: $(STAMP) $(ZSTAMP) tests/node_modules/.package-lock.json
	@status=0; $(BIN)/python -m pytest $(PYTEST_ARGS) || status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests (exit 5): failing, not passing" >&2; fi; \
	exit $$status

bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py

# Accept an intended change of output: rebuild the golden sample that tests/test_golden.py compares with.
golden: $(STAMP)
	rm -rf tests/golden/docs
	$(BIN)/dossier build --seeds tests/golden/seeds --docs tests/golden/docs --curation tests/golden/curation.yaml \
		--ledger $$(mktemp -d)/permalinks.yaml

# After editing mkdocs.yml or the hand-written docs/ (index.md, assets/): copy them into the files
# `dossier new` writes (dossier/skeleton/), which tests/test_project.py checks are the same.
skeleton: $(STAMP)
	$(BIN)/python -c 'from pathlib import Path; from dossier.project import sync_skeleton; \
		print("\n".join(f"updated dossier/skeleton/{p}" for p in sync_skeleton(Path("."))) or "skeleton up to date")'

# Re-pin every dependency with hashes after editing pyproject.toml (or requirements-zensical.in).
# --no-strip-extras keeps requirements such as smart-open[http] whole: without it pip older than
# 23.3 (what `python3 -m venv` gives on Python 3.11) refuses the lock in --require-hashes mode.
UV_VERSION := 0.13.9
UV_COMPILE  = $(BIN)/uv pip compile --generate-hashes --no-strip-extras --python-version 3.11 \
		--python-platform x86_64-unknown-linux-gnu --quiet
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(UV_COMPILE) pyproject.toml --extra test --extra dask -o requirements.lock
	$(UV_COMPILE) requirements-zensical.in -o requirements-zensical.lock

clean:
	rm -rf $(VENV) $(ZVENV) site .cache
