"""Stage 5: Dossier -> Markdown pages with YAML frontmatter, through the Jinja2 templates.

`render` is pure: it returns {path relative to docs/: page text} and touches
nothing; dossier.publish writes it.

Article text is data. It only ever reaches Jinja as a context value, and every
place a template prints it goes through the one `md` filter (`escape_markdown`),
which makes it inert for Markdown *and* HTML: no tag, link, emphasis, attribute
list or list marker can come out of it. Frontmatter is written by PyYAML's safe dumper
here, never by a template; its `title`, which every renderer prints as HTML, is written
HTML-escaped (`html_title`), so the site is safe without renderer hooks. Markup lives in the templates; this module only
builds their context (who said what, where, how often).
"""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup
from yaml_env_tag import construct_env_tag

from dossier import cite
from dossier.publish import GENERATED_SECTIONS
from dossier.story import Story, rfc822
from dossier.model import Actor, Article, Dossier, Mention, Occurrence, Position, Quote, Tombstone, Topic
from dossier.text import DASHES, ID_PATTERN, QUOTE_MARKS, http_url, is_id, normalise, words


SECTION_OF = {"source": "sources", "actor": "actors", "quote": "quotes", "topic": "topics", "position": "positions"}
SECTION_TITLES = {"sources": "Sources", "actors": "Actors", "quotes": "Quotes", "topics": "Topics",
                  "positions": "Positions", "story": "The story"}
# The pages that look across the whole dossier (dossier.story), in story/: {id: title}.
STORY_PAGES = {"timeline": "Timeline", "coverage": "Coverage", "relationships": "Relationships",
               "changes": "What changed", "tags": "Tags"}
# The home page's story at a glance: no page of its own (not .md, and mkdocs.yml excludes it);
# docs/index.md includes it through pymdownx.snippets, so its links are written from docs/.
# The feed is RSS. Neither has frontmatter.
HOME_SNIPPET = "story/home.snippet"
FEED = "story/feed.xml"
# A source page's tags: the actors and topics it is most about (the rest are in its body).
SOURCE_TAGS = 6

_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[^\W\d_]+")
_INTERNAL_HREF = re.compile(rf"(\.\./[a-z]+/{ID_PATTERN}\.md)?(#[A-Za-z][A-Za-z0-9_-]*)?")


# --------------------------------------------------------------------------
# escaping

# Characters that mean something to Markdown (inline syntax, attribute lists, tables, extensions)
# or to HTML. Numeric character references show as the character and start no syntax in either.
_ALWAYS_ESCAPED = str.maketrans({ch: f"&#{ord(ch)};" for ch in "&<>\"\\`*_{}[]()#+!|~^=$"})
# Only at the start of a line do these open a block (list item, heading underline, ordered list).
_LINE_START = re.compile(r"^([-.]|\d+(?=[.)]))")
_WHITESPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # includes Python-Markdown's \x02/\x03 stash markers


def plain_text(value: object) -> str:
    """`value` as one line of text: each run of whitespace (line breaks too) folded to one space,
    control characters dropped."""
    return _WHITESPACE.sub(" ", _CONTROL.sub("", str(value)))


def escape_markdown(value: object) -> Markup:
    """`value` as literal text inside Markdown or raw HTML: `plain_text`, with every
    Markdown/HTML-significant character a character reference."""
    text = plain_text(value).translate(_ALWAYS_ESCAPED)
    match = _LINE_START.match(text)
    if match and match.group(1) in "-.":
        text = f"&#{ord(text[0])};{text[1:]}"
    elif match:  # "1986. The year" would start an ordered list: escape the dot after the digits
        end = match.end()
        text = text[:end] + f"&#{ord(text[end])};" + text[end + 1:]
    return Markup(text)


def html_title(value: object) -> str:
    """A page title as the frontmatter carries it: `plain_text`, then HTML-escaped (&, <, >, ").

    MkDocs, Material and Zensical all treat `title` as HTML and print it unescaped (<title>, header,
    navigation, search index), so the escaping is done here, in what dossier writes: no renderer
    hook is needed. `html.unescape(title)` gives the text back."""
    return html.escape(plain_text(value), quote=False).replace('"', "&quot;")


def internal_href(target: str) -> str:
    """`target` checked to be a link this module made (../<section>/<id>.md#anchor or #anchor):
    the `path` filter, so nothing else can be printed as a link target."""
    if not target or not _INTERNAL_HREF.fullmatch(target):
        raise ValueError(f"render: {target!r} is not an internal link")
    return target


def url_attribute(url: str | None) -> Markup:
    """An http(s) URL escaped for an HTML attribute; anything else becomes an empty href."""
    checked = http_url(url)
    return Markup(html.escape(checked, quote=True)) if checked else Markup("")


# --------------------------------------------------------------------------
# frontmatter


class _FrontmatterDumper(yaml.SafeDumper):
    """safe_dump, but any string with a line break or unprintable character is double-quoted with
    escapes, so every key stays on one line and no value can close the frontmatter block."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None if value.isprintable() else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_FrontmatterDumper.add_representer(str, _represent_str)


def frontmatter(meta: Mapping[str, object]) -> str:
    """The `---` block that opens every generated page; keys keep the order given."""
    dumped = yaml.dump(dict(meta), Dumper=_FrontmatterDumper, allow_unicode=True, sort_keys=False,
                       default_flow_style=False, width=1_000_000)
    return f"---\n{dumped}---\n"


# --------------------------------------------------------------------------
# small pure helpers the context builders use


def occurrence_anchor(quote_id: str, nth: int = 1) -> str:
    """The id of a quote's `nth` printing on one source page: q-<quote id>, then q-<quote id>-2, ..."""
    return f"q-{quote_id}" if nth == 1 else f"q-{quote_id}-{nth}"


def human_date(value: str | None) -> str:
    """'2025-03-17' -> '17 March 2025' (locale-independent); anything unparsable as given."""
    day = cite.iso_date(value[:10]) if value else None
    if not day:
        return value or ""
    return f"{day.day} {cite.MONTHS[day.month - 1]} {day.year}"


def word_diff(canonical: str, variant: str) -> list[tuple[str, str]]:
    """How `variant` differs from `canonical`, word by word: [("same"|"del"|"ins", words)].
    Words compare as dossier.text.words sees them, so case and punctuation alone are no change."""
    old, new = _TOKEN.findall(canonical), _TOKEN.findall(variant)

    def key(token: str) -> str:
        return " ".join(words(token)) or token

    matcher = difflib.SequenceMatcher(None, [key(t) for t in old], [key(t) for t in new], autojunk=False)
    parts: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(("same", " ".join(new[j1:j2])))
            continue
        if i2 > i1:
            parts.append(("del", " ".join(old[i1:i2])))
        if j2 > j1:
            parts.append(("ins", " ".join(new[j1:j2])))
    return parts


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


def _char_normalised(text: str) -> tuple[str, list[int]]:
    """normalise(text) built character by character, with each output character's offset in `text`."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        for piece in unicodedata.normalize("NFKC", ch).translate(QUOTE_MARKS).translate(DASHES):
            if piece.isspace():
                if not out or out[-1] == " ":
                    continue
                piece = " "
            out.append(piece)
            offsets.append(i)
    return "".join(out), offsets


def locate(text: str, needle: str) -> tuple[int, int] | None:
    """Where `needle` (compared after normalise) is printed in `text`, as offsets into `text`.
    A quote that runs on into the next paragraph matches from its start to the end of `text`."""
    wanted = normalise(needle)
    if not wanted:
        return None
    flat, offsets = _char_normalised(text)
    start = flat.find(wanted)
    if start >= 0:
        return offsets[start], offsets[start + len(wanted) - 1] + 1
    head = wanted[:20]
    start = flat.find(head)
    while start >= 0:
        if wanted.startswith(flat[start:].rstrip()):
            return offsets[start], len(text.rstrip())
        start = flat.find(head, start + 1)
    return None


# --------------------------------------------------------------------------
# the catalogue: every lookup and grouping the templates need, computed once


@dataclass(frozen=True)
class Segment:
    """A stretch of a paragraph: plain text, or one printing of a quote."""

    text: str
    quote: Quote | None = None
    anchor: str | None = None


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


def _grouped(items: Iterable, key, order) -> dict[str, list]:
    """{key: items with that key, sorted by `order`}; an item whose key is a list joins each group."""
    groups: dict[str, list] = defaultdict(list)
    for item in items:
        keys = key(item)
        for k in (keys if isinstance(keys, list) else [keys]):
            groups[k].append(item)
    return {k: sorted(group, key=order) for k, group in groups.items()}


class Catalogue:
    """The dossier indexed by id, with the cross references each page shows, computed once."""

    def __init__(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.sources = {s.id: s for s in dossier.sources}
        self.actors = {a.id: a for a in dossier.actors}
        self.quotes = {q.id: q for q in dossier.quotes}
        self.topics = {t.id: t for t in dossier.topics}
        self.positions = {p.id: p for p in dossier.positions}
        self.tombstones = {(t.kind, t.id): t for t in dossier.tombstones}

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
        self._actors_in = {source: sorted(((self.actors[a], sorted(ps)) for a, ps in found.items()),
                                          key=lambda row: (-len(row[1]), row[0].name, row[0].id))
                           for source, found in paragraphs.items()}
        self.co_occurrences = co_occurrences(dossier.actors)
        self._segments: dict[tuple[str, int, str], list[Segment]] = {}  # filled by segments()

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

    # names ------------------------------------------------------------------

    def actor_name(self, actor_id: str | None) -> str:
        actor = self.actors.get(actor_id or "")
        if actor:
            return actor.name
        tombstone = self.tombstones.get(("actor", actor_id))
        return tombstone.title if tombstone else (actor_id or "")

    @cached_property
    def lower_case_words(self) -> frozenset[str]:
        """Every word the articles print in lower case: what `in_sentence` may lower."""
        return frozenset(w for s in self.dossier.sources for p in s.paragraphs for w in _WORD.findall(p.text)
                         if w.islower())

    def in_sentence(self, title: str) -> str:
        """A title as it reads inside a sentence: 'Ceasefire' -> 'ceasefire' because the articles
        write the word in lower case, while 'Crimea' or 'NATO membership' keep their capitals."""
        first, space, rest = title.partition(" ")
        if first[:1].isupper() and first.lower() in self.lower_case_words:
            return first.lower() + space + rest
        return title

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

    def quote_sources(self, quote: Quote) -> list[str]:
        return sorted({p.occurrence.source for p in self.printings.get(quote.id, [])})

    def first_reported(self, quote: Quote) -> str | None:
        return self.first_dates.get(quote.id)

    def quote_order(self, quote: Quote) -> tuple:
        return (self.first_reported(quote) or "9999", quote.id)

    def variants(self, quote: Quote) -> list[Variant]:
        """The wordings sources printed that differ from the canonical one, with the sources that
        printed each."""
        printed: dict[str, set[str]] = defaultdict(set)
        for printing in self.printings.get(quote.id, []):
            printed[normalise(printing.occurrence.text)].add(printing.occurrence.source)
        canonical = normalise(quote.text)
        return [Variant(text, sorted(sources), word_diff(canonical, text), words(text) == words(canonical))
                for text, sources in sorted(printed.items()) if text != canonical]

    def quotes_by(self, actor_id: str) -> list[Quote]:
        return self._quotes_by.get(actor_id, [])

    def quotes_on(self, topic_id: str) -> list[Quote]:
        return self._quotes_on.get(topic_id, [])

    def actors_in(self, source_id: str) -> list[tuple[Actor, list[int]]]:
        """The actors a source mentions, with the paragraphs; the most mentioned first."""
        return self._actors_in.get(source_id, [])

    def positions_of(self, actor_id: str) -> list[Position]:
        return self._positions_of.get(actor_id, [])

    def positions_on(self, topic_id: str) -> list[Position]:
        return self._positions_on.get(topic_id, [])

    def positions_in(self, source_id: str) -> list[Position]:
        return self._positions_in.get(source_id, [])

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
        found = [(self.sources[s], sorted(ps)) for s, ps in paragraphs.items() if s in self.sources]
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
        source page and the quote pages around each printing all show the same cuts."""
        key = (source.id, paragraph_index, text)
        if key not in self._segments:
            self._segments[key] = self._cut(source, paragraph_index, text)
        return self._segments[key]

    def _cut(self, source: Article, paragraph_index: int, text: str) -> list[Segment]:
        placed: list[tuple[int, int, Printing]] = []
        unplaced: list[Printing] = []
        for printing in self.printings_at.get((source.id, paragraph_index), []):
            span = locate(text, printing.occurrence.text)
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


# --------------------------------------------------------------------------
# pages


def quote_title(quote: Quote, limit: int = 70) -> str:
    """'Speaker: "first words..."' - the page title and the label quote links use."""
    text = " ".join(quote.text.split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.-") + "…"
    return f"{quote.speaker_name}: “{text}”" if quote.speaker_name else f"“{text}”"


def position_title(catalogue: Catalogue, position: Position) -> str:
    return f"{catalogue.actor_name(position.actor)} on {catalogue.topic_title(position.topic)}"


def _about(catalogue: Catalogue, actor_ids: Iterable[str | None], topic_ids: Iterable[str]) -> tuple[set, set]:
    """The names of the actors and the titles of the topics a page is about, as plain text."""
    return ({plain_text(catalogue.actor_name(a)) for a in actor_ids if a in catalogue.actors},
            {plain_text(catalogue.topic_title(t)) for t in topic_ids if t in catalogue.topics})


def tags(catalogue: Catalogue, actor_ids: Iterable[str | None] = (), topic_ids: Iterable[str] = ()) -> list[str]:
    """Material tags for a page: the names of the actors and topics it is about, HTML-escaped
    because Material prints tag names as HTML."""
    actors, topics = _about(catalogue, actor_ids, topic_ids)
    return sorted(html.escape(name, quote=True) for name in actors | topics)


def search_filters(catalogue: Catalogue, section: str, actor_ids: Iterable[str | None] = (),
                   topic_ids: Iterable[str] = (), outlets: Iterable[str | None] = ()) -> dict[str, list[str]]:
    """The search filters a reader can narrow results by (overrides/main.html makes each value a
    Pagefind filter): the kind of page, and the actors, topics and outlets it is about. Plain text;
    the theme escapes it."""
    actors, topics = _about(catalogue, actor_ids, topic_ids)
    return {"type": [SECTION_TITLES[section]], "actor": sorted(actors), "topic": sorted(topics),
            "outlet": sorted({plain_text(outlet) for outlet in outlets if outlet})}


def source_subjects(catalogue: Catalogue, source_id: str) -> tuple[list[str], list[str]]:
    """The actor and topic ids a source is about: who is quoted or holds a position there, and what
    those quotes and positions are on; the SOURCE_TAGS weightiest (quotes plus positions there).
    An actor it only names is not what it is about: tagging every name would tag most pages alike."""
    weight: Counter = Counter()
    for printing in catalogue.printings_in.get(source_id, []):
        weight.update([("actor", printing.quote.speaker)] if printing.quote.speaker else [])
        weight.update(("topic", topic) for topic in printing.quote.topics)
    for position in catalogue.positions_in(source_id):
        weight.update([("actor", position.actor), ("topic", position.topic)])
    name = {"actor": catalogue.actor_name, "topic": catalogue.topic_title}
    chosen = sorted(weight, key=lambda item: (-weight[item], name[item[0]](item[1]), item))[:SOURCE_TAGS]
    return [i for kind, i in chosen if kind == "actor"], [i for kind, i in chosen if kind == "topic"]


def _source_meta(catalogue: Catalogue, source: Article) -> dict:
    actors, topics = source_subjects(catalogue, source.id)
    return {"type": "source", "id": source.id, "title": source.title, "file": source.file, "date": source.date,
            "updated": source.updated, "outlet": source.outlet, "byline": source.byline,
            "credited": list(source.credited), "dateline": source.dateline, "url": http_url(source.url),
            "tags": tags(catalogue, actors, topics),
            "filters": search_filters(catalogue, "sources", actors, topics, [source.outlet])}


def _actor_meta(catalogue: Catalogue, actor: Actor) -> dict:
    return {"type": "actor", "id": actor.id, "title": actor.name, "name": actor.name, "kind": actor.kind,
            "aliases": sorted(set(actor.aliases)), "affiliation": actor.affiliation,
            "tags": tags(catalogue, [actor.id]), "filters": search_filters(catalogue, "actors", [actor.id])}


def _quote_meta(catalogue: Catalogue, quote: Quote) -> dict:
    sources = sorted({p.occurrence.source for p in catalogue.printings.get(quote.id, [])})
    outlets = [catalogue.sources[s].outlet for s in sources if s in catalogue.sources]
    return {"type": "quote", "id": quote.id, "title": quote_title(quote), "text": quote.text,
            "speaker": quote.speaker, "speaker_name": quote.speaker_name, "sources": sources,
            "tags": tags(catalogue, [quote.speaker, *quote.actors], quote.topics),
            "filters": search_filters(catalogue, "quotes", [quote.speaker, *quote.actors], quote.topics, outlets)}


def _topic_meta(catalogue: Catalogue, topic: Topic) -> dict:
    return {"type": "topic", "id": topic.id, "title": topic.title, "keywords": list(topic.keywords),
            "tags": tags(catalogue, topic_ids=[topic.id]),
            "filters": search_filters(catalogue, "topics", topic_ids=[topic.id])}


def _position_meta(catalogue: Catalogue, position: Position) -> dict:
    evidence = [{"source": m.source, "paragraph": m.paragraph} for m in position.evidence]
    return {"type": "position", "id": position.id, "title": position_title(catalogue, position),
            "actor": position.actor, "topic": position.topic, "stance": position.stance, "evidence": evidence,
            "tags": tags(catalogue, [position.actor], [position.topic]),
            "filters": search_filters(catalogue, "positions", [position.actor], [position.topic])}


# What a tombstone does not know of its type's contract keys (a consumer can always read them).
_TOMBSTONE_UNKNOWNS = {
    "source": {"file": None, "date": None, "updated": None, "outlet": None, "byline": None, "credited": [],
               "dateline": None, "url": None, "tags": [], "filters": {}},
    "actor": {"kind": None, "aliases": [], "affiliation": None, "tags": [], "filters": {}},
    "quote": {"speaker": None, "speaker_name": None, "tags": [], "filters": {}},
    "topic": {"keywords": [], "tags": [], "filters": {}},
    "position": {"actor": None, "topic": None, "stance": None, "evidence": [], "tags": [], "filters": {}},
}


def _tombstone_meta(tombstone: Tombstone) -> dict:
    """The frontmatter of the page's own type, with `tombstone: true`; unknown values null."""
    meta = {"type": tombstone.kind, "id": tombstone.id, "title": tombstone.title, "tombstone": True,
            "text": tombstone.text, "sources": list(tombstone.sources), **_TOMBSTONE_UNKNOWNS[tombstone.kind]}
    if tombstone.kind == "actor":
        meta["name"] = tombstone.title
    return meta


def _index_meta(section: str, count: int) -> dict:
    return {"type": "index", "id": section, "title": SECTION_TITLES[section], "section": section, "count": count}


class _SettingsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs would for plain settings, without running anything: `!ENV`
    resolves as in MkDocs, other tags (!!python/name, !relative) load as None."""


_SettingsLoader.add_constructor("!ENV", construct_env_tag)
_SettingsLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_mkdocs_yml(mkdocs_yml: Path) -> dict:
    """mkdocs.yml's settings as a dict; {} when it is missing or unreadable."""
    try:
        config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_SettingsLoader)
    except (OSError, yaml.YAMLError):
        return {}
    return config if isinstance(config, dict) else {}


def site_settings(mkdocs_yml: Path) -> tuple[str, str]:
    """(site_url, site_name) from mkdocs.yml, "" for each it does not set: what render() wants."""
    config = load_mkdocs_yml(mkdocs_yml)
    return str(config.get("site_url") or ""), str(config.get("site_name") or "")


PACKAGE_TEMPLATES = Path(__file__).resolve().parent / "templates"


def environment(templates: Path | None = None, *, from_root: bool = False) -> jinja2.Environment:
    """Jinja2 for Markdown output: no HTML autoescape (Markdown needs its own), the `md` escape
    filter, and StrictUndefined so a typo in a template fails the build instead of printing nothing.

    The templates shipped in the package are the defaults; a project's `templates` folder, where
    given, overrides them file by file (as a theme's custom_dir does in MkDocs). `from_root` is for
    text included into docs/index.md: its links start at docs/, not in a section folder."""
    folders = [str(templates)] if templates is not None else []
    loader = jinja2.FileSystemLoader([*folders, str(PACKAGE_TEMPLATES)])
    env = jinja2.Environment(loader=loader, autoescape=False,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    path = (lambda target: internal_href(target).removeprefix("../")) if from_root else internal_href
    env.filters.update(md=escape_markdown, url=url_attribute, path=path, human_date=human_date, xml=escape_xml)
    return env


def escape_xml(value: object) -> Markup:
    """`value` as one line of XML text or attribute (the RSS feed)."""
    return Markup(html.escape(plain_text(value), quote=True))


class UnsafeId(ValueError):
    """A page id that would not be a plain file name in its section."""


def render(dossier: Dossier, templates: Path | None = None, site_url: str = "", site_name: str = "") -> dict[str, str]:
    """Every generated page as {path relative to docs/: Markdown text}. `site_url` and
    `site_name` (mkdocs.yml's, see `site_settings`) go into permalinks and citations; the RSS
    feed is written only when `site_url` is an absolute http(s) URL, as every link in it must be.

    Each redirect (dossier.redirects, from the ledger) becomes a static HTML page at the old URL,
    `<section>/<old id>/index.html`, that sends the reader on to the new one: any renderer copies it
    as it is, so redirects need no plugin or hook."""
    env = environment(templates)
    catalogue = Catalogue(dossier)
    site_root = (http_url(site_url) or "").rstrip("/")  # where the feed's links start: feed readers need absolute ones
    common = {"site": catalogue, "story": Story(catalogue), "http_url": http_url,
              "text_fragment": cite.text_fragment_url, "quote_title": quote_title, "rfc822": rfc822,
              "site_url": site_url, "site_root": site_root, "site_name": site_name or "Dossier",
              "citations": cite.citations(dossier, site_url or None, site_name or None)}
    pages: dict[str, str] = {}

    def add(section: str, page_id: str, template: str, meta: dict, **context: object) -> None:
        if not is_id(page_id):
            raise UnsafeId(f"{section} id {page_id!r} cannot be a file name in docs/{section}/")
        path = f"{section}/{page_id}.md"
        if path in pages:
            raise ValueError(f"render: two pages want {path}")
        pages[path] = page(meta, env.get_template(template).render(**common, **context, meta=meta))

    for source in dossier.sources:
        add("sources", source.id, "source.md.j2", _source_meta(catalogue, source), source=source,
            url=http_url(source.url))
    for actor in dossier.actors:
        add("actors", actor.id, "actor.md.j2", _actor_meta(catalogue, actor), actor=actor)
    for quote in dossier.quotes:
        add("quotes", quote.id, "quote.md.j2", _quote_meta(catalogue, quote), quote=quote,
            printings=catalogue.printings.get(quote.id, []))
    for topic in dossier.topics:
        add("topics", topic.id, "topic.md.j2", _topic_meta(catalogue, topic), topic=topic)
    for position in dossier.positions:
        add("positions", position.id, "position.md.j2", _position_meta(catalogue, position), position=position)
    for tombstone in dossier.tombstones:
        add(SECTION_OF[tombstone.kind], tombstone.id, "tombstone.md.j2", _tombstone_meta(tombstone),
            tombstone=tombstone)
    for page_id, title in STORY_PAGES.items():
        add("story", page_id, f"story/{page_id}.md.j2", {"type": "story", "id": page_id, "title": title})

    counts = Counter(path.split("/", 1)[0] for path in pages)
    for section in GENERATED_SECTIONS:
        meta = _index_meta(section, counts[section])
        template = env.get_template(f"index/{section}.md.j2")
        pages[f"{section}/index.md"] = page(meta, template.render(**common, meta=meta))
    for old, new in sorted(dossier.redirects.items()):
        path, target = redirect_page(old, new)
        if path in pages or old in pages:
            raise ValueError(f"render: {old} redirects but is also a page")
        canonical = f"{site_url.rstrip('/')}/{new.removesuffix('.md')}/" if site_url else None
        pages[path] = env.get_template("redirect.html.j2").render(target=target, canonical=canonical)
    pages[HOME_SNIPPET] = environment(templates, from_root=True).get_template("story/home.md.j2").render(**common)
    if site_root:  # without an absolute site_url no link in a feed could be followed: no feed
        pages[FEED] = env.get_template("story/feed.xml.j2").render(**common)
    return dict(sorted(pages.items()))


def redirect_page(old: str, new: str) -> tuple[str, str]:
    """("quotes/old.md", "quotes/new.md") -> ("quotes/old/index.html", "../new/"): where the static
    redirect page goes in docs/ (the old page's URL with directory URLs) and its relative target."""
    (section, old_id), (new_section, new_id) = (_redirect_end(old), _redirect_end(new))
    if section != new_section:
        raise ValueError(f"render: redirect {old} -> {new} leaves its section")
    return f"{section}/{old_id}/index.html", f"../{new_id}/"


def _redirect_end(path: str) -> tuple[str, str]:
    section, _, name = path.partition("/")
    page_id = name.removesuffix(".md")
    if section not in GENERATED_SECTIONS or not name.endswith(".md") or not is_id(page_id):
        raise ValueError(f"render: {path!r} cannot be redirected")
    return section, page_id


def page(meta: dict, body: str) -> str:
    """A generated page: its frontmatter (the title HTML-escaped, see html_title), then its Markdown body."""
    return frontmatter({**meta, "title": html_title(meta["title"])}) + "\n" + body.strip("\n") + "\n"

