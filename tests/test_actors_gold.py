"""Actors on the five seeds: roles and affiliations as the articles give them.

Which actors, kinds and aliases the build finds against the editor's gold file is measured by
bench/score.py and held to thresholds in tests/test_gold_scores.py.
"""

from __future__ import annotations

import pytest

from tests.conftest import SEEDS
from tests.test_actors_corpus import build


@pytest.fixture(scope="module")
def seeds():
    return build(SEEDS)


def test_roles_and_affiliations_as_the_articles_give_them(seeds):
    _, actors, _ = seeds
    by_name = {a.name: a for a in actors}
    grushko = by_name["Alexander Grushko"]
    assert {role for role, _ in grushko.roles} == {"Deputy Foreign Minister"}
    assert grushko.affiliation == "russia"
    assert by_name["Russian Foreign Ministry"].affiliation == "russia"
    assert by_name["Donald Trump"].affiliation == "united-states"
    assert by_name["Anthony Albanese"].affiliation == "australia"
    assert {source for _, source in grushko.roles} >= {"000-cc52927aafcdd7c8", "004-710b771f05ec9a3d"}
