"""World knowledge and rules shipped as YAML data files in dossier/data/."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def load_yaml(name: str):
    """The parsed data file `name` (e.g. "ingest.yaml"), read once per process."""
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
