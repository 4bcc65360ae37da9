"""Page frontmatter: the YAML block that opens every generated page, and the page itself."""

from __future__ import annotations

from collections.abc import Mapping

from dossier import yamlio
from dossier.render.escape import html_title


def frontmatter(meta: Mapping[str, object]) -> str:
    """The `---` block that opens every generated page; keys keep the order given, every value on
    its key's line (dossier.yamlio), so no value can close the block. Not kept in a memo: yamlio writes
    a page's few lines in less time than their JSON key took, and the memo file held every page's."""
    return f"---\n{yamlio.dump(meta)}---\n"


def page(meta: dict, body: str) -> str:
    """A generated page: its frontmatter (the title HTML-escaped, see html_title), then its Markdown
    body."""
    return frontmatter({**meta, "title": html_title(meta["title"])}) + "\n" + body.strip("\n") + "\n"
