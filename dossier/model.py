"""The plain data that flows between pipeline stages.

ingest -> extract -> link -> ids -> render. Each stage takes the previous
stage's dataclasses and returns new ones; no stage reaches back into an
earlier one's internals. Everything here is immutable where the stage that
makes it is done with it, so later stages cannot corrupt earlier results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Problem:
    """A warning about one input file: what `--strict` turns into a failure."""

    file: str
    message: str
    detail: str = field(default="", compare=False)  # e.g. the traceback of a failed extraction (`-v` prints it)

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


class Confidence(StrEnum):
    """How sure a decision is (dossier/data/confidence.yaml says it for each way of deciding): what is
    sure or likely is published, what is unsure goes to the review page for an editor instead."""

    SURE = "sure"
    LIKELY = "likely"
    UNSURE = "unsure"

    @property
    def rank(self) -> int:
        """Higher is surer: how the surest of several decisions is picked."""
        return (Confidence.UNSURE, Confidence.LIKELY, Confidence.SURE).index(self)


# --------------------------------------------------------------------------
# ingest


@dataclass(frozen=True)
class Paragraph:
    """One body paragraph of a cleaned article; `anchor` is its HTML id on the source page."""

    index: int  # 1-based position among the article's body paragraphs
    text: str

    @property
    def anchor(self) -> str:
        return f"p{self.index}"


@dataclass(frozen=True)
class Article:
    """One seed file, cleaned: metadata plus body paragraphs without boilerplate."""

    id: str  # source id, a slug of the file name; stable across rebuilds
    file: str  # the seed's file name, relative to the seeds folder
    title: str
    paragraphs: tuple[Paragraph, ...]
    date: str | None = None  # ISO 8601 (YYYY-MM-DD); None when the article does not say
    updated: str | None = None
    byline: str | None = None  # the author(s) as credited, e.g. "Jane Doe" or "Xinhua"
    credited: tuple[str, ...] = ()  # wire services / outlets the text credits ("Xinhua news agency reported")
    dateline: str | None = None  # place in the dateline ("MOSCOW -" -> "Moscow")
    outlet: str | None = None  # the publishing outlet, when the text or frontmatter names it
    url: str | None = None  # only http(s) URLs survive ingest
    language: str | None = None
    digest: str = ""  # sha256 of the normalised text: finds the same article under two names
    titled_from_file: bool = False  # no headline was printed: `title` is the file name's words, no text of the article's


# --------------------------------------------------------------------------
# extract (per article, no knowledge of other articles)


@dataclass(frozen=True)
class QuoteMention:
    """One direct quotation as printed in one article."""

    source: str  # Article.id
    paragraph: int  # Paragraph.index where the quote starts
    text: str  # verbatim words without the enclosing marks; a substring of the normalised source
    speaker: str | None  # the speaker's name as resolved in this article (full name when known)
    method: str  # "explicit" | "pronoun" | "role" | "carried" | "second-hand" | "transcript" | "unattributed"
    cue: str | None = None  # the speech verb or phrase ("said", "according to")
    sentence: str = ""  # the sentence(s) around the quote, for context on the quote page
    end_paragraph: int | None = None  # last paragraph of a multi-paragraph quote
    confidence: Confidence | None = None  # how sure `speaker` is, by `method`; None when there is no speaker
    speaker_at: tuple[int, int] | None = None  # (Paragraph.index, offset) of the word the cue has for the speaker
    parts: tuple[tuple[int, int, int], ...] = ()  # (Paragraph.index, start, end) of the words inside each pair of
                                                # quotation marks, in reading order: where the quote stands
    speaker_called: str | None = None  # the role its cue calls the speaker by, as printed ("the mayor"), when that
                                       # is sure to be them: an alias of the speaker's actor


LONE_NAME = "lone name"  # ActorMention.method of a lone word only the tagger calls a person: linking keeps it
                          # only when it joins a full name another article gives


@dataclass(frozen=True)
class ActorMention:
    """One mention of a person, organisation or country in one article."""

    source: str  # Article.id
    paragraph: int  # Paragraph.index
    surface: str  # the words as printed ("Russian Deputy Foreign Minister Alexander Grushko", "Moscow")
    name: str  # the canonical name this surface stands for ("Alexander Grushko", "Russia")
    kind: str  # "person" | "organization" | "country" | "government" | ...
    role: str | None = None  # "Deputy Foreign Minister"
    affiliation: str | None = None  # canonical name of the country/organisation ("Russia")
    start: int | None = None  # where `surface` is in the paragraph's text: text[start:end] == surface;
    end: int | None = None  # None for a name no words of the article were read as (a quote's speaker, at link time)
    method: str = ""  # how it was decided that these words name this actor: the actor scan's reading ("titled person")
    confidence: Confidence | None = None  # how sure that is (dossier/data/confidence.yaml)
    phrase: str | None = None  # the whole noun phrase printed for a person or an organisation, when it begins before
    # `surface` ("JD Sports Fashion executive chairman Peter Cowgill", "rail union TSSA"): an alias, no offsets


@dataclass(frozen=True)
class Stance:
    """One actor's stance on one issue, as one sentence of one article states it."""

    source: str
    paragraph: int
    actor: str  # canonical actor name as extracted
    topic: str  # a short descriptive topic name ("NATO peacekeepers in Ukraine")
    stance: str  # "support" | "oppose" | "conditional" | "open"
    sentence: str = ""
    head: str = ""  # the topic's head lemma with its compounds ("security mechanism"; an action's with its object's:
    # "use means"), from the article's parse
    method: str = ""  # where its holder and topic come from: "holder stated, topic recalled" ("rejected the call")
    confidence: Confidence | None = None  # how sure that reading is (dossier/data/confidence.yaml), its holder
    # taken to be who said the quotation it stands in, if `quote`: linking caps it by that speaker's confidence
    holder_at: tuple[int, int, int] | None = None  # (Paragraph.index, start, end) of the ActorMention `actor` was
    # read from; None for a holder no words name, only a mention implies ("his country": the person's affiliation)
    quote: int | None = None  # the n-th quotation of its article (1-based, Occurrence.index) whose speaker holds it


@dataclass(frozen=True)
class Extraction:
    """Everything extract found in one article."""

    article: Article
    quotes: tuple[QuoteMention, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    stances: tuple[Stance, ...] = ()
    problems: tuple[Problem, ...] = ()
    finished: bool = True  # False: stopped or crashed, so the page has no findings and nothing is cached


# --------------------------------------------------------------------------
# link (across articles) and ids


@dataclass(frozen=True)
class Mention:
    """Where something appears: a paragraph of a source page."""

    source: str  # Article.id
    paragraph: int  # Paragraph.index


@dataclass(frozen=True)
class Merge:
    """One name taken to be an actor already named otherwise: how linking (or the editor) decided it."""

    name: str  # the name merged in ("Alves")
    how: str  # "spelling" | "surname" | "surname spelling" | "name part" | "curation"
    confidence: Confidence


@dataclass
class Actor:
    id: str  # slug of the canonical name, pinned by the ledger once published
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)  # every surface form used, sorted
    roles: list[tuple[str, str]] = field(default_factory=list)  # (role, source id)
    affiliation: str | None = None  # actor id
    description: str | None = None  # from the curation file
    links: list[str] = field(default_factory=list)  # from the curation file (http(s) only)
    mentions: list[Mention] = field(default_factory=list)
    merged: list[Merge] = field(default_factory=list)  # the names it was made of besides its own, and how


@dataclass
class Occurrence:
    """One source's printing of a quote."""

    source: str  # Article.id
    paragraph: int
    text: str  # this source's exact wording
    sentence: str
    method: str
    cue: str | None = None
    index: int = 0  # the n-th quote in its source: gives the stable occurrence anchor
    confidence: Confidence | None = None  # how sure this printing's speaker is (QuoteMention.confidence)


@dataclass
class Quote:
    """One utterance, however many outlets carried it."""

    id: str  # content-derived, see ids.py; pinned by the ledger
    text: str  # the canonical wording
    speaker: str | None  # actor id, None when unattributed
    speaker_name: str | None
    occurrences: list[Occurrence] = field(default_factory=list)
    speaker_confidence: Confidence | None = None  # the surest printing that gives this speaker; None: no speaker
    actors: list[str] = field(default_factory=list)  # actor ids mentioned in the quote
    topics: list[str] = field(default_factory=list)  # topic ids


@dataclass
class Topic:
    id: str
    title: str
    keywords: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StanceSetting:
    """A position's stance as a build found it, dated by the article that set it: the ledger keeps
    one per change, so a later build can say what changed and when, without the clock."""

    stance: str
    source: str | None = None  # the article that set it (source id)
    date: str | None = None  # that article's date (ISO 8601), None when it has none


@dataclass(frozen=True)
class Statement:
    """One sentence of one source stating an actor's stance on a topic: what a position is weighed from."""

    stance: str
    source: str  # Article.id
    paragraph: int
    sentence: str
    method: str = ""  # Stance.method: where its holder and topic come from
    confidence: Confidence | None = None  # Stance.confidence, no surer than the speaker of its `quote`;
    # Confidence.SURE once an editor settled the position
    quote: int | None = None  # Stance.quote: the quotation of `source` whose speaker holds it
    reading: Confidence | None = None  # Stance.confidence: as sure as it is once an editor names that speaker


@dataclass
class Position:
    id: str  # f"{actor id}--{topic id}"
    actor: str  # actor id
    topic: str  # topic id
    stance: str
    evidence: list[Mention] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    history: tuple[StanceSetting, ...] = ()  # every stance it has had, oldest first (from the ledger, ids.py)
    statements: tuple[Statement, ...] = ()  # every sentence weighed, whatever its stance (link/positions.py)


@dataclass
class Tombstone:
    """A published page whose content is gone: kept so its URL never 404s."""

    kind: str  # "quote" | "actor" | "source" | "topic" | "position"
    id: str
    title: str
    text: str = ""
    sources: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Doubt:
    """A decision not sure enough to publish as fact (Confidence.UNSURE), for an editor to confirm:
    the page it was withheld from, and what extraction would have said there."""

    kind: str  # "speaker": who said a quote; "merge": that a name is an actor named otherwise; "stance": a position
    page: str  # the quote's id; the actor's id; the position's id
    text: str  # the quote's words; the name merged in ("Alves"); the sentence stating the stance
    claim: str  # the speaker's name extraction gave; the actor's name; the stance's holder
    claim_id: str | None  # ...and their actor id
    evidence: tuple[Mention, ...]  # the printings that gave the speaker, unsure; none for a merge; the sentence's
    methods: tuple[str, ...]  # how each of them found the speaker ("pronoun"); how the merge was made; the stance
    stance: str = ""  # a stance's value ("oppose")
    topic: str | None = None  # a stance's topic id
    topic_title: str = ""  # ...and its title


@dataclass
class Dossier:
    """The linked story: what render turns into pages."""

    sources: list[Article]
    actors: list[Actor]
    quotes: list[Quote]
    topics: list[Topic] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)  # "quotes/old.md" -> "quotes/new.md"
    tombstones: list[Tombstone] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)  # what dossier.review kept from the reader, for an editor
