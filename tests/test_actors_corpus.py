"""Actors on articles written for these tests (tests/corpus/actors/<case>/): aliasing, metonymy,
same-surname people, outlets and headings. Each case holds seeds/ and expected.yaml:

    actors:    name, kind, and the aliases / roles / affiliation (actor id) the build must give it
    absent:    names no actor may have
    unaliased: surface forms no actor may list as an alias
    mentions:  {source: {paragraph: {surface: name}}} for extract_actors itself
    resolve:   {source: {name: actor id or null}} for the Resolver
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dossier import ingest, nlp
from dossier.curation import Curation
from dossier.extract.actors import extract_actors
from dossier.extract.quotes import extract_quotes
from dossier.link.actors import link_actors
from dossier.model import Extraction

CORPUS = Path(__file__).parent / "corpus" / "actors"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.yaml").exists())


def build(seeds: Path, edits: Curation = Curation()):
    """ingest -> extract (actors and quote speakers) -> link, as the build runs them."""
    articles, _ = ingest.read_seeds(seeds)
    extractions = []
    for article in articles:
        docs = list(nlp.load().pipe(p.text for p in article.paragraphs))
        quotes, _ = extract_quotes(article, docs)
        extractions.append(Extraction(article, quotes=tuple(quotes), actors=tuple(extract_actors(article, docs))))
    actors, resolve = link_actors(extractions, edits)
    return extractions, actors, resolve


@pytest.fixture(scope="module", params=CASES)
def case(request):
    folder = CORPUS / request.param
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    return (expected, *build(folder / "seeds"))


def test_expected_actors_with_their_aliases_roles_and_affiliation(case):
    expected, _, actors, _ = case
    by_name = {a.name: a for a in actors}
    for want in expected["actors"]:
        actor = by_name.get(want["name"])
        assert actor is not None, f"no actor {want['name']!r} among {sorted(by_name)}"
        assert actor.kind == want["kind"], actor
        assert set(want.get("aliases", [])) <= set(actor.aliases), actor.aliases
        assert set(want.get("roles", [])) <= {role for role, _ in actor.roles}, actor.roles
        if "affiliation" in want:
            assert actor.affiliation == want["affiliation"], actor


def test_nothing_that_is_no_actor(case):
    expected, _, actors, _ = case
    names = {a.name.lower() for a in actors}
    aliases = {alias.lower() for a in actors for alias in a.aliases}
    assert not names & {n.lower() for n in expected.get("absent", [])}
    assert not aliases & {n.lower() for n in expected.get("unaliased", [])}


def test_mentions_name_the_right_actor_in_each_paragraph(case):
    expected, extractions, _, _ = case
    for source, paragraphs in expected.get("mentions", {}).items():
        extraction = next(e for e in extractions if e.article.id == source)
        for paragraph, surfaces in paragraphs.items():
            found = {m.surface: m.name for m in extraction.actors if m.paragraph == paragraph}
            for surface, name in surfaces.items():
                assert found.get(surface) == name, (source, paragraph, found)


def test_every_mention_points_at_its_words_in_the_paragraph(case):
    """Offsets, not strings to find again: text[start:end] is the surface, and the mentions come in
    reading order (a title's country starts with its person: "Russian Foreign Minister Sergei Lavrov")."""
    _, extractions, _, _ = case
    for extraction in extractions:
        texts = {p.index: p.text for p in extraction.article.paragraphs}
        assert extraction.actors
        for mention in extraction.actors:
            assert texts[mention.paragraph][mention.start:mention.end] == mention.surface, mention
        places = [(m.paragraph, m.start) for m in extraction.actors]
        assert places == sorted(places)


def test_resolver_answers_for_each_source(case):
    expected, _, _, resolve = case
    for source, names in expected.get("resolve", {}).items():
        for name, actor_id in names.items():
            assert resolve(source, name) == actor_id, (source, name)


def test_every_actor_is_well_formed(case):
    _, _, actors, _ = case
    ids = [a.id for a in actors]
    assert ids == sorted(set(ids))
    for actor in actors:
        assert actor.aliases == sorted(set(actor.aliases))
        assert actor.mentions == sorted(set(actor.mentions), key=lambda m: (m.source, m.paragraph))
        assert actor.affiliation is None or actor.affiliation in ids


def test_complete_cases_give_no_other_actors(case):
    """Cases marked `complete` list every actor a careful editor would make (or tolerates)."""
    expected, _, actors, _ = case
    if not expected.get("complete"):
        pytest.skip("the case lists only some of its actors")
    listed = {a["name"] for a in expected["actors"]} | set(expected.get("tolerated", []))
    assert sorted(a.name for a in actors if a.name not in listed) == []
