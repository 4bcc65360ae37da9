"""Stage 5: Dossier -> Markdown pages. (Skeleton: the site helper replaces this.)"""

from __future__ import annotations

from pathlib import Path

from dossier.model import Dossier

GENERATED_SECTIONS = ("sources", "actors", "quotes", "topics", "positions")


def render(dossier: Dossier, templates: Path) -> dict[str, str]:
    """Every generated page as {path relative to docs/: Markdown text}."""
    return {f"sources/{a.id}.md": f"# {a.title}\n" for a in dossier.sources}


def write_docs(pages: dict[str, str], docs: Path) -> bool:
    """Replace the generated sections of docs/ with `pages`; True when anything changed."""
    for rel, text in pages.items():
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return True
