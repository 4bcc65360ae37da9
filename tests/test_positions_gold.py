"""Positions on the five seeds against the editor's gold file, through the real pipeline.

A built position matches a gold one when the actor is the same, the stance is the
same, and one of the gold topic_keywords appears in the built topic's title.
Measured on the seeds: recall 15/18, precision 15/17. The three misses: Russia's
conditional stance on unarmed observers merges with its opposition to NATO
observers into one topic (and loses the vote there), NATO's support for Ukraine's
membership is stated by "leaders of member states", and Macron's support is only
implied ("the decision to host peacekeeping forces should be made by Kyiv").
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


@pytest.fixture(scope="module")
def built(dossier):
    """(actor name, lower-cased topic title, stance, position) for every position built."""
    names = {a.id: a.name for a in dossier.actors}
    titles = {t.id: t.title.lower() for t in dossier.topics}
    return [(names[p.actor], titles[p.topic], p.stance, p) for p in dossier.positions]


def matches(gold: dict, built: tuple) -> bool:
    return built[0] == gold["actor"] and built[2] == gold["stance"] and any(k in built[1] for k in gold["topic_keywords"])


def test_recall_of_gold_positions(gold, built):
    recalled = [g for g in gold["positions"] if any(matches(g, b) for b in built)]
    assert len(recalled) / len(gold["positions"]) >= 0.8, [
        (g["actor"], g["topic"], g["stance"]) for g in gold["positions"] if g not in recalled]


def test_precision_of_built_positions(gold, built):
    right = [b for b in built if any(matches(g, b) for g in gold["positions"])]
    assert len(right) / len(built) >= 0.85, [b[:3] for b in built if b not in right]


def test_a_recalled_position_cites_a_source_the_editor_cites(gold, built, dossier):
    files = {a.id: a.file[:3] for a in dossier.sources}
    for g in gold["positions"]:
        for b in (b for b in built if matches(g, b)):
            assert {files[m.source] for m in b[3].evidence} & set(g["files"]), (g, b[3].evidence)


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
