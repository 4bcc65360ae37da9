"""Who stands where on which issue, sentence by sentence.

A stance is only ever read from a cue of data/stances.yaml, a word found by one of its
shapes (spaCy DependencyMatcher patterns, dossier.extract.cues) and read here by the rule
of that shape: a verb ("Russia rejects X"), a verb with its particle ("insists on X"), a
predicate adjective ("is open to X", "was willing to send X"), a predicate preposition
("is against X"), a stance noun someone voices ("expressed skepticism about X"),
what the subject of "to be" stands for ("was the lone vote against X", "is a critic of X"),
a condition put on something ("X is possible only after Y") or a requirement
someone is reported stating ("the guarantees should include X"). The dependency
parse says who holds the stance (the cue's subject, else whoever is reported
saying the sentence) and what it is about (the cue's object, read past light
heads such as "the deployment of"). Cues nest: "refuses to accept X" opposes X.
A verdict after "to be" ("travel bans are not the answer", "the law is unconstitutional") is a stance too, and
so is one given to a verb's object ("called the target inadequate"). An idiom ("slammed the brakes on X") states
one on what follows its preposition, never on its noun, and waits for an editor; so does what someone is accused
of ("accused the government of using force": opposed). What a claim says someone named in it holds ("claiming that
the PNC lawmakers prioritise X", "accusations that the APC supported Y") is the claimer's word, nobody's stance.
Inside a quotation, the speaker attribution found holds what the quoted words say in the first person ("We
will fight this bill") or with nobody named ("This ban is unconstitutional"), when the sentence itself
reports nobody saying it, or reports someone whose words name no actor (a "he said" the actor scan reads as
nobody, where attribution resolved it).
Topics that only point back take what they point to: "such a request" the
paragraph's last topic, "rejected the call" what was last called for, "the
reform" the reform named in full before (headline included).
No cue, no stance: nothing is guessed from words merely appearing together.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import NamedTuple

from dossier.extract.cues import Cues, stance_cues, words_where
from dossier.extract.discourse import Context, Referent, pronoun_referent
from dossier.extract.quotemarks import DOUBLE, LEANS_CLOSE, LEANS_OPEN
from dossier.extract.sentences import article_sentences
from dossier.lexicon import Stances, lexicon
from dossier.model import ActorMention, Article, Confidence, QuoteMention, Stance
from dossier.names import genders, pronoun
from dossier.text import normalise
from dossier.world import GOVERNMENT, ORGANIZATION, PERSON, world

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether", "until"})
CONDITION_MARKS = frozenset({"if", "unless", "until"})  # a clause they open puts a condition on a stance
QUESTION_MARKS = frozenset({"whether", "if"})  # a that-less clause they open asks, it states nothing
OPENING = DOUBLE & LEANS_OPEN  # double quotation marks that lean open (“, „, «) and close (”, »); a straight one
CLOSING = DOUBLE & LEANS_CLOSE  # may be either
TURNED = {"support": "oppose", "oppose": "support"}  # what a stance on not doing something is on doing it
TOPIC_PREPOSITIONS = frozenset({"to", "for", "with", "about", "of", "on", "behind", "towards", "toward", "against",
                                "regarding", "over", "into", "from"})
# Dependencies that start a separate statement: a stance's condition is never looked for inside them.
SEPARATE_CLAUSES = frozenset({"ccomp", "parataxis", "relcl", "conj"})
# Dependencies that stay within one clause when climbing from a cue to the verb that carries it.
SAME_CLAUSE = frozenset({"xcomp", "acomp", "oprd", "dobj", "pobj", "prep", "acl", "pcomp", "attr"})
# Children left out of a topic's name: clauses hanging off it, punctuation, and coordination (split apart).
# Parts of speech that need what follows them: a topic ending on one was cut short.
DANGLING = frozenset({"ADP", "CCONJ", "SCONJ", "DET", "PART"})
# Parts of speech that can name what an issue is about, besides a verb's subject.
CONTENT = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "VERB"})
PRUNED = frozenset({"relcl", "acl", "advcl", "appos", "punct", "cc", "conj", "mark", "aux", "auxpass", "neg",
                    "advmod", "parataxis", "ccomp", "npadvmod", "preconj", "dep", "agent"})


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    """Verbs that report what someone said or thinks: the speech verbs and stances.yaml's opinion verbs."""
    return frozenset(lexicon().speech_verbs.verbs + lexicon().stances.opinion_verbs)


def extract_stances(article: Article, docs: Sequence, actors: Sequence[ActorMention],
                    sentences: Sequence | None = None, title=None,
                    quotes: Sequence[QuoteMention] = ()) -> list[Stance]:
    """Stances stated in `article`; `docs[i]` parses `article.paragraphs[i]`, `actors` are its actor mentions,
    `sentences[i]` the paragraph's sentence spans (dossier.extract.sentences; split here when not given),
    `title` the parse of its headline (made with the paragraphs', so that spaCy runs once per article),
    `quotes` its quotations with their speakers (dossier.extract.quotes)."""
    names = _Names(actors, _Quoted(quotes))
    numbered = {quote: k for k, quote in enumerate(quotes, start=1)}  # as linking numbers them (Occurrence.index)
    stances: list[Stance] = []
    recalled: dict[str, _Phrase] = {}  # cue -> the topic it was last used on, for "rejected the call" later on
    named = _NamedIssues(title)
    spans = sentences if sentences is not None else article_sentences([p.text for p in article.paragraphs])
    for paragraph, doc, sentences in zip(article.paragraphs, docs, spans):
        context = _Paragraph()
        cues = stance_cues(doc)
        for sentence in (doc.char_span(start, end, alignment_mode="expand") for start, end in sentences):
            seen: set[tuple[str, str, str]] = set()
            for claim in _Sentence(sentence, paragraph.index, names, cues).claims():
                holders = claim.holders
                if holders is None and claim.carried:
                    holders = context.holders
                topic = claim.topic or context.topic or _recall(claim.pointer, recalled)
                topic_way = "stated" if claim.topic else "carried" if context.topic else "recalled"
                if topic is None and (noun := named.get(claim.pointer)) is not None:
                    topic = _phrase(_phrase_tokens(noun, lexicon().stances))
                    topic_way = "named before"  # "opposing the measure": Proposition 10, named so
                if claim.bare and topic == claim.topic and (noun := named.get(claim.bare)) is not None:
                    topic = _phrase(_phrase_tokens(noun, lexicon().stances))
                    topic_way = "named before"  # "defended the reform": the pension reform
                holder_way = claim.holder_way if claim.holders is not None else "carried"
                ways = {"holder": holder_way, "topic": topic_way,
                        **({"wording": topic.wording} if topic and topic.wording else {}),
                        **({"cue": claim.figure} if claim.figure else {})}
                if claim.topic and claim.cue:
                    recalled = {**{k: v for k, v in recalled.items() if k != claim.cue}, claim.cue: claim.topic}
                context.holders = holders or context.holders
                context.topic = topic or context.topic
                for holder in holders or ():
                    if topic and (holder.name, claim.stance, topic.text) not in seen:
                        seen.add((holder.name, claim.stance, topic.text))
                        quote = holder.quote if claim.holders is not None else None
                        decided = _decided(ways, quote is not None, topic.action)
                        stances.append(Stance(article.id, paragraph.index, holder.name, topic.text, claim.stance,
                                              sentence.text.strip(), topic.head, *decided, holder_at=holder.at,
                                              quote=numbered.get(quote)))
            named.add(sentence)
    return stances


def _decided(ways: dict[str, str], quoted: bool = False, action: bool = False) -> tuple[str, Confidence]:
    """(how a stance was read, how sure that is): its holder and its topic each stated in the sentence or
    taken from before it, as sure as the less sure of the two (data/confidence.yaml), and no surer than its
    topic's wording when that may not read as an issue (`_wording`). How sure the holder's
    words are an actor (ActorMention.confidence) does not count: on dev, positions resting on an unsure
    mention were right as often as the rest. A holder who is the speaker of the quotation the cue stands in
    (`quoted`) is no surer than confidence.yaml's `quoted` caps: on an action, on a topic taken from before
    the sentence; nor than that speaker, which linking applies (an editor may name another speaker)."""
    levels = lexicon().confidence.stance
    if quoted:
        ways = {**ways, "holder": "quoted"}
    sureness = [Confidence(getattr(levels, part)[way]) for part, way in ways.items()]
    if quoted:
        caps = [f"topic {ways['topic']}", *(["action"] if action else [])]
        sureness += [Confidence(levels.quoted[cap]) for cap in caps if cap in levels.quoted]
    return ", ".join(f"{part} {way}" for part, way in ways.items()), min(sureness, key=lambda c: c.rank)


class _NamedIssues:
    """The nouns named in full so far (`_named_issues` of the headline and each sentence read), by lemma. A
    sentence is read for them only when a later claim refers back, which few do."""

    def __init__(self, title=None):
        self._unread = [] if title is None else [title]
        self._named: dict[str, object] = {}

    def add(self, span) -> None:
        self._unread.append(span)

    def get(self, lemma: str):
        if lemma:
            for span in self._unread:
                self._named.update(_named_issues(span))
            self._unread.clear()
        return self._named.get(lemma)


def _named_issues(span) -> dict[str, object]:
    """Nouns named in full in `span` ("the pension reform", "the carbon pricing plan", "EU AI rules", "the
    decision of putting off elections"), by their lemma: what a later bare "the reform", "the plan", "the
    rules" or "this decision" stands for; and a noun set beside a name ("Proposition 10, a measure on the
    ballot"): a later "the measure" is that name. Their names are read when one is referred back to, which
    few are."""
    words = lexicon().stances
    found = {}
    for token in span:
        if token.pos_ in ("NOUN", "PROPN") and (any(
                c.dep_ in ("compound", "amod") and c.lower_ not in words.filler_modifiers for c in token.children)
                or (token.lemma_.lower() in words.vague_nouns and not _vague(token, words))):
            found[token.lemma_.lower()] = token
        if token.dep_ == "appos" and token.pos_ == "NOUN" and token.head.pos_ == "PROPN":
            found[token.lemma_.lower()] = token.head
    return found


def _recall(pointer: str, recalled: dict[str, _Phrase]) -> _Phrase | None:
    """The topic of the latest cue a noun names back ("the call" -> what someone last called for)."""
    cues = lexicon().stances.pointers.get(pointer, ())
    return next((topic for cue, topic in reversed(recalled.items()) if cue in cues), None)


@dataclass
class _Paragraph:
    """What the paragraph has said so far: a stance with a topic that only points back ("open to such a
    request") takes the topic before it, a subjectless condition the holder before it."""

    holders: tuple[_Holder, ...] = ()
    topic: _Phrase | None = None


@dataclass(frozen=True)
class _Claim:
    holders: tuple[_Holder, ...] | None  # None: the sentence does not say who
    stance: str
    topic: _Phrase | None  # None: the topic only points back ("such a request")
    carried: bool = False  # with nobody named, the paragraph's last holder holds it
    cue: str = ""  # the cue as listed in data/stances.yaml ("call for")
    pointer: str = ""  # the noun a topic that only points back uses ("call", "proposal")
    bare: str = ""  # the lemma of a topic named by its noun alone ("the reform")
    figure: str = ""  # how its cue tells it, when not as a stance: "idiom", "accusation" (`_Reading.figure`)
    holder_way: str = "stated"  # "misread conjunct": its holder reached through one (`_misjoined`)


@dataclass(frozen=True)
class _Reading:
    """What one cue says: who holds it (tokens; None for whoever said the sentence), about what (topic heads),
    and the clause it heads (where negation and conditions attach)."""

    stance: str
    holders: list | None
    topics: list
    clause: object
    carried: bool = False
    cue: str = ""
    # "idiom": an idiom ("slammed the brakes on X": stances.yaml `idioms`); "accusation": what someone is accused of
    # ("accused the government of using force": `accusing_verbs`), "" for a stance stated as one
    figure: str = ""


@dataclass
class _Sentence:
    """The claims of one sentence: every cue, outermost first, with the cues nested in its object folded in."""

    span: object  # spaCy Span
    paragraph: int
    names: _Names
    cues: Cues  # the stance cues of its paragraph (dossier.extract.cues)
    used: set[int] = field(default_factory=set)

    @cached_property
    def claim_nouns(self) -> dict:
        """The paragraph's words whose lemma is a claim noun, by index: read only for a sentence with a cue."""
        doc, nouns = self.span.doc, lexicon().stances.claim_nouns
        return {i: doc[i] for i in words_where(doc, "LEMMA", lambda lemma: lemma.lower() in nouns)}

    def claims(self) -> Iterator[_Claim]:
        words = lexicon().stances
        doc, start, end = self.span.doc, self.span.start, self.span.end
        cues = [doc[i] for i in self.cues if start <= i < end]  # no other word can open a claim
        for token in sorted(cues, key=lambda t: (_depth(t), t.i)):
            if token.i in self.used or _hypothetical(token) or _claimed(token, self.claim_nouns):
                continue
            reading = _reading(token, words, self.cues)
            if reading is not None and _claimed_of(token, reading.holders, words):
                continue
            if reading is not None:
                self.used.add(token.i)
                holders = self._holders(reading, token, words)
                if holders is not None or reading.carried:
                    claims = self._claims_of(token, reading, holders, outer=None, nested=False)
                    if reading.holders is not None and _misjoined(token, reading.holders):
                        claims = (replace(claim, holder_way="misread conjunct") for claim in claims)
                    yield from claims

    def _claims_of(self, cue, reading: _Reading, holders, outer: str | None, nested: bool) -> Iterator[_Claim]:
        words = lexicon().stances
        negated = _negated(cue, cue if nested else reading.clause, words)
        conditional = reading.stance == "conditional" or _has_condition(reading.clause, words)
        if_clause = _if_clause(reading.clause)
        for topic in reading.topics:
            current = reading.stance
            if current == "readiness":  # willing to send troops: support; open to talks: openness
                current = "support" if topic.pos_ in ("VERB", "AUX") else "open"
            if negated and reading.cue in words.negation.silent:
                continue  # "has not asked for help" opposes nothing
            if negated:
                current = "support" if reading.cue in words.negation.consent else words.negation.flips.get(current,
                                                                                                            current)
            if _not_doing(topic):
                current = TURNED.get(current, current)  # "lashed out at them for not attending": for attending
            undone = _undone(topic, words)
            if undone is not None:  # "slammed delays to the bid to strengthen the ban": for the bid
                topic, current = undone, TURNED.get(current, current)
            if outer is not None:
                current = _compose(outer, current, words)
            if if_clause and current in ("support", "oppose"):
                current = "conditional"  # "would support the bill if ...", but "open to talks if ..." stays open
            inner = self._inner(topic, cue, words)
            if inner is not None:
                inner_cue, inner_reading = inner
                for claim in self._claims_of(inner_cue, inner_reading, holders, current, nested=True):
                    yield _Claim(claim.holders, "conditional" if conditional else claim.stance, claim.topic,
                                 reading.carried, claim.cue, claim.pointer, claim.bare, claim.figure or reading.figure)
                continue
            if current == "condition" and not conditional:
                continue
            name, points_back = _topic(topic, words, lambda token: self.names.named(self.paragraph, token))
            if name is not None:
                name = self._owned(topic, name, words)
            if name is not None or points_back:
                bare = topic.lemma_.lower() if name and topic.pos_ == "NOUN" and name.text.lower() == topic.lower_ else ""
                yield _Claim(holders, "conditional" if conditional else current, name, reading.carried,
                             reading.cue, "" if name else topic.lemma_.lower(), bare, reading.figure)

    def _owned(self, topic, name: _Phrase, words: Stances) -> _Phrase:
        """A topic of what is done to someone, owned by a pronoun ("calling for his immediate release"), named
        with whom the pronoun stands for ("Tundu Lissu's immediate release"): without them the words name no
        issue. Left as it is when the pronoun stands for nobody named, or for several."""
        head = _through_light(topic, words)
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if owner is None or head.lemma_.lower() not in words.patient_nouns:
            return name
        holders = self.names.of(self.paragraph, owner)
        if len(holders) != 1:
            return name
        return name._replace(text=f"{holders[0].name}'s {name.text}")

    def _inner(self, topic, cue, words: Stances):
        """A cue inside the topic ("refuse to [accept X]", "seek to gain [support for X]"): it says what the
        outer cue is about."""
        candidates = [topic] + [c for c in topic.children if c.dep_ == "dobj" and topic.pos_ == "VERB"]
        for candidate in candidates:
            if candidate.i == cue.i or candidate.i in self.used:
                continue
            reading = _reading(candidate, words, self.cues, nested=True)
            if reading is not None:
                self.used.add(candidate.i)
                return candidate, reading
        return None

    def _holders(self, reading: _Reading, cue, words: Stances) -> tuple[_Holder, ...] | None:
        tokens = reading.holders if reading.holders is not None else _speaker(cue)
        if reading.holders is not None and _advised(cue, words):  # "Bessent said the Fed should consider X"
            speaker = _speaker(cue)
            if speaker and speaker[0].pos_ != "PRON":
                tokens = speaker
            elif not speaker and not any(t.lower_ in words.first_person for t in reading.holders):
                tokens = None  # "Brown shouldn't be criticising X": whose advice, the sentence does not say
        if tokens is None:
            quoted = self.names.quoted_speaker(self.paragraph, cue.idx)
            return (quoted,) if quoted is not None else None
        holders: dict[str, _Holder] = {}
        for token in tokens:
            for holder in self.names.of(self.paragraph, token):
                holders.setdefault(holder.name, holder)
        if not holders and self._quotations_speaker_speaks(reading, tokens, words):
            quoted = self.names.quoted_speaker(self.paragraph, cue.idx)
            return (quoted,) if quoted is not None else ()
        return tuple(holders.values())

    def _quotations_speaker_speaks(self, reading: _Reading, tokens: Sequence, words: Stances) -> bool:
        """Whether holders read from `tokens` that name nobody are the speaker of the quotation the cue stands in:
        the quotation's own reporting clause, outside its marks ('"Our next priority is the mission," he said',
        where no actor mention covers "he" but attribution resolved it), or the speaker's "we" or "I" ('"We do not
        recognise the decision," the minister said'). Not someone the quoted words report ('"The coalition admits
        the tax is a failure," he said': the coalition's words, as he tells them), nor others the speaker names
        ("Our members want fair pay")."""
        if reading.holders is None:
            return not any(self.names.quoted_speaker(self.paragraph, t.idx) for t in tokens)
        return all(t.lower_ in words.first_person and t.dep_ != "poss" for t in tokens)


# --------------------------------------------------------------------------
# cues


def _reading(token, words: Stances, cues: Cues, nested: bool = False) -> _Reading | None:
    """What `token` says as a stance cue, or None when it is none: read by the rule of the first shape of
    stances.yaml it fits (`cues`, dossier.extract.cues), or of the next when that shape says `or_next`."""
    for cue in cues.get(token.i, ()):
        reading = _READERS[cue.shape](token, words, nested)
        if reading is not None or not words.shapes[cue.shape].or_next:
            return reading
    return None


def _read_phrasal(verb, words: Stances, nested: bool) -> _Reading | None:
    """'insists on X', 'rules out X': the verb and the particles after it as one listed cue."""
    lemma = verb.lemma_.lower()
    particle = next((p for p in _particles(verb) if f"{lemma} {_words(p)}" in words.phrasal), None)
    if particle is None:
        return None
    cue = f"{lemma} {_words(particle)}"
    return _read_verb(verb, words.phrasal[cue], particle[-1], words, cue, nested)


def _read_idiom(verb, words: Stances, nested: bool) -> _Reading | None:
    """'slammed the brakes on X', 'threw its weight behind X': a listed verb, object and preposition, a stance on
    what follows the preposition (hung on the verb or on its object)."""
    noun = next(c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in words.idioms)
    ways = words.idioms[noun.lemma_.lower()]
    lemma = verb.lemma_.lower()
    particle = next((c for c in (*verb.children, *noun.children) if c.dep_ == "prep"
                     and f"{lemma} {c.lower_}" in ways), None)
    if particle is None:
        return None
    reading = _read_verb(verb, ways[f"{lemma} {particle.lower_}"], particle, words,
                         f"{lemma} {noun.lemma_.lower()} {particle.lower_}", nested)
    return replace(reading, figure="idiom") if reading is not None else None


def _read_preposition(preposition, words: Stances, nested: bool) -> _Reading | None:
    """'is against X', 'is in favour of X'."""
    topic, stance = _object(preposition), words.prepositions.get(preposition.lower_)
    if topic is not None and stance is None:  # "in favour [of X]"
        stance = words.prepositions.get(f"{preposition.lower_} {topic.lower_}")
        topic = _object(next((c for c in topic.children if c.dep_ == "prep" and c.lower_ == "of"), None))
    if topic is None or stance is None:
        return None
    copula = preposition.head
    return _Reading(stance, _subject(copula), _conjuncts(topic), _clause_head(copula))


def _read_standing(noun, words: Stances, nested: bool) -> _Reading | None:
    """'Leffingwell was the lone vote against the budget', 'she is a critic of the plan'."""
    ways = words.standing_nouns[noun.lemma_.lower()]
    preposition = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ways), None)
    topic, holders = _object(preposition), _subject(noun.head)
    if topic is None or holders is None:
        return None
    return _Reading(ways[preposition.lower_], holders, _conjuncts(topic), _clause_head(noun.head))


def _read_acting(noun, words: Stances, nested: bool) -> _Reading | None:
    """'PTI will file a petition against the decision', 'the party would lead the unions in the protests against
    the hike': an act for or against something, held by whoever takes it (the subject of the verb that has the act
    as its object, or the act after its "in"); an act not taken states nothing."""
    ways = words.acting_nouns[noun.lemma_.lower()]
    verb = noun.head
    preposition = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ways), None) or next(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ways and c.i > noun.i), None)  # hung on the verb
    if noun.dep_ == "pobj" and noun.head.lower_ == "in":
        verb = noun.head.head
    elif noun.dep_ != "dobj":
        return None
    topic, holders = _object(preposition), _subject(verb) if verb.pos_ == "VERB" else None
    if topic is None or holders is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    return _Reading(ways[preposition.lower_], holders, _conjuncts(topic), _clause_head(verb))


def _read_verdict(noun, words: Stances, nested: bool) -> _Reading | None:
    """'travel bans are not the answer', he said; 'this bill is the wrong response' (a verdict by its modifier);
    'the consultation has been nothing short of a sham' (the verdict below the copula's attribute); 'it is
    unacceptable that the library closed', 'it would be a mistake to cut the budget' (what an "it" subject
    stands in for, `_extraposed`); 'our next priority is the Gaganyaan mission' (the verdict as the subject: the
    attribute is what it judges); 'four years in charge have proven to be an abysmal failure' (the subject of the
    verb "to be" completes)."""
    copula = next((a for a in noun.ancestors if a.lemma_.lower() in words.copulas), noun.head)
    if noun.dep_ in SUBJECTS:
        subject = next((c for c in copula.children if c.dep_ == "xcomp" or (
            c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN") and c.lemma_.lower() not in words.vague_nouns)), None)
    else:
        subject = next(iter(_subject(copula) or ()), None)  # "X has proven to be a failure": up the verbs it completes
        subject = _extraposed(subject, copula, noun, words) or subject
    modifiers = [words.verdict_modifiers[c.lower_] for c in noun.children
                 if c.dep_ == "amod" and c.lower_ in words.verdict_modifiers]
    stance = words.verdicts.get(noun.lemma_.lower()) or next(iter(modifiers), None)
    if subject is None or stance is None or any(
            c.dep_ == "advmod" and c.lower_ in words.comparing_adverbs for c in noun.children):
        return None  # "every match is as important as the next", "ambitions are more important than X" compare
    return _Reading(stance, None, _conjuncts(subject), _clause_head(copula))


def _read_failing(verb, words: Stances, nested: bool) -> _Reading | None:
    """'the budget has failed to better the lives of Fijians', she says: a verdict against what fell short (its
    subject), held by whoever is reported saying it. Someone who failed to do something ("Labor failed to secure
    support": a name the actor scan reads, which `_topic` drops as no issue; "the government") is told of an act,
    no issue."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.lower_ in RELATIVE_PRONOUNS or (subject.pos_ != "PROPN" and _someone(subject, words)):
        return None
    return _Reading("oppose", None, _conjuncts(subject), _clause_head(verb))


def _extraposed(subject, copula, verdict, words: Stances):
    """What an "it" subject stands in for, or None: the that-clause or to-infinitive after the verdict ("it is
    vital that the review provides funding", "it would be a mistake to cut the budget"); an "it" with none
    points back, as any pronoun does."""
    if subject is None or subject.lower_ != "it":
        return None
    for child in (*copula.children, *verdict.children):
        if child.i < verdict.i or child.pos_ not in ("VERB", "AUX"):
            continue
        if child.dep_ == "ccomp":
            return _clause_topic(child, words)
        if child.dep_ in ("xcomp", "acl", "relcl") and _infinitive(child):
            return child
    return None


def _read_calling(verdict, words: Stances, nested: bool) -> _Reading | None:
    """'Mulcair called the target woefully inadequate', 'labelled the budget as indecent': the verdict is the
    caller's, on what is called so."""
    verb = next(a for a in verdict.ancestors if a.pos_ == "VERB")  # the shape's pattern checked it is a calling verb
    topic, holders = next((c for c in verb.children if c.dep_ == "dobj"), None), _subject(verb)
    if topic is None or holders is None:
        return None
    return _Reading(words.verdicts[verdict.lemma_.lower()], holders, _conjuncts(topic), _clause_head(verb))


def _particles(verb) -> list[list]:
    """The particle and preposition groups a phrasal verb may be listed under: [out], [out, against]."""
    after = [c for c in verb.children if c.dep_ in ("prt", "prep") and c.i > verb.i]
    return ([after[:2]] if len(after) > 1 else []) + [[c] for c in after]


def _words(tokens) -> str:
    return " ".join(t.lower_ for t in tokens)


def _read_verb(verb, stance: str, particle, words: Stances, cue: str, nested: bool = False) -> _Reading | None:
    passive = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS), None)
    if _regards(verb, passive) or _dares(verb, words) or (
            stance == "open" and not nested and passive is None and _deliberates(verb)) or (
            verb.lemma_.lower() in words.undoing_verbs and not nested) or (  # "the policy was scrapped by X": an act
            verb.lemma_.lower() in words.refused_verbs and not nested and not _negated(verb, verb, words)):
        return None  # "we recognise the concerns" acknowledges them; "we do not recognise the decision" opposes it
    if particle is not None and particle.dep_ == "prep":
        topic = next((c for c in verb.children if c.dep_ == "xcomp"), None) or _object(particle)  # "call on X [to Y]"
    elif passive is not None:
        topic = passive
    else:
        children = {c.dep_: c for c in reversed(list(verb.children))}
        topic = children.get("xcomp") or children.get("dobj") or children.get("ccomp")  # "urged the EU [to act]"
        if topic is None and verb.dep_ in ("relcl", "acl") and not _misread_predicate(verb):
            topic = verb.head  # "the proposal that Ukraine accepted", "a provision sought by X"
        elif topic is not None and topic.dep_ == "ccomp":
            topic = _clause_topic(topic, words)
    if topic is not None and topic.lower_ in RELATIVE_PRONOUNS:
        topic = _antecedent(topic)  # "the plan, which Germany supports"
    if topic is None or (verb.lemma_.lower() in words.pledging_verbs and topic.dep_ != "xcomp"):
        return None  # "pledged 3 million doses" gives, "promised a new tax would guarantee X" forecasts: no stance
    figure = ""
    if cue in words.accusing_verbs:  # "accused the government of using force": what they are accused of
        topic, figure = _accused_of(verb, topic, words.accusing_verbs[cue]), "accusation"
        if topic is None:
            return None
    if cue in words.judging_verbs and _someone(topic, words):  # "criticised Hunt for his part in restricting pay"
        topic = next((_object(c) for c in verb.children if c.dep_ == "prep" and c.lower_ in words.reason_prepositions
                      and _object(c) is not None), topic)
    agent = _object(next((c for c in verb.children if c.dep_ == "agent"), None))
    if agent is not None:
        holders = [agent]
    elif _misread_predicate(verb):
        holders = [verb.head]
    elif passive is not None or verb.dep_ == "acl":
        if not any(c.dep_ == "aux" and c.lower_ in words.stance_modals for c in verb.children):
            return None  # "security will be ensured" forecasts; "X could be considered" is a stance
        holders = None
    else:
        holders = _subject(verb)
        if holders is None or _asked(verb):
            return None
    return _Reading(stance, holders, _conjuncts(topic), _clause_head(verb), cue=cue, figure=figure)


def _accused_of(verb, accused, preposition: str):
    """What `verb` accuses `accused` of, or None: the first `preposition` before a doing ("accusing the PNC [of
    misusing its position of power]"), else the last one, past any in the accused's name ("accused members of
    parliament [of populism]"), among the verb's objects and prepositions, never in a clause of its own ("..., while
    Labour accused them of populism")."""
    found = [c for c in _phrases_of(verb) if c.i > accused.i and c.dep_ == "prep" and c.lower_ == preposition
             and _object(c) is not None]  # wherever the parser hung it ("members of parliament from parties [of ...]")
    doing = [c for c in found if _object(c).pos_ in ("VERB", "AUX")]
    chosen = min(doing, key=lambda c: c.i) if doing else max(found, key=lambda c: c.i, default=None)
    return _object(chosen)


def _phrases_of(verb) -> Iterator:
    """The words of `verb`'s objects and prepositions, down through theirs, and no further clause."""
    for child in verb.children:
        if child.dep_ in ("dobj", "prep", "pobj", "pcomp"):
            yield child
            yield from _phrases_of(child)


def _asked(verb) -> bool:
    """'campaign for opposition parties to support its motion': the subject of a for-to clause is asked to take
    the stance, not said to hold it."""
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)


def _deliberates(verb) -> bool:
    """'the committee considered 135 amendments', 'Criswell discusses preparedness efforts': a verb of openness
    that reports someone weighing or talking something over states no stance on it; with a modal ('could consider
    X', 'should consider X'), passive ('X could be considered', read apart) or nested in another cue ('willing to
    discuss X') it does."""
    return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _dares(verb, words: Stances) -> bool:
    """'challenging Khan to pinpoint the violation': a daring verb telling its object to do something states no
    stance on that (stances.yaml `daring_verbs`)."""
    return verb.lemma_.lower() in words.daring_verbs and any(c.dep_ == "xcomp" for c in verb.children)


def _denied(verb) -> bool:
    """Whether a verb is negated where it stands ("does not have", "never made"): what it says is not the case."""
    return any(c.dep_ == "neg" for c in verb.children)


def _not_doing(topic) -> bool:
    """'[for] not attending meetings': a topic that is not doing something after a preposition, which states the
    opposite stance on doing it (the topic is named without the "not"); "called on them not to believe X" keeps
    its words."""
    return topic.dep_ == "pcomp" and _denied(topic)


def _undone(topic, words: Stances):
    """What a topic headed by an undoing noun ("delays to X", "the repeal of X", "the council's failure to build
    more homes") holds back, or None: a stance on holding it back is the opposite stance on it. What it moves
    ("the withdrawal of Israeli troops") it does not hold back."""
    if topic.pos_ != "NOUN" or topic.lemma_.lower() not in words.undoing_nouns:
        return None
    undone = next((_object(c) for c in topic.children
                   if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS and _object(c) is not None), None) or next(
        (c for c in topic.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and _infinitive(c)), None)
    return None if undone is not None and undone.lemma_.lower() in words.moved_nouns else undone


def _someone(token, words: Stances) -> bool:
    """Whether `token` names someone rather than something: a name, a pronoun, a noun for people or for a body
    ("criticised the University's administration for using X")."""
    lemma = token.lemma_.lower()
    return token.pos_ in ("PROPN", "PRON") or any(lemma in nouns for nouns in (words.people, words.bodies,
                                                                                words.own_bodies))


def _verb_stance(lemma: str, words: Stances) -> str:
    """The stance a verb of the verb shape states: listed under verbs, or under object_verbs (the shape's
    pattern has checked it takes a thing as its object)."""
    return words.verbs[lemma] if lemma in words.verbs else words.object_verbs[lemma]


def _misread_predicate(verb) -> bool:
    """'Sudan, also downstream, called for X': a past-tense verb the parser hung on the name before it as a
    clause is that name's predicate."""
    return verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.head.pos_ == "PROPN" and verb.head.dep_ == "ROOT"


def _regards(verb, passive) -> bool:
    """'considering it a threat', 'would be considered involvement', 'a step she considers crucial': the verb
    rates something, takes no stance."""
    deps = {c.dep_ for c in verb.children}
    return (bool({"oprd", "acomp"} & deps) or ("dobj" in deps and "ccomp" in deps)
            or (passive is not None and "attr" in deps))


def _read_adjective(adjective, stance: str) -> _Reading | None:
    copula = adjective.head
    topic = next((c for c in adjective.children if c.dep_ == "xcomp"), None)
    if topic is None:
        topic = _object(next((c for c in adjective.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS),
                             None))
    holders = _subject(copula)
    if topic is None or holders is None:
        return None
    return _Reading(stance, holders, _conjuncts(topic), _clause_head(copula))


def _read_noun(noun, stance: str, words: Stances, nested: bool) -> _Reading | None:
    """A stance noun counts when someone voices it ("expressed opposition to X", "spoke out about the need for
    X"), seeks it ("win Putin's support for X": the seeker's support) or when it is what another cue is about."""
    anchor = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in words.negating_nouns:
        anchor = noun.head.head  # "a lack of readiness"
    verb = anchor.head
    voiced = anchor.dep_ == "dobj"
    if anchor.dep_ == "pobj" and verb.lower_ in words.voicing_prepositions:
        verb, voiced = verb.head, verb.head.lemma_.lower() in words.expressing_verbs  # "spoke out about the need"
    holders = None
    cue = ""
    if not nested:
        if not voiced:
            return None
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if _consents(noun, verb, words):  # "has no objection to X": accepts X (`_claims_of` reads the "no")
            holders, cue = _subject(verb), noun.lemma_.lower()
        elif verb.lemma_.lower() in words.expressing_verbs:
            holders = [owner] if owner is not None and owner.pos_ != "PRON" else _subject(verb)
        elif verb.lemma_.lower() in words.seeking_verbs and stance == "support":
            holders = _subject(verb)
        if holders is None:
            return None
    topic = next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"
                  and any(a.lower_ == "to" for a in c.children)), None)
    if topic is None and noun.lemma_.lower() in words.feeling_nouns:
        topic = next((_clause_topic(c, words) for c in noun.children if c.dep_ in ("acl", "ccomp")
                      and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)  # "outrage that X"
    if topic is None:
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS), None)
        following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
        if prep is None and following is not None and following.dep_ == "prep" and (
                following.lower_ in ("to", "for", "towards", "toward") or noun.lemma_.lower() in words.feeling_nouns):
            prep = following  # the parser hung "openness [to X]", "support [towards X]", "anger [at X]" on the verb
        topic = _object(prep)
    if topic is None:
        return None
    return _Reading(stance, holders, _conjuncts(topic), _clause_head(verb if not nested else noun), cue=cue)


def _consents(noun, verb, words: Stances) -> bool:
    """'the government has no objection to the protest', 'raised no objection to the plan': a stance noun of
    consent (stances.yaml `negation.consent`) that its holder has none of."""
    return (noun.lemma_.lower() in words.negation.consent and verb.lemma_.lower() in words.having_verbs
            and any(c.dep_ == "det" and c.lower_ in words.negation.words for c in noun.children))


def _read_condition(predicate, stance: str) -> _Reading | None:
    """'X would only be feasible if ...', 'X should only take place after ...', 'X must meet conditions':
    a conditional stance on X by whoever is reported saying so."""
    head = predicate.head if predicate.pos_ == "ADJ" else predicate
    subject = _subject(head, passive=True)
    if subject is None:
        return None
    topic = _antecedent(subject[0]) if subject[0].lower_ in RELATIVE_PRONOUNS else subject[0]
    if topic is None:
        return None
    return _Reading(stance, None, _conjuncts(topic), _clause_head(head), carried=True)


def _read_requirement(verb, words: Stances) -> _Reading | None:
    """'the guarantees should include X', 'X must be part of the deal', 'the key element should be X':
    support for X by whoever is reported saying so."""
    lemma = verb.lemma_.lower()
    if lemma in words.requirement.including_verbs:
        topic = next((c for c in verb.children if c.dep_ == "dobj"), None)
    elif lemma in words.copulas:
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        predicate = next((c for c in verb.children if c.dep_ in ("attr", "acomp")), None)
        if subject is None or predicate is None:
            return None
        if subject.lemma_.lower() in words.requirement.frame_words:
            topic = predicate
        elif predicate.lemma_.lower() in words.requirement.frame_words:
            topic = subject
        else:
            return None
    else:
        return None
    if topic is None:
        return None
    return _Reading("support", None, _conjuncts(topic), _clause_head(verb))


_READERS = {  # the rule reading a word of each shape of stances.yaml
    "idiom": _read_idiom,
    "requirement": lambda token, words, nested: _read_requirement(token, words),
    "adjective": lambda token, words, nested: _read_adjective(
        token, words.adjectives.get(token.lower_) or words.adjectives[token.lemma_.lower()]),
    "phrasal": _read_phrasal,
    "verb": lambda token, words, nested: _read_verb(token, _verb_stance(token.lemma_.lower(), words), None, words,
                                                    token.lemma_.lower(), nested),
    "meeting": lambda token, words, nested: _read_condition(token, "conditional"),
    "condition": lambda token, words, nested: _read_condition(token, "condition"),
    "preposition": _read_preposition,
    "noun": lambda token, words, nested: _read_noun(token, words.nouns[token.lemma_.lower()], words, nested),
    "acting": _read_acting,
    "standing": _read_standing,
    "verdict": _read_verdict,
    "failing": _read_failing,
    "calling": _read_calling,
}


# --------------------------------------------------------------------------
# the parse: subjects, objects, clauses, conditions, negation


def _depth(token) -> int:
    return sum(1 for _ in token.ancestors)


def _object(preposition):
    if preposition is None:
        return None
    return next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None)


def _subject(verb, passive: bool = False) -> list | None:
    """The subject of `verb`, looked for up the chain of verbs it completes ("refused to accept",
    "is expected to hold"); a perfect participle's clause the parser took for a subject is none ("Having done
    nothing, his years in charge have proven a failure": the years are)."""
    node = verb
    while True:
        subject = next((c for c in node.children if c.dep_ in SUBJECTS and not _perfect_participle(c)), None) or next(
            (s for c in node.children if c.dep_ in ("aux", "auxpass") for s in c.children if s.dep_ in SUBJECTS),
            None)  # "the party is opposed to X", the subject hung on "is"
        if subject is None and (passive or node.i != verb.i):
            subject = next((c for c in node.children if c.dep_ in PASSIVE_SUBJECTS), None)
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and not passive:
                subject = _antecedent(subject)
            return [subject] if subject is not None else None
        if node.dep_ in ("xcomp", "conj", "advcl", "acomp") and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ == "pcomp" and node.head.lower_ in lexicon().stances.acting_prepositions:
            node = node.head.head  # "surprised them by calling for X": who surprised them calls for it
            continue
        return None


def _misjoined(cue, holders: Sequence) -> bool:
    """Whether the cue's holder, the subject of a verb the cue hangs under, was reached through a conjunct that
    cannot be that verb's: a bare verb with no auxiliary of its own joined to an inflected one ("rejected the
    Front's call to unite and jointly organise protests to demand snap elections": "organise" is the call's, the
    parser hung it on "rejected"). Who holds what is read through it, the sentence does not say for sure."""
    governor = holders[0].head
    node = cue
    misread = False
    while node.i != governor.i:
        if node.head.i == node.i:
            return False  # the holder's verb is not above the cue: not reached by climbing
        misread = misread or (node.dep_ == "conj" and node.tag_ == "VB" and node.head.tag_ in ("VBD", "VBZ")
                              and not any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in node.children))
        node = node.head
    return misread


def _perfect_participle(clause) -> bool:
    """'Having done nothing, ...': a clause of a perfect participle tells what came before, it is never a subject."""
    return clause.dep_ == "csubj" and any(c.dep_ == "aux" and c.lower_ == "having" for c in clause.children)


def _antecedent(pronoun):
    """The noun a relative pronoun stands for: up to the relative clause, then its head."""
    node = pronoun.head
    while node.dep_ != "relcl":
        if node.head.i == node.i:
            return None
        node = node.head
    return node.head


def _speaker(token) -> list | None:
    """Who is reported saying the clause `token` is in: "..., Grushko said", "X, he stressed, ...",
    "according to him"."""
    node = token
    while True:
        aside = next((c for c in node.children if c.dep_ == "parataxis" and c.lemma_.lower() in _reporting_verbs()),
                     None)
        if aside is not None:
            return _subject(aside)
        parent = node.head
        if parent.i == node.i:
            break
        if (parent.pos_ == "VERB" and parent.lemma_.lower() in _reporting_verbs()
                and node.dep_ in ("ccomp", "parataxis", "xcomp", "advcl")):
            return _subject(parent)
        node = parent
    for word in token.sent:
        if word.lower_ == "according":
            source = _object(next((c for c in word.children if c.lower_ == "to"), None))
            if source is not None:
                return [source]
    return None


def _advised(verb, words: Stances) -> bool:
    """'should consider', 'must reject', 'should have done the right thing and accepted', 'should unite to demand
    X': what someone says another ought to do (a verb joined to another without a subject of its own, or the
    purpose it is done for, shares its modal)."""
    node = verb
    while True:
        if any(c.dep_ == "aux" and c.lower_ in words.requirement.modals for c in node.children):
            return True
        shares = node.dep_ == "xcomp" or (node.dep_ in ("conj", "advcl") and not any(
            c.dep_ in SUBJECTS for c in node.children) and (node.dep_ == "conj" or _infinitive(node)))
        if not shares or node.head.i == node.i:
            return False
        node = node.head


def _infinitive(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _clause_head(token):
    """The verb carrying the clause `token` is in: where negation and conditions attach."""
    node = token
    while node.dep_ in SAME_CLAUSE and node.head.i != node.i:
        node = node.head
    return node


def _clause_topic(verb, words: Stances):
    """The topic of a that-clause: its subject when the clause only describes it ("that guarantees become
    part of the deal"), else the clause itself ("that NATO nations exclude Kyiv")."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS), None)
    if verb.lemma_.lower() in words.copulas and subject is not None and subject.pos_ == "NOUN":
        return subject
    return verb


def _conjuncts(token) -> list:
    """`token` and what is coordinated with it: "Britain and France", "observers or a monitoring group"; and a name
    the parser hung on a later name as its modifier, its "and" with it ("Opposition leader William Heather and
    Democratic Party leader Tina Browne are outraged": Heather modifies Browne's "leader" there), a first conjunct
    misread."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj" and (child.pos_ == token.pos_ or {child.pos_, token.pos_} <= {"NOUN", "PROPN"}):
            found.extend(_conjuncts(child))
    return _misread_conjuncts(token) + found


def _misread_conjuncts(name) -> list:
    """The names before `name` that the parser hung on it (or on a word of its title: "leader" in "Democratic Party
    leader Tina Browne") as a modifier with their "and": a first conjunct misread."""
    if name.pos_ != "PROPN":
        return []
    words = [name, *(c for c in name.children if c.dep_ == "compound")]
    return [c for word in words for c in word.children if c.dep_ == "nmod" and c.pos_ == "PROPN" and c.i < name.i
            and any(cc.dep_ == "cc" for cc in c.children)]


def _hypothetical(token) -> bool:
    """Inside an if-clause: "if Brussels signals a willingness to engage" states nobody's stance, nor does
    "until Parliament approves a plan" (what must happen first), nor a question asked or left open ("avoided
    taking a position on whether he will endorse resuming operations", "asked if she supports the bill")."""
    node = token
    while node.head.i != node.i:
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if (node.dep_ == "advcl" and marks & HYPOTHETICAL_MARKS) or (node.dep_ in ("ccomp", "pcomp")
                                                                      and marks & QUESTION_MARKS):
            return True
        node = node.head
    return False


def _claimed(token, claim_nouns: dict) -> bool:
    """Inside what a claim says ("accusations that the APC supported the protests", "denied allegations that the
    union backs the strike"): the claimer's word, nobody's stance. The clause hangs on the claim's noun, or, where
    the parser hangs it on a verb ("responding to accusations made by Y that X supported"), right after the claim
    noun's phrase. `claim_nouns`: the paragraph's words whose lemma is one (`_Sentence.claim_nouns`), by index."""
    node = token
    while claim_nouns and node.head.i != node.i:
        head = node.head
        if node.dep_ == "acl" and head.i in claim_nouns:
            return True
        if node.dep_ == "ccomp" and any((t.i == head.i or head.is_ancestor(t)) and _adjoins(t.right_edge, node.left_edge)
                                        for t in claim_nouns.values()):
            return True
        node = head
    return False


def _claimed_of(cue, holders, words: Stances) -> bool:
    """Whether a cue states what a claim says of someone it names ("claiming that the PNC lawmakers prioritise
    praising X", "suggested that the MDP proposed the motions to waste time"): the claimer's word, not their stance.
    The cue's clause opens right after a claim verb it hangs under (its "that" between them), and the cue's
    holders are named in it; with nobody named ("claimed that the law is unconstitutional") or a pronoun for the
    claimer ("claimed it backs the bill") it stays a stance."""
    if not holders or any(t.pos_ == "PRON" for t in holders):
        return False
    node = cue
    while node.head.i != node.i:
        before = node.doc[node.left_edge.i - 1] if node.left_edge.i > 0 else None
        if before is not None and before.lemma_.lower() in words.claim_verbs and before.is_ancestor(cue):
            return all(node.is_ancestor(t) for t in holders)
        node = node.head
    return False


def _adjoins(end, start) -> bool:
    """Whether nothing but punctuation and brackets' content stands between the tokens `end` and `start` ("made by
    the ruling party (SLPP) that ...")."""
    depth = 0
    for token in end.doc[end.i + 1:start.i]:
        depth += (token.text == "(") - (token.text == ")")
        if depth == 0 and not token.is_punct:
            return False
    return start.i > end.i


def _has_condition(clause, words: Stances) -> bool:
    """'only if', 'only after', 'provided that', 'must meet conditions' within the clause, or in a clause
    hung on the verb reporting it ("X said it was ready to talk, but only if ...")."""
    if _states_condition(sorted(_clause_tokens(clause), key=lambda t: t.i), words):
        return True
    node = clause
    while node.dep_ in ("ccomp", "parataxis") and node.head.i != node.i:
        node = node.head
        for aside in node.children:
            if aside.dep_ in ("advcl", "conj", "prep") and aside.i > clause.i:
                if _states_condition(list(aside.subtree)[:6], words):  # it must open with the condition
                    return True
    return False


def _if_clause(clause) -> bool:
    """An if-, unless- or until-clause hung on the clause: "X would back the motion unless the government ...",
    "she can't support the carbon price until Parliament approves a pipeline"."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
               for c in clause.children)


def _states_condition(tokens: Sequence, words: Stances) -> bool:
    lowered = [t.lower_ for t in tokens]
    text = f" {' '.join(lowered)} "
    if any(f" {phrase} " in text for phrase in words.conditional.phrases):
        return True
    if any(word == "only" and any(after in words.conditional.only for after in lowered[i + 1:i + 5])
           for i, word in enumerate(lowered)):
        return True
    return any(t.lemma_.lower() in words.conditional.meeting_verbs
               and any(c.dep_ == "dobj" and c.lemma_.lower() in words.conditional.terms for c in t.children)
               for t in tokens)


def _clause_tokens(clause) -> Iterator:
    yield clause
    for child in clause.children:
        if child.dep_ not in SEPARATE_CLAUSES:
            yield from _clause_tokens(child)


def _negated(cue, clause, words: Stances) -> bool:
    """A negation on the cue or on the words between it and its clause ("does not want to"), 'no support',
    'a lack of readiness'."""
    node = cue
    while True:
        if any((c.dep_ == "neg" and not _focus(c, words)) or (c.dep_ == "det" and c.lower_ in words.negation.words)
               for c in node.children):
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in words.negating_nouns:
            return True
        if node.i == clause.i or node.head.i == node.i:
            return False
        node = node.head


def _focus(negation, words: Stances) -> bool:
    """'haven't just slammed X, they've ...': a negation before a focus word denies nothing."""
    following = negation.doc[negation.i + 1] if negation.i + 1 < len(negation.doc) else None
    return following is not None and following.lower_ in words.negation.focus


def _compose(outer: str, inner: str, words: Stances) -> str:
    """A stance on a stance: refusing to accept X opposes X; wanting to discuss X is openness to X."""
    if outer == "oppose":
        return words.negation.flips.get(inner, inner)
    if outer in ("conditional", "condition"):
        return "conditional"
    return inner


# --------------------------------------------------------------------------
# topics


def _topic(head, words: Stances, named: Callable[[object], bool]) -> tuple[_Phrase | None, bool]:
    """(a short name for the issue headed by `head`, whether it only points back to an earlier one).
    (None, False) drops it: a bare name ("support Kyiv") is an actor, not an issue; `named` says whether the
    actor scan read a word as (part of) an actor's name."""
    head = _through_light(head, words)
    if head.pos_ in ("VERB", "AUX"):
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is None and head.lemma_.lower() in words.light_verbs:
            obj = next((_object(c) for c in head.children if c.dep_ == "prep" and _object(c) is not None), None)
        light = head.lemma_.lower() in words.light_verbs and not any(
            c.dep_ == "prt" or _doing_named(c, words) for c in head.children)
        if light and obj is not None and _made_into(head, words) is None and not _denied(head):
            return _topic(obj, words, named)  # "using X as the justification of Y"; not "does not have Y": no Y
        tokens = list(_phrase_tokens(head, words))
        if all(t.i == head.i or t.dep_ in ("neg", "prt") for t in tokens):
            return None, False  # "declined to comment" is about nothing
        return _phrase(tokens), False
    if _vague(head, words):
        if head.dep_ == "appos":
            return _topic(head.head, words, named)  # "the idea of X - a provision sought by Y"
        return None, True
    lemma = head.lemma_.lower()
    if head.pos_ == "NOUN" and (lemma in words.people or lemma in words.bodies or head.lower_ in world().group_nouns
                                ) and not any(c.dep_ == "prep" for c in head.children):
        return None, False  # "backed his minister", "are backing the unions", "forbidding residents": someone
    if head.pos_ == "NOUN" and named(head):
        return None, False  # "NATO member states", "the RMT union": the actor scan read an actor there
    if head.pos_ == "PROPN" and named(head) and all(c.dep_ in ("compound", "det", "case", "punct", "relcl", "acl")
                                                     for c in head.children):  # a clause on a name is left out of it
        following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
        if following is not None and following.tag_ == "VBG" and following.dep_ != "amod":
            # the parser hung "opposition to [NATO sending observers]" apart
            return _phrase([head, *_phrase_tokens(following, words)]), False
        verb = head.head
        if head.dep_ == "dobj":  # "accept Kyiv into its ranks"
            extra = [t for c in verb.children if c.dep_ == "prep" and c.i > head.i
                     for t in _phrase_tokens(c, words, top=False)]
            if extra:
                return _phrase([head, *extra]), False
        return None, False
    return _phrase(_phrase_tokens(head, words)), False


def _doing_named(complement, words: Stances) -> bool:
    """Whether a light verb's `complement` makes the doing the issue, not its object: it says what the object is
    held to ("holding the government [to account]", "held the minister [responsible]": stances.yaml
    `accounting_complements`) or what the doing is for ("using force [to suppress opposition]")."""
    if complement.dep_ == "xcomp" and _infinitive(complement):
        return True
    if complement.dep_ == "prep":
        complement = _object(complement)
    return complement is not None and complement.dep_ in ("xcomp", "oprd", "acomp", "pobj") and (
        complement.lemma_.lower() in words.accounting_complements)


def _made_into(verb, words: Stances):
    """What a light verb makes its object into, or None: 'setting that [as the default limit]', 'using the rankings
    [as the justification of tuition hikes]': the doing is the issue then, not its object alone."""
    made = _object(next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None))
    return made if made is not None and not _vague(made, words) else None


def _through_light(head, words: Stances):
    """'the possible deployment of NATO peacekeepers' -> 'peacekeepers'; 'the decision to host X' -> 'host X'; 'the
    Culture Secretary's insistence that a review of the funding model will ...' -> what the that-clause says."""
    while head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in words.light_nouns:
        if any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in head.children):
            break  # "a ceasefire proposal" is about the ceasefire
        inner = next((_object(c) for c in head.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS
                      and _object(c) is not None), None)
        if inner is None:
            inner = next((c for c in head.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"
                          and _infinitive(c)), None)
        if inner is None:
            inner = next((_clause_topic(c, words) for c in head.children if c.dep_ in ("acl", "ccomp")
                          and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if inner is None:
            inner = _object(_hung_on_verb(head))
        if inner is None:
            break
        head = inner
    return head


def _hung_on_verb(noun):
    """The preposition right after `noun` that the parser hung on the verb instead ("objected to any language
    [on X]"), or None."""
    verb = {"dobj": noun.head, "pobj": noun.head.head}.get(noun.dep_)
    end = max(t.i for t in noun.subtree) + 1
    following = noun.doc[end] if end < len(noun.doc) else None
    if verb is not None and following is not None and following.dep_ == "prep" and following.head.i == verb.i \
            and following.lower_ in TOPIC_PREPOSITIONS:
        return following
    return None


def _vague(head, words: Stances) -> bool:
    """Whether `head` says nothing of an issue by itself: a pronoun, a vague or generic noun with nothing
    naming the issue on it, a clause of being ("an explanation [of where we are]"). A number after it names
    one in particular ("Proposition 10")."""
    if head.pos_ in ("PRON", "AUX") or head.lower_ in RELATIVE_PRONOUNS:
        return True
    lemma = head.lemma_.lower()
    if lemma not in words.vague_nouns and lemma not in words.generic_nouns:
        return False
    named = ("compound", "nmod") if lemma in words.generic_nouns else ("compound", "amod", "nmod")
    return not any((c.dep_ in named and c.lower_ not in words.filler_modifiers
                    and c.lower_ not in words.rating_modifiers)  # "urgent matters" names none
                   or (c.dep_ == "nummod" and c.i > head.i)
                   or (c.dep_ == "prep" and _object(c) is not None and not _aside(c, words)
                       and not _vague(_object(c), words))
                   for c in head.children)


def _aside(preposition, words: Stances) -> bool:
    """Whether a preposition hung on a topic's noun says when or why, not what: "a rate cut [in June]", "its
    decision [in Day and others v ...]" (a date to the parser), "appealing it [on the grounds that ...]". Left out
    of the topic's name, so it makes no vague noun an issue either."""
    obj = _object(preposition)
    return obj is not None and (obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in words.reason_nouns)


class _Phrase(NamedTuple):
    """A topic as the article names it, and the key linking groups it by when no issue claims it: the lemma
    of its head with the compounds before it ("security mechanism"; an action's with its object's, "use means"), read here from the article's parse so
    that linking needs no language model; `action` when it is headed by a verb ("send troops"); `wording`
    why its words may not read as an issue (`_wording`), "" when they do."""

    text: str
    head: str
    action: bool = False
    wording: str = ""


def _phrase(tokens) -> _Phrase | None:
    ordered = _whole_words(sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i))
    text = normalise(_joined(ordered).strip(" ,;:-\"'"))
    if not text:
        return None
    inside = {t.i for t in ordered}
    root = next((t for t in ordered if t.head.i not in inside or t.head.i == t.i), ordered[0])
    action = root.pos_ in ("VERB", "AUX")
    done_to = next((c for c in root.children if c.dep_ == "dobj" and c.i in inside), None) if action else None
    key = _head_key(root, inside) + (f" {_head_key(done_to, inside)}" if done_to is not None else "")
    return _Phrase(text, key, action, _wording(ordered, root))


def _head_key(head, inside: Collection[int]) -> str:
    """A head's lemma with the compounds before it ("security mechanism"), what linking groups a topic by when
    no issue claims it. An action is keyed by its verb and what it is done to ("use means", "use state"): by its
    verb alone, "use all possible peaceful means" and "using the University's state as justification" were one."""
    parts = [c.lemma_.lower() for c in head.children if c.dep_ == "compound" and c.i < head.i and c.i in inside]
    return " ".join([*parts, head.lemma_.lower()])


def _whole_words(ordered: Sequence) -> list:
    """The tokens with every part of a word printed with joining marks that any of them is part of: the parser
    may hang "at" of "at-large" elsewhere, and half a word changes what the topic says ("vote for large seats")."""
    doc = ordered[0].doc
    kept = {t.i for t in ordered}
    for token in ordered:
        start, end = (token.i - 1, token.i + 1) if _joining_mark(token) else (token.i, token.i)
        while start > 1 and _joining_mark(doc[start - 1]):
            start -= 2
        while end < len(doc) - 2 and _joining_mark(doc[end + 1]):
            end += 2
        kept.update(range(start, end + 1))
    return [doc[i] for i in sorted(kept)]


def _joined(ordered: Sequence) -> str:
    """The words in order as printed, a space where words between them were left out: "The pact, due to be
    signed" read without its comma and "be" is "pact due to signed", not "pactdue"."""
    return "".join(token.text_with_ws if following.i == token.i + 1 or token.whitespace_ else token.text + " "
                   for token, following in zip(ordered, ordered[1:])) + ordered[-1].text


def _wording(ordered: Sequence, root) -> str:
    """Why the words of a topic may not read as an issue, "" when they do: "cut short" when they end on a word
    that needs what follows it ("revisions like", half a compound: "five-", a verb without its clause: "to
    ensure"), "a name and a verb" when they only say that someone does
    something ("Ms Martin come", "what he claimed"), "says what is not" when they are a that-clause denying what
    its verb says ("that the treaty does not make new rules": a claim, not an issue), "the speaker's own" when they
    name it from where the speaker stands ("the end of our long fight", "zero distance between us": whose, a reader
    cannot tell), "points back" when a pronoun in them stands for something said before ("the homes' location
    before supporting it"). Such a topic is published only once an editor settles it."""
    last = next((t for t in reversed(ordered) if not t.is_punct), None)
    if last is not None and (last.pos_ in DANGLING or (len(last.text) > 1 and last.text.endswith("-"))
                             or _complement_left_out(last, ordered)):
        return "cut short"  # or half a compound: "five-" of "the five- to eight-percent hike"
    owners = [c for c in root.children if c.dep_ == "poss"]  # "my political career": "my" is left out of its name
    if any(t.pos_ == "PRON" and t.lower_ in lexicon().stances.first_person for t in (*ordered, *owners)):
        return "the speaker's own"
    if root.dep_ == "ccomp" and not _infinitive(root) and _denied(root):
        return "says what is not"  # "that the treaty does not make new rules": a claim, not an issue
    subject = next((c for c in root.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS), None)
    if root.pos_ in ("VERB", "AUX") and subject is not None and subject.pos_ in ("PROPN", "PRON"):
        who = {t.i for t in subject.subtree}
        if all(t.i == root.i or t.i in who or t.pos_ not in CONTENT for t in ordered):
            return "a name and a verb"
    if any(t.pos_ == "PRON" and (found := pronoun(t.text)) is not None and not found.possessive for t in ordered):
        return "points back"
    if _names_nothing(ordered, lexicon().stances) or _whose_only(ordered, root, lexicon().stances):
        return "points back"
    return ""


def _complement_left_out(last, ordered: Sequence) -> bool:
    """Whether a topic ends on a verb whose clause it leaves out ("use all peaceful means to ensure" of "... to
    ensure that justice is restored"): what is ensured is the issue, and the topic does not say it."""
    return last.pos_ == "VERB" and any(c.dep_ in ("ccomp", "xcomp") and c.i > last.i and c not in ordered
                                       for c in last.children)


def _names_nothing(ordered: Sequence, words: Stances) -> bool:
    """Whether a topic's only nouns say nothing of what it is, whatever is done to them: "address the issue",
    "discuss the matter", "reverse the decision", "continue advocating for urgent matters" (a vague noun, its
    words and verbs, nothing else that names)."""
    nouns = [t for t in ordered if t.pos_ in ("NOUN", "PROPN")]
    vague = {t.i for noun in nouns if _vague(noun, words) for t in noun.subtree}
    return bool(nouns) and all(t.i in vague or t.pos_ in ("VERB", "AUX") or t.pos_ not in CONTENT for t in ordered)


def _whose_only(ordered: Sequence, root, words: Stances) -> bool:
    """Whether a topic is a generic noun said only to be someone's: "the PNC's actions", "the government's
    approach" say whose, never what (what the PNC did is told before)."""
    if root.pos_ != "NOUN" or root.lemma_.lower() not in words.generic_nouns:
        return False
    owners = {t.i for c in root.children if _possessive(c) for t in c.subtree}
    return bool(owners) and all(t.i == root.i or t.i in owners or t.pos_ not in CONTENT for t in ordered)


def _possessive(token) -> bool:
    """'his', "the PNC's": a word saying whose its head is."""
    return token.dep_ == "poss" or any(c.dep_ == "case" for c in token.children)


def _joining_mark(token) -> bool:
    """A mark joining two words with no space either side ("30-day", "at-large", "and/or"), not a sentence's full
    stop glued to the word before it."""
    doc = token.doc
    return (token.is_punct and 0 < token.i < len(doc) - 1 and not token.whitespace_
            and not doc[token.i - 1].whitespace_ and doc[token.i + 1].text[:1].isalnum())


def _phrase_tokens(token, words: Stances, top: bool = True) -> Iterator:
    """The words of a topic's name: `token` and what modifies it, without the clauses hanging off it, and without
    the determiners and hedges in front of the head ("the possible deployment" -> "deployment")."""
    yield token
    for child in token.children:
        # a clause inside the topic keeps its auxiliaries: "using force [to] suppress opposition", "the pact due to
        # [be] signed", "what [was] described as"
        auxiliary = not top and child.dep_ in ("aux", "auxpass") and (child.lower_ != "to" or token.dep_ == "xcomp")
        if child.dep_ in PRUNED and not auxiliary and not (
                top and child.dep_ == "neg" and token.pos_ in ("VERB", "AUX") and not _not_doing(token)):
            continue
        if top and child.dep_ in ("amod", "det", "predet", "nummod", "poss") and child.lower_ in words.filler_modifiers:
            continue
        if child.dep_ == "prep" and _aside(child, words):
            continue
        yield from _phrase_tokens(child, words, top=top and child.dep_ == "compound")  # "concrete security guarantees"


# --------------------------------------------------------------------------
# holder names


class _Holder(NamedTuple):
    """Who holds a stance: a canonical name, the actor mention it was read from (None for a name that
    only a mention implies: "his country" is the affiliation of the person it belongs to), and the quotation
    whose speaker it is, when it was read as the speaker of the words the cue stands in."""

    name: str
    mention: ActorMention | None = None
    quote: QuoteMention | None = None

    @property
    def at(self) -> tuple[int, int, int] | None:
        m = self.mention
        return None if m is None else (m.paragraph, m.start, m.end)


class _Names:
    """Who the words that hold stances stand for, read from the actor scan's mentions alone (the one place
    that decides what names an actor): the mention covering the word ("Moscow" -> Russia); pronouns go to
    whoever is reported speaking or the last person named; "his country" to that person's affiliation; "the
    leaders of X" to X; "the union" to the last organisation named with that word."""

    def __init__(self, actors: Sequence[ActorMention], quoted: _Quoted):
        self._quoted = quoted
        placed = sorted((m for m in actors if m.start is not None), key=_mention_place)
        self._spans: dict[int, list[ActorMention]] = defaultdict(list)
        self._bodies_by_word: dict[str, list[ActorMention]] = defaultdict(list)  # organisations by their words
        for mention in placed:
            self._spans[mention.paragraph].append(mention)
            if mention.kind == ORGANIZATION:
                for word in set(mention.surface.lower().split()):
                    self._bodies_by_word[word].append(mention)
        self._people = [m for m in placed if m.kind == PERSON]  # in reading order
        self._governments = {m.name for m in actors if m.kind == GOVERNMENT}
        self._affiliations = {m.name: m.affiliation for m in sorted(actors, key=_mention_order) if m.affiliation}

    def of(self, paragraph: int, token) -> list[_Holder]:
        """Who `token` stands for (several for "Britain and France"; none for "analysts")."""
        words = lexicon().stances
        holders: list[_Holder] = []
        for each in _conjuncts(token):
            if any(c.dep_ in ("det", "amod") and c.lower_ in words.partial_quantifiers for c in each.children):
                continue  # "opposed by Democrats and some Republicans": some of a party are not the party
            for holder in self._name(paragraph, each, words):
                if holder.name not in (h.name for h in holders):
                    holders.append(holder)
        return holders

    def _name(self, paragraph: int, token, words: Stances) -> list[_Holder]:
        mention = self._mention(paragraph, token)
        if mention is not None:
            return [_Holder(mention.name, mention)]
        if token.pos_ == "PRON":
            return self._pronoun(paragraph, token)
        named = next((c for c in token.children if c.dep_ == "appos" and self.named(paragraph, c)), None)
        if named is not None and token.pos_ in ("NOUN", "PROPN"):  # "two governors, Waller and Bowman, dissented"
            return self.of(paragraph, named)  # "the finance spokesman, Cllr Carl Les, said" too; a dateline's
            # place read as the subject ("TORONTO, December 29 - The Ontario Nurses' Association is expressing")
        lemma = token.lemma_.lower()
        if lemma in words.own_bodies:
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is None and lemma in words.governing_nouns:
                return self._the_government(token)
            return self._affiliations_of(self.of(paragraph, owner) if owner is not None else [])
        if lemma in words.representatives:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of" and _object(child) is not None:
                    return self.of(paragraph, _object(child))
                if child.dep_ in ("amod", "compound", "poss") and self.named(paragraph, child):
                    return self._name(paragraph, child, words)
            return self._reporters_side(paragraph, token)
        if lemma in words.bodies:  # "the RMT union", "the Republicans party", not "France's unions"
            named = next((c for c in token.children if c.dep_ in ("compound", "nmod")
                          and self.named(paragraph, c)), None)
            return self._name(paragraph, named, words) if named is not None else self._body(paragraph, token)
        return []

    def _the_government(self, token) -> list[_Holder]:
        """'the government has no objection', 'government rejects the claims': the one government the article
        names, when it names exactly one and nothing else in the words says whose ("the federal government")."""
        definite = lexicon().speech_verbs.definite_determiners
        if len(self._governments) != 1 or any(c.dep_ != "det" or c.lower_ not in definite for c in token.children):
            return []
        return [_Holder(next(iter(self._governments)))]

    def _affiliations_of(self, holders: list[_Holder]) -> list[_Holder]:
        return [_Holder(self._affiliations[h.name]) for h in holders if h.name in self._affiliations]

    def _body(self, paragraph: int, token) -> list[_Holder]:
        """'the union' is the last organisation named with that word ("the RMT union"), if any."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return []
        named = self._bodies_by_word.get(token.lower_, [])  # a look-up, not a scan of every organisation so far
        k = bisect.bisect_left(named, (paragraph, token.idx), key=_mention_at)
        return [_Holder(named[k - 1].name, named[k - 1])] if k else []

    def _reporters_side(self, paragraph: int, token) -> list[_Holder]:
        """Unnamed officials in what someone reports are that person's side: "Lagarde said policymakers were
        open to X" is the bank she heads (nobody, when the article does not say whom she serves)."""
        speaker = _speaker(token)
        if not speaker or speaker[0].i == token.i or speaker[0].pos_ == "PRON":
            return []
        return self._affiliations_of(self.of(paragraph, speaker[0]))

    def _pronoun(self, paragraph: int, token) -> list[_Holder]:
        said = pronoun(token.lower_)
        # any pronoun, in a reported clause, stands for whoever is reported speaking: "Britain said it was ready",
        # unless the speaker's given name says otherwise ("the people she stood with ...," Brian Jean said)
        if said is not None:
            speaker = _speaker(token)
            if said.kind == "plural" and token.lower_ not in lexicon().stances.first_person and (
                    (self._quoted.at(paragraph, token.idx) is not None or _opened(token))
                    and not _advised(token.head, lexicon().stances)):
                return []  # in someone's own words "they" are others: '"... they are prepared to fight X," he said',
                # unless the speaker says what they should do ('"they should give support towards X," said Lu')
            if speaker and speaker[0].pos_ != "PRON" and speaker[0].i != token.i:
                holders = [h for h in self.of(paragraph, speaker[0]) if _may_stand_for(said, h)]
                if holders or not said.gender:
                    return holders
        if said is not None and said.gender:
            back = self._people_before(paragraph, token.idx)
            found = pronoun_referent((Context(m.paragraph, named=(Referent(m.name, PERSON),)) for m in back),
                                     paragraph, lambda person: _may_be(person.name, said.gender))
            if found is not None:  # resting on the nearest mention before the pronoun that names them
                return [next(_Holder(m.name, m) for m in self._people_before(paragraph, token.idx)
                             if m.name == found.name)]
        if token.lower_ in lexicon().stances.first_person:  # "We will fight this bill": its speaker
            quoted = self.quoted_speaker(paragraph, token.idx)
            return [quoted] if quoted is not None else []
        return []

    def quoted_speaker(self, paragraph: int, offset: int) -> _Holder | None:
        """The speaker of the quotation `offset` of `paragraph` stands in, by the actor mention of the words
        attribution took for them, or None outside quotations and for quotations nobody is named for."""
        quote = self._quoted.at(paragraph, offset)
        if quote is None:
            return None
        at = quote.speaker_at
        mention = self._covering(*at) if at is not None else None
        return _Holder(mention.name if mention else quote.speaker, mention, quote)

    def _people_before(self, paragraph: int, offset: int) -> Iterator[ActorMention]:
        """The people named before `offset` of `paragraph`, nearest first (read lazily: a pronoun looks a few
        paragraphs back, never through the whole article)."""
        before = bisect.bisect_left(self._people, (paragraph, offset), key=_mention_at)
        return (self._people[k] for k in range(before - 1, -1, -1))

    def named(self, paragraph: int, token) -> bool:
        """Whether the actor scan read `token` of `paragraph` as (part of) an actor's name."""
        return self._mention(paragraph, token) is not None

    def _mention(self, paragraph: int, token) -> ActorMention | None:
        return self._covering(paragraph, token.idx)

    def _covering(self, paragraph: int, offset: int) -> ActorMention | None:
        covering = [m for m in self._spans.get(paragraph, []) if m.start <= offset < m.end]
        return max(covering, key=lambda m: (m.end - m.start, -m.start, m.name), default=None)


class _Quoted:
    """Where each quotation with a named speaker stands in the article's paragraphs, by the offsets
    extract.quotes gave its parts."""

    def __init__(self, quotes: Sequence[QuoteMention]):
        self._parts: dict[int, list[tuple[int, int, QuoteMention]]] = defaultdict(list)
        for quote in quotes:
            for paragraph, start, end in quote.parts if quote.speaker is not None else ():
                self._parts[paragraph].append((start, end, quote))

    def at(self, paragraph: int, offset: int) -> QuoteMention | None:
        """The quote whose words `offset` of `paragraph` is in, or None."""
        return next((quote for start, end, quote in self._parts.get(paragraph, ()) if start <= offset < end), None)


def _may_stand_for(said, holder: _Holder) -> bool:
    """Whether a pronoun may stand for `holder`: "she" for someone whose given name allows it, "it" for no person
    ("Deakins said it can't challenge the ruling": the resolution he wrote, not Deakins)."""
    if said.kind == "organization":
        return holder.mention is None or holder.mention.kind != PERSON
    return not said.gender or _may_be(holder.name, said.gender)


def _opened(token) -> bool:
    """Whether `token` stands in quoted words whose quotation its paragraph opens before it and has not closed, as
    when it never closes ('“This administration claims to love the poor, yet they are prepared to fight X, Roberts
    told reporters'): quotation extraction finds no quotation there, the words are still the speaker's own."""
    before = token.doc.text[:token.idx]
    return max(map(before.rfind, OPENING)) > max(map(before.rfind, CLOSING))


def _may_be(name: str, gender: str) -> bool:
    """Whether the bearer of `name` may be of `gender`: unless the given name tells otherwise."""
    told = genders().told(name.split(), name.split())
    return told is None or told == gender


def _mention_at(mention: ActorMention) -> tuple[int, int]:
    return (mention.paragraph, mention.start)


def _mention_place(mention: ActorMention) -> tuple:
    return (mention.paragraph, mention.start, mention.name, mention.surface)


def _mention_order(mention: ActorMention) -> tuple:
    return (mention.paragraph, mention.surface, mention.name)
