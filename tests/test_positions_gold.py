"""Positions on the five seeds through the real pipeline: evidence and topics.

How many gold positions the build states is measured by bench/score.py and held to thresholds in
tests/test_gold_scores.py. On the seeds it misses two: NATO's support for Ukraine's membership is
stated by "leaders of member states", and Macron's support is only implied ("the decision to host
peacekeeping forces should be made by Kyiv"); Russia's conditional stance on unarmed observers
merges with its opposition to NATO observers into one topic and loses the vote there.
"""

from __future__ import annotations

import pytest

from dossier import curation, extract, ingest, link
from dossier.model import Dossier
from tests.conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    articles, _ = ingest.read_seeds(SEEDS)
    return link.link([extract.extract(a) for a in articles], curation.load(ROOT / "curation.yaml"))


def test_every_position_rests_on_sentences_of_its_sources(dossier):
    paragraphs = {(a.id, p.index): p.text for a in dossier.sources for p in a.paragraphs}
    for position in dossier.positions:
        assert position.evidence == sorted(set(position.evidence), key=lambda m: (m.source, m.paragraph))
        texts = [paragraphs[(m.source, m.paragraph)] for m in position.evidence]
        for sentence in position.sentences:
            assert any(sentence in text for text in texts), (position.id, sentence)


def test_topics_are_few_and_named_by_their_issue(dossier):
    titles = {t.title for t in dossier.topics}
    assert {"Peacekeeping forces", "Ceasefire", "Membership", "Security guarantees"} <= titles
    assert len(titles) <= 10
    assert sorted(t.id for t in dossier.topics) == [t.id for t in dossier.topics]
