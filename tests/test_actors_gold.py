"""Actors on the five seeds against the editor's gold file (../shared/gold/seeds.yaml).

Articles come from the real ingest (dossier.ingest.read_seeds). Two assertions lean on
it: Marco Rubio only appears in an "ALSO READ" teaser and Odesa only in a photo caption,
both boilerplate that ingest drops (the actor scan would not promote either anyway: a
teaser is a headline fragment, and Odesa is no capital). Everything else is the actor
stages' own work.
"""

from __future__ import annotations

import re

import pytest

from dossier.text import normalise
from tests.conftest import SEEDS
from tests.test_actors_corpus import build

MAX_OTHER_ACTORS = 3


@pytest.fixture(scope="module")
def seeds():
    return build(SEEDS)


def _appears(alias: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(normalise(alias))}(?!\w)", normalise(text)) is not None


def test_every_gold_actor_under_its_canonical_name_and_kind(seeds, gold):
    _, actors, _ = seeds
    by_name = {a.name: a for a in actors}
    missing = [g["name"] for g in gold["actors"] if g["name"] not in by_name]
    assert not missing
    assert [(g["name"], by_name[g["name"]].kind) for g in gold["actors"]] == [
        (g["name"], g["kind"]) for g in gold["actors"]
    ]


def test_every_gold_alias_in_the_text_resolves_to_its_actor(seeds, gold):
    extractions, actors, resolve = seeds
    ids = {a.name: a.id for a in actors}
    wrong = []
    for expected in gold["actors"]:
        for alias in expected["aliases"]:
            for extraction in extractions:
                article = extraction.article
                if any(_appears(alias, p.text) for p in article.paragraphs):
                    found = resolve(article.id, alias)
                    if found != ids[expected["name"]]:
                        wrong.append((article.file, alias, found))
    assert not wrong


def test_every_gold_alias_is_listed_on_its_actor(seeds, gold):
    _, actors, _ = seeds
    by_name = {a.name: a for a in actors}
    missing = [
        (g["name"], alias)
        for g in gold["actors"]
        for alias in g["aliases"]
        if normalise(alias).lower() not in {normalise(x).lower() for x in by_name[g["name"]].aliases}
    ]
    assert not missing


def test_no_boilerplate_names_and_no_outlets_become_actors(seeds, gold):
    """not_actors depends on ingest dropping the teaser and the caption (see the module docstring)."""
    _, actors, _ = seeds
    names = {a.name.lower() for a in actors} | {alias.lower() for a in actors for alias in a.aliases}
    assert not names & {n.lower() for n in gold["not_actors"]}
    assert not {a.name.lower() for a in actors} & {o.lower() for o in gold["outlets"]}


def test_at_most_three_actor_pages_beyond_gold(seeds, gold):
    _, actors, _ = seeds
    others = sorted(a.name for a in actors if a.name not in {g["name"] for g in gold["actors"]})
    assert len(others) <= MAX_OTHER_ACTORS, others


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
