"""MkDocs hook: page titles from articles are text, not HTML (mkdocs.yml `hooks:`).

MkDocs and Material print `page.meta.title` into the page unescaped (<title>, the header, the
search index), as they treat titles as HTML. Generated frontmatter carries article titles
verbatim (the public contract), so this hook makes them one line of plain text and HTML-escapes
them, and the few other frontmatter values Material prints raw, before any template sees them.
"""

from __future__ import annotations

import html

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from dossier.render import plain_text

RAW_META_KEYS = ("title", "description", "author", "subtitle")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    for key in RAW_META_KEYS:
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = html.escape(plain_text(value), quote=True)
    return markdown
