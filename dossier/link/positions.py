"""Topics and positions across articles. (Skeleton: the positions helper replaces this.)"""

from __future__ import annotations

from collections.abc import Sequence

from dossier.link.actors import Resolver
from dossier.model import Extraction, Position, Topic


def link_positions(extractions: Sequence[Extraction], resolve: Resolver) -> tuple[list[Topic], list[Position]]:
    return [], []
