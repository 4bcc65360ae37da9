"""People, organisations and countries in one article. (Skeleton: the actors helper replaces this.)"""

from __future__ import annotations

from collections.abc import Sequence

from dossier.model import ActorMention, Article


def extract_actors(article: Article, docs: Sequence) -> list[ActorMention]:
    """Every actor mention in `article`; `docs[i]` is the spaCy parse of `article.paragraphs[i]`."""
    return []
