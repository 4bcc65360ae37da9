"""One actor per real-world person, organisation or country. (Skeleton: the actors helper replaces this.)"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from dossier.curation import Curation
from dossier.model import Actor, Extraction

# resolve(source_id, name as extracted) -> actor id, or None when the name is no known actor
Resolver = Callable[[str, str], "str | None"]


def link_actors(extractions: Sequence[Extraction], edits: Curation) -> tuple[list[Actor], Resolver]:
    """Merge every ActorMention (and every quote speaker) into Actors, applying the editor's curation."""
    return [], lambda source, name: None
