"""The attribution reader hands each word of a paragraph outside its quotations to the sentence it stands in
(attribution._unquoted_by_sentence, one walk over the words): the sentence and the quotation found for each
word must be those `Reader.sentence_at` and `Reader.in_quotation` find by bisection."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier import ingest, nlp
from dossier.extract import attribution
from dossier.extract.quotemarks import find_quotations
from dossier.extract.sentences import article_sentences

ROOT = Path(__file__).resolve().parent.parent


def _bisected(offsets: list[int], quoted: list[tuple[int, int]], starts: list[int]) -> list[tuple[int, int]]:
    """(sentence, offset) of each word outside the quotations, found as the reader's own look-ups find them."""
    reader = SimpleNamespace(quoted=[quoted], starts=[starts], by_paragraph=[list(range(len(starts)))])
    return [(attribution.Reader.sentence_at(reader, 0, offset), offset) for offset in offsets
            if not attribution.Reader.in_quotation(reader, 0, SimpleNamespace(idx=offset))]


def _walked(offsets: list[int], quoted: list[tuple[int, int]], starts: list[int]) -> list[tuple[int, int]]:
    words = [SimpleNamespace(idx=offset) for offset in offsets]
    return [(k, word.idx) for k, word in attribution._unquoted_by_sentence(words, quoted, starts)]


@pytest.mark.parametrize("offsets, quoted, starts", [
    ([0, 3, 7, 10, 14], [], [0]),
    ([0, 3, 7, 10, 14], [(3, 10)], [0, 10]),  # a quotation ends where the word at 10 begins: that word is outside
    ([0, 3, 7, 10, 14], [(0, 3), (7, 8), (14, 20)], [0, 7, 14]),  # words at each edge of three quotations
    ([2, 5, 9], [], [4, 9]),  # a word before the first sentence goes to the first
    ([0, 1, 2, 3], [(1, 2), (2, 3)], [0, 1, 2, 3]),  # quotations back to back
])
def test_each_word_goes_to_its_sentence_as_bisection_finds(offsets, quoted, starts):
    assert _walked(offsets, quoted, starts) == _bisected(offsets, quoted, starts)


edges = st.lists(st.integers(0, 60), unique=True).map(sorted)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 60), unique=True).map(sorted), edges, edges.filter(bool))
def test_each_word_goes_to_its_sentence_as_bisection_finds_anywhere(offsets, quote_edges, starts):
    quoted = list(zip(quote_edges[::2], quote_edges[1::2]))  # in reading order, never overlapping
    assert _walked(offsets, quoted, starts) == _bisected(offsets, quoted, starts)


def test_the_readers_sentences_hold_what_bisection_finds_on_real_articles():
    articles, _ = ingest.read_seeds(ROOT / "seeds")
    held = 0
    for article in articles:
        paragraphs = [p.text for p in article.paragraphs]
        docs = list(nlp.load().pipe(paragraphs))
        quotations = find_quotations(paragraphs)[0]
        reader = attribution.Reader(paragraphs, docs, quotations, article_sentences(paragraphs, quotations))
        for p, doc in enumerate(docs):
            expected = {id(s): [] for s in reader.by_paragraph[p]}
            for token in doc:
                if not reader.in_quotation(p, token) and reader.by_paragraph[p]:
                    expected[id(reader.sentence_at(p, token.idx))].append(token.i)
            assert {id(s): [t.i for t in s.tokens] for s in reader.by_paragraph[p]} == expected, article.file
            held += sum(map(len, expected.values()))
    assert held > 1000  # the comparison is about real words
