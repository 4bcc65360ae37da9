"""The one sentence splitter (dossier.extract.sentences), one rule per row, and the stages reading it."""

from __future__ import annotations

import pytest

from dossier import nlp
from dossier.extract.sentences import article_sentences
from dossier.extract.actors import extract_actors
from dossier.extract.stances import extract_stances
from dossier.model import Article, Paragraph


@pytest.mark.parametrize("text, sentences", [
    ("The talks ended. Both sides left.", ["The talks ended.", "Both sides left."]),
    ('He said: "We will fight. We will win." Then he left.',  # never inside a quotation
     ['He said: "We will fight. We will win."', "Then he left."]),
    ("Mr. Smith met U.S. officials. They talked.", ["Mr. Smith met U.S. officials.", "They talked."]),
    ("The vote ends at 7 a.m. Asked why, she laughed.", ["The vote ends at 7 a.m.", "Asked why, she laughed."]),
    ("LEE: We are ready. Are you?", ["LEE:", "We are ready.", "Are you?"]),  # a transcript's speaker label
    ('"It is over." The minister left.', ['"It is over."', "The minister left."]),
    ("No. 3 seed Ana Lopez won.", ["No. 3 seed Ana Lopez won."]),
    ("The Rt. Hon. Ana Lopez spoke. They left.", ["The Rt. Hon. Ana Lopez spoke.", "They left."]),
])
def test_where_sentences_end(text, sentences):
    [spans] = article_sentences([text])
    assert [text[a:b].strip() for a, b in spans] == sentences


def test_a_quotation_over_paragraphs_keeps_each_paragraph_one_sentence_inside_it():
    paragraphs = ['Lopez said: "We will fight. We will win.', '"We will never give up. Never."']
    assert [len(spans) for spans in article_sentences(paragraphs)] == [1, 1]


def test_a_stance_inside_a_quotation_cites_the_sentence_that_attributes_it():
    text = 'Germany said: "We fully support the new climate agreement. Nothing will change that."'
    article = Article("t", "t.txt", "Test", (Paragraph(1, text),))
    docs = list(nlp.load().pipe([text]))
    [stance] = extract_stances(article, docs, extract_actors(article, docs))
    assert (stance.actor, stance.stance, stance.topic, stance.sentence) == ("Germany", "support", "climate agreement",
                                                                            text)
