"""The five seeds against the editor's gold file: every quote found, every speaker right,
one Quote per gold cluster, and nothing else (scare quotes stay out)."""

from __future__ import annotations

import pytest

from dossier import ingest
from dossier.link.quotes import cluster_quotes
from dossier.text import slugify
from tests.conftest import SEEDS
from tests.quotes_support import extract, slug_resolver, wording


@pytest.fixture(scope="module")
def extractions():
    articles, _ = ingest.read_seeds(SEEDS)
    return [extract(article) for article in articles]


@pytest.fixture(scope="module")
def found(extractions):
    """(file, wording) -> QuoteMention, for every quote extracted from the seeds."""
    return {(e.article.file, wording(m.text)): m for e in extractions for m in e.quotes}


def test_every_gold_quote_found_with_its_speaker(gold, found):
    for expected in gold["quotes"]:
        mention = found.get((expected["file"], wording(expected["text"])))
        assert mention is not None, f"missed in {expected['file']}: {expected['text']}"
        assert mention.speaker == expected["speaker"], mention


def test_no_other_quotes(gold, found):
    assert sorted(found) == sorted((q["file"], wording(q["text"])) for q in gold["quotes"])


def test_one_quote_per_gold_cluster(gold, extractions):
    quotes = cluster_quotes(extractions, slug_resolver)
    files = {e.article.id: e.article.file for e in extractions}
    quote_of = {(files[o.source], wording(o.text)): q for q in quotes for o in q.occurrences}
    clusters: dict[str, set[str]] = {}
    for expected in gold["quotes"]:
        quote = quote_of[(expected["file"], wording(expected["text"]))]
        assert quote.speaker == slugify(expected["speaker"])
        assert quote.speaker_name == expected["speaker"]
        clusters.setdefault(expected["cluster"], set()).add(quote.id)
    assert all(len(ids) == 1 for ids in clusters.values()), clusters
    assert len(quotes) == len(clusters) == 9


def test_seed_problems_are_not_about_quotes(extractions):
    """The seeds' quotation marks all balance: no quote warning, no quote lost to the verbatim gate."""
    assert [p for e in extractions for p in e.problems] == []
