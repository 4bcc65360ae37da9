"""Stage 2: one Article -> Extraction (quotes, actors, stances), knowing nothing of other articles."""

from __future__ import annotations

from dossier import nlp
from dossier.extract.actors import extract_actors
from dossier.extract.quotes import extract_quotes
from dossier.extract.sentences import article_sentences
from dossier.extract.stances import extract_stances
from dossier.model import Article, Extraction


def extract(article: Article) -> Extraction:
    """Parse the headline and each paragraph once, in one pass, split each paragraph into sentences once,
    and hand both to every extractor."""
    title, *docs = nlp.load().pipe([article.title, *(p.text for p in article.paragraphs)])
    sentences = article_sentences([p.text for p in article.paragraphs])
    actors = extract_actors(article, docs, sentences)
    quotes, problems = extract_quotes(article, docs)
    stances = extract_stances(article, docs, actors, sentences, title)
    return Extraction(article=article, quotes=tuple(quotes), actors=tuple(actors), stances=tuple(stances),
                      problems=tuple(problems))
