"""Shared by the quote tests: articles from plain text, and quote extraction without the rest of the pipeline."""

from __future__ import annotations

from pathlib import Path

from dossier import nlp
from dossier.extract.quotes import extract_quotes
from dossier.model import Article, Extraction, Paragraph
from dossier.text import normalise, slugify

CORPUS = Path(__file__).resolve().parent / "corpus"


def article_from_text(text: str, file: str = "article.txt") -> Article:
    """First non-empty line the title, every other non-empty line a paragraph (the corpus format)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return Article(id=slugify(Path(file).stem), file=file, title=lines[0],
                   paragraphs=tuple(Paragraph(i, line) for i, line in enumerate(lines[1:], start=1)))


def corpus_article(path: Path) -> Article:
    return article_from_text(path.read_text(encoding="utf-8"), path.name)


def expected_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.expected.yaml")


def extract(article: Article) -> Extraction:
    docs = list(nlp.load().pipe(p.text for p in article.paragraphs))
    quotes, problems = extract_quotes(article, docs)
    return Extraction(article=article, quotes=tuple(quotes), problems=tuple(problems))


def wording(text: str) -> str:
    """How expected and extracted wordings are compared: normalised, the final period optional."""
    return normalise(text).rstrip(".,")


def slug_resolver(source: str, name: str) -> str:
    """A stand-in for the actors' resolver: every name is the actor its slug names."""
    return slugify(name)
