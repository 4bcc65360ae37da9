"""Direct quotations and their speakers. (Skeleton: the quotes helper replaces this.)"""

from __future__ import annotations

from collections.abc import Sequence

from dossier.model import Article, Problem, QuoteMention


def extract_quotes(article: Article, docs: Sequence) -> tuple[list[QuoteMention], list[Problem]]:
    """Every direct quotation of four words or more in `article`, with its speaker's name as the article gives it.

    `docs[i]` is the spaCy parse of `article.paragraphs[i]`.
    """
    return [], []
