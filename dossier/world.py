"""General world knowledge the extractors lean on, read from the YAML files in dossier/data/.

Countries and their other names, demonyms, capitals and seats of power that stand
for a country ("the Kremlin"), international organisations, parties and unions named by
a bare word ("Labour", "the DUP") and the words that end an organisation's name, media outlets, titles of office and places that are no actors
(places.yaml), as dossier.lexicon reads them. People's names are dossier.names'.
Nothing here is about any one article: adding a country or an outlet is a data
change, never a code change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from dossier.lexicon import lexicon
from dossier.names import PersonNames, person_names, words
from dossier.text import normalise

COUNTRY = "country"
GOVERNMENT = "government"
GROUP = "group"
ORGANIZATION = "organization"
PERSON = "person"
POSSESSIVE = frozenset({"'s", "'"})  # as tokens of normalised text: "Russia's", "the states'"
# spaCy entity labels that a name never has: "March", "Two", "the Constitution", "English"
NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LAW", "LANGUAGE"})


@dataclass(frozen=True)
class Known:
    """A country or organisation the data files name."""

    name: str
    kind: str


_YEAR = re.compile(r"(1[89]|20)\d\d")  # "Act 2016"


@lru_cache(maxsize=65536)
def phrase_key(text: str) -> tuple[str, ...]:
    """The lookup key of a phrase: its tokens as spaCy splits them (names.words, without the model), without
    a leading "the" or a trailing possessive, so that "the Kremlin's" and "Kremlin" meet."""
    key = [normalise(word) for word in words(normalise(text))]
    if key and key[0].lower() == "the":
        key = key[1:]
    if key and key[-1] in POSSESSIVE:
        key = key[:-1]
    return tuple(key)


class Phrases:
    """Phrases of one or more words -> value, found by longest match at a position in a word list."""

    def __init__(self, entries: dict[str, object], *, fold_case: bool = False):
        self.fold_case = fold_case
        self.table: dict[tuple[str, ...], object] = {}
        for phrase, value in entries.items():
            self.table[self._key(phrase_key(phrase))] = value
        lengths: dict[str, set[int]] = {}
        for key in self.table:
            if key:
                lengths.setdefault(key[0], set()).add(len(key))
        self.lengths = {first: sorted(found, reverse=True) for first, found in lengths.items()}  # longest first

    def _key(self, words) -> tuple[str, ...]:
        return tuple(map(str.lower, words)) if self.fold_case else tuple(words)

    def match(self, words: list[str], start: int) -> tuple[int, object] | None:
        """(end, value) of the longest phrase beginning at words[start], or None."""
        if start >= len(words):
            return None
        lengths = self.lengths.get(words[start].lower() if self.fold_case else words[start])
        if lengths is None:
            return None  # most words begin no phrase
        for length in lengths:
            end = start + length
            if end <= len(words):  # only the lengths of phrases with this first word
                value = self.table.get(self._key(words[start:end]))
                if value is not None:
                    return end, value
        return None

    def last(self, words: list[str]) -> int:
        """The last position in `words` where a phrase begins (`match` finds one there), -1 for none: only
        the words a phrase begins with are matched."""
        lengths = self.lengths
        for k in reversed(range(len(words))):
            if (words[k].lower() if self.fold_case else words[k]) in lengths and self.match(words, k):
                return k
        return -1

    def get(self, phrase: str):
        return self.table.get(self._key(phrase_key(phrase)))

    def begins(self, word: str) -> bool:
        """Whether a phrase may begin with `word`: `match` finds nothing at any other word."""
        return (word.lower() if self.fold_case else word) in self.lengths


@dataclass(frozen=True)
class World:
    names: Phrases  # country and organisation names and aliases -> Known
    parties: Phrases  # parties and unions by their names and aliases -> canonical name
    metonyms: Phrases  # capitals and seats -> Known they stand for
    demonyms: Phrases  # "Russian" -> Known(Russia)
    anaphors: Phrases  # "the alliance" -> Known(NATO), case-folded
    outlets: Phrases  # media outlet names -> canonical outlet name
    titles: Phrases  # "foreign minister" -> nouns that refer back to its holder, case-folded
    referring_nouns: Phrases  # every such noun ("diplomat", "president"), case-folded
    modifiers: frozenset[str]  # "deputy", and portfolios: "trade" (commissioner), "climate" (envoy)
    portfolio_words: frozenset[str]  # ...and the words of one after "for": "Minister for Media"
    title_connectors: frozenset[str]  # "for", "of"
    honorifics: frozenset[str]
    office_honorifics: frozenset[str]  # "Cllr": a person named only so is named with it
    person_names: PersonNames
    member_nouns: Phrases  # "member states", case-folded
    institutions: Phrases  # "Ministry", "Armed Forces"
    independent_institutions: Phrases  # "Parliament", "Court": a body that does not speak for its country's state
    organization_heads: Phrases  # "Foundation", "Party", "Bancorp", "Corp.": end an organisation's name
    legal_designators: frozenset[str]  # "Co.", "Corp.", "plc": end a company's registered name
    occupations: Phrases  # "analyst", "economist": people who work "at" an organisation
    organization_nouns: Phrases  # "union", "party": "the RMT union" is the organisation RMT
    law_heads: frozenset[str]  # "Act", "Bill": the capitalised words before one name a law, never an actor
    regions: Phrases  # "South America", "New Mexico": places, never actors
    weather_systems: Phrases  # "Cyclone", "hurricanes": the name after one is a storm, never an actor
    diseases: Phrases  # "COVID-19", "Ebola": a disease, never an actor
    place_nouns: frozenset[str]  # "town", "village": "the town of X" is a place
    state_nouns: frozenset[str]  # "forces", "blockade": what "Israeli forces" is Israel acting through
    home_nouns: frozenset[str]  # "voters", "economy": "Fiji's voters" are in Fiji, not Fiji acting
    venues: frozenset[str]  # "centre", "hall": "at the International Convention Centre" is a place
    us_states: frozenset[str]
    us_politicians: frozenset[str]  # "Republican", "Sen.": "<politician> of Georgia" is the state
    governments: frozenset[str]
    government_nouns: frozenset[str]  # "government": "the Malawi government" is an actor of its own, not Malawi
    national_bodies: Phrases  # "Parliament", "Supreme Court": named bare, the article's country's, case-folded
    national_modifiers: frozenset[str]  # "federal": "the federal government" is the country's own
    devolved_governments: dict[str, str]  # "Welsh" -> "Welsh Government": a nation's own within a country
    definite_countries: frozenset[str]  # "United Kingdom": named with "the" ("the government of the United Kingdom")
    speech_verbs: frozenset[str]  # speech_verbs.yaml's verbs: "<person> said"
    group_nouns: frozenset[str]  # "unions", "ratepayers": a plural noun for a group that may act, in lower case
    group_acts: frozenset[str]  # verbs a group acts by as their subject: speech and stance verbs, "apply", "vow"
    group_quantifiers: frozenset[str]  # "some", "other": words before a group noun that do not say which
    group_members: frozenset[str]  # "lawmakers": group nouns for a body's own members ("the PNC lawmakers" are the PNC)
    adjectives: dict[str, str]  # country name -> the demonym used to name its institutions

    def known(self, text: str) -> Known | None:
        """The country or organisation `text` names (name, alias, metonym or demonym), ignoring case."""
        key = tuple(w.lower() for w in phrase_key(text))
        return _folded_names().get(key)

    @property
    def particles(self) -> frozenset[str]:
        """"le", "al", "von": small words that belong to a surname."""
        return self.person_names.particles

    def surname(self, name: str) -> str:
        return self.person_names.surname(name)

    def government_of(self, country: str) -> str:
        """The name of a country's government as an actor: "Government of Malawi", "Government of the
        United Kingdom" (one page per country, however an article calls it)."""
        return f"Government of {'the ' if country in self.definite_countries else ''}{country}"

    def body_of(self, body: str, country: str) -> str:
        """The name of a country's state body named bare ("Parliament"): "Parliament of Samoa", "Senate of
        the United States"."""
        return f"{body} of {'the ' if country in self.definite_countries else ''}{country}"

    def is_outlet(self, text: str) -> bool:
        return self.outlets.get(text) is not None or tuple(w.lower() for w in phrase_key(text)) in _folded_outlets()

    def names_body(self, words: list[str]) -> bool:
        """Whether a name's words say it is an organisation, never a person: an outlet ("The Guardian"),
        an institution's head anywhere ("Ministry of Health"), an organisation's head at its end ("Odisha
        FC", "Harbor Bancorp") or a government ("the Gibraltar Government", "Govt")."""
        return bool(words) and (
            self.is_outlet(" ".join(words)) or any(self.institutions.match(words, i) for i in range(len(words)))
            or self.organization_heads.match(words, len(words) - 1) is not None
            or words[-1].lower() in self.governments)


@lru_cache(maxsize=1)
def world() -> World:
    data = lexicon()
    titles, organizations, places = data.titles, data.organizations, data.places
    names: dict[str, Known] = {}
    for country, aliases in data.countries.items():
        for name in [country, *aliases]:
            names[name] = Known(country, COUNTRY)
    anaphors: dict[str, Known] = {}
    for org, details in organizations.organizations.items():
        for name in [org, *details.aliases]:
            names[name] = Known(org, ORGANIZATION)
        for phrase in details.anaphors:
            anaphors[phrase] = Known(org, ORGANIZATION)
    demonyms = {word: names[country] for word, country in data.demonyms.items()}
    adjectives: dict[str, str] = {}
    for word, known in demonyms.items():
        adjectives.setdefault(known.name, word)
    outlets = {name: name for name in data.outlets}
    parties = {name: party for party, aliases in organizations.parties.items() for name in [party, *aliases]}
    return World(
        names=Phrases(names),
        parties=Phrases(parties),
        metonyms=Phrases({place: names[actor] for place, actor in data.metonyms.items()}),
        demonyms=Phrases(demonyms),
        anaphors=Phrases(anaphors, fold_case=True),
        outlets=Phrases(outlets),
        titles=Phrases({title: tuple(nouns) for title, nouns in titles.titles.items()}, fold_case=True),
        referring_nouns=Phrases({n: n for nouns in titles.titles.values() for n in nouns}, fold_case=True),
        modifiers=frozenset(titles.modifiers + titles.portfolios),
        portfolio_words=frozenset(titles.portfolios + titles.portfolio_words),
        title_connectors=frozenset(titles.connectors),
        honorifics=frozenset(titles.honorifics),
        office_honorifics=frozenset(titles.office_honorifics),
        person_names=person_names(),
        member_nouns=Phrases({n: n for n in organizations.member_nouns}, fold_case=True),
        institutions=Phrases({n: n for n in organizations.institutions}, fold_case=True),
        independent_institutions=Phrases({n: n for n in organizations.independent_institutions}, fold_case=True),
        organization_heads=Phrases({n: n for n in organizations.organization_heads + organizations.legal_designators
                                    + organizations.institutions}),
        legal_designators=frozenset(organizations.legal_designators),
        occupations=Phrases({n: n for n in titles.occupations + tuple(titles.titles)}, fold_case=True),
        organization_nouns=Phrases({n: n for n in organizations.organization_nouns}, fold_case=True),
        law_heads=frozenset(organizations.law_heads),
        regions=Phrases({n: n for n in places.regions}),
        weather_systems=Phrases({n: n for n in places.weather_systems}, fold_case=True),
        diseases=Phrases({n: n for n in places.diseases}, fold_case=True),
        place_nouns=frozenset(places.place_nouns),
        state_nouns=frozenset(places.state_nouns),
        home_nouns=frozenset(places.home_nouns),
        venues=frozenset(places.venues),
        us_states=frozenset(places.us_states),
        us_politicians=frozenset(places.us_politicians),
        governments=frozenset(organizations.governments),
        government_nouns=frozenset(organizations.government_nouns),
        national_bodies=Phrases({n: n for n in organizations.national_bodies}, fold_case=True),
        national_modifiers=frozenset(organizations.national_modifiers),
        devolved_governments=dict(organizations.devolved_governments),
        definite_countries=frozenset(c for c, aliases in data.countries.items() if f"the {c}" in aliases),
        speech_verbs=frozenset(data.speech_verbs.verbs),
        group_nouns=frozenset(noun.lower() for noun in organizations.groups.nouns),
        group_acts=frozenset(data.speech_verbs.verbs) | data.stances.verbs.keys() | frozenset(organizations.groups.acts),
        group_quantifiers=frozenset(organizations.groups.quantifiers),
        group_members=frozenset(noun.lower() for noun in organizations.groups.members),
        adjectives=adjectives,
    )


MAX_LAW_WORDS = 16  # "the Uganda Peoples' Defence Forces (UPDF) Amendment Bill" is eleven
LAW_JOINERS = frozenset({"of", "and", "the", "for", "on", "'s", "’s", "'", "’"})


def law_name_end(words: Sequence[str], start: int) -> int | None:
    """End of the name of a law or bill that starts at words[start], or None: capitalised words, with
    small words, possessive marks and bracketed words among them, up to a law head (data/organizations.yaml)
    that does not open the name and is not followed by another capitalised word ("Bill Clinton"); a
    year after the head goes with it: "Administration of Justice (Protection) Act 2016"."""
    heads, depth = world().law_heads, 0
    for k in range(start, min(start + MAX_LAW_WORDS, len(words))):
        word = words[k]
        if word in ("(", ")"):
            depth += 1 if word == "(" else -1
            if depth < 0:
                return None
        elif depth == 0 and k > start and word in heads and not (k + 1 < len(words) and words[k + 1][:1].isupper()):
            return k + 2 if k + 1 < len(words) and _YEAR.fullmatch(words[k + 1]) else k + 1
        elif not (depth or word[:1].isupper() or word in LAW_JOINERS):
            return None
    return None


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
