"""Who speaks for whom: one set of rules for a speaker as an article names it and for a linked actor."""

from __future__ import annotations

import pytest

from dossier.model import Actor, ActorMention
from dossier.spokespeople import LEADER, OFFICIAL, holder_of, office, office_of, sides


@pytest.mark.parametrize("role, kind, name, expected", [
    ("Foreign Minister", "person", "Piotr Nowak", OFFICIAL),
    ("Deputy Foreign Minister", "person", "Alexander Grushko", OFFICIAL),
    ("press secretary", "person", "Dmitry Peskov", OFFICIAL),
    ("Chief of Staff", "person", "Andriy Yermak", OFFICIAL),
    ("President", "person", "Vladimir Putin", LEADER),
    ("Prime Minister", "person", "Anna Kowalska", LEADER),  # "minister" is in it, but a prime minister leads
    ("Deputy Prime Minister", "person", "Pedro Ruiz", OFFICIAL),  # a leader's title made subordinate
    ("Vice President", "person", "Kamala Harris", None),  # subordinate, and no official's title in it
    ("former minister", "person", "Maria Lopez", None),  # nobody's spokesperson any more
    ("ex-ambassador", "person", "Tom Hale", None),
    ("striker", "person", "Jordan Cole", None),
    ("prime ministerial", "person", "Ana Ruiz", None),  # word for word: "ministerial" is not "minister"
    (None, "person", "Anna Berg", None),  # a person without a role is nobody's official
    (None, "organization", "Foreign Ministry", OFFICIAL),  # an organisation without one is judged by its name
    (None, "organization", "Greenpeace", None),
])
def test_a_role_makes_its_holder_an_official_a_leader_or_neither(role, kind, name, expected):
    assert office(role, kind, name) == expected


def actor(roles: list[str], affiliation: str | None = "poland", kind: str = "person", name: str = "Piotr Nowak"
          ) -> Actor:
    return Actor("piotr-nowak", name, kind, roles=[(role, "a") for role in roles], affiliation=affiliation)


@pytest.mark.parametrize("found, holder, office_kind", [
    (actor(["Foreign Minister"]), "poland", OFFICIAL),
    (actor(["Prime Minister"]), "piotr-nowak", LEADER),
    # one role that makes it an official is enough for its words to be its side's, though it also leads
    (actor(["President", "Foreign Minister"]), "poland", LEADER),
    (actor(["former minister"]), "piotr-nowak", None),
    (actor(["Foreign Minister"], affiliation=None), "piotr-nowak", OFFICIAL),  # serves nobody the articles name
    (actor([]), "piotr-nowak", None),
    (actor([], kind="organization", name="Foreign Ministry"), "poland", OFFICIAL),
])
def test_a_linked_actor_holds_its_own_stances_unless_it_speaks_for_its_side(found, holder, office_kind):
    assert holder_of(found) == holder
    assert office_of(found) == office_kind


def mention(paragraph: int, name: str, role: str | None, affiliation: str | None, source: str = "a",
            kind: str = "person") -> ActorMention:
    return ActorMention(source, paragraph, f"{role or ''} {name}".strip(), name, kind, role, affiliation)


@pytest.mark.parametrize("mentions, expected", [
    ([mention(1, "Alexander Grushko", "Deputy Foreign Minister", "Russia")], {"Alexander Grushko": "Russia"}),
    ([mention(1, "Vladimir Putin", "President", "Russia")], {}),
    ([mention(1, "Maria Lopez", "former minister", "Spain")], {}),
    ([mention(1, "Anna Berg", None, "Sweden")], {}),
    # a ministry named as its own affiliation speaks for no other side
    ([mention(1, "Foreign Ministry", None, "Foreign Ministry", kind="organization")], {}),
    # the first mention in article and paragraph order decides, whichever comes first in the list
    ([mention(4, "Tom Hale", "envoy", "Canada"), mention(2, "Tom Hale", "envoy", "Ireland")], {"Tom Hale": "Ireland"}),
    ([mention(1, "Tom Hale", "envoy", "Canada", source="b"), mention(5, "Tom Hale", "envoy", "Ireland")],
     {"Tom Hale": "Ireland"}),
    # a mention without the office does not hide a later one with it
    ([mention(1, "Tom Hale", None, "Canada"), mention(2, "Tom Hale", "envoy", "Canada")], {"Tom Hale": "Canada"}),
])
def test_the_side_each_speaker_speaks_for_as_the_articles_name_them(mentions, expected):
    assert sides(mentions) == expected


@pytest.mark.parametrize("role", ["Foreign Minister", "President", "former minister", None])
def test_a_speaker_named_in_an_article_and_the_actor_linked_from_it_speak_for_the_same_side(role):
    named = mention(1, "Piotr Nowak", role, "poland")
    linked = actor([role] if role else [])
    assert sides([named]).get("Piotr Nowak", "piotr-nowak") == holder_of(linked)
