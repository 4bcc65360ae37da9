"""Shared test fixtures. Add area-specific fixtures in your own test module, not here."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

# `dossier build` in a test (in-process or a child process) extracts every article afresh unless the
# test asks for the cache (tests/test_cache.py): a monkeypatched extractor or a --jobs comparison
# must not be answered from another test's results.
os.environ["DOSSIER_NO_CACHE"] = "1"

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TEMPLATES = ROOT / "dossier" / "templates"
# The editor's gold file lives in ../shared/gold/; a copy is kept in tests/gold/ so that the
# quality tests run on any clone (test_gold_copy checks the copy against the original).
SHARED_GOLD_PATH = ROOT.parent / "shared" / "gold" / "seeds.yaml"
GOLD_PATH = ROOT / "tests" / "gold" / "seeds.yaml"


@pytest.fixture(scope="session")
def gold() -> dict:
    """The editor's reference extraction of the five seeds (../shared/gold/seeds.yaml)."""
    return yaml.safe_load(GOLD_PATH.read_text(encoding="utf-8"))
