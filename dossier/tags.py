"""A page's tags lead to the own page of the actor or topic they name: an MkDocs plugin (`dossier/tags`).

Material's tags plugin links every tag to one listing of all the pages carrying it (story/tags):
15.3 MB of HTML at 10,000 articles, growing with every article (bench/README.md, Scale). An actor's
or topic's own page already lists the sources, quotes and positions about it, in parts
(dossier.render.paging), so that is where its tag leads. Material's plugin stays on, with its
listings off, to read the tags (Zensical's does the same); this one only gives them their links.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

# The page types whose own tag is what they are about (dossier.render.pages writes it as their only tag).
TAG_HOMES = ("actor", "topic")


@dataclass(frozen=True)
class Tag:
    """What Material's partials/tags.html prints: the name (HTML-escaped by dossier) and where it leads."""

    name: str
    url: str | None
    hidden: bool = False


class TagsPlugin(BasePlugin):
    """Finds each tag's home page while pages are read, and links the tags of every page to it."""

    def __init__(self) -> None:
        self.homes: dict[str, str] = {}

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.homes = {}  # `mkdocs serve` rebuilds with the same plugin

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
        tags = page.meta.get("tags") or []
        if page.meta.get("type") in TAG_HOMES and not page.meta.get("tombstone") and len(tags) == 1:
            self.homes.setdefault(tags[0], page.url)  # pages are read in path order: the same home every build

    @event_priority(-100)  # after Material's tags plugin, whose unlinked tags these replace
    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        tags = page.meta.get("tags") or []
        if tags:
            context["tags"] = [Tag(name, self.homes.get(name)) for name in tags]
        return context
