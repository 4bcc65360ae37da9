"""The dossier as data: quotes, actors, positions, sources and topics as JSON Lines and CSV files in
docs/data/, which MkDocs copies into the site unchanged, so that a researcher can load them in
pandas, Datasette or a spreadsheet. `SCHEMA` is the one description of the columns: the files,
the generated data/index.md page and the README's tables all follow it (a test holds the README
to it).

JSON Lines keep every value exactly (lists as arrays, a missing value as null). CSV has one header
row, a list as a JSON array in its cell, a missing value as an empty cell; a text cell that starts
with = + - @, a tab or a carriage return (after any apostrophes) gets one more apostrophe in front,
so no spreadsheet runs it as a formula (OWASP's advice for CSV injection; quoting alone does not
stop Excel), and dropping that first apostrophe gives the text back. Rows are sorted by id and the
bytes are the same for the same dossier on any machine.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from dossier import publish, render
from dossier.cite import page_url
from dossier.model import Dossier, Quote

SECTION = publish.DATA_SECTION
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_JSON = json.JSONEncoder(ensure_ascii=False)  # json.dumps(value, ensure_ascii=False), without a new encoder each call


@dataclass(frozen=True)
class Context:
    """What a column's value may need besides its item, computed once per export."""

    site_url: str
    dates: Mapping[str, str | None]  # source id -> its date


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, type and meaning as the README documents them, and how to
    get its value from an item; without `value`, the item's attribute of the same name."""

    name: str
    type: str  # "string", "string or null", "date or null", "integer", "list of ids", "list of strings"
    meaning: str
    value: Callable[[object, Context], object] | None = None

    def of(self, item: object, context: Context) -> object:
        if self.value is not None:
            return self.value(item, context)
        value = getattr(item, self.name)
        return list(value) if isinstance(value, (list, tuple)) else value


@dataclass(frozen=True)
class Table:
    """One kind of finding as rows: one per live item (withdrawn pages are no rows), sorted by id."""

    name: str  # the file name without extension, and the generated section the rows come from
    description: str
    columns: tuple[Column, ...]
    items: Callable[[Dossier], Iterable[object]]

    def rows(self, dossier: Dossier, context: Context) -> list[dict[str, object]]:
        items = sorted(self.items(dossier), key=lambda item: item.id)
        return [{c.name: c.of(item, context) for c in self.columns} for item in items]


def _page(section: str) -> Column:
    return Column("page", "string", "its page on the site",
                  lambda item, context: page_url(context.site_url, section, item.id))


def _quote_sources(quote: Quote) -> list[str]:
    return sorted({o.source for o in quote.occurrences})


def _first_reported(quote: Quote, context: Context) -> str | None:
    return min((d for s in _quote_sources(quote) if (d := context.dates.get(s))), default=None)


SCHEMA: tuple[Table, ...] = (
    Table("quotes", "What was said, by whom, and which sources printed it.", (
        Column("id", "string", "the quote's permanent id"),
        Column("text", "string", "the words, in the wording the site prints"),
        Column("speaker", "string or null", "the speaker's actor id; null when unattributed"),
        Column("speaker_name", "string or null", "the speaker's name"),
        Column("first_reported", "date or null", "the earliest date of a source that printed it (ISO 8601)",
               _first_reported),
        Column("sources", "list of ids", "the sources that printed it",
               lambda quote, context: _quote_sources(quote)),
        Column("actors", "list of ids", "the actors its words mention"),
        Column("topics", "list of ids", "the topics it speaks to"),
        _page("quotes"),
    ), lambda dossier: dossier.quotes),
    Table("actors", "The people, organisations, governments and countries the articles name.", (
        Column("id", "string", "the actor's id"),
        Column("name", "string", "the name the site uses"),
        Column("kind", "string", "person, organization, country, government or group"),
        Column("aliases", "list of strings", "every name the articles use for it"),
        Column("affiliation", "string or null", "the actor id of the country or organisation it belongs to"),
        Column("description", "string or null", "the editors' description"),
        Column("links", "list of strings", "the editors' links about it"),
        Column("sources", "list of ids", "the sources that mention it",
               lambda actor, context: sorted({m.source for m in actor.mentions})),
        Column("mentions", "integer", "how many paragraphs mention it",
               lambda actor, context: len(actor.mentions)),
        _page("actors"),
    ), lambda dossier: dossier.actors),
    Table("positions", "Where each actor stands on each topic, with the paragraphs that say so.", (
        Column("id", "string", "the position's id: actor id and topic id joined by -- (valdor--sanctions)"),
        Column("actor", "string", "the actor id"),
        Column("topic", "string", "the topic id"),
        Column("stance", "string", "support, oppose, conditional or open"),
        Column("evidence", "list of strings",
               "the paragraphs that state it, as source id#p and the paragraph number (wire-story#p3)",
               lambda position, context: [f"{m.source}#p{m.paragraph}" for m in position.evidence]),
        Column("sentences", "list of strings", "the sentences that state it"),
        Column("history", "list of objects",
               "every stance it has had, oldest first: stance, the source id that set it, that source's date or null",
               lambda position, context: [{"stance": s.stance, "source": s.source, "date": s.date}
                                          for s in position.history]),
        _page("positions"),
    ), lambda dossier: dossier.positions),
    Table("sources", "The articles the dossier is built from.", (
        Column("id", "string", "the source's id"),
        Column("title", "string", "the headline"),
        Column("outlet", "string or null", "the publishing outlet, when the article names it"),
        Column("date", "date or null", "the date published (ISO 8601)"),
        Column("updated", "date or null", "the date last updated (ISO 8601)"),
        Column("byline", "string or null", "the author(s) as credited"),
        Column("credited", "list of strings", "the wire services the article credits"),
        Column("dateline", "string or null", "the place in the dateline"),
        Column("url", "string or null", "the original article (http or https)"),
        Column("language", "string or null", "the article's language, when its frontmatter gives it"),
        Column("paragraphs", "integer", "how many body paragraphs it has",
               lambda source, context: len(source.paragraphs)),
        Column("file", "string", "the seed file it was read from"),
        _page("sources"),
    ), lambda dossier: dossier.sources),
    Table("topics", "The issues the actors take positions on.", (
        Column("id", "string", "the topic's id"),
        Column("title", "string", "the topic's title"),
        Column("keywords", "list of strings", "words that name it in the articles"),
        _page("topics"),
    ), lambda dossier: dossier.topics),
)


def files(dossier: Dossier, templates: Path | None = None, site_url: str = "") -> dict[str, str]:
    """Every file of docs/data/ as {path relative to docs/: text}: the data index page, and a
    `.jsonl` and a `.csv` file per table. Written by publish.write with the pages."""
    out: dict[str, str] = {}
    counts = {}
    context = Context(site_url, {source.id: source.date for source in dossier.sources})
    for table in SCHEMA:
        rows = table.rows(dossier, context)
        counts[table.name] = len(rows)
        out[f"{SECTION}/{table.name}.jsonl"] = json_lines(rows)
        out[f"{SECTION}/{table.name}.csv"] = csv_text(table.columns, rows)
    meta = {"type": "index", "id": SECTION, "title": "Data", "section": SECTION, "count": len(SCHEMA)}
    body = render.environment(templates).get_template("data.md.j2").render(tables=SCHEMA, counts=counts)
    out[f"{SECTION}/index.md"] = render.page(meta, body)
    return dict(sorted(out.items()))


def json_lines(rows: list[dict[str, object]]) -> str:
    """One JSON object per line, keys in column order, UTF-8 text as it is."""
    return "".join(_JSON.encode(row) + "\n" for row in rows)


def csv_text(columns: tuple[Column, ...], rows: list[dict[str, object]]) -> str:
    """RFC 4180 CSV (CRLF line ends) with a header row; see the module docstring for the cells."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    writer.writerows([csv_cell(row[c.name]) for c in columns] for row in rows)
    return buffer.getvalue()


def csv_cell(value: object) -> str:
    """A value as a CSV cell no spreadsheet runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, list):
        return _JSON.encode(value)
    text = str(value)
    return "'" + text if text.lstrip("'").startswith(FORMULA_START) else text
