"""The editor's corrections file. (Skeleton: the actors helper replaces this.)"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Curation:
    """Parsed curation.yaml; empty when the file does not exist."""

    entries: tuple = field(default_factory=tuple)


def load(path: Path) -> Curation:
    return Curation()
