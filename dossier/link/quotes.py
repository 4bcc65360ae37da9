"""One Quote per utterance across outlets. (Skeleton: the quotes helper replaces this.)"""

from __future__ import annotations

from collections.abc import Sequence

from dossier.link.actors import Resolver
from dossier.model import Actor, Extraction, Quote


def cluster_quotes(extractions: Sequence[Extraction], resolve: Resolver, actors: Sequence[Actor]) -> list[Quote]:
    """Group QuoteMentions carrying the same utterance into Quotes, speakers resolved to actor ids."""
    return []
