"""Shared test fixtures. Add area-specific fixtures in your own test module, not here."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TEMPLATES = ROOT / "templates"
GOLD_PATH = ROOT.parent / "shared" / "gold" / "seeds.yaml"


@pytest.fixture(scope="session")
def gold() -> dict:
    """The editor's reference extraction of the five seeds (../shared/gold/seeds.yaml)."""
    if not GOLD_PATH.exists():
        pytest.skip(f"gold file not found at {GOLD_PATH}")
    return yaml.safe_load(GOLD_PATH.read_text(encoding="utf-8"))
