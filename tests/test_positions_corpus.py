"""Positions on hand-written articles the seeds do not cover: trade, climate, a truce, sanctions, a
nuclear programme, domestic politics, an opinion column, military aid, and a blind round (a strike, a central bank,
a court ruling, a merger, a climate summit, local zoning, an election, public health, AI rules; then pensions,
the Fed, online safety, a river dam; then teachers, oil output, a congestion charge).

Each article goes through the real pipeline on its own (ingest -> extract -> link);
tests/corpus/positions/expected.yaml says what a careful reader takes from it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dossier import curation, extract, ingest, link
from dossier.model import Dossier

CORPUS = Path(__file__).resolve().parent / "corpus" / "positions"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dossiers() -> dict[str, Dossier]:
    articles, _ = ingest.read_seeds(CORPUS)
    return {a.file: link.link([extract.extract(a)], curation.load(CORPUS / "no-curation.yaml")) for a in articles}


def built(dossier: Dossier) -> list[tuple[str, str, str]]:
    """(actor name, topic title, stance) for every position, lower-cased titles."""
    names = {a.id: a.name for a in dossier.actors}
    titles = {t.id: t.title.lower() for t in dossier.topics}
    return [(names[p.actor], titles[p.topic], p.stance) for p in dossier.positions]


def matches(expected: list, position: tuple[str, str, str]) -> bool:
    actors, topic_words, stance = (v if isinstance(v, list) else [v] for v in expected)
    return position[0] in actors and position[2] in stance and any(w in position[1] for w in topic_words)


def test_every_article_of_the_corpus_is_read(dossiers):
    assert sorted(dossiers) == sorted(EXPECTED)


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_each_expected_position_is_found(dossiers, file):
    found = built(dossiers[file])
    missing = [e for e in EXPECTED[file]["positions"] if not any(matches(e, p) for p in found)]
    assert missing == [], found


@pytest.mark.parametrize("file", sorted(f for f in EXPECTED if EXPECTED[f].get("absent")))
def test_nothing_is_said_for_those_who_said_nothing(dossiers, file):
    found = built(dossiers[file])
    for unwanted in EXPECTED[file]["absent"]:
        actor, *topic = unwanted
        assert not [p for p in found if p[0] == actor and (not topic or topic[0] in p[1])], found


def test_most_positions_built_are_ones_a_reader_expects(dossiers):
    """Precision over the whole corpus: extra positions are allowed, but few. Measured: 83 of 85."""
    found = [(file, p) for file in EXPECTED for p in built(dossiers[file])]
    right = [(file, p) for file, p in found if any(matches(e, p) for e in EXPECTED[file]["positions"])]
    assert len(right) / len(found) >= 0.9, [p for p in found if p not in right]
