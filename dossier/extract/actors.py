"""People, organisations and countries in one article, with the role and affiliation it gives them.

spaCy's small model finds names but mislabels many of them (a surname as ORG, a
capital as PERSON, "Russia Seeks" in a headline as a person), so its entities are
only one vote. What decides is the prose around a name: a title before it
("Deputy Foreign Minister Alexander Grushko"), a speech verb ("said Grushko"), a
full name earlier or later in the article that the surname belongs to, and the
world knowledge in dossier/data (countries, capitals that stand for them,
organisations and the words that end their names, outlets, how names are
shortened). Headlines and captions only ever re-mention actors the body
introduces; outlets cited as sources are never actors.

The scan works left to right over each paragraph: at every token each reading
("a title and a name", "a country", "a capital acting for its country", "an
institution by its own name", ...) proposes a span, and the longest wins. A short
name ("von der Leyen", "Xi", "Lula") is the most recent person it shortens;
"the diplomat" is the most recent person whose role fits; an organisation's
initials or first word ("FTC", "Samsung") is the organisation named in full. A
lone word that speaks with nothing to show a person ("Gazprom said") is an
organisation: linking makes it a person if another article names one in full.

The scan runs twice, the second time knowing the full names and organisations the whole article
names (so that a surname before its full name still resolves). Most of what it reads at a position
depends on the paragraph alone; the rest it asks of what it has met (`_asks`). The second pass takes
the first pass's reading at a position wherever each of those questions gets the same answer again,
and reads afresh only where one does not (most articles: nowhere).
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, wraps
from typing import NamedTuple

from dossier import nlp
from dossier.extract.cues import column, string_ids
from dossier.extract.discourse import Referent, role_referent
from dossier.extract.sentences import article_sentences
from dossier.lexicon import lexicon
from dossier.model import LONE_NAME, ActorMention, Article, Confidence
from dossier.names import (MAX_NICKNAME_WORDS, NameIndex, genders, holder_after_body, initials_of, is_glued,
                           is_initialled_name, pronoun, without_nickname)
from dossier.text import ends_sentence, normalise
from dossier.world import COUNTRY, GOVERNMENT, GROUP, NOT_NAMES, ORGANIZATION, PERSON, POSSESSIVE, Known, law_name_end, world

DETERMINERS = frozenset({"the", "this", "these", "that", "those"})  # "these Bills"
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "between", "outside", "inside", "around", "across", "throughout",
                                "within"})  # a person is seldom their object; "to" and "from" are left out
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "into", "throughout",
                                   "within", "to", "from", "via", "through", "toward", "towards", "over", "between"})
ACTING_DEPENDENCIES = frozenset({"nsubj", "nsubjpass", "csubj", "dobj", "dative", "conj", "npadvmod", "ROOT"})
PARTY_PREPOSITIONS = frozenset({"for", "against", "by", "with", "on", "upon", "toward", "towards"})  # _acts
INITIAL = re.compile(r"^[A-Z]\.$")  # "Donald J. Trump"
DATELINE_MARKS = frozenset({"-", "--", ":", "\u2014", "\u2013"})
MAX_INSTITUTION_WORDS = 4  # lower-case words an institution's name may take after an owner ("Russia's foreign ministry")
MAX_INSTITUTION_TOKENS = 9  # "Health , Education , Labor and Pensions Committee"
MAX_NAME_TOKENS = 6  # "Jean - Yves Le Drian" is five tokens
NAME_LINKS = frozenset({"of", "for", "on", "Against"})  # what goes on from a name's head ("Bank of England",
# "Independent Agency Against Corruption": "against" only capitalised, as the name prints it)
INITIALS_GLUE = frozenset({"/", "&"})  # what glues initials into one name ("PPP/C", "AT&T")
HYPHENS = frozenset({"-", "\u2010", "\u2011"})  # what glues a word to a name before it ("Left-Greens")
INITIALLED_SMALL = frozenset({"and", "&", "of", "for", "the"})  # words of a name its initials skip ("Seamen and ... (SWWTU)")
LIST_SEPARATORS = frozenset({",", "and", "&"})  # what stands between the items of a list of names
OPENING_BEFORE = frozenset({"at", "nicknamed", "dubbed", "as"})  # words before one that some readings need (_openers)
PHRASE_GLUE = HYPHENS | INITIALS_GLUE  # what joins two words of a phrase into one ("co-author", "LPP/LC")
PHRASE_DETERMINERS = frozenset({"the"})  # the one determiner a person's noun phrase is kept with (_phrase)
MAX_PHRASE_TOKENS = 14  # words before a name its noun phrase may take ("Conservative Member of the Senedd (MS)")
MIN_COMPOUND_PART = 4  # "spokes" + "people"; shorter parts make names look English ("Herr" + "era")


def extract_actors(article: Article, docs: Sequence, sentences: Sequence | None = None) -> list[ActorMention]:
    """Every actor mention in `article`; `docs[i]` is the spaCy parse of `article.paragraphs[i]` and
    `sentences[i]` its sentence spans (dossier.extract.sentences; split here when not given)."""
    spans = sentences if sentences is not None else article_sentences([p.text for p in article.paragraphs])
    paragraphs = _Text([_Paragraph.read(paragraph, doc, paragraph_spans)
                        for paragraph, doc, paragraph_spans in zip(article.paragraphs, docs, spans)])
    first = _Reader(article, paragraphs)
    first_mentions = first.mentions()
    organizations = dict.fromkeys(m.name for m in first_mentions if m.kind == ORGANIZATION)  # first named first
    governed = dict.fromkeys((m.name, m.kind, None, m.affiliation) for m in first_mentions if m.method == GOVERNMENT)
    return _Reader(article, paragraphs, first.full_names(first_mentions), list(organizations),
                   list(governed), first.addressed_surnames(first_mentions) | first.pronouned,
                   reads_countries=True).mentions()


def _countries_named(words: Sequence[str], start: int = 0, end: int | None = None) -> Iterator[str]:
    """The countries `words` name (from `start`, by phrases that begin before `end`), by name, demonym or
    capital ("Kenya", "Kenyan", "Nairobi"), each phrase read whole ("Papua New Guinea" is not Guinea too):
    what the article names (`_Reader.countries`) and what a sentence does (`_other_country_in_sentence`)."""
    tables = (world().names, world().demonyms, world().metonyms)
    k, end = start, len(words) if end is None else end
    while k < end:
        match = next((found for found in (table.match(words, k) for table in tables) if found), None)
        if match is not None and match[1].kind == COUNTRY:
            yield match[1].name
        k = match[0] if match is not None else k + 1


@dataclass
class _Paragraph:
    """One paragraph as the scan reads it, made once for both passes: its tokens (a Doc makes a new
    Token object at every doc[i]), their normalised words, where its sentences start, and the
    answers to the questions that depend on nothing but the paragraph (see `_same_in_both_passes`)."""

    index: int
    text: str
    doc: object
    tokens: list
    read_words: list[_Word]  # what the scan reads of each word by its text alone (`_word`)
    words: list[str]
    sentence_starts: list[int]  # the token where each sentence starts, then len(doc)
    heading_from: int  # the first token of the words that end it unlike a sentence (`_heading_from`); len(doc): none
    entities: dict[int, object]  # the tagger's entities by their first token
    starts: list[int]  # the tokens where a reading can begin (_may_start): the only ones the scan tries
    last_title: int  # the last token a title of office begins at (-1: none): no title is read after it
    last_institution: int  # ...an institution's head ("Ministry", "Foundation") or a government: likewise
    last_law: int  # ...a law's head ("Act", "Bill"): no law is read after it
    last_bracket: int  # ...an opening bracket: no name with its initials in brackets is read after it
    group_nouns: list  # the tokens that are a plural noun for a group (`_groups` looks at no other)
    capitalised_inside: list[int]  # the tokens capitalised inside a sentence the tagger reads, before the heading
    answers: dict = field(default_factory=dict)
    readings: dict = field(default_factory=dict)  # token -> (the best reading there, the questions it asked)

    @classmethod
    def read(cls, paragraph, doc, sentences: Sequence[tuple[int, int]]) -> _Paragraph:
        tokens = list(doc)
        read = [_word(orth, token) for orth, token in zip(column(doc, "ORTH"), tokens)]
        words = [word.text for word in read]
        starts = [doc.char_span(start, end, alignment_mode="expand").start for start, end in sentences]
        heading_from = _heading_from(paragraph.text, sentences, starts, len(tokens))
        lower, sentence_start = column(doc, "LOWER"), column(doc, "SENT_START")
        w = world()
        return cls(paragraph.index, paragraph.text, doc, tokens, read, words, [*starts, len(tokens)], heading_from,
                   {e.start: e for e in doc.ents},
                   [k for k, (word, start) in enumerate(zip(read, sentence_start)) if word.opens or start == 1],
                   _last_title(words), _last_institution(lower, words), _last_of(words, w.law_heads),
                   _last_of(words, {"("}), _group_nouns(tokens, lower),
                   [k for k in range(heading_from) if read[k].capitalised and sentence_start[k] != 1])

    def span_text(self, start: int, end: int) -> str:
        """doc[start:end].text, without making a Span."""
        end = min(end, len(self.tokens))
        if end <= start:
            return ""
        last = self.tokens[end - 1]
        return self.text[self.tokens[start].idx:last.idx + len(last)]


class _Text(list):
    """An article's paragraphs as the scan reads them (`_Paragraph`), with what both passes ask of the whole
    text, read once."""

    @cached_property
    def title_abbreviations(self) -> dict[str, str]:
        """Initials in brackets between a title and a name, and whom they name: "Chief Justice of Pakistan
        (CJP) Qazi Faez Isa" gives CJP -> Qazi Faez Isa, and "the CJP" later is him (the tagger calls the
        initials an organisation). The initials must be those of the title's capitalised words."""
        found = {}
        for paragraph in self:
            words, tokens = paragraph.words, paragraph.tokens
            for k in range(1, len(words) - 3):
                initials = words[k + 1]
                if not (words[k] == "(" and words[k + 2] == ")" and len(initials) > 1 and initials.isupper()
                        and tokens[k + 3].ent_type_ == "PERSON"):
                    continue
                capitals = [j for j in range(k - 1, -1, -1) if words[j][:1].isupper()][:len(initials)]
                if capitals and "".join(words[j][0] for j in reversed(capitals)) == initials and all(
                        words[j].lower() in ("of", "the", "and", "for") or words[j][:1].isupper()
                        for j in range(capitals[-1], k)) and world().titles.match(words, capitals[-1]):
                    end = next((j for j in range(k + 3, len(words)) if tokens[j].ent_type_ != "PERSON"), len(words))
                    found.setdefault(initials, normalise(paragraph.span_text(k + 3, end)))
        return found

    @cached_property
    def capitalised_inside_sentences(self) -> frozenset[str]:
        """Words the article's prose capitalises inside a sentence: names, even where the tagger takes one
        that opens a sentence for a common noun ("Albertsons said" after "Kroger and Albertsons")."""
        return frozenset(p.words[k] for p in self for k in p.capitalised_inside)

    @cached_property
    def tagged_organizations(self) -> Counter:
        """How often the tagger labels each text ORG in the whole article."""
        return Counter(e.text for p in self for e in p.entities.values() if e.label_ == "ORG")


def _same_in_both_passes(method):
    """Remember what `method` answers at a position of the current paragraph: it depends only on the
    paragraph's words and parse and the article's (never on whom the scan has met so far), and every
    reading at a position, in both passes, asks it again."""

    @wraps(method)
    def answer(self, *args, **kwargs):
        key = (method, args, tuple(kwargs.items())) if kwargs else (method, args)
        answers = self.paragraph.answers
        found = answers.get(key, answers)  # the dict itself: no answer yet (None is one)
        if found is answers:
            found = answers[key] = method(self, *args, **kwargs)
        return found

    return answer


def _asks(method):
    """A question a reading asks of whom the scan has met so far (or, in the second pass, will meet).
    While a position is read, each question is noted with its answer as a value, so that the second
    pass can ask them again (`_Reader._reading_at`). Every reading that looks at the reader's memory
    does so through one of these."""

    @wraps(method)
    def ask(self, *args):
        answer = method(self, *args)
        if self.asked is not None:
            self.asked.append((method, args, _value(answer)))
        return answer

    return ask


def _value(answer):
    """An answer as a value that later changes to the reader's memory leave as it is."""
    return (answer.name, answer.role, answer.affiliation) if isinstance(answer, _Person) else answer


@dataclass
class _Person:
    name: str
    role: str | None = None
    affiliation: str | None = None


class _Found(NamedTuple):
    span: object  # the spaCy Span of the words as printed: its text and offsets go into the ActorMention
    name: str
    kind: str
    role: str | None = None
    affiliation: str | None = None


@dataclass
class _Reading:
    """One way to read the words from a position up to `end`: the mentions it gives (maybe none)."""

    end: int
    mentions: list[_Found] = field(default_factory=list)
    method: str = ""  # the reading that gave it ("titled person"): how its mentions were decided
    printed: tuple[ActorMention, ...] | None = None  # the mentions as the scan gives them, made once for both passes


class _Reader:
    """Reads one article paragraph by paragraph, remembering who it has introduced so far."""

    def __init__(self, article: Article, paragraphs: _Text, known_people: Sequence[_Person] = (),
                 known_organizations: Sequence[str] = (), governed: Sequence[tuple] = (),
                 addressed: frozenset[str] = frozenset(), reads_countries: bool = False):
        self.article = article
        self.governed = tuple(governed)  # the governments the article names as such ("the Malawi government")
        self.addressed = addressed  # one-word names it shows are people's ("Mr Salwai", "Skerrit said he")
        self.pronouned: set[str] = set()  # one-word names of speakers a "he" or "she" then refers to
        self.reads_countries = reads_countries  # whether `countries` reads the text (the second pass) or is empty
        self.paragraphs = paragraphs
        self.known_people = list(known_people)  # full names the whole article introduces, in order
        self.known_organizations = list(known_organizations)  # the organisations it names, in order
        self.known_organization_order = {name: k for k, name in enumerate(dict.fromkeys(self.known_organizations))}
        self.known_organization_keys = _organization_keys(self.known_organizations)
        self.people: dict[str, _Person] = {}  # people mentioned so far by name, most recent last
        self.people_index = NameIndex(world().person_names)  # ...by every form that may name them
        self.known_index = NameIndex(world().person_names)
        for person in self.known_people:
            self.known_index.add(person.name)
        self.order = {p.name: k for k, p in enumerate(self.known_people)}  # position in the article
        self.clock = itertools.count()  # orders people and organisations by when last named
        self.recency: dict[str, int] = {}  # person -> when last mentioned
        self.subjects: dict[str, int] = {}  # person -> when last a sentence's subject
        self.organizations: dict[str, int] = {}  # organisations and institutions named so far -> when, latest last
        self.organization_keys: dict[str, list[str]] = {}  # ...by the first word or initials of their names
        self.groups: dict[str, None] = {}  # groups named so far (_groups), the latest last
        self.world = world()
        self.dateline = self.world.known(article.dateline) if article.dateline else None
        self.last_person_end: tuple | None = None  # (parse, token index) where the latest person reading ended
        self.asked: list | None = None  # while a position is read: the questions asked (`_asks`)

    # -- the two passes ----------------------------------------------------

    @staticmethod
    def full_names(mentions: Sequence[ActorMention]) -> list[_Person]:
        """People the article names in full (first pass: so that a surname before them still resolves)."""
        seen: dict[str, _Person] = {}
        for mention in mentions:
            if mention.kind == PERSON and " " in mention.name:
                person = seen.setdefault(mention.name, _Person(mention.name))
                person.role = person.role or mention.role
                person.affiliation = person.affiliation or mention.affiliation
        return list(seen.values())

    @staticmethod
    def addressed_surnames(mentions: Sequence[ActorMention]) -> frozenset[str]:
        """The one-word names of people the article prints with a title or form of address only ("Mr
        Salwai", first pass): a name that ends in one is theirs in full ("Charlot Salwai")."""
        return frozenset(m.name for m in mentions if m.kind == PERSON and " " not in m.name and m.surface != m.name)

    def mentions(self) -> list[ActorMention]:
        found: list[ActorMention] = []
        for paragraph in self.paragraphs:
            self.paragraph, doc, index = paragraph, paragraph.doc, paragraph.index
            self.doc, self.tokens, self.words = doc, paragraph.tokens, paragraph.words
            self.sentence_starts = paragraph.sentence_starts
            if paragraph is self.paragraphs[0] and self.dateline is None:
                self.dateline = self._dateline_country()
            here: list[ActorMention] = []
            end = 0  # where the last reading ended: no other begins inside it
            for i in paragraph.starts:
                if i < end or (self.tokens[i].tag_ == "CC" and i in self.sentence_starts):
                    continue  # "But AMV College of Accountancy": a sentence's conjunction is no word of a name
                self.heading = i >= paragraph.heading_from
                reading = self._reading_at(i)
                if reading is None:
                    continue
                if reading.mentions:
                    self._remember(reading, doc[i:reading.end].root)
                if any(m.kind == PERSON for m in reading.mentions):
                    self.last_person_end = (doc, reading.end)
                    self.pronouned.update(m.name for m in reading.mentions if m.kind == PERSON and " " not in m.name
                                          and self._referred_as(m.span.end - 1) == PERSON)
                if reading.printed is None:  # the second pass takes most of the first pass's readings as they were
                    reading.printed = tuple(
                        ActorMention(self.article.id, index, m.span.text, m.name, m.kind, m.role, m.affiliation,
                                     m.span.start_char, m.span.end_char, reading.method,
                                     Confidence(lexicon().confidence.actor[reading.method]),
                                     self._phrase(m.span.start, m.span.end, m.kind, titled=m.role is not None))
                        for m in reading.mentions)
                here.extend(reading.printed)
                end = reading.end
            groups = self._groups(index, [(m.start, m.end) for m in here])
            if groups:  # "North Rift residents": no person "North Rift"
                here = [m for m in here if not (m.kind == PERSON and any(
                    g.start <= m.start and m.end <= g.end for g in groups))] + groups
            found.extend(here)  # each paragraph's own: the article's mentions so far are not looked at again
        return found

    def _groups(self, index: int, taken: Sequence[tuple[int, int]]) -> list[ActorMention]:
        """Groups that act (`groups` in data/organizations.yaml): a plural noun for people or bodies with
        the words before it that say which ("teacher unions", "North Rift residents"), as the subject of
        a speech or stance verb ("teacher unions have come out against"). A bare "the unions" after
        "teacher unions" is that group; a bare plural alone ("critics say", "more Senators said") says
        too little of who to be an actor. Words another reading took are not looked at again."""
        found = []
        for token in self.paragraph.group_nouns:
            if (token.lower_ not in self.world.group_nouns or token.dep_ not in ("nsubj", "nsubjpass")
                    or token.head.lemma_.lower() not in self.world.group_acts or token.i >= self.paragraph.heading_from
                    or any(start <= token.idx < end for start, end in taken)):
                continue
            start = token.i
            while start and self.tokens[start - 1].dep_ in ("compound", "amod", "nmod") and (
                    start <= self.tokens[start - 1].head.i <= token.i) and self.tokens[start - 1].tag_ not in (
                    "JJR", "JJS") and self.tokens[start - 1].lower_ not in self.world.group_quantifiers:
                start -= 1
            name = normalise(self.doc[start:token.i + 1].text)
            body = self._members_of(start, token.i)  # "the PNC lawmakers": the PNC acting, no group of its own
            if body is None and start in self.sentence_starts and self.tokens[start].tag_ not in ("NNP", "NNPS"):
                name = name[:1].lower() + name[1:]  # "Opposition parties said": the capital is the sentence's
            if body is None and start == token.i:  # "the unions": the group of that kind the article last named
                after_the = start > 0 and self.words[start - 1].lower() == "the"
                name = next((g for g in reversed(self.groups) if g.split()[-1].lower() == name.lower()), None)
                if name is None or not after_the:
                    continue
            if body is None:
                self.groups.pop(name, None)
                self.groups[name] = None  # the latest named last
            if start and self.words[start - 1].lower() == "the":
                start -= 1
            span = self.doc[start:token.i + 1]
            found.append(ActorMention(self.article.id, index, span.text, body or name, ORGANIZATION if body else GROUP,
                                      None, None, span.start_char, span.end_char, "group",
                                      Confidence(lexicon().confidence.actor["group"])))
        return found

    def _members_of(self, start: int, noun: int) -> str | None:
        """The organisation the article names whose members the group noun at `noun` names by it
        (`groups.members` in data/organizations.yaml): "the PNC lawmakers" act as the PNC, no actor of
        their own ("Goodyear workers" are not Goodyear)."""
        if self.tokens[noun].lower_ not in self.world.group_members:
            return None
        named = self._named_organization(start)
        return named[1] if named is not None and named[0] == noun else None

    def _reading_at(self, i: int) -> _Reading | None:
        """The best reading at i: the one the first pass found there when every question it asked then
        gets the same answer now, else read afresh (and kept with its questions)."""
        readings = self.paragraph.readings
        if i in readings:
            reading, questions = readings[i]
            if all(_value(ask(self, *args)) == answer for ask, args, answer in questions):
                return reading
        self.asked = []
        try:
            reading = self._best_reading(i)
            readings[i] = (reading, self.asked)
        finally:
            self.asked = None
        return reading

    def _best_reading(self, i: int) -> _Reading | None:
        best = None
        words = self.words
        before = words[i - 1] if i > 1 and words[i - 1].lower() in OPENING_BEFORE else None
        for read in _openers(words[i], words[i + 1] if self._skip_the(i) > i else None, before):
            reading = read(self, i)
            if reading is not None and (best is None or reading.end > best.end):
                best = reading
                best.method = best.method or read.__name__.strip("_").replace("_", " ")
        return best

    # -- readings: each returns the span it explains, or None ----------------

    def _outlet(self, i: int) -> _Reading | None:
        """An outlet cited as a source is no actor: swallow its name so nothing else claims it. Not an
        organisation's initials in brackets right after its name ("Pakistan Tehreek-i-Insaf (PTI)" is no Press
        Trust of India): those name it again."""
        match = self.world.outlets.match(self.words, self._skip_the(i))
        if match is None:
            return None
        if i > 1 and self.words[i - 1] == "(" and self._names_again(i, match[0], self._organization_ending_at(i - 1)):
            return None
        return _Reading(match[0])

    def _names_again(self, i: int, end: int, organization: str | None) -> bool:
        """Whether the words i:end are a name the data files give `organization` ("PTI" of Pakistan Tehreek-e-Insaf)."""
        party = self.world.parties.match(self.words, i)
        known = self.world.names.match(self.words, i)
        return organization is not None and (bool(party) and party == (end, organization) or (
            bool(known) and known[0] == end and known[1].name == organization))

    @_asks
    def _organization_ending_at(self, k: int) -> str | None:
        """The organisation whose name the scan read in this paragraph ending at k: "Pakistan Tehreek-i-Insaf"
        before "(PTI)"."""
        return next((m.name for reading, _ in self.paragraph.readings.values()
                     if reading is not None and reading.end == k for m in reading.mentions if m.kind == ORGANIZATION), None)

    def _titled_person(self, i: int) -> _Reading | None:
        """[affiliation] [modifiers] title Name: "Russian Deputy Foreign Minister Alexander Grushko"."""
        if self.words[i].lower() == "the":
            return None
        title = self._title(i) or self._owned_name(i) or self._honorific(i)
        if title is None:
            return None
        start_name, role, affiliation, affiliation_surface = title
        address = self.words[start_name - 1 - (self.words[start_name - 1] == ".")].lower()  # "Hon" "." Manele
        addressed = address in self.world.honorifics  # "Ms Parata": a person
        councillor = address in self.world.office_honorifics  # "Cllr Saund"
        if affiliation is None and not addressed and self._part_of_org(start_name - 1):
            return None
        end = self._name_run(start_name)
        if end == start_name and councillor and self.tokens[start_name].pos_ == "PROPN" and (
                self.words[start_name][:1].isupper()):
            end = start_name + 1  # "Cllr Prince": a surname that is also a title's word
        if end == start_name and affiliation is None and (held := self._holder_of_body(i, start_name, role)):
            return held
        if end == start_name and start_name < len(self.doc) and self.words[start_name] == ",":
            start_name += 1  # "Russia's foreign minister, Sergei Lavrov, said": a full name only
            start_name = self._title_words(start_name) or start_name  # "prime minister, Sheikh Mohammed"
            end = self._name_run(start_name)
            if end - start_name < 2:
                return None
        if end == start_name or (not addressed and self.world.organization_heads.match(self.words, end - 1) and any(
                t.ent_type_ != "PERSON" for t in self.doc[start_name:end])):
            return None  # "leader of the opposition Homeland Union": a title before a body's name holds no person
        signed = (role is not None or addressed) and self._signs_off(i, start_name, end)
        person = self._person(start_name, end, supported=role is not None or addressed, signed=signed)
        if person is None:
            return None
        if end - start_name == 1 and self._listed_beside(i, person):
            return _Reading(end)  # another bearer of the surname, whom the article never names in full
        if councillor and end - start_name == 1 and " " not in person.name:
            person = _Person(normalise(self.paragraph.span_text(start_name - 1, end)))  # "Cllr Saund"
        start = i if affiliation_surface is not None else self._narrowed(i, start_name)
        reading = self._person_reading(start, end, person, role, affiliation, affiliation_surface)
        if affiliation is None and (owner := self._unspelt_owner(start)) is not None and owner[0] < start_name:
            reading.mentions.append(_Found(self._surface(start, owner[0]), owner[1], ORGANIZATION))
        return reading

    def _signs_off(self, i: int, start_name: int, end: int) -> bool:
        """Whether the line is a title and a full name and nothing else: a statement's sign-off or a
        photograph's caption ("Press Secretary Jane Roe", "Hon. John K. Doe"), which names that person
        for sure although it does not end like a sentence. The name opens with a given name the data files know,
        or the tagger reads it as a person's and its first and last words are no English ones: a heading in title
        case is no name, whatever the tagger reads there ("Prime Minister Visits Flood Zone")."""
        if i or end != len(self.doc) or end - start_name < 2:
            return False
        return self.words[start_name] in genders().given_names or (
            all(token.ent_type_ == "PERSON" for token in self.doc[start_name:end])
            and not _is_english(self.tokens[start_name]) and not _is_english(self.tokens[end - 1]))

    def _listed_beside(self, i: int, person: _Person) -> bool:
        """Whether the titled surname at i follows, as the next item of a list, the person it would
        stand for, named in full: "Mrs. Kim Barrow, Prime Minister Barrow and their family" lists two
        people, so the Prime Minister is not Kim Barrow."""
        return (i > 0 and self.words[i - 1] in LIST_SEPARATORS and " " in person.name
                and self._person_ending_at(i - 1) == person.name)

    def _holder_of_body(self, i: int, of: int, role: str | None) -> _Reading | None:
        """ "Head of Bectu Philippa Childs", "General Secretary of Unite Sharon Graham": a title, "of", a body
        named without "the", then its holder's full name, which the tagger runs together with the body's (a
        PERSON "Bectu Philippa Childs", an ORG "Unison Christina McAnea"): names.holder_after_body splits
        them. The body is a country or an organisation, never a place ("Mayor of London Sadiq Khan" is left
        as it was). After "for" the words before the holder are a portfolio the data files do not list
        ("spokesperson for Auckland Carmel Sepuloni"): no actor of their own."""
        if role is None or of >= len(self.doc) or self.words[of] not in ("of", "for"):
            return None
        start = end = of + 1
        while end < len(self.doc) and end - start < MAX_NAME_TOKENS and self.tokens[end].is_title and (
                self.tokens[end].pos_ == "PROPN"):
            end += 1
        split = holder_after_body(self.words[start:end], self.world)
        if split is None:
            return None
        holder = start + split
        if self.words[of] == "for":  # "spokesperson for Auckland Carmel Sepuloni": a portfolio, no body
            person = self._person(holder, end, supported=True)
            return None if person is None else self._person_reading(i, end, person, role, None, None)
        if self._tagged_place(start, end):
            return None
        body = normalise(self.paragraph.span_text(start, holder))
        known = self.world.names.get(body) or Known(body, ORGANIZATION)
        if self.world.metonyms.get(body):
            return None
        person = self._person(holder, end, supported=True)
        if person is None or self._known_person(body) is not None:
            return None
        return self._person_reading(i, end, person, role, known, self.doc[start:holder])

    def _narrowed(self, i: int, name: int) -> int:
        """Start of the lower-case words before a title at i that the parser hangs on it ("rail minister",
        "senior study author", "executive mayor", "Union spokesman" opening a sentence): they narrow the
        title, and the article names the person with them."""
        k = i
        while k > max(0, i - MAX_INSTITUTION_WORDS):
            token = self.tokens[k - 1]
            if token.dep_ not in ("compound", "amod", "nmod") or not i <= token.head.i < name or not token.is_alpha or (
                    not token.is_lower and not (token.is_sent_start and not token.ent_type_)):
                break  # "Putin spokesman Dmitry Peskov": a name before the title is a mention of its own
            k -= 1
        return k

    def _named_person(self, i: int) -> _Reading | None:
        """A name without a title: a full name, a surname of someone the article names, a speaker."""
        end = self._name_run(i)
        if end == i:
            return None
        shown = False  # a lone word the article shows elsewhere is a person's: "Mr Skerrit", "Skerrit said he"
        if self._known_person(normalise(self.paragraph.span_text(i, end))) is None:
            shown = end - i == 1 and self._addressed(self.words[i])
            referred_as = self._referred_as(end - 1)
            if referred_as == ORGANIZATION:
                return None  # "Planned Parenthood said it would": an organisation
            if (end - i == 1 and self.tokens[i].ent_type_ != "PERSON" and referred_as != PERSON and not shown
                    and not is_initialled_name(self.words[i])):
                return None  # a lone word with nothing to show a person: an organisation if it speaks
            if referred_as != PERSON and not self._is_speaker(end - 1) and self._stands_as_place(i, end):
                return None  # "the town of Rockhampton", "delays in Hampshire, Devon and Cumbria"
        supported = self._is_speaker(end - 1) or shown or self._listed_with_people(i, end)
        person = self._person(i, end, supported=supported)
        if person is None:
            return None
        reading = self._person_reading(i, end, person, None, None, None)
        if self._lone_name(i, end, person, supported):
            reading.method = LONE_NAME
        return reading

    def _abbreviated_title(self, i: int) -> _Reading | None:
        """ "the CJP" after "Chief Justice of Pakistan (CJP) Qazi Faez Isa": the person (title_abbreviations)."""
        j = self._skip_the(i)
        name = self.paragraphs.title_abbreviations.get(self.words[j])
        if name is None or self.words[j - 1] == "(":
            return None
        person = self._known_person(name) or _Person(name)
        return _Reading(j + 1, [_Found(self._surface(i, j + 1), person.name, PERSON, person.role, person.affiliation)])

    def _referring_person(self, i: int) -> _Reading | None:
        """ "the diplomat", "The Russian diplomat": the most recent person whose role fits."""
        if self.words[i].lower() != "the":
            return None
        j = i + 1
        demonym = self.world.demonyms.match(self.words, j)
        if demonym:
            j = demonym[0]
        noun = self.world.referring_nouns.match(self.words, j)
        if noun is None or self._name_run(noun[0]) > noun[0]:
            return None
        wanted = demonym[1].name if demonym else None
        found = self._person_referred_to(noun[1], wanted)
        if found is None:
            return None
        name, affiliation = found
        return _Reading(noun[0], [_Found(self._surface(i, noun[0]), name, PERSON, None, wanted or affiliation)])

    @_asks
    def _person_referred_to(self, noun: str, wanted: str | None) -> tuple[str, str | None] | None:
        """(name, affiliation) of the most recent person met whose role `noun` fits ("diplomat"), of the
        country `wanted` when one is given."""

        def fits(referent: Referent) -> bool:
            person = self.people[referent.name]
            return noun in _referring_nouns_of(person.role) and (wanted is None or person.affiliation in (None, wanted))

        found = role_referent(([Referent(name, PERSON)] for name in reversed(self.people)), fits)
        return None if found is None else (found.name, self.people[found.name].affiliation)

    def _country_or_organization(self, i: int) -> _Reading | None:
        """A name from the data files; organisations take their members along ("NATO member states")."""
        j = self._skip_the(i)
        match = self.world.names.match(self.words, j)
        if match is None:
            return None
        end, known = match
        if known.kind == COUNTRY and not self._is_us_state(j, end) and (named := self._named_after_country(end)):
            name = normalise(self.paragraph.span_text(j, named))  # "the Saint Lucia Labour Party (SLP)"
            return _Reading(named, [_Found(self._surface(i, named), name, ORGANIZATION, None, known.name)])
        if self._is_us_state(j, end) or (known.kind == COUNTRY and (
                self._in_place(j, end) or self._in_name(j, end) or not _acts(self.doc[j:end].root))):
            return _Reading(end)  # "an earthquake in central Iran": where it happened, not who acted
        if known.kind == ORGANIZATION:
            members = self.world.member_nouns.match(self.words, end)
            if members and self.tokens[end].is_lower:
                end = members[0]
        start = j if _is_acronym(self.words[j:match[0]]) else i
        return _Reading(end, [_Found(self._surface(start, end), known.name, known.kind)])

    def _named_after_country(self, k: int) -> int | None:
        """End of an organisation's name that goes on from a country's name at k, the country its first
        words ("the Saint Lucia Labour Party", "the St Kitts and Nevis Labour Party", "the Trinidad and
        Tobago Chamber of Commerce"), or None. Read apart, the country was a place and the rest a party of
        another country's ("Labour Party") or no name at all. A state body's name ("the Kenya Senate") is
        the institution readings' to decide."""
        end = self._institution_end(k) if k < len(self.doc) and self.tokens[k].is_title else None
        if end is None or self.world.institutions.match(self.words, end - 1) or not all(
                self.words[n][:1].isupper() for n in range(k, end) if self.words[n] not in NAME_LINKS):
            return None
        return end

    def _metonym(self, i: int) -> _Reading | None:
        """A capital or seat acting for its country ("Moscow demands"), not a place ("a meeting in London")."""
        j = self._skip_the(i)
        match = self.world.metonyms.match(self.words, j)
        if match is None:
            return None
        end, known = match
        if self._is_dateline(j, end) or self._is_place(j, end) or self._in_name(j, end) or (
                known.kind == COUNTRY and not _acts(self.doc[j:end].root)):
            return _Reading(end)  # "the capital Tehran", "Lusaka Province", "Metro Manila"
        return _Reading(end, [_Found(self._surface(i, end), known.name, known.kind)])

    def _demonym(self, i: int) -> _Reading | None:
        """ "Russian forces", "Iranian officials": the adjective mentions the country acting through them
        (places.yaml's state_nouns); "Australian bushfires", "British drivers" say where, and mention no actor."""
        match = self.world.demonyms.match(self.words, i)
        if match is None or self._glued_to_word_before(i):
            return None
        end, known = match
        root = self.doc[i:end].root
        modifies = root.dep_ in ("amod", "compound", "nmod", "npadvmod") and root.head.i != root.i
        acts = root.head.lemma_.lower() in self.world.state_nouns if modifies else _acts(root)
        if self._in_name(i, end) or (known.kind == COUNTRY and not acts):
            return _Reading(end)
        return _Reading(end, [_Found(self._surface(i, end), known.name, known.kind)])

    def _referring_organization(self, i: int) -> _Reading | None:
        """ "the alliance" once the article has named NATO; "the union", "the court", "the party" once it
        has named an organisation of that kind (_body_named_by)."""
        if self.words[i].lower() != "the":
            return None
        match = self.world.anaphors.match(self.words, i + 1)
        if match is not None and self._has_met(match[1].name):
            end, known = match
            return _Reading(end, [_Found(self._surface(i, end), known.name, known.kind)])
        name = self._body_named_by(i + 1)
        return _Reading(i + 2, [_Found(self._surface(i, i + 2), name, ORGANIZATION)]) if name else None

    @_asks
    def _has_met(self, organization: str) -> bool:
        return organization in self.organizations

    @_asks
    def _latest_body(self, noun: str, capitalised: bool = False) -> str | None:
        """The latest organisation named so far whose own name ends in `noun` ("union": "the Association of
        Mineworkers and Construction Union"), or the latest party for "party"; never one of the data files.
        A noun printed as a name ("the Assembly") is, failing that, the latest whose name it heads before an
        "of" ("the Assembly of the Republic")."""
        names = [name for name in reversed(self.organizations) if self.world.known(name) is None]
        return next((name for name in names if name.lower().split()[-1] == noun or (
            noun == "party" and name in lexicon().organizations.parties)), None) or next(
            (name for name in names if capitalised and _head_word(name) == noun), None)

    def _body_named_by(self, k: int) -> str | None:
        """The organisation a bare noun for a body refers back to ("the union", "the Court", "the council",
        "the party"): the latest the article has named whose own name ends in that noun ("the Association
        of Mineworkers and Construction Union", "Ontario Superior Court"), or the latest party for "the
        party". Not the bodies of the data files ("the European Union"): they have their own anaphors."""
        if k >= len(self.doc) or self.tokens[k].is_upper or (k + 1 < len(self.doc) and (
                self._is_name_word(k + 1) or self.tokens[k + 1].pos_ in ("NOUN", "PROPN"))):
            return None  # "the Union Minister", "the union members"
        noun = self.words[k].lower()
        if not (self.world.organization_heads.get(noun.title()) or self._is_organization_noun(k)):
            return None
        return self._latest_body(noun, self.words[k][:1].isupper())

    def _institution(self, i: int) -> _Reading | None:
        """ "The Russian Foreign Ministry", "Russia's Foreign Ministry", "the Russian government"; a bare
        "the Foreign Ministry" is the last one named, else the dateline country's; a name of its own
        ("the Justice Department", "the Getulio Vargas Foundation", "Harbor Bancorp") stays as it is. The
        country is mentioned too when the institution is one of its state's ("the Russian Foreign
        Ministry"), not when a company's name holds its adjective ("American Airlines") nor when it is a
        legislature or a court, which does not speak for the state (`independent_institutions`)."""
        if i > self.paragraph.last_institution:
            return None  # every reading of one ends in a head or names a government, at or after i
        j = self._skip_the(i)
        if self._in_title(j):
            return None
        owner = self._owner(j) or self._place_owner(j)
        if owner is None:
            head_start, adjective, country = j, None, None
        else:
            head_start, adjective, country = owner
        if head_start >= len(self.doc):
            return None
        if owner is None and self._glued_to_word_before(j) and (demonym := self.world.demonyms.match(self.words, j)):
            i = j = head_start = demonym[0]  # "the pro-Russian Democratic Front": the name after the attitude
        if owner is None and self.tokens[j].is_sent_start and self._is_organization_noun(j) and (
                self.world.organization_heads.match(self.words, j) is None):
            i = head_start = j + 1  # "Developer Greenline Properties welcomed the vote"
        if country and self.tokens[head_start].lower_ in self.world.governments:
            surface = self._surface(i, head_start + 1)
            return _Reading(head_start + 1, [_Found(surface, country.name, country.kind)])
        end = self._institution_end(head_start, any_case=adjective is not None)
        if end is None or (adjective is None and end - head_start < 2):
            return None
        words = _title_case(normalise(self.paragraph.span_text(head_start, end)))
        if adjective is not None and not (self.words[head_start - 1] in POSSESSIVE and self._own_name(head_start, end)):
            name = f"{adjective} {words}"
        elif j == i and self.world.institutions.match(self.words, end - 1):
            return None  # "Foreign Ministry spokesman": a bare institution needs its "the"
        else:
            name = self._named_institution(head_start, end, words)
            if name == words and self.world.national_bodies.get(words):
                return self._national_body(i, end, words)
        affiliation = country.name if country else self._affiliation_of(head_start, end)
        mentions = [_Found(self._surface(i, end), name, ORGANIZATION, None, affiliation)]
        if country and self.world.institutions.match(self.words, end - 1) and not (  # not "American Airlines"
                self.world.independent_institutions.match(self.words, end - 1)):  # nor "the Rwandan High Court"
            mentions.append(_Found(self._surface(j, head_start), country.name, country.kind))
        return _Reading(end, mentions)

    def _own_name(self, start: int, end: int) -> bool:
        """Whether the institution at start:end, after its owner's "'s", is printed as a name of its own: all
        capitalised, with initials or a word no English one before its head ("Samoa's FAST Party", "Russia's
        Wagner Group"); "Russia's Foreign Ministry", "Chicago's City Council" and "Tanzania's main opposition
        party" are not. (After a demonym the adjective is the name's own: "American Cancer Society".)"""
        head = next((k for k in range(start, end) if self.world.institutions.match(self.words, k)
                     or self.world.organization_heads.match(self.words, k)), None)
        return head is not None and head > start and all(
            self.words[k][:1].isupper() for k in range(start, end) if self.words[k] not in NAME_LINKS
        ) and any(self.tokens[k].is_upper or not _is_english(self.tokens[k]) for k in range(start, head))

    def _organization(self, i: int) -> _Reading | None:
        """An organisation only the tagger knows, kept when it speaks, is an institution or recurs; or a
        name that speaks with nothing to show a person ("Gazprom said": a lone word, no full name in
        the article, no title, no PERSON tag) or that is then called "it" ("Albertsons said it was")."""
        if self.heading:
            return None
        token = self.tokens[i]
        if token.ent_type_ == "ORG" and token.ent_iob_ == "B":
            span = self.paragraph.entities[i]
            start = self._skip_the(i)
            end = span.end - (self.words[span.end - 1] in POSSESSIVE and self.tokens[span.end - 2].dep_ == "poss")
            end = self._proper_name_end(end, continues=True) or end  # "the ACLU of Illinois"
            end = next((k for k in range(start + 1, end) if self._title_words(k)), end)  # "Bank of Italy Governor"
            end = next((k for k in range(start + 1, end) if self.words[k] == "("), end)  # "Atoc" of "... (Atoc)"
            if span.text in self.paragraphs.title_abbreviations:  # "CJP": an office, not an organisation
                return None
            if self._in_title(start) or self._titled_name(span) or (self._title_words(start) or 0) >= end:
                return None  # "the Leader of Opposition": an office, held by someone, is no organisation
            recurs = self.paragraphs.tagged_organizations[span.text] > 1
            speaks = self._is_speaker(span.root.i)
        elif self._is_speaker(self._name_run(i) - 1) and self._known_person(
                normalise(self.paragraph.span_text(i, self._name_run(i)))) is None:
            start, end, recurs, speaks = i, self._name_run(i), False, True
            lone = end == i + 1 and token.ent_type_ not in ("PERSON", "ORG")
            if not (lone or self._referred_as(end - 1) == ORGANIZATION) or self._referred_as(end - 1) == PERSON:
                return None
        else:
            return None
        last = end - 1 - (self.words[end - 1] in POSSESSIVE)
        if start > last or any(not self.words[k][:1].isupper() for k in (start, last)):
            return None
        name = normalise(self.paragraph.span_text(start, end))
        if name.lower() in self.world.governments:
            return self._own_government(i, end)
        if self._names_organization(f"{name}'s"):
            name = f"{name}'s"  # "Moody's analysts": the possessive of Moody's
        if self.world.known(name) or self.world.is_outlet(name) or self.world.parties.get(name) or any(
            self.world.outlets.match(self.words, k) for k in range(start, end)
        ):
            return None  # a party's name is the party reading's to decide ("Labour MS Huw Irranca-Davies")
        named = self._named_organization(start) if end == start + 1 else None
        if named is not None and named[0] == end:
            name = named[1]  # "former WP Member of Parliament": the initials of the Workers' Party named before
        institution = self.world.institutions.match(self.words, end - 1) is not None
        if start == last and not institution and self.world.organization_heads.match(self.words, start):
            return None  # "(GTCO or the Group)", "the Company said": a head alone names no organisation of its own
        if not (institution or recurs or speaks):
            return None
        if self.world.national_bodies.get(name):
            return self._national_body(i, end, name)
        if start == last and institution and i and self.tokens[i - 1].tag_ == "DT" and (
                self.words[i - 1].lower() not in DETERMINERS):
            return None  # "every Committee", "a Court": any body of the kind, none by its name
        return _Reading(end, [_Found(self.doc[i:end], name, ORGANIZATION)])  # "Moody's" keeps its 's

    def _own_government(self, i: int, end: int) -> _Reading | None:
        """A bare "the Government said" (`_article_government`); "the Authorities": the dateline's country,
        as "the Russian authorities" are Russia. Where whose it is is not certain it goes unsaid: no actor
        is better than one "Government" page for every country's."""
        if self.words[end - 1].lower() not in self.world.government_nouns:
            if self.dateline is None or self.dateline.kind != COUNTRY:
                return None
            return _Reading(end, [_Found(self._surface(i, end), self.dateline.name, self.dateline.kind)])
        government = self._article_government()
        if government is None or self._other_country_in_sentence(i, government[3]):
            return None  # "South Korea's industry minister said the government would ..." in a Tokyo story
        return _Reading(end, [_Found(self._surface(i, end), *government)], "own government")

    @cached_property
    def countries(self) -> tuple[str, ...]:
        """The countries the article's text names, first named first: read only when a bare state body asks."""
        if not self.reads_countries:
            return ()
        named = (country for paragraph in self.paragraphs for country in _countries_named(paragraph.words))
        return tuple(dict.fromkeys(named))

    def _national_body(self, i: int, end: int, body: str) -> _Reading | None:
        """A country's state body named bare ("Parliament", "the Supreme Court"): the article's country's,
        else no actor (`_national_body_name`)."""
        named = self._national_body_name(body)
        return None if named is None else _Reading(end, [_Found(self._surface(i, end), *named)])

    def _national_body_name(self, body: str) -> tuple[str, str, None, str] | None:
        """(name, kind, role, affiliation) of a country's state body named bare: the one the article names
        in full with its country ("the Seychelles National Assembly"), else "<Body> of <Country>" of
        the article's country (`_article_country`); None when whose it is is not certain, as a page
        "Supreme Court" cannot say it."""
        country = self._article_country()
        if country is None:
            return None
        named = next((name for name in self.known_organizations
                      if country in name and f" {body.lower()} " in f" {name.lower()} "), None)
        return named or self.world.body_of(self.world.national_bodies.get(body), country), ORGANIZATION, None, country

    @_asks
    def _article_country(self) -> str | None:
        """The one country the article is about: the country of its bare "the government"
        (`_article_government`), else the one country its text names; None when it is not certain."""
        government = self._article_government()
        if government is not None:
            return government[3]
        return self.countries[0] if len(self.countries) == 1 else None

    @_same_in_both_passes
    def _other_country_in_sentence(self, k: int, country: str | None) -> bool:
        """Whether the sentence of token k names a country other than `country` (`_countries_named`):
        then whose a bare "the government" there is, is not certain."""
        sentence = self._sentence(k)
        return any(named != country for named in _countries_named(self.words, sentence.start, sentence.stop))

    @_asks
    def _article_government(self) -> tuple[str, str, None, str | None] | None:
        """(name, kind, role, affiliation) of the government a bare "the government" of this article is:
        the one government it names as such ("the Malawi government", "the Welsh government"), else its
        dateline country's; None when it names two, or none and has no country's dateline."""
        if len(self.governed) > 1:
            return None
        if self.governed:
            return self.governed[0]
        if self.dateline is None or self.dateline.kind != COUNTRY:
            return None
        return self.world.government_of(self.dateline.name), GOVERNMENT, None, self.dateline.name

    def _government(self, i: int) -> _Reading | None:
        """A government called so: after its country ("the Malawi government", "the Iranian government",
        "Kenya's government", "the UK government"), before it ("the government of Indonesia"), a nation's
        own by its adjective ("the Welsh government": organizations.yaml `devolved_governments`), or bare
        ("the government", "the federal government", "government" alone) in an article where whose it is
        is certain. "Local government", "this government", "the former Labor government" are none of these."""
        if i > self.paragraph.last_institution:
            return None  # a government noun ends every reading of one, at or after i
        j = self._skip_the(i)
        devolved = self.world.devolved_governments.get(self.words[j])
        owner = None if devolved else self._owner(j) or self._country_before(j)
        if devolved or owner is not None:
            noun = j + 1 if devolved else owner[0]
            if (owner is not None and owner[2].kind != COUNTRY) or not self._is_government_noun(noun) or (
                    self._named_after(noun + 1)):
                return None
            found = (devolved, GOVERNMENT) if devolved else (
                self.world.government_of(owner[2].name), GOVERNMENT, None, owner[2].name)
            return _Reading(noun + 1, [_Found(self._surface(i, noun + 1), *found)], GOVERNMENT)
        noun = j + (self.words[j].lower() in self.world.national_modifiers)  # "the federal government"
        if not self._is_government_noun(noun) or not self._bare(noun, j, after_the=j > i):
            return None
        country = self.world.names.match(self.words, self._skip_the(noun + 2)) if (
            noun + 2 < len(self.doc) and self.words[noun + 1] == "of") else None
        if country is not None and country[1].kind == COUNTRY:  # not "accused the government of failing"
            if noun > j or self._named_after(country[0]):
                return None
            found = (self.world.government_of(country[1].name), GOVERNMENT, None, country[1].name)
            return _Reading(country[0], [_Found(self._surface(i, country[0]), *found)], GOVERNMENT)
        return self._own_government(i, noun + 1)

    def _is_government_noun(self, k: int) -> bool:
        return k < len(self.doc) and self.words[k].lower() in self.world.government_nouns

    def _country_before(self, j: int):
        """(end, name, country) for a country's name set before a noun as it is ("the Malawi government")."""
        match = self.world.names.match(self.words, j)
        return (match[0], self.words[j], match[1]) if match and match[1].kind == COUNTRY else None

    def _named_after(self, k: int) -> bool:
        """Whether a capitalised name goes on at k ("Government House", "Government of Kenya Scholarship")."""
        return k < len(self.doc) and self._is_name_word(k)

    def _bare(self, k: int, start: int, *, after_the: bool) -> bool:
        """Whether the noun at k stands with no word before it that says which but those from `start` on
        ("the government", "government", "the federal government"), not "local government", "this
        government", "the former Labor government"."""
        token = self.tokens[k]
        return not any(child.i < start and (child.dep_ != "det" or child.lower_ != "the") for child in token.children) and (
            start == 0 or after_the or not (self.tokens[start - 1].is_alpha and self.tokens[start - 1].dep_ in (
                "amod", "compound", "nmod", "det", "poss")))

    def _employer(self, i: int) -> _Reading | None:
        """Where someone works: "an analyst at Morningstar", "chief economist at the Kiel Institute"; not where
        they are posted, a name the tagger calls a place ("Special Representative ... at Abidjan")."""
        j = self._skip_the(i)
        at = i - 1
        if at < 1 or self.words[at].lower() != "at" or self.heading:
            return None
        worker = self.tokens[at].head
        if worker.i >= at or not (self.world.occupations.match(self.words, worker.i)
                                  or self.world.occupations.get(worker.lemma_)):
            return None
        end = self._proper_name_end(j)
        if end is None:
            return None
        if self._tagged_place(j, end):
            return None
        name = normalise(self.paragraph.span_text(j, end))
        if self.world.known(name) is not None or self.world.is_outlet(name) or self._known_person(name):
            return None
        return _Reading(end, [_Found(self._surface(i, end), name, ORGANIZATION)])

    def _short_organization(self, i: int) -> _Reading | None:
        """An organisation the article names in full, by its initials ("FTC" for the Federal Trade
        Commission, "Sebi"), its first word when that is a name and no English word ("Samsung" for
        Samsung Electronics), or a company by its leading words ("Chubu Electric", _company_short_name)."""
        if self.heading:
            return None
        named = None if i + 1 < len(self.doc) and self._is_name_word(i + 1) else self._named_organization(i)
        if named is None or named[0] != self._initials_end(i):  # or a company's leading words, whole
            named = self._company_short_name(i)
            if named is None or (named[0] < len(self.doc) and self._is_name_word(named[0])):
                return None
        return _Reading(named[0], [_Found(self._surface(i, named[0]), named[1], ORGANIZATION)])

    def _company_short_name(self, i: int) -> tuple[int, str] | None:
        """(end, name) of a company the article names by its registered name, at i by two or more of its
        leading words without its legal form ("Chubu Electric" for Chubu Electric Power Co.). Like
        _named_organization, asked only at a capitalised word: the reading is tried at every word."""
        if not self.words[i][:1].isupper():
            return None
        for name in self._organizations_by(self.words[i]):
            for short in _company_short_names(name):
                if tuple(self.words[i:i + len(short)]) == short:
                    return i + len(short), name
        return None

    def _named_organization(self, i: int) -> tuple[int, str] | None:
        """(end, name) of an organisation the article names, at i: by its name, its initials ("FTC",
        "Sebi") or its first word when that is a name and no English word ("Samsung")."""
        word = self.words[i]
        if not word[:1].isupper():
            return None
        end = self._initials_end(i)
        if end > i + 1:
            word = _initial_letters(self.words[i:end])  # "PPP/C"
        for name in self._organizations_by(word):
            words, spellings = _organization_forms(name)
            if self.words[i:i + len(words)] == list(words):
                return i + len(words), name
            by_initials = len(word) > 1 and (word in spellings or (len(word) > 2 and word.upper() in spellings))
            by_first_word = word == words[0] and not _is_english(self.tokens[i]) and self.world.known(word) is None
            if by_initials or by_first_word:
                return end, name
        return None

    def _initials_end(self, i: int) -> int:
        """End of the initials at i, one token ("FTC") or several glued by a slash or an ampersand ("PPP/C",
        which the tagger splits in three: its "C" is no one's name)."""
        end = i + 1
        while (end + 1 < len(self.doc) and self.words[end] in INITIALS_GLUE and self.words[end + 1].isupper()
               and not self.tokens[end - 1].whitespace_ and not self.tokens[end].whitespace_):
            end += 2
        return end

    @_asks
    def _names_organization(self, name: str) -> bool:
        """Whether the article names an organisation `name`, so far or later."""
        return name in self.organizations or name in self.known_organization_order

    @_asks
    def _organizations_by(self, word: str) -> tuple[str, ...]:
        """The organisations whose name, initials or first word `word` may be: those named so far, the
        latest first, then those named later, in order."""
        upper = word.upper()
        met, later = self.organization_keys, self.known_organization_keys
        if word not in met and upper not in met and word not in later and upper not in later:
            return ()  # most words: no organisation met or to come goes by them
        named = {name for key in (word, upper) for name in met.get(key, ())}
        ahead = {name for key in (word, upper) for name in later.get(key, ())}
        return (*sorted(named, key=self.organizations.__getitem__, reverse=True),
                *sorted(ahead, key=self.known_organization_order.__getitem__))

    def _nickname(self, i: int) -> _Reading | None:
        """ "Mohamed Hamdan Dagalo, known as Hemedti": the name after "known as" is the person's."""
        k = i - 1
        if k < 1 or not (self.words[k] in ("nicknamed", "dubbed") or (self.words[k] == "as" and self.words[k - 1] in (
                "known", "called"))):
            return None
        k -= 1 if self.words[k] in ("nicknamed", "dubbed") else 2
        while k >= 0 and self.words[k] in ("also", "better", "widely", "popularly", ","):
            k -= 1
        end = self._name_run(i)
        person = self._person_ending_at(k + 1) if end - i == 1 and k >= 0 else None
        if person is None:
            return None
        return _Reading(end, [_Found(self._surface(i, end), person, PERSON)])

    @_asks
    def _listed_with_people(self, start: int, end: int) -> bool:
        """ "Sanele Mbele, Siphiwe Mazibuko and Phakanyiswa Dladla appeared", "the People vs Fredson Yamba and
        Joseph Malanji": a name of two words or more listed right after or right before a person named in full
        is a person's too, whatever the tagger reads there (it calls names its lists lack an organisation's).
        Not a name that ends like an organisation's ("John Smith and Acme Holdings"), nor one the parse does not
        join to a list ("the Chief of Sefwi Elubo, Nana Anini Baffour,": a place, then the chief's name)."""
        root = self.doc[start:end].root
        if end - start < 2 or not (root.dep_ == "conj" or any(child.dep_ == "conj" for child in root.children)) or any(
                table.match(self.words, end - 1) for table in (self.world.organization_heads, self.world.institutions)):
            return False
        separator = self._list_separator_before(start)
        before = separator is not None and self._person_ending_at(separator)
        if before and " " in before:
            return True
        after = end + (self.words[end:end + 2] == [",", "and"]) + 1
        if end >= len(self.doc) or self.words[end] not in LIST_SEPARATORS or after >= len(self.doc):
            return False
        name = normalise(self.paragraph.span_text(after, self._name_run(after)))
        listed = self._known_person(name) if " " in name else None
        return listed is not None and listed.name == name

    def _list_separator_before(self, k: int) -> int | None:
        """Where the item listed before the one at k ends: the separator right before k ("A, B and C"), or the
        comma of an "and" after one ("A, B, and C"); None when no list separator comes right before k."""
        if k < 2 or self.words[k - 1] not in LIST_SEPARATORS:
            return None
        return k - 1 - (self.words[k - 2:k] == [",", "and"])

    @_asks
    def _person_ending_at(self, k: int) -> str | None:
        """The latest person met, when the latest person reading ended at token k of this paragraph."""
        return next(reversed(self.people)) if self.people and self.last_person_end == (self.doc, k) else None

    def _typed_organization(self, i: int) -> _Reading | None:
        """A name that the prose says is an organisation: "the RMT union", "the Likud party" (a noun for
        a kind of organisation after it), "consumer group BEUC", "carmaker BYD" (before it), "start-ups
        such as Mistral and Aleph Alpha" (an example of one)."""
        if self.heading:
            return None
        start = self._skip_the(i)
        if self.paragraph.read_words[start].opens_known and any(
                table.match(self.words, start) for table in _known_tables()):
            return None
        end = self._proper_name_end(start, joined=start > i)
        if end is None:
            return None
        after = self.world.organization_nouns.match(self.words, end) if (
            start > i and end < len(self.doc) and self.tokens[end].is_lower) else None
        if after is None and not self._typed_before(start):
            root = self.doc[start:end].root
            first = _first_listed(root)
            if not (self._is_example(first) or self._listed_as_typed(start, root, first)
                    or self._listed_after_organization(i, start, end)):
                return None
        name = normalise(self.paragraph.span_text(start, end))
        if self._known_person(name):
            return None
        stop = after[0] if after else end
        return _Reading(stop, [_Found(self._surface(i, stop), name, ORGANIZATION)])

    def _typed_before(self, start: int) -> bool:
        """ "consumer group BEUC", "carmaker BYD": a noun for a kind of organisation right before (and no
        name the tagger reads as a person's)."""
        before = self.tokens[start - 1] if start else None
        return before is not None and (before.is_lower or before.is_sent_start) and (
            self._is_organization_noun(start - 1) and self.tokens[start].ent_type_ != "PERSON")

    def _listed_as_typed(self, start: int, token, first) -> bool:
        """ "retailers H&M, Primark and Aldi", "Two companies - Element Power and Mainstream - are seeking": an
        item of a list whose first item a noun for a kind of organisation types, right before it or in
        apposition (and no name the tagger reads as a person's). `token` is the head of the name at `start`,
        `first` the list's first item (`_first_listed`)."""
        if self.tokens[start].ent_type_ == "PERSON" or self._ends_longer_name(start):
            return False  # "the largest opposition party, the Left-Greens": no Greens
        if first.dep_ == "appos" and first.head.i < first.i and first.head.is_lower and (
                self._is_organization_noun(first.head.i)):  # not the initials after a name: "Trade Union (SWWTU)"
            return True
        if first is token:
            return False
        k = first.i  # where the first item's name begins: "AngloGold" of "AngloGold Ashanti"
        while k > 0 and self.tokens[k - 1].dep_ == "compound" and self.tokens[k - 1].head.i == first.i and (
                self.words[k - 1][:1].isupper()):
            k -= 1
        return self._typed_before(k)

    def _listed_after_organization(self, i: int, start: int, end: int) -> bool:
        """ "UNISON, Unite, GMB and the NUT": a name listed (a conjunct in the parse) right after an organisation
        the scan read is one too, unless the tagger reads a person's name or a place there, or it opens with a title
        ("the Supreme Court and Chairman of the Judicial Council": the Chief Justice's second office)."""
        separator = self._list_separator_before(i)
        return (separator is not None and self.doc[start:end].root.dep_ == "conj"
                and self.world.titles.match(self.words, start) is None
                and LIST_SEPARATORS.isdisjoint(self.words[start:end])  # one item, not the list run on
                and not any(t.ent_type_ == "PERSON" or t.ent_type_ in PLACE_ENTITIES for t in self.doc[start:end])
                and self._organization_ending_at(separator) is not None)

    def _is_organization_noun(self, k: int) -> bool:
        """ "union", "carmakers", "start-ups": a noun for a kind of organisation, in the singular or plural."""
        token = self.tokens[k]
        hyphenated = k >= 2 and self.words[k - 1] == "-" and not self.tokens[k - 2].whitespace_
        text = normalise(self.paragraph.span_text(k - 2, k + 1)) if hyphenated else token.text
        return _is_organization_word(token.lemma_, text)

    def _is_example(self, token) -> bool:
        """ "start-ups such as Mistral and Aleph Alpha", "banks including HSBC": one of a kind of organisation
        (`token` the head of the first name listed, `_first_listed`)."""
        preposition = token.head
        if token.dep_ != "pobj" or preposition.lower_ not in ("as", "including", "like"):
            return False
        kind = preposition.head.head if preposition.head.lower_ == "such" else preposition.head
        return self._is_organization_noun(kind.i)

    def _weather_system(self, i: int) -> _Reading | None:
        """A storm by its name ("Cyclone Debbie", "hurricanes Laura and Delta"): no actor, whatever the tagger says."""
        match = self.world.weather_systems.match(self.words, i)
        if match is None or match[0] >= len(self.doc) or not self._is_name_word(match[0]):
            return None
        return _Reading(self._name_run(match[0]))

    def _disease(self, i: int) -> _Reading | None:
        """A disease by its name ("the COVID-19 surge"): no actor, whatever the tagger says; but not where a
        longer name begins with it ("COVID-19 Task Force")."""
        match = self.world.diseases.match(self.words, i)
        if match is None or (match[0] < len(self.doc) and self._is_name_word(match[0])):
            return None
        return _Reading(match[0])

    def _venue(self, i: int) -> _Reading | None:
        """ "at the International Convention Centre", "in Ilford Town Hall": a building or ground named for
        the kind of place it is (places.yaml's venues), where something happened: read whole, no actor."""
        j = self._skip_the(i)
        end = j
        while end < len(self.doc) and end - j < MAX_INSTITUTION_TOKENS and self.tokens[end].is_title:
            end += 1
        if end == j or not ({self.words[end - 1].lower(), " ".join(self.words[end - 2:end]).lower()} & self.world.venues):
            return None
        root = self.doc[j:end].root
        return _Reading(end) if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS else None

    def _law(self, i: int) -> _Reading | None:
        """A law or bill by its name ("the Administration of Justice (Protection) Act 2016"), or one
        referred back to ("these Bills", "the Act"): no actor, though the tagger finds organisations and
        a "Bill" in it (world.law_name_end). A lone "Bill" the tagger calls a person is someone's name."""
        if i > self.paragraph.last_law:
            return None  # every reading of one ends in a law's head, at or after i
        start = self._skip_the(i)
        end = law_name_end(self.words, start)
        if end is None and self.words[start] in self.world.law_heads and (
                (start and self.words[start - 1].lower() in DETERMINERS) or self.tokens[start].ent_type_ != "PERSON"):
            end = start + 1
        return _Reading(end) if end is not None else None

    def _region(self, i: int) -> _Reading | None:
        """A region or place whose name holds a country's ("South America", "New Mexico"): no actor."""
        match = self.world.regions.match(self.words, self._skip_the(i))
        return _Reading(match[0]) if match else None

    def _party(self, i: int) -> _Reading | None:
        """A party or union by the name the news gives it (`parties` in data/organizations.yaml): "Plaid
        Cymru", "the DUP", "Labour and the Greens are backing the unions". A one-word name that is also
        an English word must stand alone (_stands_alone): "Labour Court" and "labour costs" are none. The
        end of a longer name is not that party: "the Labour Party" of an article that names the Antigua
        Barbuda Labour Party is it (`_institution_named`), "the Social Democrats" and "the Left-Greens" are
        parties of their own, not the Democrats or the Greens."""
        j = self._skip_the(i)
        match = self.world.parties.match(self.words, j)
        if match is None:
            return None
        end, name = match
        if end - j == 1 and _is_english(self.tokens[j]) and not self._stands_alone(j):
            return None
        named = self._institution_named(normalise(self.paragraph.span_text(j, end)))
        if named is None and self._ends_longer_name(j):
            return None
        return _Reading(end, [_Found(self._surface(i, end), named or name, ORGANIZATION)])

    def _party_of_its_own(self, i: int) -> _Reading | None:
        """ "the Left-Greens": a party's name glued by a hyphen to a capitalised word before it (`_ends_longer_name`,
        which `_party` leaves to it) is a party of its own, by the whole name. "The Social Democrats" is left
        unread: a capitalised word before a party's name is as often a word describing it ("The Liberal National
        government's road map")."""
        j = self._skip_the(i)
        k = j + 2
        if k >= len(self.doc) or self.words[j + 1] not in HYPHENS:
            return None
        match = self.world.parties.match(self.words, k)
        last = self.tokens[match[0] - 1] if match else None
        if match is None or not self._ends_longer_name(k) or (
                last.dep_ in ("compound", "amod") and last.head.i > last.i):
            return None  # "Anti-Labour sentiment" describes a noun
        name = normalise(self.paragraph.span_text(j, match[0]))
        return _Reading(match[0], [_Found(self._surface(i, match[0]), name, ORGANIZATION)], "party")

    def _ends_longer_name(self, k: int) -> bool:
        """Whether the word at k is the last of a longer name: glued by a hyphen to a capitalised word
        ("the Left-Greens"), or after a capitalised word that names no body, place or nation, after "the"
        ("the Social Democrats", not "the Welsh Conservatives" nor "the Senate Democrats")."""
        if k < 2:
            return False
        before = self.tokens[k - 1]
        if before.text in HYPHENS and not before.whitespace_:
            return self.tokens[k - 2].text[:1].isupper() and not self.tokens[k - 2].whitespace_
        return (before.text[:1].isupper() and self.words[k - 2].lower() == "the"
                and before.ent_type_ not in PLACE_ENTITIES and not any(table.match(self.words, k - 1) for table in (
                    self.world.demonyms, self.world.names, self.world.institutions, self.world.organization_heads)))

    def _initialled_organization(self, i: int) -> _Reading | None:
        """An organisation the tagger names that its initials follow in brackets, read as long as they
        say: "Seamen and Waterfront Workers' Trade Union (SWWTU)", "the Botswana Congress Party (BCP)",
        "People's Progressive Party Civic (PPP/C)". No word of it is then an actor of its own: neither its
        country, nor a party or institution its last words name ("Congress Party", "Democratic Party",
        "Trade Union"). A title ("Chief Justice of Pakistan (CJP)"), a law, or a name the data files
        know is for its own reading."""
        start = self._skip_the(i)
        end = self._initialled_end(start)
        if end is None or self.heading or not any(t.ent_type_ == "ORG" for t in self.doc[start:end]):
            return None
        name = normalise(self.paragraph.span_text(start, end))
        if (self.world.known(name) or self.world.parties.get(name) or self._title_words(start) is not None
                or law_name_end(self.words, start) is not None):
            return None
        return _Reading(end, [_Found(self._surface(i, end), name, ORGANIZATION)])

    def _initialled_end(self, start: int) -> int | None:
        """Where a name of two words or more that begins at start ends, when a bracket follows it with
        the initials of its capitalised words ("(SWWTU)", "(PPP/C)"); small words ("and", "of") and a
        possessive may come between them."""
        if start > self.paragraph.last_bracket:
            return None
        initials, whole = "", ""  # a hyphenated word's capitalised parts each, or its first alone (initials_of)
        for k in range(start, min(len(self.doc), start + MAX_INSTITUTION_TOKENS)):
            word = self.words[k]
            if word == "(":
                break
            glued = k > start and self._hyphen_glued(k)
            if word[:1].isupper() and word[1:2] != "'":
                initials += word[0]
                whole += "" if glued else word[0]
            elif k == start or not (word in POSSESSIVE or word.lower() in INITIALLED_SMALL or glued):
                return None
        else:
            return None
        close = next((j for j in range(k + 1, min(len(self.doc), k + 6)) if self.words[j] == ")"), None)
        inside = self.words[k + 1:close or k + 1]
        letters = _initial_letters(inside[:inside.index(",")] if "," in inside else inside)  # "(TPP, 民眾黨)"
        if close is None or len(initials) < 2 or letters not in (initials, whole) or not (
                self.words[k - 1][:1].isupper()):
            return None
        return k

    def _hyphen_glued(self, k: int) -> bool:
        """Whether the word at k is a hyphen inside a word, or a part after one: "-", "e", "-", "Insaf" of
        "Tehreek-e-Insaf", "Democratic" of "Dream-Democratic"."""
        if self.tokens[k - 1].whitespace_:
            return False
        return self.words[k] in HYPHENS if self.words[k] in HYPHENS else self.words[k - 1] in HYPHENS

    def _stands_alone(self, k: int) -> bool:
        """Whether the capitalised word at k is a name: not a word of a longer one ("Labour Court", "the
        Health, Education, Labor and Pensions Committee", "Minister of Labour") and, opening a sentence
        (where any word is capitalised), not describing a noun after it ("Labour shortages")."""
        token = self.tokens[k]
        describes = token.dep_ in ("compound", "amod", "nmod") and token.head.i > k
        of_a_name = k and self.words[k - 1].lower() == "of" and self.tokens[k - 1].head.text[:1].isupper()
        return not (self._in_name(k, k + 1) or of_a_name or (
            describes and (token.is_sent_start or token.head.text[:1].isupper())))

    _readings: tuple[Callable[[_Reader, int], _Reading | None], ...] = (
        _outlet, _law, _region, _weather_system, _disease, _venue, _initialled_organization, _party, _party_of_its_own,
        _titled_person, _referring_person, _abbreviated_title, _government, _institution, _typed_organization, _employer,
        _country_or_organization,
        _metonym, _demonym, _referring_organization, _nickname, _short_organization, _named_person, _organization,
    )  # on equal spans the earlier reading wins

    # -- people ---------------------------------------------------------------

    def _person(self, start: int, end: int, *, supported: bool, signed: bool = False) -> _Person | None:
        """Who the name at start:end is, or None when nothing shows it is a person. In a heading only someone
        the body names, or the person a line of its own names with a title (`signed`)."""
        name = without_nickname(normalise(self.paragraph.span_text(start, end)))
        known = self._known_person(name)
        if known is not None:
            return known
        if self.heading and not signed:
            return None
        # a given name the tagger left out of the PERSON it reads after it: "Dolores" of "Dolores Balderamos Garcia"
        tagged = start + (end - start > 1 and self.words[start] in genders().given_names)
        if supported or all(t.ent_type_ == "PERSON" for t in self.doc[tagged:end]) or is_initialled_name(
                self.words[start]) or (end - start == 2 and self._addressed(self.words[end - 1]) and not (
                self._tagged_place(start, end) and (self._is_place(start, end) or self._stands_as_place(start, end)))):
            return _Person(name)
        return None

    def _tagged_place(self, start: int, end: int) -> bool:
        """Whether the tagger calls any word at start:end a place (GPE, LOC, FAC)."""
        return any(t.ent_type_ in PLACE_ENTITIES for t in self.doc[start:end])

    @_asks
    def _addressed(self, surname: str) -> bool:
        """Whether the article shows that someone is named by this surname alone: with a title or form of
        address ("Mr Salwai"), or as a speaker it then calls "he" or "she" ("Skerrit said he"). A given name
        before it makes that person's full name, whatever the tagger reads there ("the government of Charlot
        Salwai", tagged an organisation; "Roosevelt Skerrit took", tagged a place), but where the words
        stand as a place ("in Fort Smith") they name no Mr Smith."""
        return surname in self.addressed

    def _lone_name(self, start: int, end: int, person: _Person, supported: bool) -> bool:
        """A lone word only the tagger calls a person, that the article names nobody by in full and that
        does not speak ("Snapchat", "Haryana", "Morale", "Theresa" of a "Theresa May" the scan could not
        read whole): linking keeps it only when another article names the person in full ("Putin"). A given
        name alone is a person ("his daughter, Fatima,"), unless a capitalised word follows it."""
        if end - start > 1 or supported or " " in person.name or is_initialled_name(person.name):
            return False
        after = self.tokens[end] if end < len(self.doc) else None
        return self.words[start] not in genders().given_names or (after is not None and after.text[:1].isupper())

    @_asks
    def _known_person(self, name: str) -> _Person | None:
        """The person this name stands for: the latest so far, else the first to come. A full name or
        surname ("von der Leyen", "Xi") before any other part of a longer name ("Lula", "Alves"), and
        that before a given name alone ("Hildegard" of Hildegard Brandt in this article). Of
        two people with one surname, the latest to be a sentence's subject: in "Sarah Kline, who is
        not related to Robert Kline, said ... Kline added", Kline is Sarah."""
        so_far, ahead = self.people_index.ranks(name), self.known_index.ranks(name)
        if not so_far and not ahead:
            return None  # nobody met or to come bears the name: most words asked about
        for wanted in (0, 1, 2):
            latest = sorted((n for n, rank in so_far.items() if rank == wanted), key=self.recency.__getitem__,
                            reverse=True)
            if latest:
                return self.people[max(latest, key=lambda n: self.subjects.get(n, -1))]
            first = min((n for n, rank in ahead.items() if rank == wanted), key=self.order.__getitem__, default=None)
            if first is not None:
                return self.known_people[self.order[first]]
        return None

    def _person_reading(self, start, end, person, role, affiliation, affiliation_surface) -> _Reading:
        name_end, appositive = end, self._appositive(end)
        if appositive:  # taken after a title too: "senior study author Michael Crair, the William Ziegler III
            end, own_role, own_affiliation, own_surface = appositive  # Professor," names no William Ziegler
            role = role or own_role
            if own_affiliation is not None and affiliation is None:  # "Hungary's Viktor Orbán, the prime minister,"
                affiliation, affiliation_surface = own_affiliation, own_surface
        surface = self._surface(start, name_end)
        if affiliation and affiliation.kind == ORGANIZATION and self.world.national_bodies.get(affiliation.name):
            named = self._national_body_name(affiliation.name)  # "Speaker of Parliament Anita Among"
            affiliation = named and Known(named[0], ORGANIZATION)
        mentions = [_Found(surface, person.name, PERSON, role, affiliation.name if affiliation else person.affiliation)]
        if affiliation:
            mentions.append(_Found(affiliation_surface, affiliation.name, affiliation.kind))
        return _Reading(end, mentions)

    def _phrase(self, start: int, end: int, kind: str, titled: bool) -> str | None:
        """The whole noun phrase a person or an organisation is printed in when it begins before their surface
        start:end (the words the parser hangs on the name, or on the title the name is in apposition to): the
        owner and the determiner before a title ("JD Sports Fashion executive chairman Peter Cowgill", "the
        Deputy Prime Minister Besir Atalay"), a title the scan does not read as one ("Councillor Fairey",
        "former chief financial officer Richard Collins"), a title before a comma ("The Speaker, Lord
        Fakafanua"), the noun for an organisation's kind ("rail union TSSA", "I-League side Aizawl FC"). None
        when the words before are not all of one noun phrase (`_phrase_start`); before a surface with no title
        of its own, when they hold no word for an office or a kind of work ("News Five's Jose Sanchez", "the
        Betty Trask Prize"); before an organisation, when the word before it is no noun ("the next
        Parliament"). The scan's own readings are kept as they were: this is an alias only."""
        if kind not in (PERSON, ORGANIZATION) or start == 0 or (
                kind == ORGANIZATION and self.tokens[start - 1].pos_ != "NOUN"):
            return None
        top = self.doc[start:end].root
        if not titled and top.dep_ == "appos" and top.head.i < start and self._office_ends_at(top.head.i):
            top = top.head  # "The Speaker, Lord Fakafanua": the name in apposition to a title
        first = self._phrase_start(top.left_edge.i, start, appositive=top.i < start)
        if first is None or first > top.i or (not titled and not any(
                self.tokens[k].is_lower and self.tokens[k].is_alpha and self.words[k].lower() not in PHRASE_DETERMINERS
                or self.world.occupations.match(self.words, k) for k in range(first, start))):
            return None
        return self.paragraph.span_text(first, end)

    def _office_ends_at(self, k: int) -> bool:
        """Whether a title or an occupation (data/titles.yaml) ends at the word k ("The GPU President")."""
        return any((found := self.world.occupations.match(self.words, j)) and found[0] == k + 1
                   for j in range(max(0, k - 3), k + 1))

    def _phrase_start(self, left: int, start: int, appositive: bool) -> int | None:
        """Where the noun phrase before the word at `start` begins, walking back no further than `left` (the
        parse's left edge of it): words the phrase may hold (`_in_phrase`), a hyphened word whole ("study
        co-author"), brackets only in pairs ("Member of Parliament (MP)"), a comma only right before the
        name in apposition, "the" only as its first word. None when nothing is before `start`, the word
        right before the name is a plural ("directors James Gunther": a list's head), or the phrase does
        not begin where a noun phrase can: after a noun, an adjective, a determiner, "of" ("Minister of
        Police Hon Mateni Tapueluelu" is the end of a longer title)."""
        if not 0 < start - left <= MAX_PHRASE_TOKENS or self.tokens[start - 1].tag_ in ("NNS", "NNPS"):
            return None
        sentence = self.sentence_starts[bisect.bisect_right(self.sentence_starts, start) - 1]
        first, k = start, start - 1
        while k >= max(left, sentence):
            word = self.words[k]
            if word in PHRASE_GLUE and k > sentence and not self.tokens[k - 1].whitespace_ and (
                    not self.tokens[k].whitespace_):
                first, k = k - 1, k - 2  # "co-author", "LPP/LC": the word before the glue too
                continue
            if not (self._in_phrase(k) or (word == "," and appositive and k == start - 1)):
                if k >= left and word != ",":  # the parse's phrase goes on with a word no phrase holds: a
                    return None  # misreading, or a name with "and" in it ("Order and Justice leader Ona Petras")
                break
            first = k
            if word.lower() in PHRASE_DETERMINERS:
                break
            k -= 1
        while first < start and (self.tokens[first].is_punct or self.tokens[first].pos_ in ("ADP", "PART")):
            first += 1
        words = self.words[first:start]
        if first >= start or words.count("(") != words.count(")"):
            return None
        if first == sentence:  # a sentence opening in lower case is text cut short ("fter Jamshedpur FC's loss")
            return None if self.tokens[first].is_lower else first
        before = self.tokens[first - 1]
        if before.pos_ in ("NOUN", "PROPN", "ADJ", "DET", "NUM", "PART") or self.words[first - 1] in PHRASE_GLUE | {
                "(", ")"} or (before.lower_ in self.world.title_connectors and self._office_ends_at(first - 2)):
            return None
        return first

    def _in_phrase(self, k: int) -> bool:
        """Whether the word at k may stand in an actor's noun phrase before the name: a noun, an adjective,
        a name, "of" or "for" inside a title, a bracket, a possessive ("Labour's"), "the"; no verb,
        adverb, pronoun, number, quantifier, conjunction, quotation mark or other determiner ("Both Sotto",
        "which rail minister Norman Baker", "many Republicans")."""
        token = self.tokens[k]
        if token.is_quote or token.like_num or token.lower_ in self.world.group_quantifiers:
            return False  # "many Republicans"
        if token.pos_ == "DET":
            return self.words[k].lower() in PHRASE_DETERMINERS
        return token.pos_ in ("NOUN", "PROPN", "ADJ", "ADP", "PART") or self.words[k] in ("(", ")")

    def _remember(self, reading: _Reading, root) -> None:
        """The chosen reading's people become the most recent, its organisations the latest named; a
        person who is the subject of the sentence (its `root` token) the latest subject."""
        for found in reading.mentions:
            if found.kind == ORGANIZATION:
                if self.organizations.pop(found.name, None) is None:
                    _add_organization_keys(self.organization_keys, found.name)
                self.organizations[found.name] = next(self.clock)
            if found.kind != PERSON:
                continue
            current = self.people.pop(found.name, None)
            if current is None:
                known = self.order.get(found.name)
                ahead = self.known_people[known] if known is not None else _Person(found.name)
                current = _Person(found.name, ahead.role, ahead.affiliation)
                self.people_index.add(found.name)
            current.role = found.role or current.role
            current.affiliation = found.affiliation or current.affiliation
            self.people[found.name] = current
            self.recency[found.name] = next(self.clock)
            if root.dep_ in ("nsubj", "nsubjpass"):
                self.subjects[found.name] = next(self.clock)

    def _title(self, i: int):
        """(name start, role, affiliation, affiliation surface) when a title begins at i, maybe after its
        owner: a country ("Russian", "the Kremlin's") or an organisation the article names ("FTC Chair")."""
        if i > self.paragraph.last_title:
            return None  # every way of reading one ends in a title of office at or after i
        j, affiliation, affiliation_surface = i, None, None
        owner = self._owner(i, metonyms=True) or self._organization_owner(i)
        if owner is not None:
            j, _, affiliation = owner
            affiliation_surface = self._surface(i, j)
        elif (unnamed := self._unnamed_owner(i)) is not None and self._title_words(unnamed) is not None:
            j = unnamed  # "Saskatchewan Premier Brad Wall": printed with the name, no actor of its own
        title = self._title_words(j)
        if title is None and owner is not None:  # "Qatar's foreign ministry spokesman"
            institution = self._institution_end(j, any_case=True)
            title = self._title_words(institution) if institution else None
        if title is None:
            return None
        return (self._honorifics_end(title), _title_case(self.paragraph.span_text(j, title)), affiliation,
                affiliation_surface)

    def _owned_name(self, i: int):
        """ "Hungary's Viktor Orbán": a country's possessive right before a name gives no role, only the
        affiliation (the name must show a person by itself)."""
        if not any(w in POSSESSIVE for w in self.words[i + 1:i + 5]):
            return None
        owner = self._owner(i)
        if owner is None or self.words[owner[0] - 1] not in POSSESSIVE:
            return None
        return owner[0], None, owner[2], self._surface(i, owner[0])

    def _unnamed_owner(self, i: int) -> int | None:
        """End of the proper nouns before a title that say whom it serves when the data files know none
        of them ("Saskatchewan Premier", "Wildrose Leader", "Interim NDP leader", "Lake Charles Mayor"):
        left out, they were read as a person of their own ("Saskatchewan") or dropped from the way the
        article names the person. An organisation's name there ("Manitoba Nurses Union President") and a
        person's ("Putin spokesman") are mentions of their own: words the tagger calls a person's own a
        title only when it is an office, capitalised ("Lake Charles Mayor")."""
        start = i
        while start < len(self.doc) and self.tokens[start].lower_ in self.world.modifiers:
            start += 1
        end = start
        while end < len(self.doc) and end - start < MAX_INSTITUTION_WORDS and self._may_own_title(end):
            end += 1
        if end == start or end == len(self.doc) or (self.tokens[end].is_lower and any(
                t.ent_type_ == "PERSON" for t in self.tokens[start:end])):
            return None
        return end

    def _may_own_title(self, k: int) -> bool:
        token, word = self.tokens[k], self.words[k]
        return (word[:1].isupper() and token.pos_ == "PROPN" and token.ent_type_ not in NOT_NAMES
                and word.lower() not in self.world.honorifics and self._known_person(word) is None
                and not any(table.match(self.words, k) for table in (
                    self.world.titles, self.world.institutions, self.world.organization_heads)))

    def _honorific(self, i: int):
        """ "Ms Parata", "Cllr Carl Les": a form of address before a name gives no role, but shows a person
        (the tagger calls many an organisation) and is printed as part of how the article names them."""
        end = self._honorifics_end(i)
        return (end, None, None, None) if end > i else None

    def _honorifics_end(self, k: int) -> int:
        """End of the forms of address at k ("Hon. Dr"), each with its full stop where the tokenizer split
        the stop off ("Hon" "." when it took it for a sentence's end: "Hon. Manele stated")."""
        while k < len(self.doc) and self.words[k].lower() in self.world.honorifics:
            k += 1
            if k < len(self.doc) and self.words[k] == "." and not self.tokens[k - 1].whitespace_:
                k += 1
        return k

    def _organization_owner(self, i: int):
        """(end, name, Known) for an organisation the article names, standing before a title."""
        named = self._named_organization(i)
        if named is None:
            return None
        end, name = named
        return end + (end < len(self.doc) and self.words[end] in POSSESSIVE), name, Known(name, ORGANIZATION)

    def _unspelt_owner(self, i: int) -> tuple[int, str] | None:
        """(end, name) of an organisation printed at i, before a title, that the article does not spell out: a
        party or union the data files know ("Unite regional secretary Gerard Coyne"; not a word that is also a
        portfolio: "Labour Minister") or initials ("PLP MP Zane DeSilva", "ACT leader David Seymour") that are
        no title, form of address, country, outlet or office of their own. It is a mention of its own, as a
        person's name before a title is ("Putin spokesman"); whom the person serves it does not say for sure
        (a union's regional secretary speaks for himself), so it is not their affiliation."""
        party = self.world.parties.match(self.words, i)
        if party is not None and self.words[i].lower() not in self.world.modifiers:
            return party[0], party[1]
        word = self.words[i]
        if not (len(word) > 1 and word.isalpha() and word.isupper()) or self._title_words(i) is not None or (
                word.lower() in self.world.honorifics or word in self.paragraphs.title_abbreviations
                or self.world.known(word) or self.world.is_outlet(word)):
            return None
        named = self._named_organization(i)  # "(SWWTU) president": the union it abbreviates
        if named is None and self._may_abbreviate(word):
            return None  # "ACLU ... director" in an article naming the American Civil Liberties Union of Georgia
        return named or (i + 1, word)

    @_asks
    def _may_abbreviate(self, word: str) -> bool:
        """Whether initials may stand for an organisation the article names, so far or later, that they do not
        spell out whole: the start of its initials ("ACLU" of the American Civil Liberties Union of Georgia) or
        its first word ("FAST" of the FAST Party). Read as one of their own, they would split its page."""
        return any(forms is not None and (
            any(spelt.startswith(word) for spelt in forms[1]) or forms[0][0].upper() == word)
            for forms in map(_organization_forms, (*self.organizations, *self.known_organization_order)))

    def _title_words(self, k: int) -> int | None:
        """End of [modifiers] title at k ("Deputy Foreign Minister", "spy chief"), with the portfolio after
        it ("Minister for Media", "Minister for Law, Human Rights, Immigration, and Corrections"), or None."""
        while k < len(self.doc):
            title = self.world.titles.match(self.words, k)
            if title:
                return self._portfolio_end(title[0])
            if self.tokens[k].lower_ not in self.world.modifiers:
                return None
            k += 1
        return None

    def _in_title(self, k: int) -> bool:
        """Whether the word at k is inside a title begun before it: "the Member of Parliament for Suame"
        holds an office and mentions no body ("Parliament" was published as an actor)."""
        return any((end := self._title_words(s)) is not None and end > k for s in range(max(0, k - 3), k))

    def _portfolio_end(self, k: int) -> int:
        """End of "for Media" / "of Law, Human Rights and Corrections" at k, after a title: capitalised
        portfolio words (data/titles.yaml), a list of them joined by commas and "and", before a comma or a
        full name the tagger calls a person's ("Director of Public Prosecutions Paula Lewellyn" is none);
        else k."""
        if k + 1 >= len(self.doc) or self.words[k] not in self.world.title_connectors:
            return k
        end, j = k, k + 1
        while j < len(self.doc):
            if self.tokens[j].is_title and self.tokens[j].lower_ in self.world.portfolio_words:
                end = j + 1
            elif self.words[j] not in (",", "and", "&") or end == k:
                break
            j += 1
        named = end < len(self.doc) and (self.words[end] == "," or (
            self.tokens[end].ent_type_ == "PERSON" and self._name_run(end) - end >= 2))
        return end if named else k

    def _appositive(self, i: int):
        """ ", the Kremlin spokesman," after a name: (end, role, affiliation, affiliation surface)."""
        if i + 1 >= len(self.doc) or self.words[i] != ",":
            return None
        title = self._title(self._skip_the(i + 1))
        if title is None:
            return None
        end, role, affiliation, affiliation_surface = title
        if end < len(self.doc) and self.words[end] not in (",", ".", ";", ")") and not (
                self.words[end] in ("of", "at") and end + 1 < len(self.doc) and self._proper_name_end(self._skip_the(end + 1))
        ) and not self._body_after_title(end):
            return None  # "Paul Whitmore, director of the Institute for Fiscal Studies," is a director
        return end, role, affiliation, affiliation_surface

    def _body_after_title(self, k: int) -> bool:
        """Whether an organisation's own name, ended by its head, follows a title at k ("Andrius Kubilius, leader
        of the opposition Homeland Union"): the title is still the person's; a person's name there is another's."""
        end = self._proper_name_end(k)
        return end is not None and self.world.organization_heads.match(self.words, end - 1) is not None and not any(
            t.ent_type_ == "PERSON" for t in self.doc[k:end])

    @_same_in_both_passes
    def _name_run(self, i: int) -> int:
        """End of the run of name words starting at i ("Alexander Grushko", "Jean-Yves Le Drian",
        "von der Leyen", "Han Seong-min", "Martin Luther King Jr.", "Leo XIV")."""
        end = i
        k = i
        while k < len(self.doc) and k - i < MAX_NAME_TOKENS:
            joined = k > i and self.tokens[k - 1].whitespace_ == "" and self.words[k - 1] == "-"
            if end == k > i and (after := self._nickname_end(k)):
                k = after  # "William ‘Smiley’ Heather": the name goes on after its nickname
                continue
            if end == k > i and self.world.person_names.ends_name(self.words, k):
                end = k + 1
            elif self._is_name_word(k) or (joined and self._ends_given_name(k, start=i)):
                end = k + 1
            elif not self._joins_name(k, start=i):
                break
            k += 1
            if joined and end != k:
                break
        return end

    def _nickname_end(self, k: int) -> int | None:
        """After a name word, the end of a nickname in quotation marks that a name word follows ("William
        ‘Smiley’ Heather"), or None: capitalised words, at most MAX_NICKNAME_WORDS, between two marks."""
        if self.words[k] not in ("'", '"') or self.tokens[k].whitespace_:
            return None
        for close in range(k + 2, min(k + 2 + MAX_NICKNAME_WORDS, len(self.doc) - 1)):
            if self.words[close] == self.words[k]:
                nickname = self.words[k + 1:close]
                if all(word[:1].isupper() for word in nickname) and self._is_name_word(close + 1):
                    return close + 1
                return None
        return None

    def _joins_name(self, k: int, start: int) -> bool:
        """A particle or a hyphen inside a name ("Le Maire", "al-Ansari", "Jean-Yves"), or particles
        that open a surname ("von der Leyen said"): the run only counts if a name word follows."""
        token = self.tokens[k]
        if (token.text == "-" and not token.whitespace_) or INITIAL.match(token.text):
            return k > start
        return token.lower_ in self.world.particles

    def _ends_given_name(self, k: int, start: int) -> bool:
        """The lower-case end of a hyphenated given name (PersonNames.ends_given_name), or one the
        tagger's PERSON entity goes on with ("Jae-myung"), never "Trump-era"."""
        token = self.tokens[k]
        if token.is_alpha and token.is_lower and token.ent_type_ == "PERSON" and token.ent_iob_ == "I":
            return True
        after = self.words[k + 1] if k + 1 < len(self.doc) and self.tokens[k].whitespace_ else None
        return self.world.person_names.ends_given_name(self.words[start:k - 1], self.words[k], after)

    @_same_in_both_passes
    def _is_name_word(self, k: int) -> bool:
        token = self.tokens[k]
        text = self.words[k]
        if not self.paragraph.read_words[k].name_shaped or token.ent_type_ in NOT_NAMES:
            return False
        names = self.world.person_names
        if token.is_stop and not (text in names.chinese | names.korean and self._is_given_name(token.i)):
            return False  # "He Yongqian" is a name, "He said" is not
        if token.lower_ in self.world.modifiers or token.lower_ in self.world.honorifics:
            return False
        unknown = not _is_english(token) or (  # "Alves", "Equinor": the tagger may call them plural nouns
            token.is_sent_start and text in self.paragraphs.capitalised_inside_sentences)
        if token.ent_type_ != "PERSON" and not unknown and (token.pos_ != "PROPN" or token.tag_ == "NNPS"):
            return False
        if token.tag_ == "NNS" and not unknown:
            return False
        k = token.i
        if self._is_given_name(k) or self._surname_after_given_name(k):
            return True
        plural_title = text.endswith("s") and self.world.titles.match([text[:-1]], 0)
        return not plural_title and not (  # "Chief Resident Magistrates' Davies Chibwili": no one "Magistrates"
            (self.paragraph.read_words[k].opens_known and any(table.match(self.words, k) for table in _known_tables()))
            or self.world.titles.match(self.words, k))

    def _is_given_name(self, k: int) -> bool:
        """A word that opens a person's name although it is something else too: a country's or a city's
        name ("Chad Morrison", "Israel Katz"), a pronoun ("He Yongqian"). The tagger reads both words
        as one PERSON."""
        token = self.tokens[k]
        return (token.ent_type_ == "PERSON" and token.ent_iob_ == "B" and k + 1 < len(self.doc)
                and self.tokens[k + 1].ent_iob_ == "I" and self.tokens[k + 1].text[:1].isupper())

    def _surname_after_given_name(self, k: int) -> bool:
        """A surname that is also a capital's or a country's name ("Joseph Muscat", "Ahmed Chad"): it
        follows a given name and the tagger reads both words as one PERSON, so it stands for no place."""
        token = self.tokens[k]
        return (k > 0 and token.ent_type_ == "PERSON" and token.ent_iob_ == "I"
                and self.words[k - 1] in genders().given_names)

    @_same_in_both_passes
    def _referred_as(self, k: int) -> str | None:
        """PERSON or ORGANIZATION when the sentence goes on to call the speaker at k "he"/"she" or "it":
        "Kroger said it would fight", "Alves said he would"; None when it does not tell."""
        if not self._is_speaker(k):
            return None
        for later in self.doc[k + 1:self._sentence(k).stop]:
            said = pronoun(later.lower_)
            if said is not None and said.kind == ORGANIZATION:
                return ORGANIZATION
            if said is not None and said.gender:
                return PERSON
            if later.ent_type_ in ("PERSON", "ORG") or later.pos_ == "PROPN":
                return None  # someone else comes first
        return None

    def _is_speaker(self, k: int) -> bool:
        """Whether token k is who a speech verb's sentence says spoke ("Grushko said", "according to X")."""
        token = self.tokens[k]
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in self.world.speech_verbs:
            return True
        head = token.head
        return token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"

    # -- countries, organisations, institutions -------------------------------

    def _glued_to_word_before(self, k: int) -> bool:
        """Whether the word at k ends a hyphenated word that a lower-case word opens ("pro-Russian",
        "anti-American"): an attitude to the country, not the country."""
        before = self.tokens[k - 2] if k >= 2 else None
        return before is not None and self.words[k - 1] in HYPHENS and not self.tokens[k - 1].whitespace_ and (
            not before.whitespace_ and (before.is_lower or (before.is_sent_start and before.text[1:].islower())))

    def _place_owner(self, i: int):
        """(end, place, None) for a city or state the tagger knows, in the possessive: "Chicago's"."""
        if i + 1 < len(self.doc) and self.tokens[i].ent_type_ == "GPE" and self.words[i + 1] in POSSESSIVE and (
                self.words[i][:1].isupper()):
            return i + 2, self.words[i], None
        return None

    def _owner(self, i: int, *, metonyms: bool = False):
        """(end, adjective, country) for "Russian", "Russia's", "US" (and "the Kremlin" with metonyms=True);
        none for a demonym a word is glued to by a hyphen: the "pro-Russian Democratic Front" is Montenegro's."""
        if self._glued_to_word_before(i):
            return None
        demonym = self.world.demonyms.match(self.words, i)
        if demonym:
            return demonym[0], normalise(self.paragraph.span_text(i, demonym[0])), demonym[1]  # "South African"
        tables = (self.world.names, self.world.metonyms) if metonyms else (self.world.names,)
        for table in tables:
            match = table.match(self.words, self._skip_the(i))
            if match:
                end, known = match
                words = self.words[self._skip_the(i):end]
                adjective = "".join(words).replace(".", "") if _is_acronym(words) else None
                if end < len(self.doc) and self.words[end] in POSSESSIVE:
                    return end + 1, self.world.adjectives.get(known.name, known.name), known
                if adjective or (metonyms and table is self.world.metonyms) or known.kind == ORGANIZATION:
                    return end, adjective or known.name, known
        return None

    @_same_in_both_passes
    def _institution_end(self, i: int, *, any_case: bool = False) -> int | None:
        """End of "Foreign Ministry" / "Ministry of Foreign Affairs" / "Kiel Institute for the World Economy"
        / "Harbor Bancorp" starting at i, or None. With any_case (after an owner: "Russia's foreign
        ministry") lower-case words count, but only when the head ends the noun phrase ("Russian
        service members" is no institution); an organisation's own name is capitalised."""
        end, k, limit, listing = None, i, MAX_INSTITUTION_TOKENS, False
        while k < len(self.doc) and k - i < limit and not self.world.names.match(self.words, k):
            token = self.tokens[k]
            head = self.world.institutions.match(self.words, k)
            if _is_capitalised(token):
                head = head or self.world.organization_heads.match(self.words, k)
            elif k > i and end is None and self._hyphen_inside_name(k):
                pass  # "NYK-Hinode Line Ltd"; not after a head ("East Bengal FC, and I-League side")
            elif k > i and self._joins_listed_name(k) and (self.world.parties.match(self.words, i) or (None,))[0] != k and (
                    end != k or k - i < 2 or token.text == ","):
                listing = token.text == ","  # "Health, Education, Labor and Pensions Committee": a head only after
                # the "and"; a whole name before it, more than its head ("the Green Party and Alliance Party",
                # "Lanka Sama Samaja Party and Democratic Left Front", not "Securities and Exchange"), is one of two
            elif any_case and token.is_lower and token.is_alpha:
                limit = MAX_INSTITUTION_WORDS  # a name's own words are capitalised: a long lower-case run is prose
            else:
                break
            k = head[0] if head else k + 1
            if head and not listing:
                end = k
        if end is None:
            return None
        if self.tokens[end - 1].is_lower and end < len(self.doc) and self.tokens[end].pos_ in ("NOUN", "PROPN") and (
            self._title_words(end) is None
        ):
            return None
        return self._proper_name_end(end, continues=True) or end

    @_same_in_both_passes
    def _proper_name_end(self, i: int, *, continues: bool = False, joined: bool | None = None) -> int | None:
        """End of the capitalised words of a name at i ("Rystad Energy", "Fidelity International"), or with
        `continues` of what follows a name's head ("of England", "for the World Economy"); None when
        there are none. Small words join capitalised ones: "School of Oriental and African Studies" ("and"
        only if `joined`, by default when it `continues`: "at Shell and TotalEnergies" are two); a
        title ends the name: "Bank of Italy Governor Fabio Panetta"."""
        k = i
        if continues:
            if k + 1 >= len(self.doc) or self.words[k] not in NAME_LINKS:
                return None
            k += 1
            if self.words[k] == "the":
                k += 1
        end = None
        small = ("of", "for", "on", "the") + (("and", "&") if (continues if joined is None else joined) else ())
        limit = MAX_INSTITUTION_TOKENS if continues else MAX_NAME_TOKENS
        while k < len(self.doc) and k - i <= limit and not (end and self._title_words(k)):
            token = self.tokens[k]
            if continues and (country := self.world.names.match(self.words, k)):
                k = end = country[0]  # "the Supreme Court of Côte d'Ivoire": a country's name whole
            elif _is_capitalised(token) and token.ent_type_ not in NOT_NAMES:
                k += 1
                end = k
            elif end is not None and (token.lower_ in small or (continues and self._joins_listed_name(k))):
                k += 1
            else:
                break
        return end

    def _hyphen_inside_name(self, k: int) -> bool:
        """A hyphen with no space on either side between two capitalised words: one name ("NYK-Hinode")."""
        return (self.words[k] in HYPHENS and k + 1 < len(self.doc) and not self.tokens[k].whitespace_
                and not self.tokens[k - 1].whitespace_ and _is_capitalised(self.tokens[k - 1])
                and _is_capitalised(self.tokens[k + 1]))

    def _joins_listed_name(self, k: int) -> bool:
        """ "and" before a capitalised word of the same name ("Securities and Exchange Commission"), or a
        comma of a list of capitalised words that such an "and" closes ("Department for Digital, Culture,
        Media and Sport"): cut at either, the rest of the name was published as an actor of its own
        ("Pensions Committee", "Franchising and Regulatory Board")."""
        if k > 1 and self.tokens[k - 1].ent_type_ == self.tokens[k - 2].ent_type_ == "PERSON":
            return False  # a full name ends there: "businessman Future Muvirimi and Ramsay Investments"
        if self.words[k] in ("and", "&"):
            return k + 1 < len(self.doc) and self.tokens[k + 1].is_title
        if self.words[k] != ",":
            return False
        j = k + 1
        while j < len(self.doc) and (self.tokens[j].is_title or self.words[j] == ","):
            j += 1
        return j < len(self.doc) and self.words[j] in ("and", "&") and self._joins_listed_name(j)

    def _named_institution(self, start: int, end: int, words: str) -> str:
        """A bare "Foreign Ministry": the last one named in the article, else the first named later, else
        the dateline country's (portfolio words and a head only: not "the Federal Trade Commission"). A
        name of its own ("Kiel Institute for the World Economy", "Bank of England") stays as it is."""
        named = self._institution_named(words)
        if named is not None:
            return named
        head = self.world.institutions.match(self.words, end - 1)
        generic = head is not None and all(t.lower_ in self.world.modifiers for t in self.doc[start:end - 1])
        if generic and self.dateline and self.dateline.kind == COUNTRY:
            return f"{self.world.adjectives.get(self.dateline.name, self.dateline.name)} {words}"
        return words

    @_asks
    def _institution_named(self, words: str) -> str | None:
        """The organisation named so far whose name ends in `words`, that `words` abbreviates or that they
        name by its leading words ("Chubu Electric", ending in a head of its own), the latest, else the first
        named later."""
        return next((name for name in itertools.chain(reversed(self.organizations), self.known_organizations)
                     if name.endswith(" " + words) or _abbreviates(words, name)
                     or tuple(words.split()) in _company_short_names(name)), None)

    def _affiliation_of(self, start: int, end: int) -> str | None:
        """The country an institution's own name gives: "Bank of England", "Reserve Bank of India"."""
        for k in range(start, end):
            known = self.world.demonyms.get(self.words[k]) or self.world.names.get(self.words[k])
            if known is not None and known.kind == COUNTRY:
                return known.name
        return None

    def _is_place(self, start: int, end: int) -> bool:
        """A capital used as a place: the object of "in", "at", ...; or a modifier ("the Vilnius summit")."""
        root = self.doc[start:end].root
        if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS:
            return True
        return root.dep_ in ("compound", "nmod", "amod") and root.head.i > root.i

    def _in_place(self, start: int, end: int) -> bool:
        """Whether the name at start:end is the object of "in", "between", ... (PLACE_PREPOSITIONS)."""
        root = self.doc[start:end].root
        return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS

    def _in_name(self, start: int, end: int) -> bool:
        """Whether a country's name or adjective is a word of a longer proper name that no reading took
        whole ("Cricket South Africa", "the British Medical Journal", "the Iranian Red Crescent"): no
        mention of the country. A title or a person's name beside it is no such name ("Pakistan Prime
        Minister", "Russian Alexei Navalny")."""
        return any(0 <= k < len(self.doc) and self._joins_proper_name(k) for k in (start - 1, end))

    def _joins_proper_name(self, k: int) -> bool:
        token = self.tokens[k]
        return (token.text[:1].isupper() and token.pos_ == "PROPN" and token.ent_type_ != "PERSON"
                and token.ent_type_ not in NOT_NAMES and self.words[k].lower() not in self.world.honorifics
                and not any(table.match(self.words, k) for table in (
                    self.world.titles, self.world.names, self.world.demonyms, self.world.metonyms)))

    def _stands_as_place(self, start: int, end: int) -> bool:
        """Whether a name stands where a place does: in a list after a place the tagger knows ("Hampshire,
        Devon and Cumbria"), the object of "in", "between", ... ("between Bowen and Airlie Beach") or of a
        place noun's "of" ("the town of Rockhampton"). A full name that opens with a given name is a person's
        wherever it stands ("talks between Maria Lopez and John Smith")."""
        if end - start > 1 and self._is_given_name(start):
            return False
        root = self.doc[start:end].root
        while root.dep_ == "conj" and root.head is not root:
            root = root.head
            if root.ent_type_ in PLACE_ENTITIES:
                return True
        head = root.head
        return self._in_place(root.i, root.i + 1) or (
            root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in self.world.place_nouns)

    def _is_us_state(self, start: int, end: int) -> bool:
        """Georgia the state: after a politician ("Sen. Jane Doe of Georgia", "a Democrat from Georgia") or
        in a sentence that names another state ("Georgia and Alabama")."""
        name = " ".join(self.words[start:end])
        if name not in self.world.us_states:
            return False
        before = self.tokens[start - 1] if start else None
        if before is not None and before.lower_ in ("of", "from") and (
                before.head.ent_type_ == "PERSON" or before.head.text in self.world.us_politicians
                or before.head.lower_ in self.world.us_politicians):
            return True
        return any(self.words[k] != name and self.words[k] in self.world.us_states for k in self._sentence(start))

    def _is_dateline(self, start: int, end: int) -> bool:
        return start == 0 and end < len(self.doc) and self.words[end] in DATELINE_MARKS

    def _dateline_country(self) -> Known | None:
        match = self.world.metonyms.match(self.words, 0) or self.world.names.match(self.words, 0)
        if match is None:
            caps = self.world.known(self.words[0].title()) if self.words and self.words[0].isupper() else None
            return caps if caps and len(self.words) > 1 and self.words[1] in DATELINE_MARKS else None
        return match[1] if self._is_dateline(0, match[0]) else None

    def _part_of_org(self, k: int) -> bool:
        """A title word inside an organisation's name ("General Motors") is no title, unless the tagger's
        organisation is the title and a person's name ("Magistrate Davies Chibwili", _titled_name)."""
        return 0 <= k < len(self.doc) and self.tokens[k].ent_type_ == "ORG" and self.tokens[k].ent_iob_ != "O" and (
            k + 1 < len(self.doc) and self.tokens[k + 1].ent_iob_ == "I"
        ) and not self._titled_name(self.paragraph.entities.get(k))

    def _titled_name(self, span) -> bool:
        """Whether an entity the tagger calls an organisation is a title of office then a person's name:
        two or more capitalised words after it, the last no English word ("Magistrate Davies Chibwili",
        not "General Motors" nor "General Electric Company")."""
        if span is None or (title_end := self._title_words(span.start)) is None:
            return False
        rest = self.tokens[title_end:span.end]
        return len(rest) >= 2 and all(t.text[:1].isupper() for t in rest) and not _is_english(rest[-1])

    # -- small helpers -----------------------------------------------------

    def _sentence(self, k: int) -> range:
        """The tokens of the sentence token k is in."""
        j = max(bisect.bisect_right(self.sentence_starts, k) - 1, 0)
        return range(self.sentence_starts[j], self.sentence_starts[min(j + 1, len(self.sentence_starts) - 1)])

    def _skip_the(self, i: int) -> int:
        return i + 1 if self.words[i].lower() == "the" and i + 1 < len(self.doc) else i

    def _surface(self, start: int, end: int):
        """The Span of the words that name the actor, without a trailing possessive."""
        while end > start + 1 and self.words[end - 1] in POSSESSIVE:
            end -= 1
        return self.doc[start:end]


@lru_cache(maxsize=16384)
def _openers(word: str, after_the: str | None,
             before: str | None) -> tuple[Callable[[_Reader, int], _Reading | None], ...]:
    """The readings that may find something at a word (`word`; `after_the` the word after it when it is
    a "the" the reading may skip, `before` the word before it when it is one of OPENING_BEFORE), in
    `_Reader._readings`' order. Each reading left out finds nothing there, whatever the scan has met:
    a table's reading needs a word its phrases begin with, a reading back to "the diplomat" or "the
    alliance" a "the", initials of a title ("the CJP") capitals, a workplace "at" before it, a nickname
    "known as" or "dubbed", a party glued to a word before it a capital. Thirteen of the twenty-two readings are such, and
    most words they are tried at rule them all out."""
    w, first = world(), word if after_the is None else after_the
    opens = {
        _Reader._outlet: w.outlets.begins(first), _Reader._region: w.regions.begins(first),
        _Reader._party: w.parties.begins(first), _Reader._country_or_organization: w.names.begins(first),
        _Reader._party_of_its_own: first[:1].isupper(),
        _Reader._metonym: w.metonyms.begins(first), _Reader._weather_system: w.weather_systems.begins(word),
        _Reader._disease: w.diseases.begins(word),
        _Reader._demonym: w.demonyms.begins(word), _Reader._referring_person: word.lower() == "the",
        _Reader._referring_organization: word.lower() == "the",
        _Reader._abbreviated_title: len(first) > 1 and first.isupper(),
        _Reader._employer: before is not None and before.lower() == "at",
        _Reader._nickname: before in ("nicknamed", "dubbed", "as"),
    }
    return tuple(read for read in _Reader._readings if opens.get(read, True))


def _last_title(words: list[str]) -> int:
    """The last position in a paragraph's `words` where a title of office begins, -1 for none."""
    return world().titles.last(words)


def _last_of(words: list[str], wanted: Set[str]) -> int:
    """The last position in `words` of one of the words `wanted`, -1 for none."""
    if wanted.isdisjoint(words):
        return -1  # most paragraphs
    return next(k for k in reversed(range(len(words))) if words[k] in wanted)


def _group_nouns(tokens: Sequence, lower: list[int]) -> list:
    """The tokens that are a plural noun for a group ("unions", "residents"), by their LOWER ids (`lower`):
    the only ones `_groups` reads."""
    nouns = string_ids(world().group_nouns)
    return [tokens[k] for k in _where(lower, nouns)]


def _last_institution(lower: list[int], words: list[str]) -> int:
    """The last position where an institution's or organisation's head ("Ministry", "Foundation") or a
    government ("government", "authorities", by the LOWER ids `lower`) is, -1 for none."""
    w = world()
    government = max(_where(lower, string_ids(w.governments)), default=-1)
    return max(government, w.institutions.last(words), w.organization_heads.last(words))


def _where(values: list[int], wanted: Set[int]) -> list[int]:
    """The positions of `values` that are `wanted`: none, in most paragraphs, found without a step a word."""
    return [] if wanted.isdisjoint(values) else [k for k, value in enumerate(values) if value in wanted]


def _heading_from(text: str, sentences: Sequence[tuple[int, int]], starts: Sequence[int], length: int) -> int:
    """The first token of the words that end a paragraph unlike a sentence (`_is_heading`): the sentences
    after the last one that ends like a sentence; `length` when the paragraph ends like one, 0 when none of
    its sentences does (a heading, a teaser, a caption). Prose whose last sentence lost its stop (a copy cut
    mid-sentence, a closing "Source: ..." line) still introduces the actors its whole sentences name; its
    unfinished end, like a caption's credit after a whole sentence ("(Mick Tsikas: Reuters)"), does not."""
    if not _is_heading(text):
        return length
    whole = [k for k, (start, end) in enumerate(sentences) if ends_sentence(normalise(text[start:end]))]
    return starts[whole[-1] + 1] if whole and whole[-1] + 1 < len(starts) else (length if whole else 0)


def _head_word(name: str) -> str:
    """The noun an organisation's name is headed by, in lower case: the word before the first "of", "for",
    "on" that goes on from it ("Assembly of the Republic", "Committee on Tourism"), else its last word."""
    words = name.lower().split()
    link = next((k for k, word in enumerate(words) if k and word in NAME_LINKS), len(words))
    return words[link - 1]


def _is_heading(text: str) -> bool:
    """A line that does not end like a sentence (headings, teasers, captions): it may re-mention
    actors, never introduce one. Trailing emoji and symbols do not count. How a line ends is in its
    last word: normalised alone it ends as the whole line normalised does (a space splits no character
    NFKC could join, and no character left at the end normalises to nothing)."""
    end = len(text)
    while end and (unicodedata.category(text[end - 1])[0] in "SZC" or text[end - 1] == "\ufe0f"):
        end -= 1
    line = normalise(text[text.rfind(" ", 0, end) + 1:end])
    return not (ends_sentence(line) or line.endswith(":"))


def _organization_keys(names: Sequence[str]) -> dict[str, list[str]]:
    keys: dict[str, list[str]] = {}
    for name in dict.fromkeys(names):
        _add_organization_keys(keys, name)
    return keys


def _add_organization_keys(keys: dict[str, list[str]], name: str) -> None:
    """Index an organisation under what _named_organization looks for: its first word and its
    initials (a lookup instead of a scan over every organisation named so far)."""
    forms = _organization_forms(name)
    if forms is not None:
        for key in dict.fromkeys(forms[0][:1] + forms[1]):
            keys.setdefault(key, []).append(name)


@lru_cache(maxsize=4096)
def _organization_forms(name: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The words and the initials (each spelling, `initials_of`) of an organisation's name of two words or
    more that the data files do not know (those have their own aliases), else None."""
    words = tuple(name.split())
    if len(words) < 2 or world().known(name):
        return None
    return words, initials_of(words)


@lru_cache(maxsize=4096)
def _company_short_names(name: str) -> tuple[tuple[str, ...], ...]:
    """The leading words of a company's registered name, two or more, without its legal form, the
    longest first: ("Chubu", "Electric", "Power") and ("Chubu", "Electric") of "Chubu Electric Power Co.";
    none for a name with no legal form."""
    forms = _organization_forms(name)
    if forms is None or len(forms[0]) < 3 or forms[0][-1] not in world().legal_designators:
        return ()
    return tuple(forms[0][:size] for size in range(len(forms[0]) - 1, 1, -1))


def _abbreviates(words: str, name: str) -> bool:
    """ "HELP Committee" for the Health, Education, Labor and Pensions Committee: the initials of the
    words before the name's head, then the head."""
    forms = _organization_forms(name)
    if forms is None or len(forms[0]) < 3:
        return False
    initials, head = words.rsplit(" ", 1) if " " in words else ("", words)
    return head == forms[0][-1] and len(initials) > 1 and initials in {spelt[:-1] for spelt in forms[1]}


@lru_cache(maxsize=16384)
def _is_organization_word(lemma: str, text: str) -> bool:
    """Whether a word (its lemma, or as printed, in the singular or plural) is a noun for a kind of organisation."""
    nouns = world().organization_nouns
    return any(nouns.get(form) is not None for form in (lemma, text, text.removesuffix("s")))


class _Word(NamedTuple):
    """What the scan reads of a word by its text alone (`_word`)."""

    text: str  # normalised
    opens: bool  # whether a reading may begin at it wherever it stands (`_may_start`)
    capitalised: bool  # whether it is printed with a capital first
    name_shaped: bool  # whether it may be a word of a person's name by its letters (`_name_shaped`)
    opens_known: bool  # whether a country's or organisation's name, a demonym, a capital or an outlet may begin at
    # it (`_opens_known`): where none may, the four tables find nothing


_WORDS: dict[int, _Word] = {}  # a word's string id -> what `_word` makes of it


def _known_tables() -> tuple:
    """The tables of what the data files name that a name read as an organisation's or a person's must not
    begin with: countries and organisations, demonyms, capitals and seats, outlets."""
    w = world()
    return w.names, w.demonyms, w.metonyms, w.outlets


def _opens_known(word: str) -> bool:
    """Whether a phrase of `_known_tables` may begin at the normalised `word` (`Phrases.begins`)."""
    return any(table.begins(word) for table in _known_tables())


def _first_listed(token):
    """The first item of the list whose item `token` heads ("Aleph Alpha" of "Mistral and Aleph Alpha"): `token`
    when it heads none. What `_is_example` and `_listed_as_typed` both read of a name, found once."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def _word(orth: int, token) -> _Word:
    """What the scan reads of `token` (whose ORTH id is `orth`) by its text alone: made once per word of the
    vocabulary (`_WORDS`), not at every token."""
    read = _WORDS.get(orth)
    if read is None:
        word = normalise(token.text)
        read = _WORDS[orth] = _Word(word, _may_start(token, word), token.text[:1].isupper(), _name_shaped(word),
                                    _opens_known(word))
    return read


def _name_shaped(word: str) -> bool:
    """Whether a normalised word has a name's letters: a capital first and a lower-case letter ("Grushko", "McCain",
    not "NATO" or "the"), and is no two words a page ran together (`is_glued`). `_is_name_word` asks it first."""
    return word[:1].isupper() and any(c.islower() for c in word) and not is_glued(word)


def _may_start(token, word: str) -> bool:
    """Whether any reading can begin at `token` (`word` normalised) wherever it stands: a capitalised word,
    "the", a particle ("von der Leyen") or the first word of a phrase in a table it starts with (titles,
    demonyms, ...). A sentence's first word may too (`_Paragraph.read`). Most words of prose are none of
    these, and trying every reading at each of them was most of the scan's time."""
    return (word[:1].isupper() or token.text[:1].isupper() or token.is_title or token.is_upper
            or word.lower() in _first_words())


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """In lower case, the words a reading may begin with that need not be capitalised (_may_start)."""
    w = world()
    tables = (w.outlets, w.regions, w.weather_systems, w.demonyms, w.names, w.metonyms, w.titles)
    return frozenset({first.lower() for table in tables for first in table.lengths}
                     | w.modifiers | w.particles | {"the"})


@lru_cache(maxsize=1)
def _english_lemmas() -> frozenset[str]:
    """Every noun, verb, adjective and adverb the model's lemmatizer knows (WordNet's), in lower case;
    empty when the model has no such table."""
    try:
        index = nlp.load().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError):
        return frozenset()
    return frozenset(word for part in index.keys() for word in index[part])


def _is_english(token) -> bool:
    """Whether a word is English vocabulary rather than a name only ("Alves", "Gazprom"), a compound of
    two English words included ("Spokespeople"). Without the lemmatizer's table every word counts as
    English: nothing then changes."""
    lemmas = _english_lemmas()
    word = token.lower_
    if not lemmas or word in lemmas or token.lemma_.lower() in lemmas:
        return True
    return any(_is_word(word[:k], lemmas) and _is_word(word[k:], lemmas)
               for k in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1))


def _is_word(part: str, lemmas: frozenset[str]) -> bool:
    return part in lemmas or (part.endswith("s") and part[:-1] in lemmas)


def _acts(root) -> bool:
    """Whether a country's name (or its capital) whose parse is headed by `root` stands for the country as a
    party to what is said: a subject or object ("Britain says", "they beat France"), the object of "for",
    "against", "by", ... ("a priority for India") or of the "of" or "from" after what a state has or gives
    (places.yaml's state_nouns: "the leaders of Great Britain", "guarantees from the United States"), or the
    owner of a thing ("Israel's blockade", "US contractors") but its people, economy or parts (home_nouns:
    "Fiji's voters", "Botswana's democracy"). The object of any other preposition ("the island of Ireland",
    "a return to Pakistan"), beside or owning another name ("HAMILTON, Canada", "the capital Tehran",
    "Singapore's Mr Lu") says where or whose: no mention of the country."""
    if root.dep_ in ACTING_DEPENDENCIES:
        return True
    if root.dep_ == "pobj":
        return root.head.lower_ in PARTY_PREPOSITIONS or (
            root.head.lower_ in ("of", "from") and root.head.head.lemma_.lower() in world().state_nouns)
    return root.dep_ in ("poss", "compound") and root.head.pos_ == "NOUN" and (
        root.head.lemma_.lower() not in world().home_nouns)


def _initial_letters(words: Sequence[str]) -> str:
    """The letters of initials glued by a slash or an ampersand, split by the tagger or not: "PPP", "/",
    "C" -> "PPPC"; "AT&T" -> "ATT"."""
    return "".join(ch for ch in "".join(words) if ch not in INITIALS_GLUE)


def _is_acronym(words: Sequence[str]) -> bool:
    letters = "".join(words).replace(".", "")
    return bool(letters) and letters.isupper()


def _is_capitalised(token) -> bool:
    """A word printed as a name's: "Hinode", "NYK", and one capitalised inside too ("NorthEast", "McDonald")."""
    return token.is_title or token.is_upper or (token.is_alpha and token.text[:1].isupper())


def _title_case(text: str) -> str:
    """An institution's name as a name is written: "foreign ministry" -> "Foreign Ministry", and a name
    printed in capitals at a lede's start ("THE EUROPEAN PARLIAMENT is set to vote") -> "European
    Parliament": left as printed, it was an actor apart from the European Parliament of the next line."""
    small = {"of", "the", "for", "and", "on", "in"}
    words = text.split(" ")
    if text.isupper() and sum(len(w) > 4 for w in words) >= 2:
        words = [w.capitalize() for w in words]
    return " ".join(w.lower() if w.lower() in small else w if w[1:2] == "'" and w[:1].islower()  # "d'Ivoire"
                    else w[:1].upper() + w[1:] for w in words)


def _referring_nouns_of(role: str | None) -> set[str]:
    """Nouns that can refer back to the holder of `role`: "Deputy Foreign Minister" -> diplomat, minister...
    A title of titles.yaml is referred back to by its own nouns only: the last word of "Senate President",
    "Deputy Mayor" or "Leader of the Opposition" is someone or something else ("the President", "the mayor")."""
    if not role:
        return set()
    words = role.lower().split()
    while len(words) > 1 and world().titles.get(" ".join(words)) is None:
        words = words[1:]  # "deputy", "trade": modifiers before the title itself
    base = " ".join(words)
    refs = world().titles.get(base)
    return {base, *refs} if refs is not None else {base, words[-1] if words else base}
