"""Article text made inert for Markdown and HTML, and the link targets render lets templates print.

Article text is data. It only ever reaches Jinja as a context value, and every place a template
prints it goes through the one `md` filter (`escape_markdown`), which makes it inert for Markdown
*and* HTML: no tag, link, emphasis, attribute list or list marker can come out of it. A page's
`title`, which every renderer prints as HTML, is written HTML-escaped (`html_title`), so the site
is safe without renderer hooks.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markupsafe import Markup

from dossier.text import ID_PATTERN, http_url

_INTERNAL_HREF = re.compile(rf"(\.\./[a-z]+/{ID_PATTERN}(/{ID_PATTERN})?\.md)?(#[A-Za-z][A-Za-z0-9_-]*)?")

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


# Double quotation marks and the single ones that stand for them inside a quotation.
_NESTED_MARKS = str.maketrans("\u201c\u201d\u201e\u201f\"\u00ab\u00bb", "\u2018\u2019\u201a\u201b'\u2039\u203a")


def nest_quotation_marks(value: object) -> str:
    """`value` to be printed inside double quotation marks: its own double marks made single, as
    a quotation within a quotation is printed (an excerpt that opens with a quotation reads
    “‘Patients get a worse deal,’ he said”, not ““Patients ...” he said”)."""
    return str(value).translate(_NESTED_MARKS)


def escape_markdown(value: object) -> Markup:
    """`value` as literal text inside Markdown or raw HTML: `plain_text`, with every
    Markdown/HTML-significant character a character reference."""
    return _escaped(str(value))


@lru_cache(maxsize=1 << 16)
def _escaped(value: str) -> Markup:
    """escape_markdown of a text. Cached: pages print the same names, ids and labels over and over
    (at 1,000 articles 278,000 values were escaped, 16,000 of them different)."""
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
    """`target` checked to be a link this module made (../<section>/<id>.md#anchor, a part of a
    long list ../<section>/<id>/<part>.md, or #anchor): the `path` filter, so nothing else can be
    printed as a link target."""
    if not target or not _INTERNAL_HREF.fullmatch(target):
        raise ValueError(f"render: {target!r} is not an internal link")
    return target


def url_attribute(url: str | None) -> Markup:
    """An http(s) URL escaped for an HTML attribute; anything else becomes an empty href."""
    checked = http_url(url)
    return Markup(html.escape(checked, quote=True)) if checked else Markup("")




def escape_xml(value: object) -> Markup:
    """`value` as one line of XML text or attribute (the RSS feed)."""
    return Markup(html.escape(plain_text(value), quote=True))
