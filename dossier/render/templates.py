"""The Jinja2 environment the page templates are rendered in."""

from __future__ import annotations

from collections.abc import Callable, Iterable, MutableMapping
from operator import itemgetter
from pathlib import Path

import jinja2

from dossier import cite
from dossier.render.escape import escape_markdown, escape_xml, internal_href, nest_quotation_marks, url_attribute
from dossier.story import group_by_date


def human_date(value: str | None) -> str:
    """'2025-03-17' -> '17 March 2025' (locale-independent); anything unparsable as given."""
    day = cite.iso_date(value[:10]) if value else None
    if not day:
        return value or ""
    return f"{day.day} {cite.MONTHS[day.month - 1]} {day.year}"


PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


class _Compiled(jinja2.BytecodeCache):
    """Templates compiled once per process. A build renders pages with an environment for each depth
    (the `path` filter differs) and its data page with another; without this each compiles every
    template again, which was most of their Jinja time. Keyed by file and checked against the
    source's checksum, so a template edited under `dossier serve` is compiled anew."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _Compiled()

_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(jinja2.Environment):
    """Jinja2's environment, with `view.name` found as a key first in the views, which are dicts.

    Jinja looks `a.b` up as an attribute first and as a key after the AttributeError, which a page's
    template raises for nearly every value it prints (677,000 times at 1,000 articles). For a dict and
    a name no dict attribute has, the attribute look-up can only fail, so looking the key up first
    gives the same value, or the same undefined one."""

    def getattr(self, obj: object, attribute: str) -> object:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)

    def make_globals(self, d: MutableMapping[str, object] | None) -> MutableMapping[str, object]:
        """A template's globals as one dict, the environment's overlaid with `d`, where Jinja makes a ChainMap of
        the two: each render, include and `{% from %}` import walks a template's globals (13,000 times at 1,000
        articles), a ChainMap in Python, a dict in C. Jinja asks that the environment's globals not change once a
        template is loaded, and `environment` sets them all before."""
        return {**self.globals, **(d or {})}


def environment(templates: Path | None = None, *, depth: int = 1) -> jinja2.Environment:
    """Jinja2 for Markdown output: no HTML autoescape (Markdown needs its own), the `md` escape
    filter, and StrictUndefined so a typo in a template fails the build instead of printing nothing.

    The templates shipped in the package are the defaults; a project's `templates` folder, where
    given, overrides them file by file (as a theme's custom_dir does in MkDocs). Templates write
    links as from a page in a section folder (../quotes/x.md); `depth` is how many folders below
    docs/ the page is: 0 for text included into docs/index.md, 2 for the parts of a long list."""
    folders = [str(templates)] if templates is not None else []
    loader = jinja2.FileSystemLoader([*folders, str(PACKAGE_TEMPLATES)])
    env = _Environment(loader=loader, autoescape=False,
                       undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True, auto_reload=False, bytecode_cache=_COMPILED)

    def relative(target: str) -> str:
        target = internal_href(target)
        if target.startswith("#"):
            return target
        return "../" * (depth - 1) + target if depth else target.removeprefix("../")

    @jinja2.pass_context  # run as each page renders, never folded into the template shared by every depth
    def path(context: jinja2.runtime.Context, target: str) -> str:
        return relative(target)

    env.filters.update(md=escape_markdown, nested=nest_quotation_marks, url=url_attribute, path=path,
                       human_date=human_date, xml=escape_xml)
    env.globals.update(group_by_date=lambda rows: group_by_date(rows, itemgetter("date")),
                       markup=_Markup(env.getattr, relative))
    return env


class _Markup:
    """The few pieces of markup every page repeats, which partials/macros.md.j2 gives the templates under these
    names: a link, a list of links, a count, a date and outlet. Pages print ~180,000 of them at 1,000 articles,
    and a Jinja macro call costs several times a Python one. Each prints what the macro it stands for printed:
    values read from a view as a template reads them (`field`, the environment's `getattr`, so a key a view
    lacks is an error as in a template), text through `md`, link targets through `path` (`relative`)."""

    def __init__(self, field: Callable[[object, str], object], relative: Callable[[str], str]) -> None:
        self.field = field
        self.relative = relative

    def a(self, resolved: object) -> str:
        """A link resolved by dossier.render.views, {"label": ..., "href": ... or None}: its label alone
        without an href."""
        href = self.field(resolved, "href")
        label = escape_markdown(self.field(resolved, "label"))
        return f"[{label}]({self.relative(href)})" if href else str(label)

    def link(self, label: object, href: str | None) -> str:
        return self.a({"label": label, "href": href})

    def links(self, resolved: Iterable[object]) -> str:
        return ", ".join(map(self.a, resolved))

    def count(self, n: object, one: str, many: str) -> str:
        """'3 quotes', '1 quote'."""
        return f"{escape_markdown(n)} {escape_markdown(one if n == 1 else many)}"

    def when_where(self, source: object) -> str:
        """What a view's `when` holds: its date ("undated" without one) and its outlet, if any."""
        date = self.field(source, "date")
        when = escape_markdown(human_date(date) or "undated")
        outlet = self.field(source, "outlet")
        return f"{when} · {escape_markdown(outlet)}" if outlet else str(when)
