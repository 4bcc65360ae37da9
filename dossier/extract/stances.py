"""Who stands where on which issue, sentence by sentence. (Skeleton: the positions helper replaces this.)"""

from __future__ import annotations

from collections.abc import Sequence

from dossier.model import ActorMention, Article, Stance


def extract_stances(article: Article, docs: Sequence, actors: Sequence[ActorMention]) -> list[Stance]:
    """Stances stated in `article`; `actors` are the article's actor mentions."""
    return []
