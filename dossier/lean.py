"""Each page's Markdown and HTML let go once MkDocs is done with them: an MkDocs plugin (`dossier/lean`).

MkDocs reads and renders every page before it writes the first one, and keeps each page's Markdown
and HTML to the end of the build, so its memory grows with the site (bench/README.md, issue 14:
the Markdown is a quarter of what a 1,000-article build holds, the HTML a third). The Markdown is
read by nothing once the page is rendered, the HTML by nothing once the page is written (anchors
are checked from the ids MkDocs collected while rendering).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


class LeanPlugin(BasePlugin):
    @event_priority(-100)  # after every other plugin has seen the Markdown
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        page.markdown = None
        return html

    @event_priority(-100)  # after every other plugin has seen the written page
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        page.content = None
        return output
