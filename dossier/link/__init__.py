"""Stage 3: all Extractions -> one Dossier: actors merged, quotes clustered, positions gathered."""

from __future__ import annotations

from collections.abc import Sequence

from dossier.curation import Curation
from dossier.link.actors import link_actors
from dossier.link.positions import link_positions
from dossier.link.quotes import Alike, cluster_quotes
from dossier.memo import Memo
from dossier.model import Dossier, Extraction, Problem


def link(extractions: Sequence[Extraction], edits: Curation, alike: Memo[Alike] | None = None) -> Dossier:
    """`alike`: the quote linker's pairs kept from the last build (dossier.link.quotes)."""
    problems: list[Problem] = []
    actors, resolve = link_actors(extractions, edits, problems)
    quotes = cluster_quotes(extractions, resolve, alike)
    topics, positions = link_positions(extractions, resolve, problems)
    return Dossier(
        sources=[e.article for e in extractions],
        actors=actors,
        quotes=quotes,
        topics=topics,
        positions=positions,
        problems=problems,
    )
