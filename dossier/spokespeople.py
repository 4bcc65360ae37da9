"""Who speaks for whom: whose position a stance is, and what a role makes its holder to its side.

Officials and ministries speak for the country or organisation they serve (their affiliation): a
deputy foreign minister's stance is his country's position. Leaders (heads of state or government)
speak in their own name, and so does everyone else; someone former speaks for nobody. The rules are
the `holders` of data/topics.yaml.

One reading of them serves every place that asks: link.positions, from what each article says of
a speaker (`sides`, its ActorMentions); review.respoken, from a linked actor when an editor names a
quote's speaker (`holder_of`); story, for the relationships diagram (`office_of`). It depends on no
stage, so each of them imports it at the top.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from dossier.lexicon import lexicon
from dossier.model import Actor, ActorMention
from dossier.text import words
from dossier.world import PERSON

LEADER, OFFICIAL = "leader", "official"


@dataclass(frozen=True)
class Rules:
    """data/topics.yaml's `holders`, each title as its words between spaces (see `_spaced`)."""

    leader_roles: tuple[str, ...]
    subordinate: frozenset[str]
    former: frozenset[str]
    official_roles: tuple[str, ...]


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = lexicon().topics.holders
    return Rules(_titles(data.leader_roles), frozenset(data.subordinate), frozenset(data.former),
                 _titles(data.official_roles))


def _titles(entries: Iterable[str]) -> tuple[str, ...]:
    return tuple(_spaced(words(entry)) for entry in entries)


def _spaced(title: Sequence[str]) -> str:
    """Words joined and padded with spaces: one title is in another, word for word, when it is a substring."""
    return f" {' '.join(title)} "


def office(role: str | None, kind: str, name: str) -> str | None:
    """What a role makes its holder to the country or organisation it belongs to: OFFICIAL (a minister,
    an envoy, a ministry: speaks for it), LEADER (a head of state or government: speaks in its own name),
    or None (anyone else, and anyone former). An organisation without a role is judged by its name
    ("Foreign Ministry")."""
    found = rules()
    title = words(role or ("" if kind == PERSON else name))
    if not title or found.former & set(title):
        return None
    spaced = _spaced(title)
    if any(t in spaced for t in found.leader_roles) and not found.subordinate & set(title):
        return LEADER
    return OFFICIAL if any(t in spaced for t in found.official_roles) else None


def offices(roles: Sequence[str | None], kind: str, name: str) -> set[str | None]:
    """What each of the roles the articles give a holder makes it; with none given, what its name makes it."""
    return {office(role, kind, name) for role in roles or (None,)}


def side(roles: Sequence[str | None], kind: str, name: str, affiliation: str | None) -> str | None:
    """The country or organisation a holder's stances belong to: its affiliation when some role makes it an
    official there, else None (it holds its own)."""
    return affiliation if affiliation and OFFICIAL in offices(roles, kind, name) else None


def holder_of(actor: Actor) -> str:
    """The actor id the stances a linked `actor` states belong to: the side it speaks for, else its own."""
    return side([role for role, _ in actor.roles], actor.kind, actor.name, actor.affiliation) or actor.id


def office_of(actor: Actor) -> str | None:
    """An actor's office towards its affiliation, from all its roles: a head of state leads the country
    (it is not its spokesman) even where another role makes it an official there."""
    found = offices([role for role, _ in actor.roles], actor.kind, actor.name)
    return next((kind for kind in (LEADER, OFFICIAL) if kind in found), None)


def sides(mentions: Iterable[ActorMention]) -> dict[str, str]:
    """Name -> the name of the side it speaks for, for each holder some mention makes an official of
    another (the first such mention in article and paragraph order decides)."""
    found: dict[str, str] = {}
    for mention in sorted(mentions, key=lambda m: (m.source, m.paragraph, m.surface, m.name)):
        served = side((mention.role,), mention.kind, mention.name, mention.affiliation)
        if served and served != mention.name:
            found.setdefault(mention.name, served)
    return found
