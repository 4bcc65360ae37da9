"""What each page shows, as plain data: the view a template reads, and nothing else.

A view is made of str (Markup, a str, for the citation blocks cite.py escaped), int, float, bool,
None, lists and dicts only, every link resolved here as {"label": ..., "href": ...} (href None where
there is no page to link to). The templates never see the catalogue or the story, so a page's text
is decided by its view, its frontmatter and its template alone: render keys each page by these
(dossier.render.reuse) and does not render again a page whose key the last build rendered. No key is
named like a dict method (items, keys, values, get): Jinja's `view.items` would find the method.

`Views` builds them from the catalogue and the story; each `*_row` method is one item of a long
list (dossier.render.paging), as the list's template in listing/ prints it.
"""

from __future__ import annotations

from dossier import cite
from dossier.model import Actor, Article, Doubt, Position, Quote, Tombstone, Topic
from dossier.render.catalogue import Catalogue, Evidence, Printing, Variant
from dossier.render.paging import SUMMARY, Listing
from dossier.story import Change, Coverage, Edge, Event, Story, rfc822
from dossier.text import as_title, http_url

MORE_SOURCES = 5  # sources a wording names before "and N more"
FIRST_REPORTERS = 3  # sources the coverage table names as first to report a quote
EVIDENCE_LINKS = 3  # passages a position's line on its topic page links
DEFAULT_NAME = "Dossier"  # what the home page and the feed call a site mkdocs.yml gives no name


def link(label: object, href: str | None) -> dict:
    return {"label": label, "href": href}


def quote_title(quote: Quote, limit: int = 70) -> str:
    """'Speaker: "first words..."' - the page title and the label quote links use."""
    text = " ".join(quote.text.split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.-") + "…"
    return f"{quote.speaker_name}: “{text}”" if quote.speaker_name else f"“{text}”"


def listing_view(listing: Listing) -> dict:
    """A list as its page shows it: whole, or its first and latest SUMMARY rows and its parts."""
    view = {"name": listing.name, "whole": listing.whole, "count": len(listing.items), "option": listing.option}
    if listing.whole:
        return {**view, "rows": listing.rows(listing.items)}
    groups = [{"label": group.label, "size": group.size,
               "parts": [{"title": part.title, "href": part.href, "number": part.number} for part in group.parts]}
              for group in listing.groups]
    return {**view, "first": listing.rows(listing.first), "latest": listing.rows(listing.latest), "groups": groups}


class Views:
    """The views of every page of one dossier."""

    def __init__(self, site: Catalogue, story: Story, site_url: str | None, site_name: str, site_root: str) -> None:
        """`site_url` and `site_name` (mkdocs.yml's, either may be empty) go into citations, `site_root` into
        the feed's links."""
        self.site = site
        self.story = story
        self.site_url = site_url
        self.site_name = site_name
        self.site_root = site_root

    # links ------------------------------------------------------------------------------

    def actor_link(self, actor_id: str | None, fallback: str | None = "") -> dict:
        return link(self.site.actor_name(actor_id) or fallback, self.site.href("actor", actor_id))

    def source_link(self, source_id: str, anchor: str | None = None) -> dict:
        source = self.site.source(source_id)
        return link(source.title if source else source_id, self.site.href("source", source_id, anchor))

    def topic_link(self, topic_id: str, label: str | None = None) -> dict:
        return link(self.site.topic_title(topic_id) if label is None else label, self.site.href("topic", topic_id))

    @staticmethod
    def when(source: Article | None) -> dict | None:
        """What `when_where` prints of a source: its date and outlet."""
        return {"date": source.date, "outlet": source.outlet} if source else None

    def relation(self, edge: Edge, actor_id: str) -> dict:
        """One of an actor's relationships, told from that actor's side."""
        other = edge.target if edge.source == actor_id else edge.source
        return {"kind": edge.kind, "out": edge.source == actor_id, "other": self.actor_link(other),
                "weight": edge.weight, "office": edge.office}

    def withdrawn(self, section: str) -> list[dict]:
        return [link(t.title, self.site.href(t.kind, t.id)) for t in self.site.withdrawn(section)]

    # rows of long lists -------------------------------------------------------------------

    def source_row(self, source: Article) -> dict:
        return {"date": source.date, "link": link(source.title, self.site.href("source", source.id)),
                "by": source.outlet or source.byline or "", "quotes": len(self.site.printed_in(source.id)),
                "actors": len(self.site.actors_in(source.id))}

    def quote_row(self, quote: Quote) -> dict:
        return {"link": link(f"“{quote.text}”", self.site.href("quote", quote.id)),
                "speaker": self.actor_link(quote.speaker, quote.speaker_name) if quote.speaker else None,
                "speaker_name": quote.speaker_name, "first": self.site.first_reported(quote.id),
                "sources": len(self.site.quote_sources(quote.id))}

    def actor_row(self, actor: Actor) -> dict:
        return {"link": link(actor.name, self.site.href("actor", actor.id)),
                "quotes": len(self.site.quotes_by(actor.id)), "sources": len(self.site.sources_mentioning(actor)),
                "positions": len(self.site.positions_of(actor.id))}

    def topic_row(self, topic: Topic) -> dict:
        return {"link": link(topic.title, self.site.href("topic", topic.id)),
                "positions": len(self.site.positions_on(topic.id)), "quotes": len(self.site.quotes_on(topic.id))}

    def position_link(self, position: Position) -> dict:
        """A position in a line: who, which stance, on what, and where its page is."""
        return {"actor": self.actor_link(position.actor), "stance": position.stance,
                "topic": self.topic_link(position.topic), "href": self.site.href("position", position.id)}

    def position_row(self, position: Position) -> dict:
        """A position in a table, with the number of its passages."""
        passages = len(position.evidence)
        return {**self.position_link(position),
                "all": link(f"{passages} passage" if passages == 1 else f"{passages} passages",
                            self.site.href("position", position.id))}

    def topic_position_row(self, position: Position) -> dict:
        """A position on its topic's page, with links to its first passages."""
        evidence = []
        for mention in position.evidence[:EVIDENCE_LINKS]:
            source = self.site.source(mention.source)
            evidence.append(link(f"¶{mention.paragraph} {source.title if source else mention.source}",
                                 self.site.mention_href(mention)))
        return {**self.position_link(position), "evidence": evidence, "passages": len(position.evidence)}

    def event_row(self, event: Event) -> dict:
        source = self.site.source(event.mention.source)
        row = {"date": event.date, "actor": self.actor_link(event.actor) if event.actor else None,
               "speaker_name": event.quote.speaker_name if event.quote else None, "text": event.text,
               "source": link(source.title if source else event.mention.source, self.site.mention_href(event.mention))}
        if event.quote:
            return {**row, "quote": link(f"“{event.text}”", self.site.href("quote", event.quote.id)), "position": None}
        position = event.position
        topic = self.site.in_sentence(self.site.topic_title(position.topic))
        return {**row, "quote": None, "position": {"stance": position.stance,
                                                   "href": self.site.href("position", position.id)},
                "topic": self.topic_link(position.topic, topic)}

    def mention_row(self, row: tuple[Article, list[int]]) -> dict:
        source, paragraphs = row
        return {"source": self.source_link(source.id), "when": self.when(source),
                "paragraphs": [link(f"¶{n}", self.site.href("source", source.id, f"p{n}")) for n in paragraphs]}

    def evidence_row(self, row: Evidence) -> dict:
        mention = row.mention
        return {"sentence": row.sentence, "source": self.source_link(mention.source, f"p{mention.paragraph}"),
                "when": self.when(row.source),
                "paragraph": link(f"paragraph {mention.paragraph}", self.site.mention_href(mention))}

    def printing_row(self, printing: Printing) -> dict:
        occurrence, source = printing.occurrence, printing.source
        source_url = http_url(source.url) if source else None
        context = [[{"text": segment.text, "quote": segment.quote is not None} for segment in segments]
                   for _, segments in self.site.context(printing)]
        return {"source": self.source_link(occurrence.source, printing.anchor), "when": self.when(source),
                "file": source.file if source else None,
                "paragraph": link(f"paragraph {occurrence.paragraph}",
                                  self.site.href("source", occurrence.source, f"p{occurrence.paragraph}")),
                "number": occurrence.paragraph,
                "fragment": cite.text_fragment_url(source_url, occurrence.text) if source_url else None,
                "context": context, "fallback": occurrence.sentence or occurrence.text,
                "method": occurrence.method, "cue": occurrence.cue}

    def variant_row(self, variant: Variant) -> dict:
        return {"sources": [self.source_link(s) for s in variant.sources[:MORE_SOURCES]],
                "more": max(len(variant.sources) - MORE_SOURCES, 0), "same_words": variant.same_words,
                "text": variant.text, "diff": [list(pair) for pair in variant.diff]}

    def coverage_row(self, row: Coverage) -> dict:
        quote = row.quote
        return {"speaker": link(quote.speaker_name or "Unattributed", self.site.href("actor", quote.speaker)),
                "text": quote.text, "href": self.site.href("quote", quote.id),
                "first": [self.source_link(s, row.carried[s].anchor) for s in row.first[:FIRST_REPORTERS]],
                "more": max(len(row.first) - FIRST_REPORTERS, 0), "carried": len(row.carried),
                "context": self.site.href("quote", quote.id, "in-context")}

    def change_row(self, change: Change) -> dict:
        source = change.source
        return {"date": source.date, "title": source.title, "outlet": source.outlet,
                "link": link("The article", self.site.href("source", source.id)),
                "quotes": [link(quote_title(q), self.site.href("quote", q.id)) for q in change.quotes],
                "actors": [self.actor_link(a.id) for a in change.actors],
                "positions": [self.position_link(p) for p in change.positions],
                "stances": [{"actor": self.actor_link(turn.position.actor),
                             "topic": link(self.site.topic_title(turn.position.topic),
                                           self.site.href("position", turn.position.id)),
                             "before": turn.before, "after": turn.after} for turn in change.stances]}

    def speaker_doubt_row(self, doubt: Doubt) -> dict:
        return {"quote": link(f"“{doubt.text}”", self.site.href("quote", doubt.page)),
                "claim": self.actor_link(doubt.claim_id, doubt.claim), "methods": list(doubt.methods),
                "evidence": self._doubt_evidence(doubt)}

    def stance_doubt_row(self, doubt: Doubt) -> dict:
        return {"claim": self.actor_link(doubt.claim_id, doubt.claim), "stance": doubt.stance,
                "topic": link(doubt.topic_title, self.site.href("topic", doubt.topic)), "page": doubt.page,
                "text": doubt.text, "methods": list(doubt.methods), "evidence": self._doubt_evidence(doubt)}

    def outlet_doubt_row(self, source: Article) -> dict:
        return {"source": link(source.title, self.site.href("source", source.id)), "file": source.file}

    def merge_doubt_row(self, doubt: Doubt) -> dict:
        return {"text": doubt.text, "claim": self.actor_link(doubt.claim_id, doubt.claim), "methods": list(doubt.methods)}

    def _doubt_evidence(self, doubt: Doubt) -> list[dict]:
        return [{"source": self.source_link(m.source, f"p{m.paragraph}"), "paragraph": m.paragraph}
                for m in doubt.evidence]

    def relations_row(self, actor: Actor) -> dict:
        return {"name": as_title(actor.name),  # a heading
                "relations": [self.relation(e, actor.id) for e in self.story.edges_of(actor.id)]}

    # pages ----------------------------------------------------------------------------------

    def source(self, source: Article) -> dict:
        site = self.site
        paragraphs = [{"index": p.index, "anchor": p.anchor,
                       "segments": [{"text": s.text, "anchor": s.anchor, "quote": s.quote is not None,
                                     "href": site.href("quote", s.quote.id) if s.quote else None}
                                    for s in site.segments(source, p.index, p.text)]}
                      for p in source.paragraphs]
        quotes = [{"paragraph": p.occurrence.paragraph, "anchor": p.anchor, "text": p.occurrence.text,
                   "speaker": self.actor_link(p.quote.speaker, p.quote.speaker_name) if p.quote.speaker else None,
                   "href": site.href("quote", p.quote.id)} for p in site.printed_in(source.id)]
        actors = [{"link": link(actor.name, site.href("actor", actor.id)), "kind": actor.kind, "paragraphs": found}
                  for actor, found in site.actors_in(source.id)]
        positions = [{**self.position_link(p), "paragraphs": [m.paragraph for m in p.evidence if m.source == source.id]}
                     for p in site.positions_in(source.id)]
        return {"title": source.title, "titled_from_file": source.titled_from_file, "outlet": source.outlet,
                "date": source.date, "updated": source.updated,
                "byline": source.byline, "credited": list(source.credited), "dateline": source.dateline,
                "url": http_url(source.url), "file": source.file, "paragraphs": paragraphs, "quotes": quotes,
                "actors": actors, "positions": positions}

    def actor(self, actor: Actor) -> dict:
        roles = [{"role": role, "sources": [self.source_link(s) for s in sources[:SUMMARY]],
                  "more": max(len(sources) - SUMMARY, 0)} for role, sources in self.site.roles_of(actor)]
        return {"name": actor.name, "kind": actor.kind, "roles": roles,
                "affiliation": self.actor_link(actor.affiliation) if actor.affiliation else None,
                "aliases": list(actor.aliases), "quotes": len(self.site.quotes_by(actor.id)),
                "links": [href for href in actor.links if http_url(href)], "description": actor.description,
                "relations": [self.relation(e, actor.id) for e in self.story.edges_of(actor.id)]}

    def quote(self, quote: Quote, title: str) -> dict:
        site = self.site
        carried = {o.source: source for o in quote.occurrences if (source := site.source(o.source))}
        citation = cite.citation(quote, carried, self.site_url or None, site_name=self.site_name or None,
                                 speaker_kind=site.actor_kind(quote.speaker))
        return {"title": title, "text": quote.text,
                "speaker": self.actor_link(quote.speaker, quote.speaker_name) if quote.speaker else None,
                "role": site.first_role(quote.speaker),
                "speaker_name": quote.speaker_name, "unconfirmed": site.unconfirmed(quote.id),
                "first": site.first_reported(quote.id), "reported_in": len(site.quote_sources(quote.id)),
                "outlets": [p.source.outlet for p in site.printings_of(quote.id) if p.source and p.source.outlet],
                "actors": [self.actor_link(a) for a in quote.actors], "topics": [self.topic_link(t) for t in quote.topics],
                "cite": {"permalink": citation.permalink, "script": citation.script,
                         "blocks": {name: citation.block(name) for name in ("permalink", "apa", "chicago", "bibtex")}}}

    def topic(self, topic: Topic) -> dict:
        return {"title": topic.title, "keywords": list(topic.keywords)}

    def position(self, position: Position, title: str) -> dict:
        site = self.site
        here = [p for p in site.positions_on(position.topic) if p.id != position.id]
        by = [p for p in site.positions_of(position.actor) if p.id != position.id]
        return {"title": title, "actor": self.actor_link(position.actor), "actor_name": site.actor_name(position.actor),
                "stance": position.stance, "topic": self.topic_link(position.topic),
                "others_here": [self.position_link(p) for p in here[:SUMMARY]], "more_here": max(len(here) - SUMMARY, 0),
                "others_by": [self.position_link(p) for p in by[:SUMMARY]], "more_by": max(len(by) - SUMMARY, 0)}

    def tombstone(self, tombstone: Tombstone) -> dict:
        return {"title": tombstone.title, "kind": tombstone.kind, "text": tombstone.text,
                "sources": [self.source_link(s) for s in tombstone.sources]}

    def index(self, section: str) -> dict:
        view: dict = {"withdrawn": self.withdrawn(section), "site_root": self.site_root}
        if section == "quotes":
            speakers = self.site.quotes_by_speaker()
            view["speakers"] = [{"link": self.actor_link(speaker, name) if speaker else None, "name": name,
                                 "quotes": len(quotes)} for speaker, name, quotes in speakers[:SUMMARY]]
            view["more_speakers"] = max(len(speakers) - SUMMARY, 0)
        return view

    def story_page(self, page_id: str) -> dict:
        """A page of story/: the few things each shows beside its long list."""
        view: dict = {"site_root": self.site_root}
        if page_id == "changes":
            view["withdrawn"] = [link(t.title, self.site.href(t.kind, t.id))
                                 for t in sorted(self.site.dossier.tombstones, key=lambda t: t.id)]
        elif page_id == "relationships":
            nodes, lines = self.story.graph
            view["nodes"] = [{"kind": n.actor.kind, "name": n.actor.name, "x": n.x, "y": n.y, "anchor": n.anchor,
                              "label_x": n.label_x, "label_y": n.label_y} for n in nodes]
            view["lines"] = [{"kind": line.edge.kind, "weight": line.edge.weight, "x1": line.x1, "y1": line.y1,
                              "x2": line.x2, "y2": line.y2} for line in lines]
        return view

    def home(self) -> dict:
        """The story at a glance (story/home.md.j2)."""
        site, story = self.site, self.story
        topics = story.main_topics[:3]
        actors = story.main_actors
        first_topic = None
        if topics and site.positions_on(topics[0].id):
            first_topic = {"link": self.topic_link(topics[0].id, site.in_sentence(topics[0].title)),
                           "positions": [self.position_link(p) for p in site.positions_on(topics[0].id)]}
        who = []
        for actor in actors:
            position = story.stance_of(actor)
            who.append({"actor": self.actor_link(actor.id),
                        "role": site.roles_of(actor)[0][0] if actor.roles else actor.kind,
                        "position": {**self.position_link(position),
                                     "topic_words": site.in_sentence(site.topic_title(position.topic))}
                        if position else None})
        matrix = [{"actor": self.actor_link(actor.id),
                   "cells": [self._cell(actor.id, topic.id) for topic in story.matrix_topics]}
                  for actor in story.matrix_actors]
        dossier = site.dossier
        return {"site_name": self.site_name or DEFAULT_NAME,
                "topics": [t.title if i == 0 else site.in_sentence(t.title) for i, t in enumerate(topics)],
                "actors": [self.actor_link(a.id) for a in actors[:4]], "others": len(dossier.actors) - len(actors[:4]),
                "dates": [story.dates[0], story.dates[-1]] if story.dates else [], "undated": story.undated_sources,
                "first_topic": first_topic,
                "counts": {"sources": len(dossier.sources), "outlets": len(story.outlets), "quotes": len(dossier.quotes),
                           "actors": len(dossier.actors), "positions": len(dossier.positions)},
                "matrix_topics": [self.topic_link(t.id) for t in story.matrix_topics], "matrix": matrix, "who": who,
                "latest": [{"date": e.date, "actor": self.actor_link(e.actor) if e.actor else None,
                            "speaker_name": e.quote.speaker_name, "text": e.text,
                            "href": site.href("quote", e.quote.id)} for e in story.latest]}

    def _cell(self, actor_id: str, topic_id: str) -> dict | None:
        position = self.story.cell(actor_id, topic_id)
        return self.position_link(position) if position else None

    def feed(self) -> dict:
        """The RSS feed of what changed (story/feed.xml.j2)."""
        items = [{"title": c.source.title, "id": c.source.id, "date": rfc822(c.source.date),
                  "quotes": [{"text": q.text, "speaker_name": q.speaker_name} for q in c.quotes],
                  "actors": len(c.actors), "positions": len(c.positions),
                  "stances": [{"actor": self.site.actor_name(t.position.actor),
                               "topic": self.site.topic_title(t.position.topic), "before": t.before, "after": t.after}
                              for t in c.stances]}
                 for c in self.story.feed]
        return {"site_name": self.site_name or DEFAULT_NAME, "site_root": self.site_root, "changes": items}
