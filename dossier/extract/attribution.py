"""Who said a quotation: speech cues, their subjects, and what pronouns and role nouns point back to.

The article is read once, sentence by sentence, the way a reader does: every name
met outside quotation marks is remembered with the titles it came with, every
speech cue ("X said", "the diplomat added", "according to X") is resolved to a
speaker as soon as it is read, and a quotation takes the speaker of the cue next
to it. spaCy's parse finds the cue's subject; when the parse is wrong (a name
tagged as an organisation, a subject attached elsewhere) the tokens right beside
the cue decide. A pronoun or a role noun only ever points back to someone the
article has named; when nothing fits, the quotation is unattributed, never guessed.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from dossier.extract.cues import Cues, speech_cues
from dossier.extract.discourse import (PRONOUN_WINDOW, Context, Referent, carries_speaker, fullest_name,
                                       named_before_quotation, pronoun_candidates, role_referent)
from dossier.extract.quotemarks import Quotation
from dossier.extract.sentences import quoted_spans, split
from dossier.lexicon import lexicon
from dossier.names import NameIndex, genders, holder_after_body, is_glued, joiners, pronoun, split_title
from dossier.world import COUNTRY, MAX_LAW_WORDS, NOT_NAMES, ORGANIZATION, PERSON, law_name_end, world

PLACE = "place"
LAW = "law"  # the name of a law or bill: "the Political Parties (Amendment) Bill"
UNKNOWN = "unknown"  # a name the article never shows to be a person or an organisation

NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
ANY_ORGANIZATION = "<any organisation>"  # the role key of every organisation: "the company said"


CONNECTORS = frozenset({"of", "the", "-", "'s", "\u2019s"})  # inside a title: "Secretary of State", "Russia's"
DASHES = frozenset({"-", "\u2013", "\u2014"})  # around an aside: "Maxwell - first elected in 1977 - said"
MAX_CALLED_WORDS = 5  # words after "the" in a role that calls a speaker: "the away side's head coach"


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Every word that can stand in a title before a name, in lower case."""
    w = world()
    words = {word for key in w.titles.table for word in key if word.isalpha() and len(word) > 2}  # not "in" of
    words = words.union(w.modifiers, w.honorifics, lexicon().speech_verbs.person_nouns)
    return frozenset(words - CONNECTORS)  # commander-in-chief


# --------------------------------------------------------------------------
# sentences


@dataclass
class Sentence:
    """One sentence of one paragraph, with the names and speech cues read in it."""

    order: int  # position among all the article's sentences
    paragraph: int  # 0-based
    start: int
    end: int
    tokens: list = field(default_factory=list)  # spaCy tokens outside quotation marks
    names: list[Name] = field(default_factory=list)
    said: list[Said] = field(default_factory=list)  # speech cues, resolved, in reading order
    speaker: Speaker | None = None  # who the sentence reports as speaking, for the next quotation


# --------------------------------------------------------------------------
# names, speakers and cues


@dataclass(frozen=True)
class Name:
    """A name as printed at one place in the article, its titles taken off."""

    paragraph: int
    offset: int
    name: str  # without titles: "Alexander Grushko"; "" when the run is a bare title ("the President")
    nouns: frozenset[str]  # nouns that may refer back to its bearer ("minister", "diplomat")
    kind: str
    subject: bool  # the grammatical subject of its clause, a relative clause aside
    head: int  # index of its last token in the paragraph's Doc
    gender: str | None = None  # when a word that comes with it tells ("Mr", "spokeswoman", a given name)


@dataclass(frozen=True)
class Speaker:
    name: str | None
    method: str  # explicit | pronoun | role | carried | second-hand | unattributed
    kind: str = UNKNOWN
    among: int = 1  # how many people it might have been: a pronoun that fits two is a guess
    called: str | None = None  # the words a role noun calls them by, as printed ("the mayor"): an alias of theirs


@dataclass(frozen=True)
class Said:
    """A speech cue read in a sentence and the speaker it gives."""

    offset: int  # where the cue stands in its paragraph
    end: int  # just past the cue's last word
    cue: str | None  # as printed: "said", "according to", "quoted as saying"; None for "Name: quote"
    speaker: Speaker
    subject_at: int | None = None  # where the speaker's word stands in the paragraph
    spokesperson: bool = False  # the words came from someone speaking for the speaker: "she" may mean them
    unnamed: bool = False  # one person spoke whom the article does not name ("the prime minister said"): "he" may
    # mean them, so it reaches no further back


ANONYMOUS = Speaker(None, "unattributed")


class Reader:
    """Reads one article in order, answering "who said this?" for each quotation."""

    def __init__(self, paragraphs: Sequence[str], docs: Sequence, quotations: Sequence[Quotation],
                 sentences: Sequence[Sequence[tuple[int, int]]] | None = None):
        """`sentences`: each paragraph's sentence spans around `quotations` (`article_sentences`), split here
        when not given."""
        self.paragraphs = paragraphs
        self.quoted = quoted_spans(paragraphs, quotations)  # (start, end) of marks and words, by paragraph
        heads = world().law_heads
        self.may_name_law = [any(head in text for head in heads) for text in paragraphs]  # else no name opens a law
        self.sentences: list[Sentence] = []
        self.by_paragraph: list[list[Sentence]] = []
        self.starts: list[list[int]] = []
        for p, text in enumerate(paragraphs):
            spans = sentences[p] if sentences is not None else split(text, self.quoted[p])
            self.by_paragraph.append([Sentence(len(self.sentences) + k, p, a, b) for k, (a, b) in enumerate(spans)])
            self.starts.append([a for a, _ in spans])
            self.sentences.extend(self.by_paragraph[-1])
            if self.by_paragraph[-1]:
                for k, token in _unquoted_by_sentence(docs[p], self.quoted[p], self.starts[p]):
                    self.by_paragraph[-1][k].tokens.append(token)
        self.people: dict[str, set[str]] = {}  # full person name -> nouns that refer back to it
        self.people_index = NameIndex(world().person_names)  # ...by every form that may name them
        self.runs_of_people: dict[tuple[str, ...], set[str]] = {}  # ...and by every run of their words
        self.surnames: set[str] = set()  # their family names
        self.genders: dict[str, str] = {}  # full person name -> gender, where the article shows it
        for sentence in self.sentences:
            sentence.names = self._names(sentence)
        self._register_people()
        self.roles = self._index_roles()  # where each role noun may find its bearer
        self.docs = docs
        self.cues: dict[int, Cues] = {}  # the speech cues of each paragraph read so far (dossier.extract.cues)
        self.read = -1  # last sentence whose cues have been resolved

    # -- where things are

    def in_quotation(self, paragraph: int, token) -> bool:
        spans = self.quoted[paragraph]  # in reading order, never overlapping
        k = bisect.bisect_right(spans, (token.idx, math.inf)) - 1
        return k >= 0 and spans[k][0] <= token.idx < spans[k][1]

    def sentence_at(self, paragraph: int, offset: int) -> Sentence:
        k = bisect.bisect_right(self.starts[paragraph], offset) - 1
        return self.by_paragraph[paragraph][max(k, 0)]

    # -- names

    def _names(self, sentence: Sentence) -> list[Name]:
        tokens = sentence.tokens
        names: list[Name] = []
        consumed: set[int] = set()
        runs = _runs(tokens)
        for run in reversed(runs):  # right to left, so a title run before a name joins the name
            if run[0].i in consumed:
                continue
            prefix = _title_prefix(tokens, run)
            consumed.update(t.i for t in prefix)
            name = self._name(sentence.paragraph, prefix + run)
            if name is not None:
                names.append(name)
        return sorted(names, key=lambda n: n.offset)

    def _name(self, paragraph: int, tokens: list) -> Name | None:
        w = world()
        while tokens and tokens[0].lower_ in CONNECTORS:  # "The Turkish Foreign Ministry"
            tokens = tokens[1:]
        if not tokens:
            return None
        words = [t.text for t in tokens]
        title = split_title(words, w)
        nouns, start = list(title.nouns), title.start
        if not start:  # "Drummer Lucy Tran": a title the data does not list, before a name the tagger knows
            start = next((k for k, t in enumerate(tokens) if k and t.ent_iob_ == "B" and t.ent_type_ == "PERSON"
                          and _may_be_title(tokens[k - 1]) and all(u.ent_type_ == "PERSON" for u in tokens[k:])), 0)
        name_tokens = tokens[start:]
        if start and name_tokens and name_tokens[0].lower_ in ("of", "for"):  # "Head of Bectu Philippa Childs"
            holder = holder_after_body([t.text for t in name_tokens[1:]], w)
            name_tokens = name_tokens[1 + holder:] if holder is not None else []
        elif start:  # a person's name ends before "of": "Sen. Rand Paul of Kentucky"
            name_tokens = list(itertools.takewhile(lambda t: t.lower_ not in ("of", "for"), name_tokens))
        text = _join(name_tokens)
        if text.lower() in w.governments:
            return None  # "the Government said": whose goes unsaid, no one's name (actors.py: _own_government)
        appositive = _appositive_nouns(tokens[-1])
        if not text:  # a bare title, "the Foreign Minister": refers back by the title itself
            core = [word.lower() for word in words if word.lower() not in w.modifiers]
            nouns = [" ".join(core), core[-1]] if nouns and core else []
            kind = PERSON if nouns else UNKNOWN
        elif w.weather_systems.match(words, 0) and len(words) > 1:
            kind = PLACE  # "Hurricane Ian": a storm, never the "it" or "she" of a cue
        elif self.may_name_law[paragraph] and _opens_law(tokens[0]):
            kind = LAW  # "the Administration of Justice (Protection) Act 2016": never the "it" of a cue
        elif (nouns or start) and not (w.names_body([t.text for t in name_tokens]) and any(
                t.ent_type_ != "PERSON" for t in name_tokens)):  # "leader of the opposition Homeland Union"
            kind = PERSON
        elif w.known(text) is not None:
            kind = w.known(text).kind  # country or organization
        elif w.names_body(words):
            kind = ORGANIZATION  # "Odisha FC", "Harbor Bancorp", "the Gibraltar Government": never a person
        elif any(t.ent_type_ == "PERSON" for t in name_tokens) or appositive or w.person_names.family_name_first(text.split()):
            kind = PERSON  # "Han Seong-ho" too, though the tagger calls "Han" a nationality
        elif len(name_tokens) == 1 and not text.isupper() and name_tokens[0].ent_type_ in ("ORG", "PRODUCT", ""):
            kind = UNKNOWN  # the tagger calls many a lone surname an organisation ("Grushko")
        elif any(t.ent_type_ == "ORG" for t in name_tokens):
            kind = ORGANIZATION
        elif any(t.ent_type_ in NAME_ENTITIES for t in name_tokens):
            kind = PLACE
        else:
            kind = UNKNOWN
        head = tokens[-1]
        subject = any((t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ != "relcl")  # not "whom Jan Nowak replaced"
                      or (t.dep_ == "appos" and t.head.dep_ in ("nsubj", "nsubjpass")) for t in tokens)
        gender = genders().told([*words, *(u.text for a in _appositions(tokens[-1]) for u in a.subtree)],
                                [t.text for t in name_tokens])
        return Name(paragraph, tokens[0].idx, text, frozenset(nouns) | appositive, kind, subject, head.i,
                    gender if kind in (PERSON, UNKNOWN) else None)

    def _register_people(self) -> None:
        printed = [sentence.names for sentence in self.sentences]
        for _ in range(2):  # the second time, surnames the article gave in full elsewhere are people too
            self.seen = {}  # person -> (where named, where named as a subject), each in reading order
            for where, name, subject in sorted(((n.paragraph, n.offset), n.name, n.subject) for s in self.sentences
                                               for n in s.names if n.kind == PERSON and n.name):
                if name not in self.people:
                    self._add_person(name)
                named, as_subject = self.seen.setdefault(name, ([], []))
                named.append(where)
                if subject:
                    as_subject.append(where)
            for sentence in self.sentences:
                for name in sentence.names:
                    if name.kind == PERSON and name.name:
                        self.people[name.name].update(name.nouns)
            for sentence, names in zip(self.sentences, printed):  # as printed: "Souza" may be a Souza found a person since
                sentence.names = [self._as_known(n) for n in names]
        names = world().person_names
        surnames = {names.surname(person) for person in self.people if len(names.parts(person)) > 1}
        for sentence in self.sentences:
            sentence.names = sorted([*sentence.names, *self._bare_surnames(sentence, surnames)],
                                    key=lambda n: n.offset)
            for name in sentence.names:
                if name.kind == PERSON and name.gender:
                    self.genders.setdefault(name.name, name.gender)

    def _add_person(self, name: str) -> None:
        self.people[name] = set()
        self.people_index.add(name)
        words = tuple(name.split())
        for start, end in itertools.combinations(range(len(words) + 1), 2):
            self.runs_of_people.setdefault(words[start:end], set()).add(name)
        self.surnames.add(world().person_names.surname(name))

    def _bare_surnames(self, sentence: Sentence, surnames: set[str]) -> list[Name]:
        """A person's surname the tagger took for a common noun ("Draper, 23, was close to tears")."""
        covered = {t.i for n in sentence.names for t in sentence.tokens if n.offset <= t.idx and t.i <= n.head}
        found = []
        for token in sentence.tokens:
            if token.text in surnames and token.i not in covered:
                name = self._name(sentence.paragraph, [token])
                if name is not None:
                    found.append(self._as_known(name))
        return found

    def _as_known(self, name: Name) -> Name:
        full = self.full_name(name.name, (name.paragraph, name.offset))
        if full in self.people or self._surname_of_person(full, name.kind):
            return Name(name.paragraph, name.offset, full, name.nouns, PERSON, name.subject, name.head, name.gender)
        return name

    def _surname_of_person(self, name: str, kind: str) -> bool:
        """"Nadia Haddad", tagged an organisation, is a person when the article shows "Haddad" to be one,
        or names another Haddad ("Ana Souza, unlike Bruno Souza,")."""
        words = name.split()
        w = world()
        surname = w.person_names.surname(name) if words else ""
        return (kind in (ORGANIZATION, UNKNOWN) and 2 <= len(words) <= 3
                and (surname in self.people or surname in self.surnames)
                and all(word[:1].isupper() for word in words) and w.known(name) is None and not w.is_outlet(name))

    def full_name(self, name: str, at: tuple[int, int]) -> str:
        """The fullest form the article gives of a person's name: "Grushko" -> "Alexander Grushko";
        of two Kowalczyks, the one last named as a subject before `at` (paragraph, offset), else
        the one named last: "Anna Kowalczyk, unlike Jan Kowalczyk, said" makes "Kowalczyk" Anna."""
        words = name.split()
        longer = [p for p in {*self.people_index.ranks(name), *self.runs_of_people.get(tuple(words), ())}
                  if len(p.split()) > len(words)]
        if not words or not longer:
            return name
        before = fullest_name(longer, lambda person: self._last_named(person, at))
        if before is not None:
            return before
        longest = max(len(p.split()) for p in longer)
        fullest = sorted(p for p in longer if len(p.split()) == longest)
        return fullest[0] if len(fullest) == 1 else name

    def _last_named(self, person: str, at: tuple[int, int]) -> tuple[bool, tuple[int, int]] | None:
        """(as a subject?, where) of the last time `person` was named before `at`, a naming as a
        subject before any other: what full_name weighs when two people share a surname."""
        named, as_subject = self.seen.get(person, ((), ()))
        for subject, places in ((True, as_subject), (False, named)):
            k = bisect.bisect_left(places, at)
            if k:
                return subject, places[k - 1]
        return None

    # -- quotations

    def attribute(self, group: Sequence[Quotation]) -> tuple[Speaker, str | None, str, tuple[int, int] | None]:
        """(speaker, cue as printed, the sentence(s) around it, where the word for the speaker stands as
        (paragraph position, offset), when the cue has one) for one utterance, in reading order."""
        first, last = group[0], group[-1]
        opening = self.sentence_at(first.paragraph, first.open_at)
        closing = self.sentence_at(last.end_paragraph, last.close_at - 1)
        self.read_until(closing)
        said = self._cue_for(group, opening, closing)
        if said is not None:
            speaker, cue = said.speaker, said.cue
        else:
            speaker, cue = self._carried(opening), None
        if said is not None or speaker.name:
            closing.speaker = speaker
        context = " ".join(self.paragraphs[s.paragraph][s.start:s.end].strip()
                           for s in self.sentences[opening.order:closing.order + 1])
        at = None
        if said is not None and said.subject_at is not None:
            at = (opening.paragraph if any(s is said for s in opening.said) else closing.paragraph, said.subject_at)
        return speaker, cue, context, at

    def _cue_for(self, group: Sequence[Quotation], opening: Sentence, closing: Sentence) -> Said | None:
        """The cue that attributes an utterance: between its parts; right after it ("," he said);
        before it (He said: "); else later in its sentence."""
        first, last = group[0], group[-1]
        between = [s for s in opening.said if group[0].close_at <= s.offset < group[-1].open_at] if len(group) > 1 else []
        if between:
            return between[0]
        spans = self.quoted[closing.paragraph]
        k = bisect.bisect_left(spans, (last.close_at, -1))
        limit = min(spans[k][0], closing.end) if k < len(spans) else closing.end  # the next quotation's own cue
        after = [s for s in closing.said if last.close_at <= s.offset < limit]
        if after and (after[0].subject_at is not None and last.close_at <= after[0].subject_at < after[0].offset
                      or not any(t.is_alpha for t in closing.tokens if last.close_at <= t.idx < after[0].offset)):
            return after[0]  # "," he said / "," said Grushko: the cue's subject, if any, is between
        before = [s for s in opening.said if s.end <= first.open_at]
        if before:
            return _reported_within(opening, before, first.open_at)
        return after[0] if after else self._label(opening, first)

    def _label(self, opening: Sentence, first: Quotation) -> Said | None:
        """A quotation after a colon: "Name: quote", as interviews and live blogs print it, or
        "Saka played down his role: quote", where the clause's subject speaks."""
        lead = [t for t in opening.tokens if t.idx < first.open_at]
        if len(lead) < 2 or lead[-1].text != ":":
            return None
        name = next((n for n in opening.names if n.offset == lead[0].idx and n.name), None)
        described = [t for t in lead[:-1] if name is not None and t.i > name.head]  # "Name, Social Democrats:"
        if name is not None and (not described or described[0].text == ","
                                 and not any(t.pos_ in ("VERB", "AUX") for t in described)):
            return Said(lead[-1].idx, lead[-1].idx + 1, None, Speaker(self._fuller(name), "explicit", _speaking(name)),
                        name.offset)
        verbs = [t for t in lead if t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT"]
        subject = next((c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return None
        return Said(verbs[0].idx, verbs[0].idx + len(verbs[0]), verbs[0].text,
                    self._speaker_of(subject, opening, verbs[0].idx, "explicit"), subject.idx)

    def _carried(self, opening: Sentence) -> Speaker:
        """A quotation that is a sentence of its own keeps the speaker of the sentence before it, in
        its paragraph, or at the end of the previous one when it stands alone in its paragraph."""
        if opening.order == 0:
            return ANONYMOUS
        previous = self.sentences[opening.order - 1]
        after_quotation = (opening is self.by_paragraph[opening.paragraph][0] and bool(previous.said)
                           and any(previous.start <= start < previous.end for start, _ in self.quoted[previous.paragraph]))
        if not carries_speaker(opening.paragraph, previous.paragraph, _only_quoted(opening),
                               all(_only_quoted(s) for s in self.by_paragraph[opening.paragraph]), after_quotation):
            return ANONYMOUS
        speaker = previous.speaker
        if not previous.said and previous.paragraph == opening.paragraph:
            speaker = self._subject_person(previous)  # "Kelly was blunt. 'That's not for me to decide.'"
        elif not previous.said and speaker is None:  # "Worker Mark Lewis, 53, has worked here for 37 years."
            speaker = self._subject_person(previous, alone=True) or self._captioned(previous)  # and a paragraph
            # that is all quotation
        if speaker is None or speaker.name is None:
            return ANONYMOUS
        return replace(speaker, method="carried")

    def _subject_person(self, sentence: Sentence, alone: bool = False) -> Speaker | None:
        """The named person a sentence with no speech cue ends on as a subject ("Asked why she stays, she
        laughed"); when `alone`, only if the sentence names no other person ("Lopez met Smith" names two)."""
        subject = next((t for t in reversed(sentence.tokens) if t.dep_ == "nsubj"), None)
        if subject is not None and subject.lemma_.lower() in lexicon().speech_verbs.reply_nouns:
            subject = next((c for c in subject.children if c.dep_ == "poss"), None)  # "Fiame's response was swift."
        if subject is None or alone and len({n.name for n in sentence.names if n.name in self.people}) != 1:
            return None
        speaker = self._speaker_of(subject, sentence, subject.idx, "carried")
        return speaker if speaker.name in self.people else None

    def _captioned(self, sentence: Sentence) -> Speaker | None:
        """The person a paragraph that is a name alone names, with no verb and at most a title after a comma
        ("Francis Fonseca, Leader of the Opposition"), as a broadcaster's web story prints whose words come next."""
        people = [n for n in sentence.names if n.name and n.kind == PERSON]
        if (len(self.by_paragraph[sentence.paragraph]) != 1 or len(people) != 1 or people[0].offset != sentence.start
                or any(t.pos_ in ("VERB", "AUX") for t in sentence.tokens)
                or not any(t.dep_ == "ROOT" and t.i == people[0].head for t in sentence.tokens)):
            return None
        return Speaker(self._fuller(people[0]), "carried", PERSON)

    # -- reading cues in order

    def read_until(self, sentence: Sentence) -> None:
        """Resolve the speech cues of every sentence up to and including `sentence`."""
        while self.read < sentence.order:
            self.read += 1
            current = self.sentences[self.read]
            if current.paragraph not in self.cues:  # matched when first read: none after the last quotation
                self.cues[current.paragraph] = speech_cues(self.docs[current.paragraph])
            cues = self.cues[current.paragraph]
            for token in current.tokens:
                said = self._said(current, token) if token.i in cues else None
                if said is not None:
                    current.said.append(said)
            if current.said:
                current.speaker = current.said[-1].speaker

    def _said(self, sentence: Sentence, token) -> Said | None:
        """The speech cue `token` opens, read by the rule of the first shape of speech_verbs.yaml it fits."""
        cue = next(iter(self.cues[sentence.paragraph].get(token.i, ())), None)
        if cue is None:
            return None
        if cue.shape == "attribution":
            return self._according(sentence, token.doc[token.i:cue.last + 1])
        if cue.shape == "document":
            return self._document(sentence, token, token.doc[cue.last])
        if any(child.dep_ in ("poss", "det") for child in token.children):
            return None  # "Smith's remarks", "in writing": a noun the tagger took for a verb, nobody speaking
        if cue.shape == "second-hand":
            return self._second_hand(sentence, token)
        doc = token.doc
        if cue.shape == "phrasal":
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is None or following.lower_ != lexicon().speech_verbs.phrasal_verbs[token.lemma_.lower()]:
                return None
            return self._spoken(sentence, token, f"{token.text} {following.text}", following.idx + len(following))
        if token.lemma_.lower() == "say" and token.i > 0 and doc[token.i - 1].lower_ == "as":
            return None  # "as saying": read with the verb it belongs to
        return self._spoken(sentence, token, token.text, token.idx + len(token))

    def _according(self, sentence: Sentence, phrase) -> Said | None:
        """'according to X', 'in the words of X': X said it."""
        target = _object_after(phrase.doc, phrase.end - 1, sentence)
        if target is None or world().is_outlet(_join(_run_around(target, sentence) or [target])):
            return None
        end = phrase[-1]
        speaker = self._called(self._speaker_of(target, sentence, phrase[0].idx, "explicit"), target, sentence)
        return Said(phrase[0].idx, end.idx + len(end), " ".join(t.lower_ for t in phrase), speaker, target.idx)

    def _document(self, sentence: Sentence, token, last) -> Said | None:
        """"the Government's statement read", "reads a letter from the firm": whoever issued the document speaks
        (`_speaker_of` on the document noun). The cue opens where the document's phrase or "reads" does."""
        speech = lexicon().speech_verbs
        document, verb = token, last
        if token.lower_ in speech.reading_words:  # "reads a letter": the document is the verb's subject
            verb = token
            document = next(c for c in token.children if c.dep_ == "nsubj" and c.lemma_.lower() in speech.document_nouns)
            if document.i == token.i - 1:
                return None  # "the statement read": read at the document, which the first pattern matched
        offset = min(document.left_edge.idx, verb.idx)
        return Said(offset, verb.idx + len(verb), verb.text, self._speaker_of(document, sentence, offset, "explicit"),
                    document.idx)

    def _spoken(self, sentence: Sentence, verb, cue: str, end: int) -> Said | None:
        """The speaker of a speech verb: its subject (the agent of a passive one)."""
        subject = _subject(verb, self, sentence)
        agent = next((t for c in verb.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"), None)
        if subject is not None and subject.dep_ == "nsubjpass":  # "results would be announced": what, not who
            if agent is None:
                return None
            subject = agent
        elif subject is None:  # "a book described by judge Cerrie Burnell as ...": no subject; the agent speaks
            subject = agent
        if subject is None:
            return Said(verb.idx, end, cue, ANONYMOUS)
        speaker = self._called(self._speaker_of(subject, sentence, verb.idx, "explicit"), subject, sentence)
        return Said(verb.idx, end, cue, speaker, subject.idx, subject.lower_ in lexicon().speech_verbs.spokesperson_nouns,
                    speaker.name is None and _one_person(subject))

    def _second_hand(self, sentence: Sentence, verb) -> Said | None:
        """"X quoted Y as saying", "Y was quoted by X as saying", "X cited Y as saying"."""
        doc = verb.doc
        window = doc[verb.i + 1:min(len(doc), verb.i + 12)]
        saying = next((t for t in window if t.lower_ == "saying" and doc[t.i - 1].lower_ == "as"), None)
        if saying is None:
            return None
        cue = f"{verb.text} as saying"
        speaker_token = next((c for c in verb.children if c.dep_ == "dobj" and not self.in_quotation(sentence.paragraph, c)), None)
        if speaker_token is None:
            speaker_token = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if speaker_token is None:
            speaker_token = next((t for t in doc[verb.i + 1:saying.i - 1] if t.pos_ in ("PROPN", "PRON")), None)
        if speaker_token is None:
            return Said(verb.idx, saying.idx + len(saying), cue, ANONYMOUS)
        speaker = self._speaker_of(speaker_token, sentence, verb.idx, "second-hand")
        if speaker.name is not None:
            speaker = replace(speaker, method="second-hand")
        return Said(verb.idx, saying.idx + len(saying), cue, speaker, speaker_token.idx)

    def _speaker_of(self, token, sentence: Sentence, at: int, method: str) -> Speaker:
        """The speaker a cue's subject (or object) token stands for."""
        speech = lexicon().speech_verbs
        low = token.lower_
        said_by = pronoun(low)
        if said_by is not None and not said_by.possessive and said_by.gender:
            return self._antecedent(sentence, at, (PERSON, UNKNOWN), said_by.gender)
        if said_by is not None and not said_by.possessive and said_by.kind == ORGANIZATION:
            return self._antecedent(sentence, at, (ORGANIZATION, COUNTRY, UNKNOWN))
        if low in ("who", "that", "which") and token.head.dep_ == "relcl":
            return self._speaker_of(token.head.head, sentence, at, method)
        definite = any((t.dep_ == "det" and t.lower_ in speech.definite_determiners) or t.dep_ == "poss"
                       for t in token.children) or (token.i > 0 and token.doc[token.i - 1].lower_ == "the")
        holder = self._apposed_person(token, sentence)
        if holder is not None:  # "UNISON head of local government Heather Wakefield said"
            return Speaker(self._fuller(holder), method, PERSON)
        if low in speech.spokesperson_nouns and token.text.islower():  # not "the Foreign Office"
            speaker = self._represented(token, sentence, at, method, definite)
            if speaker is not None:
                return speaker
        if low in speech.document_nouns:  # "the APA statement said", "a statement from MacLean says": who issued it
            issuer = self._represented(token, sentence, at, method, definite=False, prepositions=("from", "by", "of"))
            if issuer is not None or not definite:
                return issuer or ANONYMOUS
            return self._issuer(sentence, at, token.lemma_.lower())  # "the statement said": the one last issued
        if token.tag_ == "NNS" and token.lemma_.lower() in speech.firm_voices:
            firm = self._represented(token, sentence, at, method, definite=False)
            if firm is not None:  # "Analysts at Peel Hunt wrote": where they work is an organisation
                return replace(firm, kind=ORGANIZATION)
        if token.tag_ == "NNS" and token.text.islower():
            return ANONYMOUS  # "officials said", "the researchers wrote": no one person speaks
        if definite and _is_epithet(token):  # "the Dane said", "the 34-year-old added"
            speaker = self._antecedent(sentence, at, (PERSON, UNKNOWN))
            return replace(speaker, method="role") if speaker.name else ANONYMOUS
        institution = _institution(token)
        if institution is not None:  # "Russia's defence ministry said"
            return Speaker(institution, method, ORGANIZATION)
        title = None  # a bare title ("Leader of the council") speaks through the name beside it, if any
        for candidate in (token, *[t for t in token.children if t.dep_ in ("appos", "compound", "flat")]):
            name = next((n for n in sentence.names if n.offset <= candidate.idx and candidate.i <= n.head), None)
            if name is None:
                continue
            if name.name and candidate is not token and token.is_lower and (
                    name.kind in (ORGANIZATION, COUNTRY) or (definite and candidate.i < token.i)):
                continue  # "the former BP executive said", "the Whau councillor said": whom they serve, not who speaks
            if name.name:
                return Speaker(self._fuller(name), method, _speaking(name))
            printed = self.full_name(_join(_run_around(candidate, sentence)), (name.paragraph, name.offset))
            if printed in self.people:  # "King added" after "Martin Luther King Jr.": a surname, not a title
                return Speaker(printed, method, PERSON)
            title = title or name
        if title is not None:  # "Leader of the council, Councillor Dave Walsh, said" named them above
            return self._role(sentence, at, title.nouns)
        surname = self.full_name(token.text, (sentence.paragraph, token.idx)) if token.text[:1].isupper() else None
        if surname in self.people:  # "Price said", a surname the tagger took for a common noun
            return Speaker(surname, method, PERSON)
        if token.pos_ in ("NOUN", "PROPN") and definite:
            described = frozenset(c.lower_ for c in token.children if c.dep_ == "compound" and c.is_lower)
            found = self._role(sentence, at, frozenset({token.lemma_.lower(), token.lower_}) | described,
                               any_organization=not described)
            if found.name is None and token.lower_ in speech.person_nouns:
                return self._described_anew(sentence, at)
            return found
        return ANONYMOUS

    def _called(self, speaker: Speaker, token, sentence: Sentence) -> Speaker:
        """`speaker` with the words that call them by a role (`Speaker.called`), when a role noun at `token` is
        sure to be that one speaker: a definite noun phrase, as printed from its determiner to the noun ("the
        mayor", "The SCF chairman", "the Dane"), that is neither a spokesperson nor a document speaking for
        someone else ("the spokeswoman", "the statement")."""
        speech = lexicon().speech_verbs
        first = token.left_edge
        if (speaker.method != "role" or speaker.among > 1 or first.lower_ not in speech.definite_determiners
                or token.i - first.i > MAX_CALLED_WORDS or token.lower_ in speech.spokesperson_nouns
                or token.lemma_.lower() in speech.document_nouns
                or any(self.in_quotation(sentence.paragraph, t) for t in (first, token))):
            return speaker
        return replace(speaker, called=_join(token.doc[first.i:token.i + 1]))

    def _described_anew(self, sentence: Sentence, at: int) -> Speaker:
        """An occupation nobody was named with ("said Ms Al Marquez, 32. '...,' the sales consultant added") tells
        more of whom "he" or "she" would mean there, as an epithet does ("the Dane"): only when that is one person
        the article gave no title or occupation, which the noun would then contradict."""
        speaker = self._antecedent(sentence, at, (PERSON, UNKNOWN))
        if speaker.name is None or speaker.among > 1 or self.people.get(speaker.name):
            return ANONYMOUS
        return replace(speaker, method="role")

    @staticmethod
    def _apposed_person(token, sentence: Sentence) -> Name | None:
        """The person named in apposition to the cue's subject, who speaks for it: "finance spokesman for
        the County Councils' Network, Cllr Carl Les, said"; or named after a title in apposition, which the
        parser reads into "UNISON head of local government Heather Wakefield said" (UNISON said, its title
        hung on UNISON, the name on the title's "of"). A name before the title is part of it ("Crair, the
        William Ziegler III Professor of Neuroscience"), and a person's own title names no one else ("said
        Rachel Goh, an analyst at Peel Hunt")."""
        if token.ent_type_ == "PERSON":
            return None
        for child in (c for c in token.children if c.dep_ == "appos"):
            after = child.idx if child.lower_ in _title_words() else child.left_edge.idx - 1
            found = next((name for t in child.subtree for name in sentence.names if name.kind == PERSON and name.name
                          and after < name.offset <= t.idx and t.i <= name.head), None)
            if found is not None:
                return found
        return None

    def _issuer(self, sentence: Sentence, at: int, document: str) -> Speaker:
        """Who issued the statement (letter, post) the article last mentioned, by that name or, for a press
        document, by another ("a release" then "the statement"): whoever its sentence has speaking ("The
        automaker said in a statement"); nobody for "a letter signed by lawmakers"."""
        press = lexicon().speech_verbs.press_documents
        names = press if document in press else {document}
        for earlier, _, said in self._before(sentence, at):
            if earlier.paragraph < sentence.paragraph - PRONOUN_WINDOW:
                break
            if earlier is not sentence and any(t.lemma_.lower() in names for t in earlier.tokens):
                named = [s.speaker for s in said if s.speaker.name]
                return Speaker(named[-1].name, "role", named[-1].kind) if named else ANONYMOUS
        return ANONYMOUS

    def _represented(self, token, sentence: Sentence, at: int, method: str, definite: bool,
                     prepositions: tuple[str, ...] = ("for", "of", "at")) -> Speaker | None:
        """The body a spokesperson speaks for (or a document is from): the one named with them ("a
        spokesperson for the agency", "a council spokesman", "the ministry's spokeswoman"); for "the
        spokesperson", a spokesperson the article named, or else the organisation it last named."""
        bodies = [child for child in token.children if child.dep_ in ("compound", "poss", "nmod")]
        bodies += [obj for prep in token.children if prep.dep_ == "prep" and prep.lower_ in prepositions
                   for obj in prep.children if obj.dep_ == "pobj"]
        for body in bodies:
            if any(c.dep_ == "conj" for c in body.children):
                return None  # "a Thomson Stevenson and Associates letter", "a statement from the union and the council":
                # two issuers, or one name the reading cut at "and"
            speaker = self._speaker_of(body, sentence, at, method)
            if speaker.name is None and body.lower_ in lexicon().speech_verbs.organization_nouns:
                speaker = self._role(sentence, at, frozenset({body.lower_}))
            if speaker.name is not None:
                return speaker
        if not definite or bodies:
            return None
        named = self._role(sentence, at, frozenset({token.lower_, token.lemma_.lower()}))
        return named if named.name else self._role(sentence, at, frozenset(), organization=True)

    def _fuller(self, name: Name) -> str:
        return self.full_name(name.name, (name.paragraph, name.offset)) if name.kind in (PERSON, UNKNOWN) else name.name

    def _before(self, sentence: Sentence, at: int):
        """Sentences back from `sentence` (only what comes before `at` in it), nearest first."""
        yield sentence, [n for n in sentence.names if n.offset < at], [s for s in sentence.said if s.offset < at]
        for order in range(sentence.order - 1, -1, -1):
            earlier = self.sentences[order]
            yield earlier, earlier.names, earlier.said

    def _antecedent(self, sentence: Sentence, at: int, kinds: tuple[str, ...], gender: str | None = None) -> Speaker:
        """The named person (or organisation) a pronoun stands for: whoever the nearest sentence
        that names one reports as speaking, or else its subject, or else the first it names;
        never someone the article shows to be of the other gender."""
        def fits(referent: Referent) -> bool:
            name, kind = referent.name, referent.kind
            if referent.spokesperson and PERSON in kinds:
                return True  # "A Metro Transit spokeswoman said ... she said"
            if kind == UNKNOWN and PERSON not in kinds and name in self.people:
                return False  # "it" is never someone the article shows to be a person
            return kind in kinds and (gender is None or self.genders.get(name, gender) == gender)

        def contexts():
            for earlier, names, said in self._before(sentence, at):
                quoted = [earlier.speaker] if earlier is not sentence and earlier.speaker else []  # its quotation's
                speakers = [Referent(s.name, s.kind) for s in quoted if s.name]
                speakers += [Referent(s.speaker.name, s.speaker.kind, spokesperson=s.spokesperson) if s.speaker.name
                             else Referent("", PERSON) for s in said if s.speaker.name or s.unnamed]
                # "Asked about Macron's plan, he said": a name before the pronoun is not it, but for a subject
                # before the quotation the cue closes ("Haarde disagrees, "...," he said")
                quoted = self.quoted[earlier.paragraph]
                named = [Referent(self._fuller(n), n.kind, n.subject) for n in names if n.name and (
                    earlier is not sentence or named_before_quotation(n.offset, n.subject, quoted, at))]
                yield Context(earlier.paragraph, speakers, named)

        def shown_people():
            """The same sentences naming only those the article shows to be people (speakers all are)."""
            for context in contexts():
                yield Context(context.paragraph, context.speakers,
                              [r for r in context.named if r.kind == PERSON or r.name in self.people])

        # "she" is someone the article shows to be a person, in reach, before a name it never does
        # ("Lechuga-Peña ... interviewed parents. ..., Clarivate found. '...,' she said")
        found = (gender is not None and pronoun_candidates(shown_people(), sentence.paragraph, fits)
                 or pronoun_candidates(contexts(), sentence.paragraph, fits))
        if not found or not found[0].name:  # nobody, or the person a nearer cue spoke of without a name
            return ANONYMOUS
        among = len([r for r in found if r.name])
        if gender is not None and among == 1 and not found[0].spokesperson:
            self.genders.setdefault(found[0].name, gender)  # "he said" was Khairy: a later "she" is not him
        return Speaker(found[0].name, "pronoun", found[0].kind, among=among)

    def _role(self, sentence: Sentence, at: int, nouns: frozenset[str], organization: bool = False,
              any_organization: bool = True) -> Speaker:
        """Who a role noun refers back to: the person named earlier with a matching title ("the
        diplomat"), or the organisation named earlier ("the ministry", "the company", or any when
        `organization`); never an outlet unless the noun is one ("the automaker" is never the paper).
        A noun its own words describe ("the pilots union") is only an organisation whose name has one of
        them, not `any_organization`: the company named before it is whom the union bargains with.
        Only the sentences the role index lists are looked at, so reading stays linear in length."""
        speech = lexicon().speech_verbs
        if organization or (any_organization and not nouns.isdisjoint(speech.organization_nouns)):
            nouns = nouns | {ANY_ORGANIZATION}
        outlets = (False, True) if not nouns.isdisjoint(speech.outlet_nouns) else (False,)
        keys = {(noun, outlet) for noun in nouns for outlet in outlets}
        if not nouns.isdisjoint(world().government_nouns) and len(self._governments(sentence, at)) > 1:
            return ANONYMOUS  # "the Government said" after "the Gibraltar Government" and "the GSLP/Liberal Government"
        back = (self.sentences[order].names if order != sentence.order else [n for n in sentence.names if n.offset < at]
                for order in _latest_first(self.roles, keys, sentence.order))
        found = role_referent(back, lambda name: not keys.isdisjoint(self._role_keys(name)))
        return Speaker(self._fuller(found), "role", found.kind) if found else ANONYMOUS

    def _governments(self, sentence: Sentence, at: int) -> set[str]:
        """The governments named before `at` ("the Gibraltar Government"): a bare "the Government" is certain
        to mean one only when the article has named one (as the actor scan's `_article_government`)."""
        keys = {(noun, False) for noun in world().government_nouns}
        return {self._fuller(name) for order in _latest_first(self.roles, keys, sentence.order)
                for name in self.sentences[order].names
                if (order != sentence.order or name.offset < at) and not keys.isdisjoint(self._role_keys(name))}

    def _index_roles(self) -> dict[tuple[str, bool], list[int]]:
        """{role key: orders of the sentences naming someone it fits}: a role noun finds its bearer
        by look-up however far back it was named, so reading stays linear in the article's length."""
        roles: dict[tuple[str, bool], list[int]] = defaultdict(list)
        for sentence in self.sentences:
            for key in {key for name in sentence.names for key in self._role_keys(name)}:
                roles[key].append(sentence.order)
        return roles

    def _role_keys(self, name: Name) -> set[tuple[str, bool]]:
        """(role noun, is an outlet) for each noun that may refer back to the name: the titles a person
        was given, the words of an organisation's name, ANY_ORGANIZATION for an organisation."""
        if not name.name:
            return set()
        full = self._fuller(name)
        nouns = set(self.people.get(full, ()))
        if name.kind == ORGANIZATION:
            nouns.update(word.lower() for word in name.name.split())
        if name.kind in (ORGANIZATION, UNKNOWN) and full not in self.people:
            nouns.add(ANY_ORGANIZATION)
        outlet = world().is_outlet(name.name)
        return {(noun, outlet) for noun in nouns}


def _latest_first(index: dict[tuple[str, bool], list[int]], keys: set[tuple[str, bool]], upto: int) -> Iterator[int]:
    """The sentence orders up to `upto` listed under any of `keys` (each list ascending), nearest first, once each."""
    def backwards(orders: list[int]) -> Iterator[int]:
        for k in range(bisect.bisect_right(orders, upto) - 1, -1, -1):
            yield orders[k]

    runs = [backwards(index[key]) for key in keys if key in index]
    return (order for order, _ in itertools.groupby(heapq.merge(*runs, reverse=True)))


def _reported_within(sentence: Sentence, cues: Sequence[Said], quoted_at: int) -> Said:
    """The last cue before a quotation (at `quoted_at`); when it stands in the clause an earlier cue reports,
    with another speaker, either may be the quotation's: a guess among two, for an editor to review. The
    likelier first: the inner cue's when the quotation follows its verb, its object or "that" ("Smith said
    Jones told him, "..."" is Jones's), else the outer's, whose report the quotation goes on with ("Tomar said the
    Congress had announced in its manifesto ..., "but when ..."" is Tomar's)."""
    last = cues[-1]
    verbs = {t.idx: t for t in sentence.tokens}
    clause = verbs.get(last.offset)
    while clause is not None and clause.dep_ != "ccomp" and clause.head.i != clause.i:
        clause = clause.head  # up to the clause the cue stands in, if another verb reports it
    reporting = clause.head.i if clause is not None and clause.dep_ == "ccomp" else None
    outer = next((outer for outer in cues[:-1] if outer.offset in verbs and verbs[outer.offset].i == reporting
                  and outer.speaker.name not in (None, last.speaker.name)), None)
    if outer is None:
        return last
    verb = verbs.get(last.offset)
    word = next((t for t in reversed(sentence.tokens) if t.idx < quoted_at and t.is_alpha), None)  # before the mark
    opened_by_cue = verb is None or word is None or word.i == verb.i or word.dep_ == "mark" or (
        word.head.i == verb.i and word.dep_ in ("dobj", "dative"))  # "told her," "told reporters on Monday that"
    chosen = last if opened_by_cue else outer
    return replace(chosen, speaker=replace(chosen.speaker, among=max(2, chosen.speaker.among)))


def _speaking(name: Name) -> str:
    """The kind of a name that speaks: a place the tagger saw in it never does ("In his affidavit, Bushiri
    said", "Bushiri" tagged a place), so it is a name the article has not shown to be anything, and "he"
    or "it" may then point back to it; a storm stays one ("Hurricane Ian" is never "it" of a cue)."""
    storm = world().weather_systems.match(name.name.split(), 0) is not None
    return UNKNOWN if name.kind == PLACE and not storm else name.kind


def _one_person(subject) -> bool:
    """Whether a cue's subject is one person by a title or a person noun ("the prime minister", "The Interim
    Chairman of the opposition", "a senior diplomat"), not a group ("officials") or a thing."""
    return subject.tag_ in ("NN", "NNP") and subject.lower_ in _title_words()


def _unquoted_by_sentence(doc, quoted: Sequence[tuple[int, int]], starts: Sequence[int]) -> Iterator[tuple[int, object]]:
    """(sentence, token) for each token of a paragraph outside its quotations, with the sentence it stands in:
    the last sentence starting at or before it (the first for a token before them all), as `Reader.in_quotation`
    and `Reader.sentence_at` find them, in one walk over the tokens, whose offsets only grow."""
    spans, sentences = len(quoted), len(starts)
    q = s = 0  # the quotations and sentences that start at or before the current token
    for token in doc:
        offset = token.idx
        while q < spans and quoted[q][0] <= offset:
            q += 1
        if q and offset < quoted[q - 1][1]:
            continue
        while s < sentences and starts[s] <= offset:
            s += 1
        yield max(s - 1, 0), token


def _only_quoted(sentence: Sentence) -> bool:
    """Whether a sentence is all quotation: no word of it stands outside quotation marks."""
    return not any(t.is_alpha for t in sentence.tokens)


def _runs(tokens: list) -> list[list]:
    """Runs of capitalised tokens that make a name ("Russian Deputy Foreign Minister Alexander Grushko"),
    joined over particles, hyphens and slashes ("Ursula von der Leyen", "Jean-Noel Barrot", "PPP/C": no
    "C" speaks) and over the period the tagger splits from an abbreviated title ("APA President Capt. Eric
    Ferguson": "APA President Capt" was a speaker)."""
    particles = joiners()
    abbreviated = lexicon().speech_verbs.abbreviations
    runs, k = [], 0
    while k < len(tokens):
        if not _is_name_token(tokens[k]):
            k += 1
            continue
        run = [tokens[k]]
        k += 1
        while k < len(tokens) and tokens[k].i == run[-1].i + 1:
            token = tokens[k]
            if _is_name_token(token):
                run.append(token)
                k += 1
                continue
            j = k  # particles and hyphens between two parts of one name: "von der", "al-"
            while (j < len(tokens) and j - k < 3 and tokens[j].i == tokens[j - 1].i + 1
                   and (tokens[j].lower_ in particles
                        or (tokens[j].text in ("-", "/") and not tokens[j - 1].whitespace_ and not tokens[j].whitespace_)
                        or (tokens[j].text == "." and not tokens[j - 1].whitespace_
                            and tokens[j - 1].lower_ in abbreviated))):
                j += 1
            if k < j < len(tokens) and tokens[j].i == tokens[j - 1].i + 1 and (
                    _is_name_token(tokens[j]) or _ends_given_name(run, tokens[k:j + 1], tokens[j + 1:j + 2])):
                run.extend(tokens[k:j + 1])
                k = j + 1
                continue
            break
        runs.append(run)
    return runs


def _ends_given_name(run: list, joined: list, after: list) -> bool:
    """A hyphen and the lower-case end of a given name (PersonNames.ends_given_name) after `run`,
    the family name right `after` it when the given name comes first."""
    *hyphen, end = joined
    following = after[0].text if after and after[0].i == end.i + 1 else None
    return [t.text for t in hyphen] == ["-"] and world().person_names.ends_given_name(
        [t.text for t in run], end.text, following)


def _may_be_title(token) -> bool:
    """Whether the word before a name the tagger starts late can be an unlisted title ("Drummer"):
    not when it belongs to the name, as in "van der Berg", "Ji-woo Kim", "Ana Souza"."""
    hyphenated = token.i > 0 and token.doc[token.i - 1].text == "-" and not token.doc[token.i - 1].whitespace_
    return not (hyphenated or token.lower_ in joiners() or token.text in genders().given_names)


def _is_name_token(token) -> bool:
    if not token.text[:1].isupper() or token.ent_type_ in NOT_NAMES or is_glued(token.text):
        return False
    if token.is_sent_start and token.tag_ in ("VBG", "VBN"):
        return False  # "Urging Ahmed's lawyer to ...", "Asked Smith ...": a participle, capitalised to open a sentence
    if token.pos_ == "PROPN" or token.ent_type_ in NAME_ENTITIES:
        return True
    return token.pos_ in ("NOUN", "ADJ") and not token.is_sent_start and token.i > 0 and token.doc[token.i - 1].is_alpha


def _opens_law(token) -> bool:
    """Whether the name at `token` is the start of a law's name (world.law_name_end)."""
    doc = token.doc
    return law_name_end([t.text for t in doc[token.i:token.i + MAX_LAW_WORDS + 1]], 0) is not None


def _is_epithet(token) -> bool:
    doc = token.doc
    year_old = token.lower_ == "old" and token.i >= 2 and doc[token.i - 2].lower_ == "year"
    return (year_old or token.text in lexicon().speech_verbs.person_epithets
            or world().demonyms.get(token.text) is not None)


def _institution(token) -> str | None:
    """An institution named by its country: "Russia's defence ministry", "the French government"; a nation's
    own government by its adjective ("The Welsh government": organizations.yaml `devolved_governments`)."""
    w = world()
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    governs = token.lower_ in w.governments
    if w.institutions.get(token.text[:1].upper() + token.text[1:]) is None and not governs:
        return None
    owners = [c for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod") and (
        w.known(c.text) or (governs and c.text in w.devolved_governments))]
    if not owners:
        return None
    start = min(o.left_edge.i for o in owners)
    return _join(token.doc[start:token.i + 1])


def _title_prefix(tokens: list, run: list) -> list:
    """Lower-case title words right before a name: "U.S. envoy" in "U.S. envoy Steve Witkoff"."""
    title_words = _title_words()
    w = world()
    position = {t.i: k for k, t in enumerate(tokens)}
    k = position[run[0].i] - 1
    prefix: list = []
    while k >= 0 and tokens[k].i == (prefix[0].i if prefix else run[0].i) - 1:
        token = tokens[k]
        if (token.lower_ in title_words or token.lower_ in CONNECTORS or w.demonyms.get(token.text) is not None
                or w.known(token.text)):
            prefix.insert(0, token)
            k -= 1
            continue
        break
    while prefix and prefix[0].lower_ in CONNECTORS:
        prefix.pop(0)
    return prefix if any(t.lower_ in title_words and t.lower_ not in w.modifiers for t in prefix) else []  # not "former BP"


def _appositions(token) -> list:
    """The heads of what stands in apposition to a name: "Grushko, Russia's deputy foreign minister,"."""
    related = [c for c in token.children if c.dep_ == "appos" and not _is_vocative(c)]
    if token.dep_ == "appos" and not _is_vocative(token):
        related.append(token.head)
    return related


def _appositive_nouns(token) -> frozenset[str]:
    """Title nouns in an apposition: "Grushko, Russia's deputy foreign minister," -> minister, diplomat.
    A title in its possessive is whose the thing named is, not what the name is: "the Attorney-General's
    Chambers (AGC)" names a body, not an attorney general."""
    w = world()
    nouns: set[str] = set()
    for other in _appositions(token):
        owners = {t.i for c in other.children if c.dep_ == "poss" for t in c.subtree}
        words = [t.text for t in other.subtree if (t.i < token.i or t.i > token.i) and t.i not in owners]
        for i in range(len(words)):
            match = w.titles.match(words, i)
            if match is not None:
                nouns.update(match[1])
        if other.lower_ in lexicon().speech_verbs.person_nouns:  # "Dr. Samuel Osei, the senior doctor on duty,"
            nouns.add(other.lower_)
    return frozenset(nouns)


def _join(tokens: Sequence) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _run_around(token, sentence: Sentence) -> list | None:
    name = next((n for n in sentence.names if n.offset <= token.idx and token.i <= n.head), None)
    if name is None:
        return None
    return [t for t in sentence.tokens if name.offset <= t.idx and t.i <= name.head]


def _object_after(doc, i: int, sentence: Sentence):
    """The object of "according to" / "in the words of": the parse's, or the next noun."""
    preposition = doc[i]
    target = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if target is not None and target.idx < sentence.end:
        return target
    return next((t for t in doc[i + 1:i + 8] if t.pos_ in ("PROPN", "PRON", "NOUN") and t.idx < sentence.end), None)


def _vocative_skipped(subject, verb):
    """The real subject when the parser read "Daniel, the housing minister said" as an apposition."""
    return next((appos for appos in subject.children if _is_vocative(appos) and appos.right_edge.i + 1 == verb.i),
                subject)


def _is_vocative(appos) -> bool:
    """"Daniel, the housing minister said": a name addressed, then the subject, which the parser
    takes for an apposition (a true one, "Grushko, the minister, said", closes with a comma, which the
    parser may hang inside it: "Sigfússon, leader of the largest party, the Left-Greens, told"). One
    addresses a person by one name, with or without a title ("Daniel,", "Mr Ortega,"); a name printed
    whole is the subject whose apposition lost its closing comma ("Paul Butler, the bishop of Durham
    said:")."""
    doc, name = appos.doc, appos.head
    after = appos.right_edge.i + 1
    return (appos.dep_ == "appos" and appos.i > name.i and doc[name.i + 1].text == ","
            and after < len(doc) and doc[after].pos_ in ("VERB", "AUX") and doc[after - 1].text != ","
            and not _printed_whole(name))


def _printed_whole(name) -> bool:
    """A person's name of given and family name ("Paul Butler"), not one name after a title ("Mr Ortega")."""
    return name.ent_type_ == "PERSON" and any(
        c.dep_ in ("compound", "flat") and c.i < name.i and c.pos_ == "PROPN" and c.lower_ not in _title_words()
        for c in name.children)


def _subject(verb, reader: Reader, sentence: Sentence):
    """The subject of a speech verb: the parse's, climbing from "adding" or "and added" to the
    verb they hang from; else the name, pronoun or noun right after it ("said Grushko") or
    right before it ("Grushko also said")."""
    node = verb
    for _ in range(4):
        subjects = [child for child in node.children
                    if child.dep_ in ("nsubj", "nsubjpass") and sentence.start <= child.idx < sentence.end
                    and not reader.in_quotation(sentence.paragraph, child)]
        if subjects:  # of two ("said study co-author Ibrahim Bah": "co" and "Bah"), the name
            return _vocative_skipped(next((c for c in subjects if c.pos_ == "PROPN"), subjects[0]), verb)
        if node.dep_ in ("conj", "xcomp", "advcl", "pcomp") and node.head is not node and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
            continue
        if (node.dep_ == "acl" and node.head.pos_ == "PROPN" and not any(c.dep_ == "agent" for c in node.children)
                and not reader.in_quotation(sentence.paragraph, node.head)):
            return node.head  # "Tom Vance, whose fund owns 6%, posted on X:" parsed as a name the verb modifies
        break
    tokens = sentence.tokens
    position = next((k for k, t in enumerate(tokens) if t.i == verb.i), None)
    if position is None:
        return None
    if position == 0 and verb.tag_ in ("VBN", "VBG"):  # "Asked why she stays, she laughed", "Urging calm, he
        # said": an opening participle's speaker is the main clause's subject
        comma = next((k for k, t in enumerate(tokens) if t.text == ","), len(tokens))
        return next((t for t in tokens[comma:] if t.dep_ == "nsubj"), None)
    for token in tokens[position + 1:position + 4]:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.i != verb.i:
            break  # "said the mayor had never ...": who the reported clause is about, not who speaks
        if token.pos_ in ("PRON", "PROPN") or (token.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") for c in token.children)):
            return token
        if token.pos_ not in ("DET", "ADJ", "ADV", "PUNCT"):
            break
    before = _aside_start(tokens, position)
    if before and tokens[before - 1].text == "." and verb.text.islower():
        before -= 1  # "CDC Director Robert Redfield. said": a stray full stop ends no sentence before a lower-case verb
    for token in reversed(tokens[max(0, before - 3):before]):
        if token.pos_ in ("PRON", "PROPN", "NOUN") or _is_epithet(token):
            return token
        if token.pos_ not in ("ADV", "AUX", "PART"):
            break
    return None


def _aside_start(tokens: list, position: int) -> int:
    """Where an aside set off by dashes right before `position` opens ("Maxwell - first elected 45 years
    ago - said": the subject stands before it), else `position`."""
    if position and tokens[position - 1].text in DASHES:
        return next((k for k in range(position - 2, -1, -1) if tokens[k].text in DASHES), position)
    return position


def label_before(text: str, offset: int) -> bool:
    """A quoted phrase right after "so-called", "dubbed", "the slogan" is a name, not speech."""
    before = text[max(0, offset - 30):offset].lower().rstrip(" :,")
    return any(before.endswith(cue) for cue in lexicon().speech_verbs.label_cues)
