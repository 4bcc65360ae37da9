"""People's names: how they are built and shortened (names.yaml), and which full name a short one stands for.

One owner for what every stage asks of a person's name: its parts and suffix ("Jr."), its
surname and the short forms an article refers back with, particles ("von der"), names
written family name first. Nothing here needs the language model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dossier.lexicon import lexicon

if TYPE_CHECKING:
    from dossier.world import World

MAX_SYLLABLE_WORD = 12  # "Zhongxiang": romanised given names are short
HYPHENATED = re.compile("[-\u2010\u2011]")  # between the parts of a hyphenated word ("Tehreek-e-Insaf")


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

    def ends_name(self, words: Sequence[str], k: int) -> bool:
        """Whether words[k] ends a name begun before it: a suffix ("Jr.", "XIV"), or a capitalised
        word right before one, whatever else it is ("King" of "Martin Luther King Jr.")."""
        return words[k] in self.suffixes or (
            words[k][:1].isupper() and k + 1 < len(words) and words[k + 1] in self.suffixes)

    def suffix(self, name: str) -> str:
        """ "Jr." of "Donald Trump Jr.": what tells a son from his father ("" when none)."""
        return " ".join(name.split()[len(self.parts(name)):])

    def is_full_name(self, name: str) -> bool:
        """ "Volodymyr Zelenskyy", "Ursula von der Leyen", "Donald Trump Jr.", not "Zelenskyy", "von der
        Leyen", "Trump Jr." nor a split-off alias such as "the Russian diplomat"."""
        words = self.parts(name)
        return len(words) >= 2 and words[0][:1].isupper() and all(
            w[:1].isupper() or w.lower() in self.particles or w.split("-")[0].lower() in self.particles for w in words
        ) and self.surname(name) != name

    def ends_given_name(self, before: Sequence[str], end: str, after: str | None) -> bool:
        """Whether the lower-case `end` after a hyphen closes a hyphenated given name: "-ho" of "Han
        Seong-ho" (`before` the family name and "Seong"), "-jin" of "Ho-jin Lee" (`before` "Ho", the
        family name `after` it); never "-backed" of "Kremlin-backed"."""
        if not (end.isalpha() and end.islower()):
            return False
        if len(before) == 1:  # given name first: the family name must follow at once
            return after in self.chinese | self.korean
        return len(before) == 2 and self.family_name_first([before[0], f"{before[1]}-{end}"])

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
        "Alves" of "Rodrigo Alves Benítez". Names read family name first or Vietnamese names have only their
        surname; a name of one word has none, but for the last part of a compound surname ("Margallo" of
        "García-Margallo", named so with a form of address: "Karine Jean-Pierre" is never "Pierre")."""
        words = self.parts(name)
        surname = self.surname(name)
        if len(words) < 2:  # a compound surname alone ("Sr García-Margallo"): its last part ("Mr Margallo")
            first, _, last = name.partition("-")
            return (last,) if first[:1].isupper() and last[:1].isupper() and "-" not in last else ()
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
        """(form, rank, folded) for every name that may stand for `full`, `rank` as in rank() (the given
        name, or all the names before a surname, rank 2: "Ro Teimumu" of "Ro Teimumu Kepa"): the one
        definition of those forms, read by rank() and inverted by NameIndex. A folded form compares
        with a short name folded the same way (a particle in any case)."""
        forms = self.short_forms(full)
        if not forms:
            return ((full, 0, False),)
        words = self.parts(full)
        given = words[1] if self.family_name_first(words) else words[0]
        given_names = " ".join(words[:-1])  # "Ro Teimumu" of "Ro Teimumu Kepa": all but the surname
        called = (given_names,) if len(words) > 2 and forms[0] == words[-1] and given_names not in forms else ()
        return ((full, 0, False), (_fold(forms[0]), 0, True), *((_fold(f), 1, True) for f in forms[1:]),
                *((name, 2, False) for name in (given, *called)))


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
        exact, folded = self._exact.get(short), self._folded.get(_fold(short))
        found = dict(exact) if exact else {}
        for full, rank in folded.items() if folded else ():
            found[full] = min(rank, found.get(full, rank))
        return found


def _spelled_with(syllables: re.Pattern, word: str) -> bool:
    """Whether a given name is made of these syllables; a long word never is (and costs no backtracking)."""
    return len(word) <= MAX_SYLLABLE_WORD and syllables.fullmatch(word.lower()) is not None


def _fold(name: str) -> str:
    """A name as it compares with others: particles in any case ("Van den Broek", "van den Broek")."""
    return name[:1].lower() + name[1:]


HOLDER_WORDS = 2  # "Philippa Childs": a given name and a surname


def holder_after_body(words: Sequence[str], world: World) -> int | None:
    """Where the holder's name starts in the capitalised words after a title's "of" (or "for") that name a
    body (or a portfolio) and then its holder, run together ("Head of | Bectu Philippa Childs", "spokesperson
    for | Auckland Carmel Sepuloni", "Minister of | the Environment Thórunn Sveinbjarnardóttir"): after a body
    the data files know ("Pakistan | Qazi Faez Isa"), else the last two words of three or more (after "the",
    of three exactly), with the initials between them ("Commerce | Björgvin G. Sigurdsson": "G." is no given
    name); None when no name is left after the body, or nothing shows where the body ends."""
    lead = 1 if words[:1] and words[0].lower() == "the" else 0
    run = next((k for k in range(lead, len(words)) if not words[k][:1].isupper()), len(words))
    if run > lead and world.organization_heads.match(words, run - 1):
        return None  # "a spokeswoman for Pinecrest Financial Corp.": an organisation, nobody's name
    known = world.names.match(words, lead)
    if known is not None:
        return known[0] if run - known[0] >= HOLDER_WORDS else None
    holder = run - HOLDER_WORDS
    while holder > lead and is_initial(words[holder]):
        holder -= 1
    if lead and holder != lead + 1:
        return None  # after "the" a portfolio of one word ("the Environment"); more is a body's own name ("the
        # ARF Dashnaktsutyun Supreme Body"), whose last words are no holder
    return holder if holder > lead else None


_GLUED = re.compile(r"[A-Z]{2}[A-Z][a-z]")


def is_glued(word: str) -> bool:
    """"MPLocal" of "Rt Hon Robert Jenrick MPLocal Government Secretary": two words a page ran together
    (initials, then a capitalised word), never a word of a person's name; read as one, the name runs on."""
    return _GLUED.search(word) is not None


MAX_NICKNAME_WORDS = 2  # "William ‘Smiley’ Heather", "Patrick “Big Paddy” Burke"
_OPENING_MARKS, _CLOSING_MARKS = "'\"\u2018\u201c", "'\"\u2019\u201d"
_NICKNAME_WORD = rf"[^\s{_OPENING_MARKS}{_CLOSING_MARKS}]+"
_NICKNAME = re.compile(rf"(?<=\S) [{_OPENING_MARKS}]{_NICKNAME_WORD}(?: {_NICKNAME_WORD}){{0,{MAX_NICKNAME_WORDS - 1}}}"
                       rf"[{_CLOSING_MARKS}] (?=\S)")


def without_nickname(name: str) -> str:
    """A person's name without the nickname printed inside it in quotation marks: "William ‘Smiley’
    Heather" is William Heather, as the rest of the article ("Heather") and other articles name him.
    An apostrophe inside a word ("O'Brien", "N'Golo Kanté") is no quotation mark."""
    return _NICKNAME.sub(" ", name)


_INITIALLED = re.compile(r"[A-Z]\.[A-Z][a-z]+")


def is_initialled_name(word: str) -> bool:
    """"M.Enkhbold", "L.Oyun" (of "L.Oyun-Erdene"): a surname with its initial glued on by a dot, as
    Mongolian names are printed (the father's initial, then the given name). One token, that the tagger
    seldom calls a person; the form itself says it is one."""
    return _INITIALLED.fullmatch(word) is not None


def is_initial(word: str) -> bool:
    """"J." in "Donald J. Trump": a name part that never tells two people apart."""
    return len(word) <= 2 and word.endswith(".")


def initials_of(words: Sequence[str]) -> tuple[str, ...]:
    """The initials an organisation's name may spell, one letter a capitalised word: "SES" of "State Emergency
    Service", "IFS" of "Institute for Fiscal Studies" (lower-case words spell nothing); a hyphenated word by
    each capitalised part, as such names are shortened ("PTI" of "Pakistan Tehreek-e-Insaf", "GDDG" of
    "Georgian Dream-Democratic Georgia"), or by its first alone. The spelling by parts first."""
    whole = "".join(word[0] for word in words if word[:1].isupper())
    parts = "".join(part[0] for word in words for part in HYPHENATED.split(word) if part[:1].isupper())
    return tuple(dict.fromkeys((parts, whole)))


def _syllables(initials: tuple[str, ...], finals: tuple[str, ...], vowels: str | None = None) -> re.Pattern:
    """A pattern for a word made of syllables: optional initial, then finals (or vowels + final)."""
    start = "|".join(sorted(initials, key=len, reverse=True))
    end = "|".join(sorted(finals, key=len, reverse=True))
    syllable = f"(?:{start})?(?:{end})" if vowels is None else f"(?:{start})?[{vowels}]{{1,3}}(?:{end})?"
    return re.compile(f"(?:{syllable})+")


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


# How spaCy's English tokenizer splits a word (spacy/lang/punctuation.py), for what names and
# phrases hold: quotes and brackets off either end, "'s", "n't" and punctuation off the end, a period off
# after a small letter, a digit or two capitals ("NATO."), not after one ("J."), and hyphens,
# slashes and commas between letters split in three.
_QUOTES = "'\"\u201c\u201d`\u2018\u00b4\u2019\u201a,\u201e\u00bb\u00ab\u300c\u300d\u300e\u300f\uff08\uff09\u3014\u3015\u3010\u3011\u300a\u300b\u3008\u3009\u27e6\u27e7"
_PUNCT = "\u2026,:;!?\u00bf\u061f\u00a1()\\[\\]{}<>_#*&\u3002\uff1f\uff01\uff0c\u3001\uff1b\uff1a\uff5e\u00b7\u0964\u060c\u06d4\u061b\u066a"
_PREFIX = re.compile(f"(?:[{_QUOTES}{_PUNCT}\u00a7%=\u2014\u2013$\u00a3\u20ac\u00a5]|\\+(?![0-9])|\\.\\.+)")
_SUFFIX = re.compile(f"(?:[{_QUOTES}{_PUNCT}\u2014\u2013]|\\.\\.+|n['\u2019]t|['\u2019](?:[sSdm]|ll|ve|re)"
                     f"|(?<=[0-9a-z\u00df-\u00ff%\u00b2\\-+{_PUNCT}{_QUOTES}])\\.|(?<=[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de])\\.)$")
_INFIX = re.compile(r"(?<=[a-z\u00df-\u00ff\"'\u201c\u201d\u2018\u2019])\.(?=[A-Z\u00c0-\u00de\"'\u201c\u201d\u2018\u2019])|(?<=[^\W_])(?:---|--|——|[-–—~:<>=/])(?=[^\W\d_])"
                    r"|(?<=[^\W\d_]),(?=[^\W\d_])|\.\.+|…")


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word of a name or phrase, split as the language model's tokenizer splits
    it, with no model: names are compared long after the parse, at link time."""
    spans = []
    for chunk in re.finditer(r"\S+", text):
        spans.extend(_split_word(chunk.group(), chunk.start()))
    return spans


def _split_word(word: str, offset: int) -> list[tuple[int, int]]:
    """The affixes of one whitespace-separated word, peeled off the way spaCy's tokenizer peels them."""
    kept = abbreviations()
    start, end = 0, len(word)
    front: list[tuple[int, int]] = []
    back: list[tuple[int, int]] = []
    while start < end and word[start:end] not in kept:
        size = end - start
        prefix = _PREFIX.match(word, start, end)
        pre = prefix.end() - start if prefix else 0
        suffix = _SUFFIX.search(word, start + pre, end)
        suf = end - suffix.start() if suffix else 0
        if pre and word[start + pre:end] in kept:
            front.append((start, start + pre))
            start += pre
            break
        if suf and word[start:end - suf] in kept:
            back.append((end - suf, end))
            end -= suf
            break
        if pre and suf and pre + suf <= size:
            front.append((start, start + pre))
            back.append((end - suf, end))
            start, end = start + pre, end - suf
        elif pre:
            front.append((start, start + pre))
            start += pre
        elif suf:
            back.append((end - suf, end))
            end -= suf
        if end - start == size:
            break
    middle = [(start, end)] if start < end else []
    if middle and word[start:end] not in kept:
        middle, at = [], start
        for infix in _INFIX.finditer(word, start, end):
            if infix.start() > at:
                middle.append((at, infix.start()))
            middle.append((infix.start(), infix.end()))
            at = infix.end()
        if at < end:
            middle.append((at, end))
    return [(offset + a, offset + b) for a, b in [*front, *middle, *reversed(back)]]


def words(text: str) -> list[str]:
    """The words of a name or phrase (`word_spans`)."""
    return [text[a:b] for a, b in word_spans(text)]


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    return frozenset(lexicon().names.abbreviations)


GENDERS = ("male", "female")


@dataclass(frozen=True)
class Pronoun:
    """What a pronoun may stand for (names.yaml): "male", "female", "organization" or "plural"."""

    kind: str
    possessive: bool  # "his", "its": points back, but is never the one who speaks

    @property
    def gender(self) -> str | None:
        return self.kind if self.kind in GENDERS else None


@dataclass(frozen=True)
class Genders:
    """What tells a person's gender: a word that comes with the name ("Mr", "spokeswoman",
    speech_verbs.yaml) or the given name (given_names.yaml, which leaves out names given to both)."""

    words: dict[str, str]
    given_names: dict[str, str]

    def told(self, words: Sequence[str], name: Sequence[str]) -> str | None:
        """"male" / "female" when a word with the name tells, else its given name (a name of two or
        more words, `name`), else None; None too when the words disagree."""
        told = {self.words[w.lower()] for w in words if w.lower() in self.words}
        if len(told) == 1:
            return told.pop()
        if len(name) > 1 and not told:
            return self.given_names.get(name[0])
        return None


@lru_cache(maxsize=1)
def pronouns() -> dict[str, Pronoun]:
    """Every pronoun names.yaml lists; a word that is both ("her") reads as the object form."""
    names = lexicon().names
    table: dict[str, Pronoun] = {}
    for possessive, forms in ((True, names.possessive_pronouns), (False, names.pronouns)):  # object forms win
        for kind in (*GENDERS, "organization", "plural"):
            table.update({word: Pronoun(kind, possessive) for word in getattr(forms, kind)})
    return table


def pronoun(word: str) -> Pronoun | None:
    return pronouns().get(word.lower())


@lru_cache(maxsize=1)
def genders() -> Genders:
    data = lexicon()
    return Genders(
        words={w: gender for gender in GENDERS for w in getattr(data.speech_verbs, f"{gender}_words")},
        given_names={name: gender for gender in ("female", "male") for name in getattr(data.given_names, gender)},
    )


@lru_cache(maxsize=1)
def joiners() -> frozenset[str]:
    """Small words that may stand inside a name or the title before it: names.yaml's particles
    ("von der") and titles.yaml's connectors ("Secretary of State")."""
    return frozenset(lexicon().names.particles + lexicon().titles.connectors)


@dataclass(frozen=True)
class Title:
    """The titles that open a name as printed: "Russian Deputy Foreign Minister Alexander Grushko"."""

    nouns: tuple[str, ...]  # nouns that may refer back to the bearer: minister, diplomat
    end: int  # just past the last title of office ("Foreign Minister"); 0 when there is none
    start: int  # where the name starts, past titles and forms of address ("Dr."); 0 when none


def split_title(words: Sequence[str], world: World) -> Title:
    """The titles (titles.yaml), forms of address and person nouns ("drummer") that open `words`,
    read past a country or organisation that owns them ("Russian", "NATO"), modifiers
    ("deputy") and party affiliations. Nothing is taken off a name that carries no title:
    "Jordan Peterson" keeps "Jordan"."""
    speech = lexicon().speech_verbs
    nouns: list[str] = []
    i, end, start = 0, 0, 0
    while i < len(words):
        low = words[i].lower()
        title = world.titles.match(words, i)
        if title is not None:
            i, referring = title
            nouns.extend(referring)
            end = start = i
            continue
        if low in world.honorifics or low in speech.person_nouns:
            if low in speech.person_nouns:
                nouns.append(low)
            if low in speech.honorific_nouns:  # "Dr. Osei" is "the doctor"
                nouns.append(speech.honorific_nouns[low])
            i += 2 if words[i + 1:i + 2] == ["."] else 1  # "Hon. Manele": the tokenizer splits off the stop
            start = i
            continue
        owner = (world.demonyms.match(words, i) or world.names.match(words, i) or world.metonyms.match(words, i)
                 or world.institutions.match(words, i))  # "Commerce Ministry spokesman"
        if owner is not None:
            i = owner[0]
            continue
        if low in world.modifiers or low in speech.affiliations or low in ("of", "the", "'s", "\u2019s"):
            i += 1
            continue
        break
    return Title(tuple(nouns), end, start)
