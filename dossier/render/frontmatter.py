"""Page frontmatter: the YAML block that opens every generated page, and the page itself."""

from __future__ import annotations

from collections.abc import Mapping

from dossier import yamlio
from dossier.memo import Memo
from dossier.render.escape import html_title


def frontmatter(meta: Mapping[str, object], memo: Memo[str] | None = None) -> str:
    """The `---` block that opens every generated page; keys keep the order given, every value on
    its key's line (dossier.yamlio), so no value can close the block."""
    return f"---\n{yamlio.dump(meta, memo=memo)}---\n"


def page(meta: dict, body: str, memo: Memo[str] | None = None) -> str:
    """A generated page: its frontmatter (the title HTML-escaped, see html_title), then its Markdown
    body. `memo` keeps frontmatter text between builds (dossier.yamlio)."""
    return frontmatter({**meta, "title": html_title(meta["title"])}, memo) + "\n" + body.strip("\n") + "\n"
