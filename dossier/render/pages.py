"""Stage 5: Dossier -> Markdown pages with YAML frontmatter, through the Jinja2 templates.

`render` returns {path relative to docs/: page text} and writes nothing; dossier.publish writes
it. This module names the pages, builds their frontmatter and the long lists they show
(dossier.render.paging); the views (dossier.render.views) hold what they say, and a page whose view
the last build rendered is read back from docs/ (dossier.render.reuse) rather than rendered.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from dossier.memo import Memo, call_key
from dossier.model import Actor, Article, Dossier, Position, Quote, Tombstone, Topic
from dossier.publish import GENERATED_SECTIONS
from dossier.render.catalogue import SECTION_OF, Catalogue
from dossier.render.escape import plain_text
from dossier.render.frontmatter import page
from dossier.render.paging import Listing, Part, month_of, paginate
from dossier.render.reuse import Reuse, key
from dossier.render.templates import environment
from dossier.render.views import Views, link, listing_view, quote_title
from dossier.story import Story, printing_order
from dossier.text import as_title, http_url, is_id

SECTION_TITLES = {"sources": "Sources", "actors": "Actors", "quotes": "Quotes", "topics": "Topics",
                  "positions": "Positions", "story": "The story"}
# The pages that look across the whole dossier (dossier.story), in story/: {id: title}.
STORY_PAGES = {"timeline": "Timeline", "coverage": "Coverage", "relationships": "Relationships",
               "changes": "What changed", "tags": "Tags", "review": "Awaiting review"}
# The home page's story at a glance: no page of its own (not .md, and mkdocs.yml excludes it);
# docs/index.md includes it through pymdownx.snippets, so its links are written from docs/.
# The feed is RSS. Neither has frontmatter.
HOME_SNIPPET = "story/home.snippet"
FEED = "story/feed.xml"
# A source page's tags: the actors and topics it is most about (the rest are in its body).
SOURCE_TAGS = 6


def position_title(catalogue: Catalogue, position: Position) -> str:
    return f"{as_title(catalogue.actor_name(position.actor))} on {catalogue.topic_title(position.topic)}"


def _about(catalogue: Catalogue, actor_ids: Iterable[str | None], topic_ids: Iterable[str]) -> tuple[set, set]:
    """The names of the actors and the titles of the topics a page is about, as plain text."""
    return ({plain_text(catalogue.actor_name(a)) for a in actor_ids if catalogue.alive("actor", a)},
            {plain_text(catalogue.topic_title(t)) for t in topic_ids if catalogue.alive("topic", t)})


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
    for printing in catalogue.printed_in(source_id):
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
    return {"type": "actor", "id": actor.id, "title": as_title(actor.name), "name": actor.name, "kind": actor.kind,
            "aliases": sorted(set(actor.aliases)), "affiliation": actor.affiliation,
            "tags": tags(catalogue, [actor.id]), "filters": search_filters(catalogue, "actors", [actor.id])}


def _quote_meta(catalogue: Catalogue, quote: Quote) -> dict:
    sources = catalogue.quote_sources(quote.id)
    outlets = [source.outlet for s in sources if (source := catalogue.source(s))]
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


def _part_meta(part: Part, listing: Listing) -> dict:
    """A part of a long list: out of search (the pages it lists are in it already)."""
    name = part.path.removesuffix(".md").partition("/")[2]
    return {"type": "part", "id": name, "title": f"{listing.title}: {part.title}",
            "page": listing.page.removesuffix(".md"), "search": {"exclude": True}}


def _index_meta(section: str, count: int) -> dict:
    return {"type": "index", "id": section, "title": SECTION_TITLES[section], "section": section, "count": count}


def index_listings(site: Catalogue, story: Story, views: Views) -> dict[str, dict[str, Listing]]:
    """The lists of the section indexes and the story pages, which look across the whole dossier, by
    page: {page: {name: Listing}}, each item as its row's view. Time-ordered lists are split by month;
    rankings and alphabetical lists into numbered parts."""
    return {
        "sources/index.md": {"sources": paginate("sources", "sources/index.md", "Sources",
                                                 site.sources_in_order(), by_month(lambda s: s.date),
                                                 row=views.source_row)},
        "quotes/index.md": {"quotes": paginate("quotes", "quotes/index.md", "Quotes",
                                               sorted(site.dossier.quotes, key=site.quote_order),
                                               by_month(lambda q: site.first_reported(q.id)), row=views.quote_row)},
        "actors/index.md": {kind: paginate("actors", "actors/index.md", "Actors", actors, lambda a: a.kind,
                                           label=str.capitalize, row=views.actor_row)
                            for kind, actors in site.actors_by_kind()},
        "topics/index.md": {"topics": paginate("topics", "topics/index.md", "Topics", site.topics_in_order(),
                                               row=views.topic_row)},
        "positions/index.md": {"positions": paginate("positions", "positions/index.md", "Positions",
                                                     site.positions_in_order(), row=views.position_row)},
        "story/timeline.md": {"events": paginate("events", "story/timeline.md", "Timeline", story.events,
                                                 by_month(lambda e: e.date), row=views.event_row, who=True,
                                                 what=True)},
        "story/coverage.md": {"coverage": paginate("coverage", "story/coverage.md", "Coverage", story.coverage,
                                                   by_month(lambda row: site.first_reported(row.quote.id)),
                                                   row=views.coverage_row)},
        "story/changes.md": {"changes": paginate("changes", "story/changes.md", "What changed", story.changes,
                                                 by_month(lambda change: change.source.date), row=views.change_row)},
        "story/relationships.md": {"relations": paginate("relations", "story/relationships.md", "Relationships",
                                                         story.related_actors, row=views.relations_row)},
        "story/review.md": {kind: paginate(f"review-{kind}", "story/review.md", f"Awaiting review: {kind}",
                                           [d for d in site.dossier.doubts if d.kind == doubt], stem=kind, row=row)
                            for kind, doubt, row in (("speakers", "speaker", views.speaker_doubt_row),
                                                     ("stances", "stance", views.stance_doubt_row),
                                                     ("merges", "merge", views.merge_doubt_row))}
                           | {"outlets": paginate("review-outlets", "story/review.md", "Awaiting review: outlets",
                                                  [s for s in site.dossier.sources if not s.outlet], stem="outlets",
                                                  row=views.outlet_doubt_row)},
    }


def by_month(date_of: Callable[[object], str | None]) -> Callable[[object], str]:
    return lambda item: month_of(date_of(item))


def actor_listings(site: Catalogue, story: Story, views: Views, actor: Actor) -> dict[str, Listing]:
    page, title = f"actors/{actor.id}.md", as_title(actor.name)
    return {
        "events": paginate("events", page, f"{title}: quotes and stances", story.events_of(actor=actor.id),
                           by_month(lambda e: e.date), stem="timeline", row=views.event_row, who=False, what=True),
        "sources": paginate("mentions", page, f"{title}: mentioned in", site.sources_mentioning(actor),
                            by_month(lambda row: row[0].date), stem="sources", row=views.mention_row),
        "positions": paginate("actor-positions", page, f"{title}: positions", site.positions_of(actor.id),
                              stem="positions", row=views.position_row)}


def topic_listings(site: Catalogue, story: Story, views: Views, topic: Topic) -> dict[str, Listing]:
    page = f"topics/{topic.id}.md"
    return {
        "positions": paginate("topic-positions", page, f"{topic.title}: who stands where",
                              site.positions_on(topic.id), stem="positions", row=views.topic_position_row),
        "quotes": paginate("quotes", page, f"{topic.title}: quotes", site.quotes_on(topic.id),
                           by_month(lambda q: site.first_reported(q.id)), stem="quotes", row=views.quote_row),
        "events": paginate("events", page, f"{topic.title}: timeline", story.events_of(topic=topic.id),
                           by_month(lambda e: e.date), stem="timeline", row=views.event_row, who=True, what=False)}


def quote_listings(site: Catalogue, views: Views, quote: Quote) -> dict[str, Listing]:
    page = f"quotes/{quote.id}.md"
    return {
        "printings": paginate("printings", page, f"{quote_title(quote)}: in context",
                              sorted(site.printings_of(quote.id), key=printing_order),
                              by_month(lambda p: p.source.date if p.source else None), stem="printings",
                              row=views.printing_row),
        "variants": paginate("variants", page, f"{quote_title(quote)}: wording", site.variants(quote),
                             stem="wording", row=views.variant_row)}


def position_listings(site: Catalogue, views: Views, position: Position) -> dict[str, Listing]:
    page = f"positions/{position.id}.md"
    return {"evidence": paginate("evidence", page, f"{position_title(site, position)}: evidence",
                                 site.evidence(position), by_month(lambda row: row.source.date if row.source else None),
                                 stem="evidence", row=views.evidence_row)}


def entity_page(site: Catalogue, story: Story, views: Views, kind: str, *key: str) -> tuple[str, dict, dict, dict]:
    """An entity's page, read through the catalogue's facts: its template, frontmatter, view and long lists
    ({name: Listing}). `key` is the entity's id; a tombstone's is its kind and id."""
    match kind:
        case "source":
            source = site.source(*key)
            return "source.md.j2", _source_meta(site, source), views.source(source), {}
        case "actor":
            actor = site.actor(*key)
            return "actor.md.j2", _actor_meta(site, actor), views.actor(actor), actor_listings(site, story, views, actor)
        case "quote":
            quote, meta = site.quote(*key), _quote_meta(site, site.quote(*key))
            return "quote.md.j2", meta, views.quote(quote, meta["title"]), quote_listings(site, views, quote)
        case "topic":
            topic = site.topic(*key)
            return "topic.md.j2", _topic_meta(site, topic), views.topic(topic), topic_listings(site, story, views, topic)
        case "position":
            position, meta = site.position(*key), _position_meta(site, site.position(*key))
            return ("position.md.j2", meta, views.position(position, meta["title"]),
                    position_listings(site, views, position))
    tombstone = site.tombstone(*key)
    return "tombstone.md.j2", _tombstone_meta(tombstone), views.tombstone(tombstone), {}


class UnsafeId(ValueError):
    """A page id that would not be a plain file name in its section."""


def render(dossier: Dossier, templates: Path | None = None, site_url: str = "", site_name: str = "",
           reuse: Reuse | None = None,
           places: Memo[tuple[int, int] | None] | None = None,
           diffs: Memo[list[tuple[str, str]]] | None = None) -> dict[str, str]:
    """Every generated page as {path relative to docs/: Markdown text}. `site_url` and
    `site_name` (mkdocs.yml's, see `site_settings`) go into permalinks and citations; the RSS
    feed is written only when `site_url` is an absolute http(s) URL, as every link in it must be.

    Each page is rendered from its view (dossier.render.views) and its frontmatter; `reuse` takes
    a page whose view, frontmatter and template the last build rendered from docs/ instead
    (dossier.render.reuse), `places` where quotes were found in their paragraphs and `diffs` how their wordings differ
    (dossier.render.catalogue).

    Each redirect (dossier.redirects, from the ledger) becomes a static HTML page at the old URL,
    `<section>/<old id>/index.html`, that sends the reader on to the new one: any renderer copies it
    as it is, so redirects need no plugin or hook."""
    envs = {depth: environment(templates, depth=depth) for depth in (0, 1, 2)}
    reuse = reuse or Reuse()
    catalogue = Catalogue(dossier, places, diffs)
    recorder = catalogue.recorder
    site_root = (http_url(site_url) or "").rstrip("/")  # where the feed's links start: feed readers need absolute ones
    story = Story(catalogue)
    views = Views(catalogue, story, site_url, site_name, site_root)
    pages: dict[str, str] = {}

    def emit(path: str, template: str, meta: dict | None, view: dict, depth: int = 1) -> str:
        """The page at `path`: `template` rendered with `view` (and `meta`, its frontmatter, if any); its key."""
        if path in pages:
            raise ValueError(f"render: two pages want {path}")

        def text() -> str:
            body = envs[depth].get_template(template).render(page=view, meta=meta)
            return page(meta, body) if meta is not None else body

        page_key = key(template, depth, meta, view)
        pages[path] = reuse.page(path, page_key, text)
        return page_key

    def add(path: str, template: str, meta: dict, view: dict, shown: dict[str, Listing],
            parts_apart: bool = False) -> dict[str, str]:
        """A page and the parts of its long lists, each a page of its own one folder down: {path: key}.
        With `parts_apart` (the lists across the dossier) each part is a unit of its own, viewed only
        when its items or a fact its rows read have changed."""
        keys = {path: emit(path, template, meta, {**view, "lists": {name: listing_view(listing)
                                                                     for name, listing in shown.items()}})}
        for listing in shown.values():
            parts = listing.parts
            for i, part in enumerate(parts):
                before, after = parts[i - 1] if i else None, parts[i + 1] if i + 1 < len(parts) else None
                part_meta = _part_meta(part, listing)
                frame = {"back": link(f"Back to {meta['title']}", f"../{listing.page}"), "name": listing.name,
                         "option": listing.option,
                         "previous": link(f"Previous: {before.title}", before.href) if before else None,
                         "next": link(f"Next: {after.title}", after.href) if after else None}
                if not parts_apart:
                    keys[part.path] = emit(part.path, "part.md.j2", part_meta,
                                           {**frame, "rows": listing.rows(part.items)}, depth=2)
                    continue
                unit(part.path, lambda: {part.path: emit(part.path, "part.md.j2", part_meta,
                                                         {**frame, "rows": listing.rows(part.items)}, depth=2)},
                     call_key(json.dumps([part_meta, frame], ensure_ascii=False), recorder.digest_of(part.items)))
        return keys

    def unit(path: str, make: Callable[[], dict[str, str]], inputs: str = "") -> None:
        """The pages of one unit: as the last build wrote them when nothing it read has changed, else
        made by `make` ({path: key}) while the facts it reads are recorded."""
        kept = reuse.unit(path, recorder, inputs)
        if kept is not None:
            pages.update(kept)
            return
        with recorder.recording() as reads:
            keys = make()
        reuse.remember(path, recorder, reads, keys, inputs)

    # An entity's page and its parts are one unit: viewed only when a fact it read has changed.
    units = [*(("sources", ("source", s.id)) for s in dossier.sources),
             *(("actors", ("actor", a.id)) for a in dossier.actors),
             *(("quotes", ("quote", q.id)) for q in dossier.quotes),
             *(("topics", ("topic", t.id)) for t in dossier.topics),
             *(("positions", ("position", p.id)) for p in dossier.positions),
             *((SECTION_OF[t.kind], ("tombstone", t.kind, t.id)) for t in dossier.tombstones)]
    for section, (kind, *ident) in units:
        page_id = ident[-1]
        if not is_id(page_id):
            raise UnsafeId(f"{section} id {page_id!r} cannot be a file name in docs/{section}/")
        path = f"{section}/{page_id}.md"
        if path in pages:
            raise ValueError(f"render: two pages want {path}")
        unit(path, lambda: add(path, *entity_page(catalogue, story, views, kind, *ident)))

    lists = index_listings(catalogue, story, views)
    for page_id, title in STORY_PAGES.items():
        path = f"story/{page_id}.md"
        add(path, f"story/{page_id}.md.j2", {"type": "story", "id": page_id, "title": title},
            views.story_page(page_id), lists.get(path, {}), parts_apart=True)

    counts = Counter(path.split("/", 1)[0] for path in pages if path.count("/") == 1)
    for section in GENERATED_SECTIONS:
        path = f"{section}/index.md"
        add(path, f"index/{section}.md.j2", _index_meta(section, counts[section]), views.index(section),
            lists.get(path, {}), parts_apart=True)
    for old, new in sorted(dossier.redirects.items()):
        path, target = redirect_page(old, new)
        if path in pages or old in pages:
            raise ValueError(f"render: {old} redirects but is also a page")
        canonical = f"{site_url.rstrip('/')}/{new.removesuffix('.md')}/" if site_url else None
        emit(path, "redirect.html.j2", None, {"target": target, "canonical": canonical})
    emit(HOME_SNIPPET, "story/home.md.j2", None, views.home(), depth=0)
    if site_root:  # without an absolute site_url no link in a feed could be followed: no feed
        emit(FEED, "story/feed.xml.j2", None, views.feed())
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
