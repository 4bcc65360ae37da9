"""The story-level views of a dossier: the home page's summary and positions matrix, the timeline,
the outlet x quote coverage, the relationships diagram and what changed.

Render's Catalogue answers "what is on this page"; `Story` answers "what does the whole dossier
say", for the pages that look across it. Everything is computed from the dossier alone (dates come
from the articles, never the clock), so the same seeds give the same pages. Markup stays in the
templates: this module hands them plain values (and, for the diagram, coordinates).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import format_datetime
from datetime import datetime, timezone
from functools import cached_property
from itertools import pairwise
from operator import attrgetter
from typing import TYPE_CHECKING

from dossier import cite
from dossier.model import Actor, Article, Mention, Position, Quote, Topic
from dossier.spokespeople import office_of
from dossier.trace import fact

if TYPE_CHECKING:
    from dossier.render import Catalogue, Printing

# How much the home page and the diagram show: enough to read on one screen, the rest is a click away.
MAIN_ACTORS = 8
LATEST_STATEMENTS = 3
MATRIX_ACTORS = 20  # the home page's positions matrix: its rows and columns at most
MATRIX_TOPICS = 8
FEED_ITEMS = 50  # the newest changes in the RSS feed
GRAPH_NODES = 14
GRAPH_EDGES = 24
RELATIONS_PER_ACTOR = 8


@dataclass(frozen=True)
class Event:
    """One dated (or undated) thing on the timeline: a quote first reported, or a stance stated."""

    date: str | None
    mention: Mention  # where it was said
    actor: str | None
    topics: tuple[str, ...]
    text: str
    quote: Quote | None = None
    position: Position | None = None


@dataclass(frozen=True)
class Edge:
    """`source` relates to `target`: speaks about it (in quotes), speaks for it (affiliation), or is
    named with it in the same paragraphs. `weight` orders edges: quotes, then shared paragraphs."""

    source: str
    target: str
    kind: str  # "speaks-about" | "part-of" | "named-with"
    weight: int
    office: str | None = None  # part-of: "official" speaks for it, "leader" leads it (spokespeople.office_of)


@dataclass(frozen=True)
class Node:
    actor: Actor
    x: float
    y: float
    anchor: str  # where its label sits: "start" | "middle" | "end"
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Line:
    edge: Edge
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Coverage:
    """Which sources carried a quote, and which reported it first (every source of the earliest date)."""

    quote: Quote
    carried: dict[str, Printing]  # source id -> its first printing
    first: tuple[str, ...]


@dataclass(frozen=True)
class StanceChange:
    """A position's stance turned from `before` to `after` by one source (its Change's)."""

    position: Position
    before: str
    after: str


@dataclass(frozen=True)
class Change:
    """What one source added to the dossier: the quotes, actors and positions it was first to give,
    and the stances it changed (the ledger's stance history, ids.py, says which and from what)."""

    source: Article
    quotes: tuple[Quote, ...]
    actors: tuple[Actor, ...]
    positions: tuple[Position, ...]
    stances: tuple[StanceChange, ...] = ()


def rfc822(day: str | None) -> str | None:
    """'2025-03-17' -> 'Mon, 17 Mar 2025 00:00:00 +0000' (RSS pubDate); None when not a date."""
    parsed = cite.iso_date(day[:10]) if day else None
    if not parsed:
        return None
    return format_datetime(datetime(parsed.year, parsed.month, parsed.day, tzinfo=timezone.utc))


def group_by_date(events: list, date_of: Callable[[object], str | None] = attrgetter("date")) -> list[tuple[str | None, list]]:
    """Events (or their rows, with `date_of` reading the date) in date order, grouped by day; the undated group last."""
    groups: dict[str | None, list] = defaultdict(list)
    for event in events:
        groups[date_of(event)].append(event)
    return sorted(groups.items(), key=lambda item: (item[0] is None, item[0] or ""))


def printing_order(printing: Printing) -> tuple:
    """Printings in the order they were published; undated last."""
    date = printing.source.date if printing.source else None
    return (date is None, date or "", printing.occurrence.source, printing.occurrence.paragraph)


def circle_layout(actors: list[Actor], size: float = 600, radius: float = 230) -> dict[str, Node]:
    """Actors placed evenly on a circle (the first at the top, clockwise), each label outside it."""
    centre = size / 2
    nodes = {}
    for i, actor in enumerate(actors):
        angle = 2 * math.pi * i / max(len(actors), 1) - math.pi / 2
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        dx, dy = math.cos(angle), math.sin(angle)
        anchor = "middle" if abs(dx) < 0.3 else ("start" if dx > 0 else "end")
        nodes[actor.id] = Node(actor, round(x, 1), round(y, 1), anchor, round(x + 14 * dx, 1),
                               round(y + 14 * dy + (10 if dy > 0.3 else 4 if dy > -0.3 else -4), 1))
    return nodes


class Story:
    """The dossier read as a whole, for the home page and the story pages. What an entity's page
    shows of it (its timeline, its relationships) are facts (dossier.render.trace)."""

    owner = "story"

    def __init__(self, site: Catalogue) -> None:
        self.site = site
        self.dossier = site.dossier
        self.recorder = site.recorder
        self.recorder.own(self.owner, self)

    # the dossier in numbers -------------------------------------------------

    @cached_property
    def dates(self) -> list[str]:
        return sorted(s.date for s in self.dossier.sources if s.date)

    @cached_property
    def outlets(self) -> list[str]:
        return sorted({s.outlet for s in self.dossier.sources if s.outlet})

    @cached_property
    def undated_sources(self) -> int:
        return sum(1 for s in self.dossier.sources if not s.date)

    def weight(self, actor: Actor) -> tuple:
        """How central an actor is: quotes, positions, then paragraphs that mention it."""
        return (-len(self.site.quotes_by(actor.id)) - len(self.site.positions_of(actor.id)),
                -len(actor.mentions), actor.name, actor.id)

    @cached_property
    def main_actors(self) -> list[Actor]:
        return sorted(self.dossier.actors, key=self.weight)[:MAIN_ACTORS]

    @cached_property
    def main_topics(self) -> list[Topic]:
        return self.site.topics_in_order()

    def stance_of(self, actor: Actor) -> Position | None:
        """The actor's best-evidenced position: its stance in a word on the home page."""
        positions = self.site.positions_of(actor.id)
        return min(positions, key=lambda p: (-len(p.evidence), self.site.topic_title(p.topic), p.id),
                   default=None)

    # the positions matrix ------------------------------------------------------

    @cached_property
    def matrix_actors(self) -> list[Actor]:
        return sorted((a for a in self.dossier.actors if self.site.positions_of(a.id)), key=self.weight)[:MATRIX_ACTORS]

    @cached_property
    def matrix_topics(self) -> list[Topic]:
        return [t for t in self.main_topics if self.site.positions_on(t.id)][:MATRIX_TOPICS]

    @cached_property
    def _cells(self) -> dict[tuple[str, str], Position]:
        return {(p.actor, p.topic): p for p in self.dossier.positions}

    def cell(self, actor_id: str, topic_id: str) -> Position | None:
        return self._cells.get((actor_id, topic_id))

    # the timeline ---------------------------------------------------------------

    @cached_property
    def events(self) -> list[Event]:
        """Each quote at its first report and each stated stance at its source's date, in date order;
        undated ones last, never given a date."""
        events = []
        for quote in self.dossier.quotes:
            printings = self.site.printings_of(quote.id)
            first = min(printings, key=printing_order, default=None)
            if first:
                events.append(Event(self.site.first_reported(quote.id), Mention(first.occurrence.source,
                                    first.occurrence.paragraph), quote.speaker, tuple(quote.topics), quote.text,
                                    quote=quote))
        for position in self.dossier.positions:
            for i, mention in enumerate(position.evidence):
                source = self.site.sources.get(mention.source)
                sentence = position.sentences[i] if i < len(position.sentences) else ""
                events.append(Event(source.date if source else None, mention, position.actor, (position.topic,),
                                    sentence, position=position))
        return sorted(events, key=self._event_order)

    def _event_order(self, event: Event) -> tuple:
        source = self.site.sources.get(event.mention.source)
        return (event.date is None, event.date or "", source.title if source else "", event.mention.source,
                event.mention.paragraph, event.quote is None, event.text, event.actor or "",
                event.quote.id if event.quote else event.position.id)

    @cached_property
    def _events_of(self) -> dict[str, list[Event]]:
        return _index(self.events, lambda e: [e.actor] if e.actor else [])

    @cached_property
    def _events_on(self) -> dict[str, list[Event]]:
        return _index(self.events, lambda e: list(e.topics))

    @fact
    def events_of(self, actor: str | None = None, topic: str | None = None) -> list[Event]:
        """The timeline's events in date order: the whole dossier's, or one actor's, or one topic's."""
        if actor is not None:
            return self._events_of.get(actor, [])
        if topic is not None:
            return self._events_on.get(topic, [])
        return self.events

    def timeline(self, actor: str | None = None, topic: str | None = None) -> list[tuple[str | None, list[Event]]]:
        """The timeline grouped by day."""
        return group_by_date(self.events_of(actor, topic))

    @cached_property
    def latest(self) -> list[Event]:
        """The most recent dated quotes, newest first."""
        dated = [e for e in self.events if e.quote and e.date]
        return sorted(dated, key=lambda e: e.date, reverse=True)[:LATEST_STATEMENTS]

    # coverage ------------------------------------------------------------------------

    @cached_property
    def coverage(self) -> list[Coverage]:
        rank = {s.id: i for i, s in enumerate(self.site.sources_in_order())}
        rows = []
        for quote in sorted(self.dossier.quotes, key=self.site.quote_order):
            carried: dict[str, Printing] = {}
            for printing in self.site.printings_of(quote.id):
                carried.setdefault(printing.occurrence.source, printing)
            first_date = self.site.first_reported(quote.id)
            # its first day's sources, in the sources' order: sought among those that carried it, not among all
            first = tuple(sorted((s for s in carried if s in rank and first_date
                                  and self.site.sources[s].date == first_date), key=rank.__getitem__))
            rows.append(Coverage(quote, carried, first))
        return rows

    # relationships ----------------------------------------------------------------------

    @cached_property
    def edges(self) -> list[Edge]:
        """Every relationship, the strongest first: quotes about another actor, affiliation, then
        being named in the same paragraphs."""
        about: Counter = Counter()
        for quote in self.dossier.quotes:
            for other in quote.actors:
                if quote.speaker and other != quote.speaker and other in self.site.actors:
                    about[(quote.speaker, other)] += 1
        edges = [Edge(a, b, "speaks-about", n) for (a, b), n in about.items()]
        edges += [Edge(a.id, a.affiliation, "part-of", 1, office_of(a)) for a in self.dossier.actors
                  if a.affiliation in self.site.actors and a.affiliation != a.id]
        linked = {frozenset((e.source, e.target)) for e in edges}
        for actor_id, others in self.site.co_occurrences.items():
            for other, paragraphs, _ in others:
                pair = frozenset((actor_id, other))
                if actor_id < other and pair not in linked:
                    edges.append(Edge(actor_id, other, "named-with", paragraphs))
        rank = {"speaks-about": 0, "part-of": 1, "named-with": 2}
        return sorted(edges, key=lambda e: (rank[e.kind], -e.weight, e.source, e.target))

    @cached_property
    def _edges_by_actor(self) -> dict[str, list[Edge]]:
        return _index(self.edges, lambda e: [e.source, e.target])

    @fact
    def edges_of(self, actor_id: str) -> list[Edge]:
        """An actor's strongest relationships: its own diagram, in words."""
        return self._edges_by_actor.get(actor_id, [])[:RELATIONS_PER_ACTOR]

    @cached_property
    def related_actors(self) -> list[Actor]:
        """The actors with relationships, the main actors first, then by name."""
        main = {a.id for a in self.main_actors}
        rest = sorted((a for a in self.dossier.actors if a.id not in main), key=lambda a: (a.name, a.id))
        return [a for a in [*self.main_actors, *rest] if self.edges_of(a.id)]

    @cached_property
    def graph(self) -> tuple[list[Node], list[Line]]:
        """The diagram: the GRAPH_NODES most connected actors on a circle, and the strongest
        GRAPH_EDGES relationships among them, so it stays readable at any number of actors."""
        degree: Counter = Counter()
        for edge in self.edges:
            degree[edge.source] += edge.weight
            degree[edge.target] += edge.weight
        chosen = sorted((self.site.actors[a] for a in degree),
                        key=lambda a: (-degree[a.id], a.name, a.id))[:GRAPH_NODES]
        nodes = circle_layout(sorted(chosen, key=lambda a: (a.kind, a.name, a.id)))
        shown = [e for e in self.edges if e.source in nodes and e.target in nodes][:GRAPH_EDGES]
        lines = [Line(e, nodes[e.source].x, nodes[e.source].y, *_short_of(nodes[e.source], nodes[e.target]))
                 for e in shown]
        return list(nodes.values()), lines

    # what changed -----------------------------------------------------------------------------

    @cached_property
    def feed(self) -> list[Change]:
        """What the RSS feed carries: the newest changes."""
        return self.changes[:FEED_ITEMS]

    @cached_property
    def changes(self) -> list[Change]:
        """For each source, newest first (undated last), what it was the first to bring and the
        stances it changed: the order is the articles' own dates, so a rebuild never reshuffles it.
        A stance change whose source is gone stays in the ledger but has no article to sit under."""
        order = self.site.sources_in_order()
        rank = {s.id: i for i, s in enumerate(order)}

        def first_source(source_ids) -> str | None:
            known = [s for s in source_ids if s in rank]
            return min(known, key=rank.__getitem__) if known else None

        brought: dict[str | None, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for quote in sorted(self.dossier.quotes, key=self.site.quote_order):
            brought[first_source(self.site.quote_sources(quote.id))]["quotes"].append(quote)
        for actor in sorted(self.dossier.actors, key=self.weight):
            brought[first_source(m.source for m in actor.mentions)]["actors"].append(actor)
        for position in self.site.positions_in_order():
            brought[first_source(m.source for m in position.evidence)]["positions"].append(position)
            for before, after in pairwise(position.history):
                brought[after.source]["stances"].append(StanceChange(position, before.stance, after.stance))
        dated = sorted((s for s in order if s.date), key=lambda s: (s.date, rank[s.id]), reverse=True)
        return [Change(s, tuple(brought[s.id]["quotes"]), tuple(brought[s.id]["actors"]),
                       tuple(brought[s.id]["positions"]), tuple(brought[s.id]["stances"]))
                for s in dated + [s for s in order if not s.date]]


def _index(items: list, keys) -> dict[str, list]:
    """{key: the items with that key, in their order}: one pass instead of a scan per page."""
    index: dict[str, list] = defaultdict(list)
    for item in items:
        for key in keys(item):
            index[key].append(item)
    return index


def _short_of(start: Node, end: Node, gap: float = 9) -> tuple[float, float]:
    """The end of a line from `start` to `end` stopped `gap` short, so its arrow head shows."""
    dx, dy = end.x - start.x, end.y - start.y
    length = math.hypot(dx, dy) or 1
    return round(end.x - gap * dx / length, 1), round(end.y - gap * dy / length, 1)
