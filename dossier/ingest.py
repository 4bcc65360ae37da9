"""Stage 1: seed files -> Article. (Skeleton: the ingest helper replaces this.)"""

from __future__ import annotations

import hashlib
from pathlib import Path

from dossier.model import Article, Paragraph, Problem
from dossier.text import normalise, slugify

SEED_SUFFIXES = (".txt", ".md")


def read_seeds(seeds_dir: Path) -> tuple[list[Article], list[Problem]]:
    """Every usable seed as an Article, sorted by file name, and a Problem for each one skipped."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for path in sorted(p for p in seeds_dir.iterdir() if p.suffix in SEED_SUFFIXES):
        text = path.read_text(encoding="utf-8")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        articles.append(
            Article(
                id=slugify(path.stem),
                file=path.name,
                title=lines[0],
                paragraphs=tuple(Paragraph(i, line) for i, line in enumerate(lines[1:], start=1)),
                digest=hashlib.sha256(normalise(text).encode()).hexdigest(),
            )
        )
    return articles, problems
