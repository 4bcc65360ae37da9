"""General world knowledge the extractors lean on, read from the YAML files in dossier/data/.

Countries and their other names, demonyms, capitals and seats of power that stand
for a country ("the Kremlin"), international organisations and the words that end
an organisation's name, media outlets, titles of office, how people's names are
shortened (names.yaml) and places that are no actors (places.yaml), as dossier.lexicon
reads them.
Nothing here is about any one article: adding a country or an outlet is a data
change, never a code change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dossier import nlp
from dossier.lexicon import lexicon
from dossier.text import normalise

MAX_SYLLABLE_WORD = 12  # "Zhongxiang": romanised given names are short
COUNTRY = "country"
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


@lru_cache(maxsize=65536)
def phrase_key(text: str) -> tuple[str, ...]:
    """The lookup key of a phrase: its tokens as spaCy splits them, without a leading "the" or a
    trailing possessive, so that "the Kremlin's" and "Kremlin" meet."""
    words = [normalise(t.text) for t in nlp.load().tokenizer(normalise(text))]
    if words and words[0].lower() == "the":
        words = words[1:]
    if words and words[-1] in POSSESSIVE:
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
        self.first_words = frozenset(k[0] for k in self.table if k)

    def _key(self, words) -> tuple[str, ...]:
        return tuple(w.lower() for w in words) if self.fold_case else tuple(words)

    def match(self, words: list[str], start: int) -> tuple[int, object] | None:
        """(end, value) of the longest phrase beginning at words[start], or None."""
        if start >= len(words) or (words[start].lower() if self.fold_case else words[start]) not in self.first_words:
            return None
        for end in range(min(len(words), start + self.longest), start, -1):
            value = self.table.get(self._key(words[start:end]))
            if value is not None:
                return end, value
        return None

    def get(self, phrase: str):
        return self.table.get(self._key(phrase_key(phrase)))


@dataclass(frozen=True)
class PersonNames:
    """How a full name is shortened when an article refers back to its bearer (names.yaml)."""

    particles: frozenset[str]  # "von", "der", "al": small words that belong to a surname, any case
    given_particles: frozenset[str]  # "Al", "Van": particles that are given names too ("Al Gore")
    chinese: frozenset[str]
    korean: frozenset[str]
    japanese: frozenset[str]
    vietnamese: frozenset[str]
    marked: frozenset[str]  # full names written family name first that no rule tells ("Orbán Viktor")
    suffixes: frozenset[str]
    pinyin: re.Pattern
    syllables: re.Pattern
    kana: re.Pattern

    def parts(self, name: str) -> list[str]:
        """The words of a name without generational suffixes ("Jr.")."""
        words = name.split()
        while len(words) > 1 and words[-1] in self.suffixes:
            words.pop()
        return words

    def suffix(self, name: str) -> str:
        """ "Jr." of "Donald Trump Jr.": what tells a son from his father ("" when none)."""
        return " ".join(name.split()[len(self.parts(name)):])

    def family_name_first(self, words: list[str]) -> bool:
        """ "Wang Wenbin", "Tsai Ing-wen", "Kim Jong Un", "Lee Jae-myung", "Ishiba Shigeru", and the
        names names.yaml marks: the first part is the family name."""
        if " ".join(words) in self.marked:
            return True
        if len(words) == 2 and "-" in words[1].strip("-"):
            return words[0] in self.chinese | self.korean
        if len(words) == 2:
            return (words[0] in self.chinese and _spelled_with(self.pinyin, words[1])
                    or words[0] in self.japanese and _spelled_with(self.kana, words[1]))
        return len(words) == 3 and words[0] in self.korean and all(_spelled_with(self.syllables, w) for w in words[1:])

    def given_name_last(self, words: list[str]) -> bool:
        """ "Pham Minh Chinh": a Vietnamese name, referred to by its last part (and no particles in it)."""
        return len(words) >= 3 and words[0] in self.vietnamese

    def surname(self, name: str) -> str:
        """The family name of a full name, as news uses it alone: "von der Leyen", "Le Maire",
        "al-Ansari", "Xi" (of "Xi Jinping"), "Chinh" (of "Pham Minh Chinh")."""
        words = self.parts(name)
        if self.family_name_first(words):
            return words[0]
        if self.given_name_last(words):
            return words[-1]
        start = len(words) - 1
        while start > 0 and words[start - 1].lower() in self.particles:
            start -= 1
        if start == 0 and len(words) == 2 and words[0] in self.given_particles:
            start = 1  # "Al Gore", "Van Morrison"
        return " ".join(words[start:])

    @lru_cache(maxsize=8192)
    def short_forms(self, name: str) -> tuple[str, ...]:
        """Every shorter name that may stand alone for the bearer of `name`, the surname first, then
        any later part or run of parts: "Lula" and "Lula da Silva" of "Luiz Inácio Lula da Silva",
        "Alves" of "Rodrigo Alves Benítez". Names read family name first or Vietnamese names have
        only their surname; a name of one word has none."""
        words = self.parts(name)
        surname = self.surname(name)
        if len(words) < 2:
            return ()
        forms = [surname]
        if self.family_name_first(words) or self.given_name_last(words):
            return tuple(forms)
        for start in range(1, len(words)):
            if not words[start][:1].isupper() or is_initial(words[start]) or words[start - 1].lower() in self.particles:
                continue
            for end in range(start + 1, len(words) + 1):
                if words[end - 1].lower() not in self.particles:
                    forms.append(" ".join(words[start:end]))
        particle, _, bare = words[-1].partition("-")
        if bare and particle.lower() in self.particles:
            forms.append(bare)  # "Ansari" of "al-Ansari"
        if self.suffix(name):
            forms.append(f"{surname} {self.suffix(name)}")  # "Trump Jr." of "Donald Trump Jr."
        return tuple(dict.fromkeys(f for f in forms if f != name))

    def rank(self, short: str, full: str) -> int | None:
        """How surely `short` names the bearer of `full`: 0 it is the name or its surname, 1 another
        short form, 2 the given name ("Hildegard" of "Hildegard Brandt"), None not at all. Particles
        may be capitalised ("Van den Broek said")."""
        return min((rank for form, rank, folded in self.forms_by_rank(full)
                    if form == (_fold(short) if folded else short)), default=None)

    @lru_cache(maxsize=8192)
    def forms_by_rank(self, full: str) -> tuple[tuple[str, int, bool], ...]:
        """(form, rank, folded) for every name that may stand for `full`, `rank` as in rank(): the one
        definition of those forms, read by rank() and inverted by NameIndex. A folded form compares
        with a short name folded the same way (a particle in any case)."""
        forms = self.short_forms(full)
        if not forms:
            return ((full, 0, False),)
        words = self.parts(full)
        given = words[1] if self.family_name_first(words) else words[0]
        return ((full, 0, False), (_fold(forms[0]), 0, True), *((_fold(f), 1, True) for f in forms[1:]),
                (given, 2, False))


class NameIndex:
    """Full names by every form that may stand for them (PersonNames.forms_by_rank inverted), so
    that "who is 'Grushko'?" is a lookup, not a scan over everyone an article has named: the scan
    made a long article quadratic."""

    def __init__(self, names: PersonNames):
        self.names = names
        self._exact: dict[str, dict[str, int]] = {}
        self._folded: dict[str, dict[str, int]] = {}

    def add(self, full: str) -> None:
        for form, rank, folded in self.names.forms_by_rank(full):
            table = (self._folded if folded else self._exact).setdefault(form, {})
            table[full] = min(rank, table.get(full, rank))

    def ranks(self, short: str) -> dict[str, int]:
        """{full name added: rank} for every full name `short` may stand for, as rank() would say."""
        found = dict(self._exact.get(short, {}))
        for full, rank in self._folded.get(_fold(short), {}).items():
            found[full] = min(rank, found.get(full, rank))
        return found


def _spelled_with(syllables: re.Pattern, word: str) -> bool:
    """Whether a given name is made of these syllables; a long word never is (and costs no backtracking)."""
    return len(word) <= MAX_SYLLABLE_WORD and syllables.fullmatch(word.lower()) is not None


def _fold(name: str) -> str:
    """A name as it compares with others: particles in any case ("Van den Broek", "van den Broek")."""
    return name[:1].lower() + name[1:]


def is_initial(word: str) -> bool:
    """"J." in "Donald J. Trump": a name part that never tells two people apart."""
    return len(word) <= 2 and word.endswith(".")


def _syllables(initials: tuple[str, ...], finals: tuple[str, ...], vowels: str | None = None) -> re.Pattern:
    """A pattern for a word made of syllables: optional initial, then finals (or vowels + final)."""
    start = "|".join(sorted(initials, key=len, reverse=True))
    end = "|".join(sorted(finals, key=len, reverse=True))
    syllable = f"(?:{start})?(?:{end})" if vowels is None else f"(?:{start})?[{vowels}]{{1,3}}(?:{end})?"
    return re.compile(f"(?:{syllable})+")


@dataclass(frozen=True)
class World:
    names: Phrases  # country and organisation names and aliases -> Known
    metonyms: Phrases  # capitals and seats -> Known they stand for
    demonyms: Phrases  # "Russian" -> Known(Russia)
    anaphors: Phrases  # "the alliance" -> Known(NATO), case-folded
    outlets: Phrases  # media outlet names -> canonical outlet name
    titles: Phrases  # "foreign minister" -> nouns that refer back to its holder, case-folded
    referring_nouns: Phrases  # every such noun ("diplomat", "president"), case-folded
    modifiers: frozenset[str]  # "deputy", and portfolios: "trade" (commissioner), "climate" (envoy)
    honorifics: frozenset[str]
    person_names: PersonNames
    member_nouns: Phrases  # "member states", case-folded
    institutions: Phrases  # "Ministry", "Armed Forces"
    organization_heads: Phrases  # "Foundation", "Party", "Bancorp", "Corp.": end an organisation's name
    occupations: Phrases  # "analyst", "economist": people who work "at" an organisation
    organization_nouns: Phrases  # "union", "party": "the RMT union" is the organisation RMT
    regions: Phrases  # "South America", "New Mexico": places, never actors
    us_states: frozenset[str]
    us_politicians: frozenset[str]  # "Republican", "Sen.": "<politician> of Georgia" is the state
    governments: frozenset[str]
    speech_verbs: frozenset[str]  # speech_verbs.yaml's verbs: "<person> said"
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

    def is_outlet(self, text: str) -> bool:
        return self.outlets.get(text) is not None or tuple(w.lower() for w in phrase_key(text)) in _folded_outlets()


@lru_cache(maxsize=1)
def person_names() -> PersonNames:
    """How people's names are built (names.yaml): needs no language model."""
    names = lexicon().names
    return PersonNames(
        particles=frozenset(names.particles),
        given_particles=frozenset(names.given_particles),
        chinese=frozenset(names.chinese_family_names),
        korean=frozenset(names.korean_family_names),
        japanese=frozenset(names.japanese_family_names),
        vietnamese=frozenset(names.vietnamese_family_names),
        marked=frozenset(names.family_name_first),
        suffixes=frozenset(names.suffixes),
        pinyin=_syllables(names.pinyin_initials, names.pinyin_finals),
        syllables=_syllables(names.syllable_initials, names.syllable_finals, vowels="aeiouwy"),
        kana=_syllables(names.kana_initials, names.kana_finals),
    )


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
    return World(
        names=Phrases(names),
        metonyms=Phrases({place: names[actor] for place, actor in data.metonyms.items()}),
        demonyms=Phrases(demonyms),
        anaphors=Phrases(anaphors, fold_case=True),
        outlets=Phrases(outlets),
        titles=Phrases({title: tuple(nouns) for title, nouns in titles.titles.items()}, fold_case=True),
        referring_nouns=Phrases({n: n for nouns in titles.titles.values() for n in nouns}, fold_case=True),
        modifiers=frozenset(titles.modifiers + titles.portfolios),
        honorifics=frozenset(titles.honorifics),
        person_names=person_names(),
        member_nouns=Phrases({n: n for n in organizations.member_nouns}, fold_case=True),
        institutions=Phrases({n: n for n in organizations.institutions}, fold_case=True),
        organization_heads=Phrases({n: n for n in organizations.organization_heads + organizations.institutions}),
        occupations=Phrases({n: n for n in titles.occupations + tuple(titles.titles)}, fold_case=True),
        organization_nouns=Phrases({n: n for n in organizations.organization_nouns}, fold_case=True),
        regions=Phrases({n: n for n in places.regions}),
        us_states=frozenset(places.us_states),
        us_politicians=frozenset(places.us_politicians),
        governments=frozenset(organizations.governments),
        speech_verbs=frozenset(data.speech_verbs.verbs),
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
