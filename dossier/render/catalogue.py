"""The catalogue: every lookup and grouping the templates need, computed once.

Markup lives in the templates; this module only builds their context (who said what, where, how
often).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from dossier.memo import Memo, call_key
from dossier.model import Actor, Article, Dossier, Mention, Occurrence, Position, Quote, Tombstone, Topic
from dossier.render.diff import locate, word_diff
from dossier.trace import Recorder, fact
from dossier.text import normalise, words

SECTION_OF = {"source": "sources", "actor": "actors", "quote": "quotes", "topic": "topics", "position": "positions"}

_WORD = re.compile(r"[^\W\d_]+")


def occurrence_anchor(quote_id: str, nth: int = 1) -> str:
    """The id of a quote's `nth` printing on one source page: q-<quote id>, then q-<quote id>-2, ..."""
    return f"q-{quote_id}" if nth == 1 else f"q-{quote_id}-{nth}"


def co_occurrences(actors: Iterable[Actor]) -> dict[str, list[tuple[str, int, int]]]:
    """For each actor id, the others mentioned in the same paragraphs: [(other id, shared
    paragraphs, shared sources)], most shared paragraphs first."""
    by_paragraph: dict[tuple[str, int], set[str]] = defaultdict(set)
    for actor in actors:
        for mention in actor.mentions:
            by_paragraph[(mention.source, mention.paragraph)].add(actor.id)
    paragraphs: dict[str, Counter] = defaultdict(Counter)
    sources: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for (source, _), present in by_paragraph.items():
        for actor_id in present:
            for other in present - {actor_id}:
                paragraphs[actor_id][other] += 1
                sources[actor_id][other].add(source)
    return {
        actor_id: sorted(((other, n, len(sources[actor_id][other])) for other, n in counts.items()),
                         key=lambda row: (-row[1], -row[2], row[0]))
        for actor_id, counts in paragraphs.items()
    }


@dataclass(frozen=True)
class Segment:
    """A stretch of a paragraph: plain text, or one printing of a quote."""

    text: str
    quote: Quote | None = None
    anchor: str | None = None


@dataclass(frozen=True)
class Named:
    """An actor as a page that only names it shows it: this changes far less often than the actor."""

    id: str
    name: str
    kind: str


@dataclass(frozen=True)
class Printing:
    """One occurrence of a quote together with the source page it is on."""

    quote: Quote
    occurrence: Occurrence
    source: Article | None
    anchor: str


@dataclass(frozen=True)
class Variant:
    """One wording of a quote as some sources printed it."""

    text: str
    sources: list[str]
    diff: list[tuple[str, str]]
    same_words: bool  # only punctuation or capitals differ


@dataclass(frozen=True)
class Evidence:
    """One passage that states a position."""

    mention: Mention
    sentence: str
    source: Article | None


def _grouped(items: Iterable, key, order) -> dict[str, list]:
    """{key: items with that key, sorted by `order`}; an item whose key is a list joins each group."""
    groups: dict[str, list] = defaultdict(list)
    for item in items:
        keys = key(item)
        for k in (keys if isinstance(keys, list) else [keys]):
            groups[k].append(item)
    return {k: sorted(group, key=order) for k, group in groups.items()}


class Catalogue:
    """The dossier indexed by id, with the cross references each page shows, computed once.

    What an entity's page reads of it goes through its facts (`@fact`, dossier.render.trace): the
    methods that take an entity itself read only that entity, or facts."""

    owner = "site"

    def __init__(self, dossier: Dossier, places: Memo[tuple[int, int] | None] | None = None,
                 diffs: Memo[list[tuple[str, str]]] | None = None, recorder: Recorder | None = None) -> None:
        """`places` keeps where each quote was found in its paragraph between builds (dossier.memo):
        finding it normalises the paragraph character by character, for every printing of every quote;
        `diffs` keeps each wording compared with its quote's (word_diff); `recorder` notes the facts
        each page reads."""
        self.dossier = dossier
        self.recorder = recorder or Recorder()
        self.recorder.own(self.owner, self)
        self.places = places if places is not None else Memo(kind=tuple[int, int] | None)
        self.diffs = diffs if diffs is not None else Memo(kind=list[tuple[str, str]])
        self.sources = {s.id: s for s in dossier.sources}
        self.actors = {a.id: a for a in dossier.actors}
        self.quotes = {q.id: q for q in dossier.quotes}
        self.topics = {t.id: t for t in dossier.topics}
        self.positions = {p.id: p for p in dossier.positions}
        self.tombstones = {(t.kind, t.id): t for t in dossier.tombstones}
        self.unconfirmed_speakers = {d.page for d in dossier.doubts if d.kind == "speaker"}  # quote ids (review.py)

        self.printings = self._printings()  # by quote id
        everywhere = [p for printings in self.printings.values() for p in printings]
        in_page_order = lambda p: (p.occurrence.paragraph, p.occurrence.index, p.anchor)  # noqa: E731
        self.printings_in = _grouped(everywhere, lambda p: p.occurrence.source, in_page_order)
        self.printings_at = _grouped(everywhere, lambda p: (p.occurrence.source, p.occurrence.paragraph),
                                     in_page_order)
        # what a link into a source page may point at
        self.source_anchors = {
            s.id: {p.anchor for p in s.paragraphs} | {p.anchor for p in self.printings_in.get(s.id, [])}
            for s in dossier.sources}
        self.first_dates = {
            q.id: min((p.source.date for p in self.printings.get(q.id, []) if p.source and p.source.date), default=None)
            for q in dossier.quotes}

        self._quotes_by = _grouped(dossier.quotes, lambda q: q.speaker or "", self.quote_order)
        self._quotes_on = _grouped(dossier.quotes, lambda q: list(q.topics), self.quote_order)
        self._positions_of = _grouped(dossier.positions, lambda p: p.actor, lambda p: (self.topic_title(p.topic), p.id))
        self._positions_on = _grouped(dossier.positions, lambda p: p.topic, lambda p: (self.actor_name(p.actor), p.id))
        self._positions_in = _grouped(dossier.positions, lambda p: sorted({m.source for m in p.evidence}),
                                      lambda p: (self.actor_name(p.actor), self.topic_title(p.topic), p.id))
        paragraphs: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        for actor in dossier.actors:
            for mention in actor.mentions:
                paragraphs[mention.source][actor.id].add(mention.paragraph)
        self._actors_in = {source: sorted(((self._named(a), sorted(ps)) for a, ps in found.items()),
                                          key=lambda row: (-len(row[1]), row[0].name, row[0].id))
                           for source, found in paragraphs.items()}
        self.co_occurrences = co_occurrences(dossier.actors)
        self._segments: dict[tuple[str, int, str], list[Segment]] = {}  # filled by segments()

    def _named(self, actor_id: str) -> Named:
        actor = self.actors[actor_id]
        return Named(actor.id, actor.name, actor.kind)

    def _printings(self) -> dict[str, list[Printing]]:
        """Each quote's printings in source, paragraph order, with their occurrence anchors."""
        seen: Counter = Counter()
        printings: dict[str, list[Printing]] = defaultdict(list)
        all_occurrences = sorted(
            ((o.source, o.paragraph, o.index, q.id, o) for q in self.dossier.quotes for o in q.occurrences),
            key=lambda row: row[:4])
        for source, _, _, quote_id, occurrence in all_occurrences:
            seen[(source, quote_id)] += 1
            printings[quote_id].append(Printing(self.quotes[quote_id], occurrence, self.sources.get(source),
                                                occurrence_anchor(quote_id, seen[(source, quote_id)])))
        return printings

    # links ----------------------------------------------------------------

    def exists(self, kind: str, page_id: str | None) -> bool:
        if not page_id:
            return False
        live = {"source": self.sources, "actor": self.actors, "quote": self.quotes, "topic": self.topics,
                "position": self.positions}[kind]
        return page_id in live or (kind, page_id) in self.tombstones

    @fact
    def href(self, kind: str, page_id: str | None, anchor: str | None = None) -> str | None:
        """The relative link from any generated page to another, or None when there is no such page
        (then templates print the name without a link). A source anchor that is not on the page is dropped."""
        if not self.exists(kind, page_id):
            return None
        if kind == "source" and anchor and anchor not in self.source_anchors.get(page_id, ()):
            anchor = None
        return f"../{SECTION_OF[kind]}/{page_id}.md" + (f"#{anchor}" if anchor else "")

    def mention_href(self, mention: Mention) -> str | None:
        return self.href("source", mention.source, f"p{mention.paragraph}")

    # entities and names ------------------------------------------------------

    @fact
    def source(self, source_id: str) -> Article | None:
        return self.sources.get(source_id)

    @fact
    def actor(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    @fact
    def quote(self, quote_id: str) -> Quote | None:
        return self.quotes.get(quote_id)

    @fact
    def topic(self, topic_id: str) -> Topic | None:
        return self.topics.get(topic_id)

    @fact
    def position(self, position_id: str) -> Position | None:
        return self.positions.get(position_id)

    @fact
    def tombstone(self, kind: str, page_id: str) -> Tombstone | None:
        return self.tombstones.get((kind, page_id))

    @fact
    def alive(self, kind: str, page_id: str | None) -> bool:
        """Whether an actor or topic has a live page (not a tombstone): what a page may be tagged with."""
        return page_id in {"actor": self.actors, "topic": self.topics}[kind]

    @fact
    def actor_kind(self, actor_id: str | None) -> str | None:
        actor = self.actors.get(actor_id or "")
        return actor.kind if actor else None

    @fact
    def first_role(self, actor_id: str | None) -> str | None:
        actor = self.actors.get(actor_id or "")
        return actor.roles[0][0] if actor and actor.roles else None

    @fact
    def unconfirmed(self, quote_id: str) -> bool:
        """Whether the build withholds a quote's speaker for review (dossier.review)."""
        return quote_id in self.unconfirmed_speakers

    @fact
    def actor_name(self, actor_id: str | None) -> str:
        actor = self.actors.get(actor_id or "")
        if actor:
            return actor.name
        tombstone = self.tombstones.get(("actor", actor_id))
        return tombstone.title if tombstone else (actor_id or "")

    @cached_property
    def lower_case_words(self) -> frozenset[str]:
        """Every word the articles print in lower case: what `in_sentence` may lower. Each distinct word is
        tested once: a dossier prints far fewer distinct words than words (at 10,000 articles, ~1 in 60)."""
        printed: set[str] = set()
        for source in self.dossier.sources:
            for paragraph in source.paragraphs:
                printed.update(_WORD.findall(paragraph.text))
        return frozenset(w for w in printed if w.islower())

    @fact
    def in_sentence(self, title: str) -> str:
        """A title as it reads inside a sentence: 'Ceasefire' -> 'ceasefire' because the articles
        write the word in lower case, while 'Crimea' or 'NATO membership' keep their capitals."""
        first, space, rest = title.partition(" ")
        if first[:1].isupper() and first.lower() in self.lower_case_words:
            return first.lower() + space + rest
        return title

    @fact
    def topic_title(self, topic_id: str) -> str:
        topic = self.topics.get(topic_id)
        return topic.title if topic else topic_id

    # section index pages ------------------------------------------------------

    def sources_in_order(self) -> list[Article]:
        return sorted(self.dossier.sources, key=source_order)

    def actors_by_kind(self) -> list[tuple[str, list[Actor]]]:
        """Kinds alphabetically; in each, the most quoted then most mentioned actors first."""
        order = lambda a: (-len(self.quotes_by(a.id)), -len(a.mentions), a.name, a.id)  # noqa: E731
        return sorted(_grouped(self.dossier.actors, lambda a: a.kind, order).items())

    def quotes_by_speaker(self) -> list[tuple[str | None, str | None, list[Quote]]]:
        """(speaker id, speaker name, quotes) with the most quoted speaker first, unattributed last."""
        groups = _grouped(self.dossier.quotes, lambda q: (q.speaker, None if q.speaker else q.speaker_name),
                          self.quote_order)
        rows = [(speaker, name or self.actor_name(speaker) or None, quotes)
                for (speaker, name), quotes in groups.items()]
        return sorted(rows, key=lambda row: (row[0] is None and row[1] is None, -len(row[2]),
                                             row[1] or "", row[0] or ""))

    def topics_in_order(self) -> list[Topic]:
        return sorted(self.dossier.topics, key=lambda t: (-len(self.positions_on(t.id)), t.title, t.id))

    def positions_in_order(self) -> list[Position]:
        return sorted(self.dossier.positions,
                      key=lambda p: (self.actor_name(p.actor), self.topic_title(p.topic), p.id))

    def withdrawn(self, section: str) -> list[Tombstone]:
        return sorted((t for t in self.dossier.tombstones if SECTION_OF.get(t.kind) == section),
                      key=lambda t: (t.title, t.id))

    # one page's cross references ------------------------------------------

    @fact
    def printings_of(self, quote_id: str) -> list[Printing]:
        return self.printings.get(quote_id, [])

    @fact
    def printed_in(self, source_id: str) -> list[Printing]:
        """The printings of every quote on a source page, in page order."""
        return self.printings_in.get(source_id, [])

    def quote_sources(self, quote_id: str) -> list[str]:
        return sorted({p.occurrence.source for p in self.printings_of(quote_id)})

    @fact
    def first_reported(self, quote_id: str) -> str | None:
        return self.first_dates.get(quote_id)

    def quote_order(self, quote: Quote) -> tuple:
        return (self.first_reported(quote.id) or "9999", quote.id)

    def variants(self, quote: Quote) -> list[Variant]:
        """The wordings sources printed that differ from the canonical one, with the sources that
        printed each."""
        printed: dict[str, set[str]] = defaultdict(set)
        for printing in self.printings_of(quote.id):
            printed[normalise(printing.occurrence.text)].add(printing.occurrence.source)
        canonical = normalise(quote.text)
        return [Variant(text, sorted(sources), self._diff(canonical, text), words(text) == words(canonical))
                for text, sources in sorted(printed.items()) if text != canonical]

    def _diff(self, canonical: str, text: str) -> list[tuple[str, str]]:
        return self.diffs.get(call_key(canonical, text), lambda: word_diff(canonical, text))

    @fact
    def quotes_by(self, actor_id: str) -> list[Quote]:
        return self._quotes_by.get(actor_id, [])

    @fact
    def quotes_on(self, topic_id: str) -> list[Quote]:
        return self._quotes_on.get(topic_id, [])

    @fact
    def actors_in(self, source_id: str) -> list[tuple[Named, list[int]]]:
        """The actors a source mentions, with the paragraphs; the most mentioned first."""
        return self._actors_in.get(source_id, [])

    @fact
    def positions_of(self, actor_id: str) -> list[Position]:
        return self._positions_of.get(actor_id, [])

    @fact
    def positions_on(self, topic_id: str) -> list[Position]:
        return self._positions_on.get(topic_id, [])

    @fact
    def positions_in(self, source_id: str) -> list[Position]:
        return self._positions_in.get(source_id, [])

    def evidence(self, position: Position) -> list[Evidence]:
        """A position's passages with their sentences and sources, oldest first."""
        rows = [Evidence(mention, position.sentences[i] if i < len(position.sentences) else "",
                         self.source(mention.source))
                for i, mention in enumerate(position.evidence)]
        return sorted(rows, key=lambda row: (row.source is None or row.source.date is None,
                                             row.source.date or "" if row.source else "", row.mention.source,
                                             row.mention.paragraph))

    def roles_of(self, actor: Actor) -> list[tuple[str, list[str]]]:
        """Each role once, in the order first given, with every source that gave it."""
        sources: dict[str, list[str]] = {}
        for role, source_id in actor.roles:
            sources.setdefault(role, [])
            if source_id not in sources[role]:
                sources[role].append(source_id)
        return list(sources.items())

    def sources_mentioning(self, actor: Actor) -> list[tuple[Article, list[int]]]:
        paragraphs: dict[str, set[int]] = defaultdict(set)
        for mention in actor.mentions:
            paragraphs[mention.source].add(mention.paragraph)
        found = [(source, sorted(ps)) for s, ps in paragraphs.items() if (source := self.source(s))]
        return sorted(found, key=lambda row: source_order(row[0]))

    def context(self, printing: Printing, around: int = 1) -> list[tuple[int, list[Segment]]]:
        """The paragraphs around one printing of a quote (`around` before and after), each cut
        into segments, so a quote page can show what the words answered. Only this printing is
        a quote segment: the reader's eye goes to the words the page is about."""
        source = printing.source
        if source is None:
            return []
        index = printing.occurrence.paragraph
        rows = []
        for paragraph in source.paragraphs[max(index - around - 1, 0):index + around]:  # indexes are 1-based
            segments = [segment if segment.anchor == printing.anchor else Segment(segment.text)
                        for segment in self.segments(source, paragraph.index, paragraph.text)]
            rows.append((paragraph.index, [s for s in segments if s.text]))
        return rows

    def segments(self, source: Article, paragraph_index: int, text: str) -> list[Segment]:
        """The paragraph cut into plain text and the quotes printed in it; a quote that cannot be
        found in the words still gets its anchor, at the start of the paragraph. Cut once: the
        source page and the quote pages around each printing all show the same cuts. The printings
        it cuts around are the source's, read as the fact `printed_in`."""
        self.printed_in(source.id)
        key = (source.id, paragraph_index, text)
        if key not in self._segments:
            self._segments[key] = self._cut(source, paragraph_index, text)
        return self._segments[key]

    def _cut(self, source: Article, paragraph_index: int, text: str) -> list[Segment]:
        placed: list[tuple[int, int, Printing]] = []
        unplaced: list[Printing] = []
        for printing in self.printings_at.get((source.id, paragraph_index), []):
            needle = printing.occurrence.text
            span = self.places.get(call_key(text, needle), lambda: locate(text, needle))
            if span and all(span[1] <= start or span[0] >= end for start, end, _ in placed):
                placed.append((*span, printing))
            else:
                unplaced.append(printing)
        segments = [Segment("", p.quote, p.anchor) for p in unplaced]
        cursor = 0
        for start, end, printing in sorted(placed, key=lambda row: row[0]):
            if start > cursor:
                segments.append(Segment(text[cursor:start]))
            segments.append(Segment(text[start:end], printing.quote, printing.anchor))
            cursor = end
        if cursor < len(text):
            segments.append(Segment(text[cursor:]))
        return segments


def source_order(source: Article) -> tuple:
    """Oldest first, as the story unfolded; undated sources last, then by title."""
    return (source.date is None, source.date or "", source.title, source.id)
