"""General world knowledge the extractors lean on, read from the YAML files in dossier/data/.

Countries and their other names, demonyms, capitals and seats of power that stand
for a country ("the Kremlin"), international organisations, media outlets, titles
of office and speech verbs (speech_verbs.yaml, shared with quote attribution).
Nothing here is about any one article: adding a country or an outlet is a data
change, never a code change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from dossier import nlp
from dossier.text import normalise

COUNTRY = "country"
ORGANIZATION = "organization"
PERSON = "person"
DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Known:
    """A country or organisation the data files name."""

    name: str
    kind: str


def phrase_key(text: str) -> tuple[str, ...]:
    """The lookup key of a phrase: its tokens as spaCy splits them, without a leading "the" or a
    trailing possessive, so that "the Kremlin's" and "Kremlin" meet."""
    words = [normalise(t.text) for t in nlp.load().tokenizer(normalise(text))]
    if words and words[0].lower() == "the":
        words = words[1:]
    if words and words[-1] in ("'s", "'"):
        words = words[:-1]
    return tuple(words)


class Phrases:
    """Phrases of one or more words -> value, found by longest match at a position in a word list."""

    def __init__(self, entries: dict[str, object], *, fold_case: bool = False):
        self.fold_case = fold_case
        self.table: dict[tuple[str, ...], object] = {}
        for phrase, value in entries.items():
            self.table[self._key(phrase_key(phrase))] = value
        self.longest = max((len(k) for k in self.table), default=0)

    def _key(self, words) -> tuple[str, ...]:
        return tuple(w.lower() for w in words) if self.fold_case else tuple(words)

    def match(self, words: list[str], start: int) -> tuple[int, object] | None:
        """(end, value) of the longest phrase beginning at words[start], or None."""
        for end in range(min(len(words), start + self.longest), start, -1):
            value = self.table.get(self._key(words[start:end]))
            if value is not None:
                return end, value
        return None

    def get(self, phrase: str):
        return self.table.get(self._key(phrase_key(phrase)))


def _load(name: str):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class World:
    names: Phrases  # country and organisation names and aliases -> Known
    metonyms: Phrases  # capitals and seats -> Known they stand for
    demonyms: Phrases  # "Russian" -> Known(Russia)
    anaphors: Phrases  # "the alliance" -> Known(NATO), case-folded
    outlets: Phrases  # media outlet names -> canonical outlet name
    titles: Phrases  # "foreign minister" -> nouns that refer back to its holder, case-folded
    referring_nouns: Phrases  # every such noun ("diplomat", "president"), case-folded
    modifiers: frozenset[str]
    honorifics: frozenset[str]
    particles: frozenset[str]  # "le", "al", "von": small words that belong to a surname
    member_nouns: Phrases  # "member states", case-folded
    institutions: Phrases  # "Ministry", "Armed Forces"
    governments: frozenset[str]
    speech_verbs: frozenset[str]
    adjectives: dict[str, str]  # country name -> the demonym used to name its institutions

    def known(self, text: str) -> Known | None:
        """The country or organisation `text` names (name, alias, metonym or demonym), ignoring case."""
        key = tuple(w.lower() for w in phrase_key(text))
        return _folded_names().get(key)

    def surname(self, name: str) -> str:
        """The family name of a full name, with its particles: "Le Maire", "al-Ansari", "von der Leyen"."""
        words = name.split()
        start = len(words) - 1
        while start > 1 and words[start - 1].lower() in self.particles:
            start -= 1
        return " ".join(words[start:])

    def is_outlet(self, text: str) -> bool:
        return self.outlets.get(text) is not None or tuple(w.lower() for w in phrase_key(text)) in _folded_outlets()


@lru_cache(maxsize=1)
def world() -> World:
    countries = _load("countries.yaml")
    organizations = _load("organizations.yaml")
    titles = _load("titles.yaml")
    speech = _load("speech_verbs.yaml")  # shared with the quote attribution
    names: dict[str, Known] = {}
    for country, aliases in countries.items():
        for name in [country, *aliases]:
            names[name] = Known(country, COUNTRY)
    anaphors: dict[str, Known] = {}
    for org, details in organizations["organizations"].items():
        for name in [org, *details.get("aliases", [])]:
            names[name] = Known(org, ORGANIZATION)
        for phrase in details.get("anaphors", []):
            anaphors[phrase] = Known(org, ORGANIZATION)
    demonyms = {word: names[country] for word, country in _load("demonyms.yaml").items()}
    adjectives: dict[str, str] = {}
    for word, known in demonyms.items():
        adjectives.setdefault(known.name, word)
    outlets = {name: name for name in _load("outlets.yaml")}
    return World(
        names=Phrases(names),
        metonyms=Phrases({place: names[actor] for place, actor in _load("metonyms.yaml").items()}),
        demonyms=Phrases(demonyms),
        anaphors=Phrases(anaphors, fold_case=True),
        outlets=Phrases(outlets),
        titles=Phrases({title: tuple(nouns) for title, nouns in titles["titles"].items()}, fold_case=True),
        referring_nouns=Phrases({n: n for nouns in titles["titles"].values() for n in nouns}, fold_case=True),
        modifiers=frozenset(titles["modifiers"]),
        honorifics=frozenset(titles["honorifics"]),
        particles=frozenset(titles["particles"]),
        member_nouns=Phrases({n: n for n in organizations["member_nouns"]}, fold_case=True),
        institutions=Phrases({n: n for n in organizations["institutions"]}, fold_case=True),
        governments=frozenset(organizations["governments"]),
        speech_verbs=frozenset(speech["verbs"]),
        adjectives=adjectives,
    )


@lru_cache(maxsize=1)
def _folded_names() -> dict[tuple[str, ...], Known]:
    """Every name, metonym and demonym in lower case: for names that come as strings, not parses."""
    w = world()
    folded: dict[tuple[str, ...], Known] = {}
    for table in (w.demonyms.table, w.metonyms.table, w.names.table):  # later tables win
        folded.update({tuple(x.lower() for x in key): value for key, value in table.items()})
    return folded


@lru_cache(maxsize=1)
def _folded_outlets() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(x.lower() for x in key) for key in world().outlets.table)
