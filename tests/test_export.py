"""dossier.export: the dossier as JSON Lines and CSV files, read back with the standard library and
compared with the Dossier they came from; CSV safe in spreadsheets; the README's schema true."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace

import pytest
import yaml

from dossier import export, publish, render
from dossier.model import Actor, Dossier, Occurrence, Quote, StanceSetting
from tests.conftest import ROOT, TEMPLATES
from tests.render_fixtures import built_site, hostile, realistic

SITE = "https://example.org/dossier/"
TABLES = [table.name for table in export.SCHEMA]


def load_jsonl(text: str) -> list[dict]:
    assert text.endswith("\n") or not text
    return [json.loads(line) for line in text.splitlines()]


def load_csv(text: str, table: export.Table) -> list[dict]:
    """CSV rows with each cell turned back into the JSON value it stands for."""
    kinds = {c.name: c.type for c in table.columns}

    def value(name: str, cell: str) -> object:
        if kinds[name].startswith("list"):
            return json.loads(cell)
        if kinds[name] == "integer":
            return int(cell)
        if cell == "" and kinds[name].endswith("or null"):
            return None
        return cell[1:] if cell.startswith("'") and cell.lstrip("'").startswith(export.FORMULA_START) else cell

    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert reader.fieldnames == [c.name for c in table.columns]
    return [{name: value(name, cell) for name, cell in row.items()} for row in reader]


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    return export.files(realistic(), TEMPLATES, SITE)


def rows(files: dict[str, str], name: str) -> list[dict]:
    return load_jsonl(files[f"data/{name}.jsonl"])


def test_the_data_section_has_an_index_page_and_two_files_per_table(files):
    assert sorted(files) == sorted(["data/index.md", *(f"data/{t}.{ext}" for t in TABLES for ext in ("jsonl", "csv"))])
    assert TABLES == ["quotes", "actors", "positions", "sources", "topics"]


def test_quotes_read_back_as_the_dossier_has_them(files):
    dossier = realistic()
    expected = {q.id: (q.text, q.speaker, q.speaker_name, sorted({o.source for o in q.occurrences}), q.topics)
                for q in dossier.quotes}
    loaded = {r["id"]: (r["text"], r["speaker"], r["speaker_name"], r["sources"], r["topics"])
              for r in rows(files, "quotes")}
    assert loaded == expected
    by_id = {r["id"]: r for r in rows(files, "quotes")}
    assert by_id["q7incomp"]["first_reported"] == "2025-03-16"  # the earlier of its two sources
    assert by_id["q7hotair"]["first_reported"] is None and by_id["q7hotair"]["speaker"] is None
    assert by_id["q7incomp"]["page"] == "https://example.org/dossier/quotes/q7incomp/"


def test_actors_positions_sources_and_topics_read_back_as_the_dossier_has_them(files):
    dossier = realistic()
    assert {r["id"]: (r["name"], r["kind"], r["aliases"], r["affiliation"], r["mentions"])
            for r in rows(files, "actors")} == {
        a.id: (a.name, a.kind, a.aliases, a.affiliation, len(a.mentions)) for a in dossier.actors}
    assert {r["id"]: (r["actor"], r["topic"], r["stance"], r["evidence"]) for r in rows(files, "positions")} == {
        p.id: (p.actor, p.topic, p.stance, [f"{m.source}#p{m.paragraph}" for m in p.evidence])
        for p in dossier.positions}
    assert {r["id"]: (r["title"], r["outlet"], r["date"], r["url"], r["credited"], r["paragraphs"])
            for r in rows(files, "sources")} == {
        s.id: (s.title, s.outlet, s.date, s.url, list(s.credited), len(s.paragraphs)) for s in dossier.sources}
    assert {r["id"]: (r["title"], r["keywords"]) for r in rows(files, "topics")} == {
        t.id: (t.title, t.keywords) for t in dossier.topics}


@pytest.mark.parametrize("table", export.SCHEMA, ids=TABLES)
@pytest.mark.parametrize("dossier", [realistic, hostile], ids=["realistic", "hostile"])
def test_csv_holds_the_same_rows_as_json_lines(table, dossier):
    out = export.files(dossier(), TEMPLATES, SITE)
    jsonl = load_jsonl(out[f"data/{table.name}.jsonl"])
    assert [list(row) for row in jsonl] == [[c.name for c in table.columns]] * len(jsonl)
    assert load_csv(out[f"data/{table.name}.csv"], table) == jsonl


def test_rows_are_sorted_by_id_and_the_bytes_do_not_depend_on_input_order():
    dossier = realistic()
    shuffled = replace(dossier, quotes=dossier.quotes[::-1], actors=dossier.actors[::-1],
                       sources=dossier.sources[::-1], positions=dossier.positions[::-1], topics=dossier.topics[::-1])
    out = export.files(dossier, TEMPLATES, SITE)
    assert export.files(shuffled, TEMPLATES, SITE) == out
    for name in TABLES:
        ids = [r["id"] for r in load_jsonl(out[f"data/{name}.jsonl"])]
        assert ids == sorted(ids)


FORMULAS = ["=HYPERLINK(\"https://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", "'=1"]


@pytest.mark.parametrize("text", FORMULAS)
def test_no_csv_cell_starts_a_formula_and_json_lines_keep_the_text(text):
    speaker = Actor(id="x", name=text, kind="person")
    quote = Quote(id="q1", text=text, speaker="x", speaker_name=text,
                  occurrences=[Occurrence("s", 1, text, text, "explicit")])
    out = export.files(Dossier(sources=[], actors=[speaker], quotes=[quote]), TEMPLATES, SITE)
    [row] = list(csv.reader(io.StringIO(out["data/quotes.csv"], newline="")))[1:]
    assert row[1] == row[3] == "'" + text
    assert not any(cell.startswith(export.FORMULA_START) for line in csv.reader(io.StringIO(
        out["data/actors.csv"], newline="")) for cell in line)
    assert load_jsonl(out["data/quotes.jsonl"])[0]["text"] == text


@pytest.mark.parametrize(("value", "cell"), [
    (None, ""), ([], "[]"), (["a", "b,c"], '["a", "b,c"]'), (3, "3"), ("plain", "plain"), ("Ж “x”", "Ж “x”"),
    ("=1", "'=1"), ("-", "'-"), ("a=1", "a=1"), ("'=1", "''=1"), ("'quoted'", "'quoted'"),
])
def test_csv_cells(value, cell):
    assert export.csv_cell(value) == cell


def test_files_are_utf8_text_with_crlf_csv_and_lf_json_lines(files):
    assert files["data/quotes.csv"].count("\r\n") == len(rows(files, "quotes")) + 1
    assert "\r" not in files["data/quotes.jsonl"]


def test_the_data_page_lists_every_table_with_its_columns(files):
    page = files["data/index.md"]
    meta = yaml.safe_load(page.split("---\n", 2)[1])
    assert meta == {"type": "index", "id": "data", "title": "Data", "section": "data", "count": len(TABLES)}
    for table in export.SCHEMA:
        assert f"]({table.name}.jsonl)" in page and f"]({table.name}.csv)" in page
        assert all(f"| {render.escape_markdown(c.name)} | {render.escape_markdown(c.type)} |" in page
                   for c in table.columns)


def readme_schema() -> dict[str, list[tuple[str, str, str]]]:
    """The README's `### \\`table\\`` sections of "The dossier as data", as (column, type, meaning) rows."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## The dossier as data", 1)[1].split("\n## ", 1)[0]
    tables = {}
    for name, body in re.findall(r"^### `(\w+)`\n(.*?)(?=^### |\Z)", section, re.M | re.S):
        tables[name] = [tuple(cell.strip().strip("`") for cell in line.strip("|").split(" | "))
                        for line in body.splitlines() if line.startswith("| `")]
    return tables


def test_the_readme_documents_every_column_of_every_file(files):
    documented = readme_schema()
    assert documented == {t.name: [(c.name, c.type, c.meaning) for c in t.columns] for t in export.SCHEMA}
    for name, columns in documented.items():  # and the files have exactly those columns
        assert next(csv.reader(io.StringIO(files[f"data/{name}.csv"]))) == [c[0] for c in columns]


def test_the_data_files_are_written_with_the_pages_and_replaced_whole(tmp_path, files):
    docs = tmp_path / "docs"
    pages = render.render(realistic(), TEMPLATES, SITE)
    assert publish.write({**pages, **files}, docs) is True
    assert (docs / "data" / "quotes.csv").read_bytes() == files["data/quotes.csv"].encode("utf-8")
    (docs / "data" / "stale.csv").write_text("old", encoding="utf-8")
    publish.write({**pages, **files}, docs)
    assert sorted(p.name for p in (docs / "data").iterdir()) == sorted(path.split("/")[1] for path in files)


def test_the_site_serves_the_files_unchanged_and_the_home_page_links_the_data_page(tmp_path_factory):
    site = built_site(tmp_path_factory, "data_site", realistic())
    docs = site.parent / "docs"
    for name in TABLES:
        for ext in ("jsonl", "csv"):
            assert (site / "data" / f"{name}.{ext}").read_bytes() == (docs / "data" / f"{name}.{ext}").read_bytes()
    assert (site / "data" / "index.html").is_file()
    assert 'href="data/"' in (site / "index.html").read_text(encoding="utf-8")


def test_a_positions_stance_history_is_exported_oldest_first_in_both_files():
    dossier = realistic()
    position = replace(dossier.positions[0], history=(StanceSetting("oppose", "wire-a", "2025-03-01"),
                                                     StanceSetting("support", "wire-b", None)))
    out = export.files(replace(dossier, positions=[position]), TEMPLATES, SITE)
    [row] = load_jsonl(out["data/positions.jsonl"])
    assert row["history"] == [{"stance": "oppose", "source": "wire-a", "date": "2025-03-01"},
                              {"stance": "support", "source": "wire-b", "date": None}]
    table = next(t for t in export.SCHEMA if t.name == "positions")
    assert load_csv(out["data/positions.csv"], table) == [row]
