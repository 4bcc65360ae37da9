"""dossier.render: the frontmatter contract, page content and cross links, escaping of article
text for Markdown and HTML, determinism.

Pages are turned into HTML here with the same Markdown extensions mkdocs.yml enables, so the
escaping is judged on what a browser would get; tests/test_site.py builds whole sites."""

from __future__ import annotations

import html
import os
import random
import re
import unicodedata
from dataclasses import replace
from html.parser import HTMLParser

import jinja2
import markdown
import pytest
import yaml
from hypothesis import given, settings, strategies as st
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from dossier import render
from dossier.build import BuildConfig, build
from dossier.render import diff
from dossier.text import DASHES, QUOTE_MARKS, http_url
from dossier.model import Actor, Article, Dossier, Mention, Occurrence, Paragraph, Quote
from dossier.story import Story
from tests.conftest import ROOT, TEMPLATES
from tests.render_fixtures import HOSTILE, PAYLOADS, WITHDRAWN_QUOTE_ID, hostile, realistic

MKDOCS = render.load_mkdocs_yml(ROOT / "mkdocs.yml")


def _extensions() -> tuple[list[str], dict]:
    names, configs = [], {}
    for entry in MKDOCS["markdown_extensions"]:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = config
    return names, configs


EXTENSIONS, EXTENSION_CONFIGS = _extensions()


def to_html(markdown_text: str) -> str:
    """What MkDocs makes of a page body: Python-Markdown with mkdocs.yml's extensions."""
    body = get_data(markdown_text)[0] if markdown_text.startswith("---\n") else markdown_text
    return markdown.markdown(body, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


class Elements(HTMLParser):
    """Every start tag with its attributes, and the visible text."""

    def __init__(self, html_text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html_text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    @property
    def visible(self) -> str:
        return " ".join("".join(self.text).split())


def meta_of(page: str) -> dict:
    assert page.startswith("---\n")
    return yaml.safe_load(page.split("---\n", 2)[1])


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    return render.render(realistic(), TEMPLATES, site_url="https://example.org/dossier/", site_name="Dossier")


@pytest.fixture(scope="module")
def pages(rendered) -> dict[str, str]:
    """The Markdown pages (the home page's snippet and the RSS feed are not pages)."""
    return markdown_pages(rendered)


def markdown_pages(output: dict[str, str]) -> dict[str, str]:
    return {path: text for path, text in output.items() if path.endswith(".md")}


# --------------------------------------------------------------------------
# frontmatter contract

CONTRACT = {
    "source": {"file", "date", "outlet", "byline", "url"},
    "quote": {"text", "speaker", "speaker_name", "sources"},
    "actor": {"name", "kind", "aliases"},
    "topic": set(),
    "position": {"actor", "topic", "stance", "evidence"},
    "index": {"section"},
    "story": set(),  # the pages that look across the dossier: timeline, coverage, ...
}


def test_every_page_type_and_section_index_is_rendered(pages):
    types = {meta_of(text)["type"] for text in pages.values()}
    assert types == set(CONTRACT)
    for section in render.GENERATED_SECTIONS:
        assert meta_of(pages[f"{section}/index.md"]) == {
            "type": "index", "id": section, "title": render.SECTION_TITLES[section], "section": section,
            "count": sum(1 for p in pages if p.startswith(f"{section}/") and not p.endswith("/index.md"))}


def test_frontmatter_carries_the_contract_keys_and_the_path_matches_type_and_id(pages):
    for path, text in pages.items():
        meta = meta_of(text)
        assert {"type", "id", "title"} <= set(meta), path
        assert CONTRACT[meta["type"]] <= set(meta), path
        if meta["type"] != "index":
            assert path == f"{render.SECTION_OF.get(meta['type'], meta['type'])}/{meta['id']}.md"


@pytest.mark.parametrize(("path", "expected"), [
    ("sources/wire-story.md", {
        "type": "source", "id": "wire-story", "title": "Minister rejects alliance peacekeepers for Ruritania",
        "file": "wire-story.txt", "date": "2025-03-17", "updated": "2025-03-18", "outlet": "The Daily Ledger",
        "byline": "Jane Doe", "credited": ["Global Wire"], "dateline": "Valdoria",
        "url": "https://news.example.com/world/petrova-peacekeepers?ref=rss&x=1",
        "tags": ["Alliance peacekeepers in Ruritania", "Anna Petrova", "Security guarantees", "Valdor"],
        "filters": {"type": ["Sources"], "actor": ["Anna Petrova", "Valdor"],
                    "topic": ["Alliance peacekeepers in Ruritania", "Security guarantees"], "outlet": ["The Daily Ledger"]}}),
    ("sources/opinion.md", {
        "type": "source", "id": "opinion", "title": "Why guarantees matter", "file": "opinion.txt", "date": None,
        "updated": None, "outlet": None, "byline": None, "credited": [], "dateline": None, "url": None, "tags": [],
        "filters": {"type": ["Sources"], "actor": [], "topic": [], "outlet": []}}),
    ("quotes/q7incomp.md", {
        "type": "quote", "id": "q7incomp",
        "title": "Anna Petrova: \u201cThe alliance and peacekeeping are entirely incompatible. Its history\u2026\u201d",
        "text": "The alliance and peacekeeping are entirely incompatible. Its history is one of military operations",
        "speaker": "anna-petrova", "speaker_name": "Anna Petrova", "sources": ["daily-report", "wire-story"],
        "tags": ["Alliance peacekeepers in Ruritania", "Anna Petrova", "Northern Alliance"],
        "filters": {"type": ["Quotes"], "actor": ["Anna Petrova", "Northern Alliance"],
                    "topic": ["Alliance peacekeepers in Ruritania"], "outlet": ["Morning Post", "The Daily Ledger"]}}),
    ("quotes/q7hotair.md", {
        "type": "quote", "id": "q7hotair", "title": "\u201cIt is just hot air\u201d", "text": "It is just hot air",
        "speaker": None, "speaker_name": None, "sources": ["opinion"], "tags": [],
        "filters": {"type": ["Quotes"], "actor": [], "topic": [], "outlet": []}}),
    ("actors/anna-petrova.md", {
        "type": "actor", "id": "anna-petrova", "title": "Anna Petrova", "name": "Anna Petrova", "kind": "person",
        "aliases": ["Anna Petrova", "Deputy Foreign Minister Anna Petrova", "Petrova", "she"],
        "affiliation": "valdor", "tags": ["Anna Petrova"],
        "filters": {"type": ["Actors"], "actor": ["Anna Petrova"], "topic": [], "outlet": []}}),
    ("topics/security-guarantees.md", {
        "type": "topic", "id": "security-guarantees", "title": "Security guarantees", "keywords": ["guarantees"],
        "tags": ["Security guarantees"],
        "filters": {"type": ["Topics"], "actor": [], "topic": ["Security guarantees"], "outlet": []}}),
    ("positions/valdor--alliance-peacekeepers.md", {
        "type": "position", "id": "valdor--alliance-peacekeepers",
        "title": "Valdor on Alliance peacekeepers in Ruritania",
        "actor": "valdor", "topic": "alliance-peacekeepers", "stance": "oppose",
        "evidence": [{"source": "wire-story", "paragraph": 1}],
        "tags": ["Alliance peacekeepers in Ruritania", "Valdor"],
        "filters": {"type": ["Positions"], "actor": ["Valdor"], "topic": ["Alliance peacekeepers in Ruritania"],
                    "outlet": []}}),
    (f"quotes/{WITHDRAWN_QUOTE_ID}.md", {
        "type": "quote", "id": WITHDRAWN_QUOTE_ID, "title": "Anna Petrova: \u201cWe never said that\u201d",
        "tombstone": True, "text": "We never said that", "sources": ["removed-story", "wire-story"],
        "speaker": None, "speaker_name": None, "tags": [], "filters": {}}),
])
def test_frontmatter_values(pages, path, expected):
    assert meta_of(pages[path]) == expected


def test_frontmatter_is_what_mkdocs_reads_too(pages):
    for text in pages.values():
        body, meta = get_data(text)
        assert meta == meta_of(text)
        assert body.startswith("# ")


NASTY_VALUES = ["---", "...", "a\n---\nb", ": ", "key: value", "# not a comment", "&anchor", "*alias", "!tag",
                "!!python/object/apply:os.system ['echo hi']", "line\nbreak", "tab\tstop", "'single'", '"double"',
                "{flow: map}", "[flow, seq]", "@at", "`tick`", "%percent", "| pipe", "> fold", "- dash", "? q",
                "yes", "no", "null", "~", "1e3", "0x1F", "2025-03-17", "\u2028line\u2029sep\x85nel", "\x00\x07\x1b",
                "trailing space ", " leading", "\ufeffbom", "emoji \U0001f6d1", "\u0420\u043e\u0441\u0441\u0438\u044f"]


@pytest.mark.parametrize("value", NASTY_VALUES)
def test_nasty_frontmatter_values_read_back_exactly(value):
    meta = {"type": "quote", "id": "x", "title": value, "text": value, "sources": [value, value + "2"],
            "nested": {"k": value}}
    block = render.frontmatter(meta)
    assert yaml.safe_load(block.split("---\n")[1]) == meta
    assert yaml.load(block.split("---\n")[1], Loader=yaml.CSafeLoader) == meta  # what MkDocs uses
    assert get_data(block + "\n# Body\n") == ("# Body\n", meta)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=12), st.one_of(
    st.text(), st.none(), st.integers(), st.booleans(), st.lists(st.text(), max_size=3))))
def test_frontmatter_round_trips_any_values(meta):
    block = render.frontmatter(meta)
    assert yaml.safe_load(block[4:-4]) == meta
    assert get_data(block + "\nbody\n")[1] == meta


# --------------------------------------------------------------------------
# escaping


ESCAPE_CONTEXTS = ["{}", "- {}", "| a | b |\n| --- | --- |\n| {} | x |", "# {}", "> {}",
                   '<div markdown="1">\n\n{}\n\n</div>', "<p>{}</p>", "**{}**"]
SAFE_TAGS = {"p", "li", "ul", "table", "thead", "tbody", "tr", "th", "td", "h1", "blockquote", "div", "strong"}


@pytest.mark.parametrize("context", ESCAPE_CONTEXTS)
@pytest.mark.parametrize("payload", [*PAYLOADS, HOSTILE, "1986. A year", "- item", "+ item", "=== setext",
                                     "    code", "***", "[^1]: note", "*[abbr]: x", "[ref]: javascript:alert(1)",
                                     "&lt;script&gt;", "&#60;b&#62;", "\\<b>", "<https://example.org>"])
def test_escaped_text_shows_literally_in_every_markdown_context(context, payload):
    html_text = to_html(context.format(render.escape_markdown(payload)))
    elements = Elements(html_text)
    tags = [(tag, attrs) for tag, attrs in elements.tags if attrs.get("class") != "headerlink"]  # toc's permalink
    assert {tag for tag, _ in tags} <= SAFE_TAGS, html_text
    assert all(not attrs or tag == "h1" and set(attrs) == {"id"} for tag, attrs in tags), html_text
    assert " ".join(payload.replace("\x02", "").replace("\x03", "").split()) in elements.visible


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_any_text_escapes_to_itself(text):
    html_text = to_html(f"- {render.escape_markdown(text)}")
    elements = Elements(html_text)
    assert {tag for tag, _ in elements.tags} <= {"ul", "li"}
    expected = " ".join(re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", "", text).split())
    assert elements.visible == expected


@pytest.fixture(scope="module")
def hostile_pages() -> dict[str, str]:
    return markdown_pages(render.render(hostile(), TEMPLATES, site_url="https://example.org/dossier/"))


def test_hostile_text_creates_no_element_attribute_or_link(hostile_pages):
    # anchors of the page's own headings too: the timeline's "2 January 2025" is #2-january-2025
    allowed_hrefs = re.compile(r"(\.\./[a-z]+/[a-z0-9-]+\.md)?(#[a-z0-9][a-z0-9-]*)?|https://example\.org/dossier/\S*")
    for path, text in hostile_pages.items():
        elements = Elements(to_html(text))
        for tag, attrs in elements.tags:
            if tag == "script" and attrs == {"type": "application/ld+json"}:
                continue  # the Cite box's JSON-LD (its escaping: tests/test_cite.py)
            assert tag not in {"script", "iframe", "img", "style", "object", "embed", "form"}, (path, tag)
            assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
            if "href" in attrs:
                assert allowed_hrefs.fullmatch(attrs["href"] or ""), (path, attrs["href"])
        assert "49" not in elements.visible, path  # {{ 7*7 }} was never evaluated


@pytest.mark.parametrize("path", ["sources/hostile.md", "quotes/evilquot.md", "actors/evil-actor.md",
                                  "topics/evil-topic.md", "positions/evil-actor--evil-topic.md", "quotes/evilgone.md"])
def test_hostile_payloads_are_visible_as_text(hostile_pages, path):
    visible = Elements(to_html(hostile_pages[path])).visible
    for payload in PAYLOADS:
        printable = " ".join(payload.replace("\x02", "").replace("\x03", "").split())
        assert printable in visible, (path, payload)


def test_hostile_frontmatter_reads_back_the_article_values(hostile_pages):
    meta = meta_of(hostile_pages["sources/hostile.md"])
    # the title is HTML (every renderer prints it as such): escaped, on one line, the text once unescaped
    assert html.unescape(meta["title"]) == render.plain_text(f"Title {HOSTILE}")
    assert "<" not in meta["title"] and ">" not in meta["title"] and '"' not in meta["title"]
    assert meta["byline"] == HOSTILE and meta["credited"] == [HOSTILE]
    assert meta["url"] is None  # javascript: never becomes a link, not even in the frontmatter
    assert meta_of(hostile_pages["quotes/evilquot.md"])["text"] == HOSTILE


def test_templates_print_nothing_unescaped():
    """Every {{ }} in a template is a literal, a macro call, or goes through md / url / path last:
    article text has no other way onto a page. (partials/cite.md.j2 escapes its own blocks: test_cite; the
    pieces partials/macros.md.j2 takes from `markup` escape theirs: test_templates.)"""
    env = render.environment(TEMPLATES)
    safe_filters = {"md", "url", "path", "xml"}
    checked = 0

    def safe(node: jinja2.nodes.Node, macros: set[str]) -> bool:
        if isinstance(node, (jinja2.nodes.TemplateData, jinja2.nodes.Const)):
            return True
        if isinstance(node, jinja2.nodes.Filter):
            return node.name in safe_filters
        if isinstance(node, jinja2.nodes.CondExpr):
            return safe(node.expr1, macros) and (node.expr2 is None or safe(node.expr2, macros))
        if isinstance(node, jinja2.nodes.Call) and isinstance(node.node, jinja2.nodes.Name):
            return node.node.name in macros
        return False

    for path in sorted(TEMPLATES.rglob("*.j2")):
        name = path.relative_to(TEMPLATES).as_posix()
        if name == "partials/cite.md.j2":
            continue
        tree = env.parse(path.read_text(encoding="utf-8"))
        macros = {n.name for n in tree.find_all(jinja2.nodes.Macro)}
        macros |= {n.target.name for n in tree.find_all(jinja2.nodes.Assign) if isinstance(n.target, jinja2.nodes.Name)
                   and isinstance(n.node, jinja2.nodes.Getattr) and getattr(n.node.node, "name", None) == "markup"}
        for imported in tree.find_all(jinja2.nodes.FromImport):
            macros |= {n if isinstance(n, str) else n[1] or n[0] for n in imported.names}
        for output in tree.find_all(jinja2.nodes.Output):
            for node in output.nodes:
                assert safe(node, macros), f"{name}: unescaped output {node}"
                checked += 1
    assert checked > 100


def test_internal_links_must_be_links_render_made():
    assert render.internal_href("../quotes/abc.md#q-abc") == "../quotes/abc.md#q-abc"
    for bad in ["javascript:alert(1)", "https://example.org", "../quotes/a b.md", "../../etc/passwd", ""]:
        with pytest.raises(ValueError):
            render.internal_href(bad)


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&c=2"),
    ("http://example.org", "http://example.org"),
    ("HTTPS://EXAMPLE.ORG/x", "HTTPS://EXAMPLE.ORG/x"),
    ("javascript:alert(1)", None),
    ("JaVaScRiPt:alert(1)", None),
    ("data:text/html,<script>", None),
    ("//example.org/x", None),
    ("https:///nohost", None),
    ("https://example.org/a b", None),
    ("https://example.org/\nx", None),
    ("ftp://example.org", None),
    (None, None),
])
def test_only_http_urls_become_links(url, expected):
    assert http_url(url) == expected


def test_page_ids_that_are_not_file_names_are_refused():
    dossier = realistic()
    for bad in ["../escape", "index", "a/b", ""]:
        broken = replace(dossier, sources=[replace(dossier.sources[0], id=bad), *dossier.sources[1:]])
        with pytest.raises(ValueError):
            render.render(broken, TEMPLATES)


# --------------------------------------------------------------------------
# page content and cross links


def links(text: str) -> list[str]:
    return [attrs["href"] for tag, attrs in Elements(to_html(text)).tags
            if tag == "a" and "href" in attrs and attrs.get("class") != "headerlink"]


def ids(text: str) -> set[str]:
    return {attrs["id"] for _, attrs in Elements(to_html(text)).tags if attrs.get("id")}


def test_every_internal_link_resolves_to_a_page_and_anchor(pages):
    anchors = {path: ids(text) for path, text in pages.items()}
    for path, text in pages.items():
        for href in links(text):
            if href.startswith(("http://", "https://")):
                continue
            target, _, anchor = href.partition("#")
            target_path = os.path.normpath(os.path.join(os.path.dirname(path), target)) if target else path
            assert target_path in pages, (path, href)
            assert not anchor or anchor in anchors[target_path], (path, href)


def test_source_page_anchors_every_paragraph_and_quote_printing(pages):
    page = pages["sources/wire-story.md"]
    assert {f"p{n}" for n in range(1, 6)} | {"q-q7incomp", "q-q7missio"} <= ids(page)
    html_text = to_html(page)
    assert re.search(r'<mark class="dossier-quote" id="q-q7incomp">The alliance and peacekeeping are entirely '
                     r'incompatible\. Its history is one of military operations</mark>', html_text)
    hrefs = links(page)
    for target in ["../quotes/q7incomp.md", "../quotes/q7missio.md", "../actors/anna-petrova.md",
                   "../actors/valdor.md", "../actors/northern-alliance.md", "../topics/alliance-peacekeepers.md",
                   "../positions/valdor--alliance-peacekeepers.md", "#p3"]:
        assert target in hrefs
    assert "https://news.example.com/world/petrova-peacekeepers?ref=rss&x=1" in hrefs
    visible = Elements(html_text).visible
    for fact in ["The Daily Ledger", "17 March 2025", "updated 18 March 2025", "Jane Doe", "Global Wire", "Valdoria"]:
        assert fact in visible


def test_undated_source_says_so_and_has_no_original_link(pages):
    visible = Elements(to_html(pages["sources/opinion.md"])).visible
    assert "date not given" in visible and "no link given" in visible


def test_a_source_that_printed_no_headline_says_its_title_is_the_file_name(pages):
    assert "none printed" not in Elements(to_html(pages["sources/opinion.md"])).visible
    dossier = realistic()
    dossier.sources = [replace(s, title="opinion", titled_from_file=True) if s.id == "opinion" else s
                       for s in dossier.sources]
    page = render.render(dossier, TEMPLATES, site_url="https://example.org/dossier/", site_name="Dossier")
    visible = Elements(to_html(page["sources/opinion.md"])).visible
    assert "Headline: none printed; this page is titled after its file, opinion.txt" in visible


def test_quote_page_shows_who_when_where_how_and_the_wording(pages):
    page = pages["quotes/q7incomp.md"]
    hrefs = links(page)
    visible = Elements(to_html(page)).visible
    assert "../actors/anna-petrova.md" in hrefs
    assert {"../sources/daily-report.md#p2", "../sources/wire-story.md#p3"} <= set(hrefs)
    assert {"../sources/daily-report.md#q-q7incomp", "../sources/wire-story.md#q-q7incomp"} <= set(hrefs)
    for fact in ["16 March 2025 · Morning Post", "17 March 2025 · The Daily Ledger", "First reported: 16 March 2025",
                 "named next to the quote, with “stated”",
                 "resolved to the person named before it, with “said”",
                 "Petrova stated.", "she said.", "(file wire-story.txt)"]:
        assert fact in visible
    assert "../actors/northern-alliance.md" in hrefs and "../topics/alliance-peacekeepers.md" in hrefs
    assert any(h.startswith("https://news.example.com/world/petrova-peacekeepers?ref=rss&x=1#:~:text=") for h in hrefs)
    assert "punctuated or capitalised differently" in visible
    assert "Cite this quote" in visible and "https://example.org/dossier/quotes/q7incomp/" in visible


def test_word_differences_are_marked_up(pages):
    dossier = realistic()
    quote = dossier.quotes[0]
    occurrence = replace(quote.occurrences[1], text="The alliance and peacekeeping are completely incompatible; "
                                                    "its history is one of military operations")
    changed = replace(dossier, quotes=[replace(quote, occurrences=[quote.occurrences[0], occurrence]),
                                       *dossier.quotes[1:]])
    html_text = to_html(render.render(changed, TEMPLATES)["quotes/q7incomp.md"])
    assert "<del>entirely</del>" in html_text and "<ins>completely</ins>" in html_text


def test_actor_page_shows_roles_affiliation_quotes_positions_mentions_and_company(pages):
    page = pages["actors/anna-petrova.md"]
    hrefs = links(page)
    visible = Elements(to_html(page)).visible
    assert "Role: Deputy Foreign Minister" in visible
    assert ("Deputy Foreign Minister: Minister rejects alliance peacekeepers for Ruritania, "
            "Valdor seeks security guarantees") in visible  # where the role comes from, in "How this was found"
    assert "../actors/valdor.md" in hrefs  # affiliation
    assert {"../quotes/q7incomp.md", "../quotes/q7missio.md"} <= set(hrefs)
    assert "../positions/anna-petrova--alliance-peacekeepers.md" in hrefs
    assert {"../sources/wire-story.md#p2", "../sources/wire-story.md#p3", "../sources/wire-story.md#p4",
            "../sources/daily-report.md#p1", "../sources/daily-report.md#p2"} <= set(hrefs)
    assert "\u201cPetrova\u201d" in visible
    company = page.split("## Relationships", 1)[1]
    assert company.index("Speaks about [Northern Alliance]") < company.index("Speaks for [Valdor]")


def test_actor_links_only_http_elsewhere(pages):
    hrefs = links(pages["actors/valdor.md"])
    assert "https://example.org/valdor" in hrefs and not any("javascript" in h for h in hrefs)


def test_topic_and_position_pages_link_both_ways_and_to_the_paragraph(pages):
    topic = links(pages["topics/alliance-peacekeepers.md"])
    assert {"../actors/valdor.md", "../positions/valdor--alliance-peacekeepers.md", "../sources/wire-story.md#p1",
            "../quotes/q7incomp.md"} <= set(topic)
    position = pages["positions/valdor--alliance-peacekeepers.md"]
    assert {"../actors/valdor.md", "../topics/alliance-peacekeepers.md", "../sources/wire-story.md#p1",
            "../positions/anna-petrova--alliance-peacekeepers.md",
            "../positions/valdor--security-guarantees.md"} <= set(links(position))
    assert "opposes" in Elements(to_html(position)).visible


def test_tombstone_keeps_text_and_links_only_sources_that_remain(pages):
    page = pages[f"quotes/{WITHDRAWN_QUOTE_ID}.md"]
    visible = Elements(to_html(page)).visible
    assert "Withdrawn" in visible and "We never said that" in visible and "removed-story" in visible
    assert links(page) == ["../sources/wire-story.md"]
    assert f"../quotes/{WITHDRAWN_QUOTE_ID}.md" in links(pages["quotes/index.md"])


def test_index_pages_list_every_page_of_their_section(pages):
    for section in render.GENERATED_SECTIONS:
        listed = {os.path.normpath(os.path.join(section, h)) for h in links(pages[f"{section}/index.md"])}
        members = {p for p in pages if p.startswith(f"{section}/") and not p.endswith("index.md")}
        assert members <= listed, section


def test_quote_missing_from_its_paragraph_still_gets_its_anchor():
    dossier = realistic()
    quote = dossier.quotes[1]
    moved = replace(quote, occurrences=[replace(quote.occurrences[0], paragraph=5)])
    page = render.render(replace(dossier, quotes=[dossier.quotes[0], moved, dossier.quotes[2]]),
                         TEMPLATES)["sources/wire-story.md"]
    assert "q-q7missio" in ids(page)


# --------------------------------------------------------------------------
# pure helpers


@pytest.mark.parametrize(("canonical", "variant", "expected"), [
    ("a b c", "a b c", [("same", "a b c")]),
    ("We will demand guarantees", "We will insist on guarantees",
     [("same", "We will"), ("del", "demand"), ("ins", "insist on"), ("same", "guarantees")]),
    ("It is hot air.", "it is hot air", [("same", "it is hot air")]),
    ("one two", "one two three", [("same", "one two"), ("ins", "three")]),
    ("one two three", "two three", [("del", "one"), ("same", "two three")]),
])
def test_word_diff(canonical, variant, expected):
    assert render.word_diff(canonical, variant) == expected


@pytest.mark.parametrize(("text", "needle", "found"), [
    ("He said \u201cNATO\u2019s role\u201d today.", "NATO's role", "NATO\u2019s role"),
    ("A  long   gap \u2014 here", "long gap - here", "long   gap \u2014 here"),
    ("\u201cFirst part of a quote that goes on", "First part of a quote that goes on and on in the next paragraph",
     "First part of a quote that goes on"),
    ("Nothing to see", "absent words", None),
])
def test_locate_maps_normalised_quotes_back_to_the_printed_text(text, needle, found):
    span = render.locate(text, needle)
    assert (text[span[0]:span[1]] if span else None) == found


def test_co_occurrences_count_shared_paragraphs_then_sources():
    company = render.co_occurrences(realistic().actors)
    assert company["anna-petrova"] == [("northern-alliance", 2, 2), ("valdor", 1, 1)]
    assert company["valdor"] == [("northern-alliance", 2, 2), ("anna-petrova", 1, 1)]


def test_occurrence_anchors_are_unique_per_source_when_a_quote_repeats():
    dossier = realistic()
    quote = dossier.quotes[1]
    twice = replace(quote, occurrences=[*quote.occurrences, replace(quote.occurrences[0], paragraph=5, index=3)])
    page = render.render(replace(dossier, quotes=[dossier.quotes[0], twice, dossier.quotes[2]]),
                         TEMPLATES)["sources/wire-story.md"]
    assert {"q-q7missio", "q-q7missio-2"} <= ids(page)


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-03-17", "17 March 2025"), ("2025-12-01T10:35", "1 December 2025"), ("sometime", "sometime"), (None, "")])
def test_human_date(value, expected):
    assert render.human_date(value) == expected


def test_site_settings_read_mkdocs_yml_without_running_tags(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: My dossier\nsite_url: https://example.net/d/\n"
                      "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:os.system\n")
    assert render.site_settings(config) == ("https://example.net/d/", "My dossier")
    assert render.site_settings(tmp_path / "missing.yml") == ("", "")


@pytest.mark.parametrize("site_url", [None, "https://someone.github.io/dossier/"])
def test_site_settings_agree_with_mkdocs_and_its_env_override(monkeypatch, site_url):
    if site_url:
        monkeypatch.setenv("DOSSIER_SITE_URL", site_url)
    else:
        monkeypatch.delenv("DOSSIER_SITE_URL", raising=False)
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert render.site_settings(ROOT / "mkdocs.yml") == (config.site_url, config.site_name)
    assert config.site_url == (site_url or "https://example.org/dossier/")


# --------------------------------------------------------------------------
# determinism


def test_render_is_deterministic_whatever_the_input_order(rendered):
    dossier = realistic()
    shuffled = random.Random(7)
    for name in ("sources", "actors", "quotes", "topics", "positions"):
        items = list(getattr(dossier, name))
        shuffled.shuffle(items)
        dossier = replace(dossier, **{name: items})
    again = render.render(dossier, TEMPLATES, site_url="https://example.org/dossier/", site_name="Dossier")
    assert again == rendered
    assert list(again) == sorted(again)


def test_render_of_an_empty_dossier_still_gives_every_index():
    pages = render.render(Dossier(sources=[], actors=[], quotes=[]), TEMPLATES, site_url="https://example.org/")
    story = [render.FEED, render.HOME_SNIPPET, *(f"story/{page}.md" for page in render.STORY_PAGES)]
    assert sorted(pages) == sorted([f"{s}/index.md" for s in render.GENERATED_SECTIONS] + story)


TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=40, deadline=None)
@given(title=TEXT, paragraph=TEXT, quote=TEXT, name=TEXT, kind=TEXT, topic=TEXT, stance=TEXT)
def test_any_article_text_renders_round_trips_and_links_resolve(title, paragraph, quote, name, kind, topic, stance):
    dossier = realistic()
    paragraphs = tuple(replace(p, text=f"{paragraph} {p.text} {quote}") for p in dossier.sources[0].paragraphs)
    source = replace(dossier.sources[0], title=title, byline=name, outlet=kind, paragraphs=paragraphs)
    quotes = [replace(q, text=quote or q.text, speaker_name=name,
                      occurrences=[replace(o, text=quote or o.text, sentence=paragraph) for o in q.occurrences])
              for q in dossier.quotes]
    actors = [replace(a, name=name or a.name, kind=kind, aliases=[name, kind]) for a in dossier.actors]
    topics = [replace(t, title=topic or t.title) for t in dossier.topics]
    positions = [replace(p, stance=stance, sentences=[paragraph]) for p in dossier.positions]
    fuzzed = replace(dossier, sources=[source, *dossier.sources[1:]], quotes=quotes, actors=actors, topics=topics,
                     positions=positions)
    pages = render.render(fuzzed, TEMPLATES, site_url="https://example.org/dossier/")
    assert meta_of(pages["sources/wire-story.md"])["title"] == render.html_title(title)
    assert html.unescape(render.html_title(title)) == render.plain_text(title)
    assert meta_of(pages["quotes/q7incomp.md"])["text"] == (quote or dossier.quotes[0].text)
    assert meta_of(pages["actors/valdor.md"])["kind"] == kind
    for path in ["sources/wire-story.md", "quotes/q7incomp.md", "actors/anna-petrova.md", "positions/index.md"]:
        elements = Elements(to_html(pages[path]))
        for tag, attrs in elements.tags:
            assert not any(name.startswith("on") for name in attrs)
            href = attrs.get("href")
            if href and not href.startswith("https://"):
                target, _, anchor = href.partition("#")
                target_path = os.path.normpath(os.path.join(os.path.dirname(path), target)) if target else path
                assert target_path in pages, (path, href)


@pytest.mark.parametrize(("title", "written"), [
    ("AT&T & <b>Co</b>", "AT&amp;T &amp; &lt;b&gt;Co&lt;/b&gt;"),
    ('He said "no"', "He said &quot;no&quot;"),
    ("Russia's \u201cno\u201d", "Russia's \u201cno\u201d"),  # apostrophes and curly quotes stay readable
    ("two\nlines\x00", "two lines"),
    ("&amp;", "&amp;amp;"),  # an entity in the article is text, not an entity
])
def test_frontmatter_titles_are_html_escaped_once(title, written):
    assert render.html_title(title) == written
    assert html.unescape(written) == render.plain_text(title)


def test_a_redirect_is_a_static_page_at_the_old_address():
    dossier = replace(realistic(), redirects={"quotes/oldincom.md": "quotes/q7incomp.md"})
    pages = render.render(dossier, TEMPLATES, site_url="https://example.org/dossier/")
    stub = pages["quotes/oldincom/index.html"]
    assert 'content="0; url=&#46;./q7incomp/"' in stub and 'href="&#46;./q7incomp/"' in stub
    assert '<link rel="canonical" href="https://example.org/dossier/quotes/q7incomp/">' in stub
    assert "quotes/oldincom.md" not in pages
    assert meta_of(pages["quotes/index.md"])["count"] == meta_of(render.render(realistic(), TEMPLATES)["quotes/index.md"])["count"]


@pytest.mark.parametrize("redirects", [
    {"quotes/a.md": "sources/b.md"},  # out of its section
    {"quotes/../x.md": "quotes/b.md"},
    {"quotes/index.md": "quotes/q7incomp.md"},
    {"quotes/q7incomp.md": "quotes/gone7777.md"},  # a page that exists cannot also redirect
])
def test_a_redirect_that_cannot_be_a_static_page_is_refused(redirects):
    with pytest.raises(ValueError):
        render.render(replace(realistic(), redirects=redirects), TEMPLATES)


# --------------------------------------------------------------------------
# the story-level views (issue 12)


def test_quote_in_context_shows_the_paragraphs_around_it_with_only_its_words_marked(pages):
    context = pages["quotes/q7missio.md"].split("## In context", 1)[1].split("How this was found")[0]
    visible = Elements(to_html(context)).visible
    for around in ("she said.", "Such a mission could ensure", "Officials in the Northern Alliance declined"):
        assert around in visible  # paragraphs 3, 4 and 5 of wire-story: before, itself, after
    assert context.count('<mark class="dossier-quote">') == 1  # q7incomp in paragraph 3 is not marked here
    assert "Such a mission could ensure compliance with specific provisions</mark>" in context


@pytest.mark.parametrize(("at", "shown"), [(1, [1, 2]), (2, [1, 2, 3]), (5, [4, 5, 6]), (6, [5, 6])])
def test_context_is_the_paragraph_and_its_neighbours_even_at_either_end(at, shown):
    """Found by index, not by walking the article: a long article's quote pages cost the same each."""
    paragraphs = [f"Paragraph {k} says \"words number {k} of the article\" plainly." for k in range(1, 7)]
    article = Article(id="long", file="long.txt", title="Long", paragraphs=tuple(
        Paragraph(k, text) for k, text in enumerate(paragraphs, start=1)))
    quote = Quote(id="q", text=f"words number {at} of the article", speaker=None, speaker_name=None, occurrences=[
        Occurrence(source="long", paragraph=at, text=f"words number {at} of the article", sentence="",
                   method="unattributed", index=1)])
    catalogue = render.Catalogue(Dossier(sources=[article], actors=[], quotes=[quote], topics=[], positions=[]))
    rows = catalogue.context(catalogue.printings["q"][0])
    assert [index for index, _ in rows] == shown
    assert ["".join(s.text for s in segments) for _, segments in rows] == [paragraphs[k - 1] for k in shown]
    assert [s.text for _, segments in rows for s in segments if s.quote] == [f"words number {at} of the article"]


@pytest.mark.parametrize(("title", "expected"), [("Ceasefire", "ceasefire"),
                                                 ("Security guarantees", "security guarantees"),
                                                 ("Valdor", "Valdor"), ("NATO membership", "NATO membership"),
                                                 ("Ruritania talks", "Ruritania talks")])
def test_titles_inside_a_sentence_lose_a_capital_only_where_the_articles_write_the_word_so(title, expected):
    dossier = realistic()
    dossier.sources[2] = replace(dossier.sources[2], paragraphs=(
        *dossier.sources[2].paragraphs, Paragraph(3, "A ceasefire and security for NATO members.")))
    assert render.Catalogue(dossier).in_sentence(title) == expected


def test_a_name_in_lower_case_opens_its_page_titles_with_a_capital():
    """A group the articles name in lower case ("opposition parties") is titled as a title reads; in a sentence
    its name stays as the articles write it."""
    dossier = realistic()
    dossier.actors = [replace(a, name="opposition parties", kind="group") if a.id == "valdor" else a
                      for a in dossier.actors]
    pages = markdown_pages(render.render(dossier, TEMPLATES))
    actor, position = pages["actors/valdor.md"], pages["positions/valdor--alliance-peacekeepers.md"]
    assert meta_of(actor)["title"] == "Opposition parties" and "\n# Opposition parties\n" in actor
    assert meta_of(actor)["name"] == "opposition parties"
    assert meta_of(position)["title"].startswith("Opposition parties on ")


def test_coverage_marks_the_earliest_source_first():
    story = Story(render.Catalogue(realistic()))
    rows = {row.quote.id: row for row in story.coverage}
    assert rows["q7incomp"].first == ("daily-report",)  # 16 March, before wire-story's 17 March
    assert set(rows["q7incomp"].carried) == {"daily-report", "wire-story"}
    assert rows["q7hotair"].first == ()  # carried only by an undated article: no first is claimed


def test_home_matrix_cells_are_stances_in_words_linked_to_their_positions(rendered):
    home = rendered[render.HOME_SNIPPET]
    assert not home.startswith("---")  # included into docs/index.md: no frontmatter of its own
    assert ('[<span class="dossier-stance dossier-stance--oppose">opposes</span>]'
            '(positions/valdor--alliance-peacekeepers.md)') in home  # links written from docs/
    assert '(positions/northern-alliance--security-guarantees.md)' in home
    assert "../" not in home


def test_timeline_keeps_undated_items_undated():
    story = Story(render.Catalogue(realistic()))
    days = [day for day, _ in story.timeline()]
    assert days == ["2025-03-16", "2025-03-17", None]
    assert [e.quote.id for e in dict(story.timeline())[None]] == ["q7hotair"]
    assert {e.topics for _, events in story.timeline(topic="security-guarantees") for e in events} == {
        ("security-guarantees",)}
    assert {e.actor for _, events in story.timeline(actor="valdor") for e in events} == {"valdor"}


def test_hostile_text_stays_text_in_the_feed_and_the_diagram():
    from xml.etree import ElementTree
    feed = ElementTree.fromstring(render.render(hostile(), TEMPLATES, site_url="https://example.org/")[render.FEED])
    assert render.plain_text(f"Title {HOSTILE}") == feed.find("channel/item/title").text  # text, read back whole
    dossier = realistic()
    dossier.actors[0] = replace(dossier.actors[0], name=HOSTILE)
    output = render.render(dossier, TEMPLATES)
    svg = output["story/relationships.md"].split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "<script" not in svg and "&#60;script&#62;" in svg


def crowded() -> Dossier:
    """realistic(), with nine more people each quoted once in the wire story: more subjects than tags."""
    dossier = realistic()
    people = [Actor(id=f"person-{n}", name=f"Person {n}", kind="person", mentions=[Mention("wire-story", 5)])
              for n in range(1, 10)]
    quotes = [Quote(id=f"extra{n:03d}", text=f"Words number {n}", speaker=f"person-{n}", speaker_name=f"Person {n}",
                    occurrences=[Occurrence("wire-story", 5, f"Words number {n}", "", "explicit", "said", index=2 + n)])
              for n in range(1, 10)]
    return replace(dossier, actors=[*dossier.actors, *people], quotes=[*dossier.quotes, *quotes])


@pytest.mark.parametrize("dossier, source, expected", [
    # quoted or holding a position there, and the topics of those quotes and positions; the Northern
    # Alliance is only named in the wire story (and in a quote's words): not what the page is about
    (realistic, "wire-story", ["Alliance peacekeepers in Ruritania", "Anna Petrova", "Security guarantees", "Valdor"]),
    (realistic, "daily-report", ["Alliance peacekeepers in Ruritania", "Anna Petrova", "Northern Alliance",
                                 "Security guarantees", "Valdor"]),
    (realistic, "opinion", []),  # an unattributed quote on no topic: no subject to tag
    # capped at the weightiest: Anna Petrova (2 quotes, 1 position), the peacekeepers (1 quote, 2 positions),
    # then by name among the rest, each quoted, holding a position or spoken about once
    (crowded, "wire-story", ["Alliance peacekeepers in Ruritania", "Anna Petrova", "Person 1", "Person 2",
                             "Person 3", "Person 4"]),
])
def test_a_source_page_is_tagged_with_what_it_is_about_not_every_name_in_it(dossier, source, expected):
    page = render.render(dossier(), TEMPLATES)[f"sources/{source}.md"]
    assert [html.unescape(tag) for tag in meta_of(page)["tags"]] == expected
    assert len(expected) <= render.SOURCE_TAGS


@pytest.mark.parametrize("kind, role, theirs, valdors", [
    ("person", "President", "Leads", "Led by"),  # a head of state leads the country; it is not its spokesman
    ("person", "Prime Minister", "Leads", "Led by"),
    ("person", "Deputy Prime Minister", "Speaks for", "Represented by"),
    ("person", "Ambassador", "Speaks for", "Represented by"),
    ("person", "former Foreign Minister", "Part of", "Includes"),
    ("person", None, "Part of", "Includes"),
    ("organization", None, "Speaks for", "Represented by"),  # judged by its name: the Valdor Foreign Ministry
])
def test_how_an_actor_relates_to_its_country_follows_its_role(kind, role, theirs, valdors):
    dossier = realistic()
    name = "Valdor Foreign Ministry" if kind == "organization" else "Sam Lee"
    actor = Actor(id="newcomer", name=name, kind=kind, roles=[(role, "wire-story")] if role else [],
                  affiliation="valdor", mentions=[Mention("wire-story", 5)])
    pages = render.render(replace(dossier, actors=[*dossier.actors, actor]), TEMPLATES)
    assert f"- {theirs} [Valdor](../actors/valdor.md)\n" in pages["actors/newcomer.md"]
    assert f"- {valdors} [{name}](../actors/newcomer.md)\n" in pages["actors/valdor.md"]


def char_by_char(text: str) -> tuple[str, list[int]]:
    """What diff._char_normalised must give: each character normalised on its own, whitespace folded."""
    out, offsets = [], []
    for i, ch in enumerate(text):
        for piece in unicodedata.normalize("NFKC", ch).translate(QUOTE_MARKS).translate(DASHES):
            if piece.isspace():
                if not out or out[-1] == " ":
                    continue
                piece = " "
            out.append(piece)
            offsets.append(i)
    return "".join(out), offsets


@pytest.mark.parametrize("text", [
    "", " ", "plain ASCII only.", "  leading and trailing  ", "tab\there\nnew line\r\n",
    "He said \u201cNATO\u2019s role\u201d today \u2014 twice\u00a0over.", "\ufb01nal \u2460 \uff21\uff22",  # ligature, NFKC
    "e\u0301 combining", "\u3000ideographic\u3000space", "\u2028line sep\u0085next", "emoji \U0001f600 end ",
    "\x00control\x1f", "caf\u00e9\u200b zero width",
    "two  spaces", " a leading space", "caf\u00e9 space", "a\u00a0 b", "x \u00a8 y", "end. ", "\u00a8 a",
])
def test_char_normalised_is_normalise_character_by_character(text):
    assert diff._char_normalised(text) == char_by_char(text)


@given(st.text() | st.text(alphabet="ab. \t\n\u00a0\u00a8\u00e9\u2019\u3000"))  # spaces among ASCII and others
@settings(max_examples=300, deadline=None)
def test_char_normalised_is_normalise_character_by_character_for_any_text(text):
    assert diff._char_normalised(text) == char_by_char(text)


def test_coverage_names_every_source_first_on_the_day_in_source_order():
    dossier = realistic()
    day = next(s.date for s in dossier.sources if s.id == "daily-report")
    dossier.sources = [replace(s, date=day) if s.id == "wire-story" else s for s in dossier.sources]
    site = render.Catalogue(dossier)
    rows = {row.quote.id: row for row in Story(site).coverage}
    order = [s.id for s in site.sources_in_order()]
    assert len(rows["q7incomp"].first) == 2
    assert list(rows["q7incomp"].first) == sorted(["daily-report", "wire-story"], key=order.index)


@pytest.mark.parametrize("text, printed", [
    ("We will sign it", "We will sign it"),
    ("they call \u201ca fair deal\u201d a trap", "they call \u2018a fair deal\u2019 a trap"),
    ("\u201cPatients get a worse deal,\u201d he said.", "\u2018Patients get a worse deal,\u2019 he said."),
    ('what they call "a fair deal"', "what they call 'a fair deal'"),
    ("\u201eGut\u201c und \u00abbon\u00bb", "\u201aGut\u2018 und \u2039bon\u203a"),
    ("already \u2018single\u2019 and don\u2019t", "already \u2018single\u2019 and don\u2019t"),
])
def test_text_printed_inside_quotation_marks_nests_its_own_as_single_ones(text, printed):
    assert render.escape.nest_quotation_marks(text) == printed


def test_a_source_page_prints_a_quotation_within_a_quote_in_single_marks(tmp_path):
    """The page wraps each printing in double marks: the quote's own double marks become single ones."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "talks.txt").write_text(
        "Talks fail\n\nPrime Minister Anna Kowalska spoke on Monday.\n\n"
        "\u201cWe will not sign what they call \u201ca fair deal\u201d at any price,\u201d she said.\n", encoding="utf-8")
    build(BuildConfig(seeds=tmp_path / "seeds", docs=tmp_path / "docs", curation=tmp_path / "curation.yaml",
                      ledger=tmp_path / "permalinks.yaml", mkdocs_yml=ROOT / "mkdocs.yml"))
    source = (tmp_path / "docs" / "sources" / "talks.md").read_text(encoding="utf-8")
    assert "\u201cWe will not sign what they call \u2018a fair deal\u2019 at any price\u201d" in source
