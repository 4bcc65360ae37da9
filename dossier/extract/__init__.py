"""Stage 2: one Article -> Extraction (quotes, actors, stances), knowing nothing of other articles."""

from __future__ import annotations

from collections.abc import Sequence

from dossier import nlp
from dossier.extract.actors import extract_actors
from dossier.extract.quotemarks import find_quotations
from dossier.extract.quotes import extract_quotes
from dossier.extract.sentences import article_sentences
from dossier.extract.stances import extract_stances
from dossier.extract.transcript import find_turns
from dossier.model import LONE_NAME, Article, Extraction


def texts(article: Article) -> list[str]:
    """What is parsed of an article, in order: its headline, if it printed one, then each paragraph."""
    headline = [] if article.titled_from_file else [article.title]  # a file's name is no words of the article's
    return [*headline, *(p.text for p in article.paragraphs)]


def extract(article: Article, parsed: Sequence[bytes] = ()) -> Extraction:
    """Parse the headline (when one was printed) and each paragraph once, in one pass, pair the
    quotation marks, read an interview transcript's turns and split each paragraph into sentences
    once, and hand them to every extractor.
    `parsed`: the parses of `texts(article)` already made, in parts (nlp.parse_to_bytes), by other workers."""
    docs = [doc for part in parsed for doc in nlp.parses_from_bytes(part)] if parsed else list(nlp.load().pipe(texts(article)))
    headline = None if article.titled_from_file else docs.pop(0)
    paragraphs = [p.text for p in article.paragraphs]
    marks = find_quotations(paragraphs)
    sentences = article_sentences(paragraphs, marks[0])
    actors = extract_actors(article, docs, sentences)
    quotes, problems = extract_quotes(article, docs, marks, find_turns(paragraphs), actors, sentences)
    named = [a for a in actors if a.method != LONE_NAME]  # linking keeps a lone name only if another article names it
    stances = extract_stances(article, docs, named, sentences, headline, quotes)
    return Extraction(article=article, quotes=tuple(quotes), actors=tuple(actors), stances=tuple(stances),
                      problems=tuple(problems))
