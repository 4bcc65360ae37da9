"""Properties on arbitrary text: the extractor never raises, every quote is verbatim in its
source, and linking puts every printing in exactly one Quote."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from dossier.extract.quotemarks import find_quotations
from dossier.extract.quotes import verify_verbatim
from dossier.link.quotes import cluster_quotes
from dossier.model import Article, Paragraph, Problem
from dossier.text import normalise
from tests.quotes_support import extract, slug_resolver

MARKS = "\"'\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb\u2039\u203a"
FRAGMENTS = [
    *MARKS, " ", " ", ", ", ". ", ": ", "\u2014", "s", "n't", "'s", "\u2019s", "O'Brien", "Grushko", "Maria Lopez",
    "said", "he said", "she added", "told reporters", "according to", "the diplomat", "quoted", "as saying",
    "We will", "never accept", "this deal", "in Moscow", "today", "NATO", "the", "and", "\u2026", "(", ")", "\n", "\u00a0",
]
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

news_like = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
anything = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
paragraph_text = st.one_of(news_like, anything)


def article_of(paragraphs: list[str]) -> Article:
    return Article(id="prop", file="prop.txt", title="t",
                   paragraphs=tuple(Paragraph(i, text) for i, text in enumerate(paragraphs, start=1)))


@SETTINGS
@given(st.lists(paragraph_text, max_size=6))
def test_marks_never_raise_and_parts_stay_in_their_paragraphs(paragraphs):
    quotations, unclosed = find_quotations(paragraphs)
    previous_end = (-1, -1)
    for q in quotations:
        for part in q.parts:
            assert 0 <= part.start <= part.end <= len(paragraphs[part.paragraph])
        assert (q.paragraph, q.open_at) >= previous_end  # in reading order, never overlapping
        previous_end = (q.end_paragraph, q.close_at)
    for u in unclosed:
        assert paragraphs[u.paragraph][u.offset] in MARKS


@SETTINGS
@given(st.lists(paragraph_text, min_size=1, max_size=5))
def test_extraction_never_raises_and_every_quote_is_verbatim(paragraphs):
    article = article_of(paragraphs)
    extraction = extract(article)
    assert all(isinstance(p, Problem) and p.file == "prop.txt" for p in extraction.problems)
    assert verify_verbatim(extraction.quotes, article) == []
    for mention in extraction.quotes:
        source = normalise(article.paragraphs[mention.paragraph - 1].text)
        if mention.end_paragraph is None and "\u2026" not in mention.text:
            assert normalise(mention.text) in source
        assert mention.method in {"explicit", "pronoun", "role", "carried", "second-hand", "unattributed"}
        assert (mention.speaker is None) == (mention.method == "unattributed")


@SETTINGS
@given(st.lists(st.lists(news_like, min_size=1, max_size=4), min_size=1, max_size=4))
def test_every_printing_lands_in_exactly_one_quote(articles):
    extractions = [extract(Article(id=f"s{k}", file=f"s{k}.txt", title="t",
                                   paragraphs=tuple(Paragraph(i, t) for i, t in enumerate(texts, start=1))))
                   for k, texts in enumerate(articles)]
    quotes = cluster_quotes(extractions, slug_resolver)
    printed = sorted((e.article.id, k) for e in extractions for k in range(1, len(e.quotes) + 1))
    assert sorted((o.source, o.index) for q in quotes for o in q.occurrences) == printed
    assert cluster_quotes(extractions[::-1], slug_resolver) == quotes
    speaker_of = {(e.article.id, k): m.speaker for e in extractions for k, m in enumerate(e.quotes, start=1)}
    for quote in quotes:  # a Quote never mixes speakers: its printings name its speaker or none
        assert {slug_resolver("", speaker_of[(o.source, o.index)]) for o in quote.occurrences
                if speaker_of[(o.source, o.index)]} <= {quote.speaker}
