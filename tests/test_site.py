"""Whole sites built by `mkdocs build --strict` with the project's mkdocs.yml: every page type,
every link and anchor resolving in the built HTML, strict validation catching broken anchors,
reproducible output, escaped titles, redirects, and the real pipeline on the five seeds.

The safety, link and redirect checks run against both renderers that read the same docs/ and
mkdocs.yml: MkDocs + Material (the default) and Zensical (from its own venv, .venv-zensical,
which `make test` creates; only without it do those cases skip, saying so). Neither runs a hook:
what dossier writes must be safe and complete as it is."""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import re
import shutil
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from dossier import render, search
from tests.conftest import ROOT
from tests.render_fixtures import (RENDERERS, build_site, built_site, bundle_pages, dossier_build, hand_written_docs,
                                   hostile, mkdocs_build, pagefind_pages, realistic, renderer_build, seeds_folder,
                                   synthetic, write_generated)

pytestmark = pytest.mark.slow


class Page(HTMLParser):
    """The ids, links (href/src), scripts and title of one built HTML page."""

    def __init__(self, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []  # the code of each script that runs (not JSON-LD data)
        self.title = ""
        self.header = ""  # the text of the page's <header> (Material's and Zensical's title bar)
        self._in: str | None = None
        self._header_depth = 0
        self.feed(path.read_text(encoding="utf-8"))
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "header" or self._header_depth:
            self._header_depth += tag not in self.VOID
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for name in ("href", "src"):
            if attrs.get(name) is not None:
                self.links.append(attrs[name])
        if tag in ("script", "title"):
            self._in = tag
            if tag == "script" and attrs.get("type") != "application/ld+json":
                self.scripts.append("")
            elif tag == "script":
                self._in = None

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})

    def handle_endtag(self, tag):
        self._in = None
        if self._header_depth:
            self._header_depth -= 1

    def handle_data(self, data):
        if self._header_depth:
            self.header += data
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "title":
            self.title += data


SITE_PATH = urlsplit(render.site_settings(ROOT / "mkdocs.yml")[0]).path


def broken_links(site: Path) -> list[str]:
    """Every local href/src in the site that does not resolve to a file, and every #anchor that
    is not an id of the page it points at. Site-absolute links (404.html) start at site_url's path."""
    pages = {p: Page(p) for p in site.rglob("*.html")}
    problems = []
    for path, page in pages.items():
        base = path.relative_to(site).as_posix()
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue
            if not parts.path:
                target_path = path
            else:
                if parts.path.startswith(SITE_PATH):
                    target = posixpath.normpath(unquote(parts.path[len(SITE_PATH):]) or ".")
                else:
                    target = posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(parts.path)))
                target_path = site / target
                if link.endswith("/") or target_path.is_dir():
                    target_path = target_path / "index.html"
            if not target_path.is_file():
                problems.append(f"{base}: {link} (no such file)")
            elif parts.fragment and target_path.suffix == ".html":
                target_page = pages.get(target_path) or Page(target_path)
                if unquote(parts.fragment) not in target_page.ids:
                    problems.append(f"{base}: {link} (no such anchor)")
    return problems


# Ids the ledger moved: each old page must lead to the new one (the page a reader had bookmarked).
MOVES = {"quotes/oldincom.md": "quotes/q7incomp.md", "sources/old-wire.md": "sources/wire-story.md",
         "actors/petrova.md": "actors/anna-petrova.md"}


def realistic_with_moves():
    return replace(realistic(), redirects=MOVES)


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """site(name, renderer): the built site/ of `realistic` or `hostile`, built once per module."""
    built: dict[tuple[str, str], Path] = {}
    dossiers = {"realistic": realistic_with_moves, "hostile": hostile}

    def site(name: str, renderer: str) -> Path:
        if (name, renderer) not in built:
            built[name, renderer] = built_site(tmp_path_factory, name, dossiers[name](), renderer,
                                               SOURCE_DATE_EPOCH="1700000000")
        return built[name, renderer]

    return site


@pytest.fixture(scope="module")
def realistic_site(sites) -> Path:
    return sites("realistic", "mkdocs")


def meta(site: Path, section: str, page_id: str) -> dict:
    text = (site.parent / "docs" / section / f"{page_id}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


def test_strict_build_has_every_page_type(realistic_site):
    docs = realistic_site.parent / "docs"
    for markdown in docs.rglob("*.md"):
        relative = markdown.relative_to(docs).with_suffix("")
        html = realistic_site / (relative.parent if relative.name == "index" else relative) / "index.html"
        assert html.is_file(), markdown
    types = {yaml.safe_load(p.read_text(encoding="utf-8").split("---\n", 2)[1])["type"]
             for section in render.GENERATED_SECTIONS for p in (docs / section).glob("*.md")}
    assert types == {"source", "actor", "quote", "topic", "position", "index", "story"}


@pytest.mark.parametrize("renderer", RENDERERS)
def test_a_dossier_whose_lists_are_split_builds_strict_with_every_link_resolving(tmp_path, renderer):
    """The parts of long lists (dossier.render.paging) sit one folder below their page: their links
    and anchors resolve, and they stay out of search (the pages they list are in it already)."""
    result = build_site(tmp_path, synthetic(420), renderer)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for part in ("sources/index/2024-01", "quotes/index/2024-01-2", "story/timeline/undated",
                 "actors/person-0/sources-2024-01"):
        assert (site / part / "index.html").is_file(), part
    assert broken_links(site) == []
    indexed = pagefind_pages(site)
    assert "/sources/story-1/" in indexed and "/sources/index/2024-01/" not in indexed


@pytest.mark.parametrize("renderer", RENDERERS)
def test_every_link_and_anchor_in_the_built_site_resolves(sites, renderer):
    assert broken_links(sites("realistic", renderer)) == []


_REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"')


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize(("old", "new"), sorted(MOVES.items()))
def test_a_moved_page_redirects_to_its_new_address(sites, renderer, old, new):
    """The ledger's redirects are static pages in docs/, copied as they are by either renderer:
    a meta refresh (and a script that keeps the #fragment) to the new page, never indexed for
    search (they have no data-pagefind-body, which only themed pages get)."""
    site = sites("realistic", renderer)
    old_url, new_url = (path.removesuffix(".md") + "/" for path in (old, new))
    stub = (site / old_url / "index.html").read_text(encoding="utf-8")
    refresh = _REFRESH.search(stub)
    assert refresh, stub
    assert posixpath.normpath(posixpath.join(old_url, html.unescape(refresh.group(1)))) + "/" == new_url
    assert (site / new_url / "index.html").is_file()
    assert '<meta name="robots" content="noindex">' in stub and "location.hash" in stub
    assert f"{SITE_PATH}{new_url}" in stub  # the canonical link, absolute
    indexed = pagefind_pages(site)
    assert f"/{new_url}" in indexed and f"/{old_url}" not in indexed


def test_the_link_checker_finds_broken_links(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here"><a href="#here">ok</a><a href="#gone">x</a>'
                                               '<a href="../b/">y</a><img src="../a/"></p>', encoding="utf-8")
    assert broken_links(tmp_path) == ["a/index.html: #gone (no such anchor)", "a/index.html: ../b/ (no such file)"]


def test_navigation_holds_only_the_section_pages(realistic_site):
    nav_links = set()
    for tag, attrs in Page(realistic_site / "index.html").elements:
        if tag == "a" and "md-tabs__link" in (attrs.get("class") or ""):
            nav_links.add(attrs["href"])
    assert nav_links == {".", "sources/", "actors/", "quotes/", "topics/", "positions/", "story/"}
    config = render.load_mkdocs_yml(ROOT / "mkdocs.yml")
    top = [next(iter(item.values())) for item in config["nav"]]
    assert top[:-1] == ["index.md", *(f"{s}/index.md" for s in render.GENERATED_SECTIONS if s != "story")]
    story = [next(iter(item.values())) if isinstance(item, dict) else item for item in top[-1]]
    assert story == ["story/index.md", *(f"story/{page}.md" for page in render.STORY_PAGES)]


def test_source_page_html_has_paragraph_and_quote_anchors(realistic_site):
    page = Page(realistic_site / "sources" / "wire-story" / "index.html")
    assert {"p1", "p2", "p3", "p4", "p5", "q-q7incomp", "q-q7missio"} <= page.ids
    assert "../../quotes/q7incomp/" in page.links and "../../actors/anna-petrova/" in page.links


def test_quote_page_html_links_back_to_the_exact_paragraph(realistic_site):
    page = Page(realistic_site / "quotes" / "q7incomp" / "index.html")
    assert {"../../sources/wire-story/#p3", "../../sources/daily-report/#p2",
            "../../sources/wire-story/#q-q7incomp"} <= set(page.links)
    assert page.title.startswith("Anna Petrova: \u201cThe alliance and peacekeeping")


@pytest.mark.parametrize("link", ["sources/wire-story.md#p99", "quotes/nope.md", "actors/anna-petrova.md#nowhere"])
@pytest.mark.parametrize("renderer", RENDERERS)
def test_strict_build_fails_on_a_broken_link_or_anchor(tmp_path, link, renderer):
    docs = hand_written_docs(tmp_path)
    write_generated(docs, realistic())
    assert renderer_build(renderer, tmp_path, NO_COLOR="1").returncode == 0
    (docs / "broken.md").write_text(f"# Broken\n\n[a link]({link})\n", encoding="utf-8")
    result = renderer_build(renderer, tmp_path, NO_COLOR="1")
    assert result.returncode != 0
    output = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)  # Zensical colours every character
    assert link.split("#")[-1] in output or link in output


def file_digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# Pagefind 1.5.2 writes a filter's values in no fixed order (a hash map: Pagefind issue #638), so its
# filter index, and the entry and metadata files that name it by its hash, can differ between two
# builds of the same site; every other file of the site, search fragments and word index included,
# is the same. What the filter index holds is compared through the fragments (each page's filters).
SEARCH_FILTER_INDEX = re.compile(r"pagefind[^/]*/(filter/.*|pagefind-entry\.json|pagefind\..*\.pf_meta)")


def test_two_builds_give_byte_identical_sites(realistic_site, tmp_path):
    again = build_site(tmp_path, realistic_with_moves(), SOURCE_DATE_EPOCH="1700000000")
    assert again.returncode == 0, again.stderr
    assert file_digests(tmp_path / "docs") == file_digests(realistic_site.parent / "docs")
    built, rebuilt = ({path: digest for path, digest in file_digests(site).items()
                       if not SEARCH_FILTER_INDEX.fullmatch(path)} for site in (realistic_site, tmp_path / "site"))
    assert built == rebuilt
    assert pagefind_pages(realistic_site) == pagefind_pages(tmp_path / "site")
    assert (realistic_site / "sitemap.xml.gz").is_file() and any(path.startswith("pagefind/fragment/") for path in built)


# A hook that counts, when the build ends, the pages that still hold their Markdown or their HTML.
HELD = """
import json, pathlib

built = []

def on_post_page(output, page, config):
    built.append(page)

def on_post_build(config):
    held = {"pages": len(built), "markdown": sum(page.markdown is not None for page in built),
            "html": sum(page.content is not None for page in built)}
    pathlib.Path(config.config_file_path).with_name("held.json").write_text(json.dumps(held))
"""


@pytest.mark.parametrize("lean", [True, False])
def test_pages_let_go_of_their_markdown_and_html_and_the_site_is_the_same(realistic_site, tmp_path, lean):
    """dossier/lean (issue 14): MkDocs would hold every page's Markdown and HTML to the end of the
    build; without the plugin they are held, with it none is, and the built pages are the same."""
    shutil.copytree(realistic_site.parent / "docs", tmp_path / "docs")
    (tmp_path / "held.py").write_text(HELD, encoding="utf-8")
    project = render.load_mkdocs_yml(ROOT / "mkdocs.yml")
    config = tmp_path / "variant.yml"
    config.write_text(yaml.safe_dump({"INHERIT": str(ROOT / "mkdocs.yml"), "theme": project["theme"],
                                      "plugins": [p for p in project["plugins"] if lean or p != "dossier/lean"],
                                      "hooks": [str(tmp_path / "held.py")]}), encoding="utf-8")
    built = mkdocs_build(tmp_path, config, SOURCE_DATE_EPOCH="1700000000")
    assert built.returncode == 0, built.stderr
    held = json.loads((tmp_path / "held.json").read_text(encoding="utf-8"))
    assert held["pages"] > 20
    assert (held["markdown"], held["html"]) == ((0, 0) if lean else (held["pages"], held["pages"]))
    pages = {site: {path: digest for path, digest in file_digests(site).items() if path.endswith(".html")}
             for site in (realistic_site, tmp_path / "site")}
    assert pages[realistic_site] == pages[tmp_path / "site"]


@pytest.fixture(scope="module", params=RENDERERS)
def hostile_site(sites, request) -> Path:
    return sites("hostile", request.param)


def test_hostile_site_has_no_injected_markup_and_shows_the_payloads(hostile_site):
    for path in hostile_site.rglob("*.html"):
        page = Page(path)
        assert not any("alert" in script for script in page.scripts), path
        for tag, attrs in page.elements:
            assert tag not in ("iframe", "object", "embed"), path
            assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
            assert not (attrs.get("href") or "").strip().lower().startswith("javascript"), (path, attrs)
            assert not (tag == "img" and attrs.get("src") == "x"), path
    quote = (hostile_site / "quotes" / "evilquot" / "index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in quote and "49" not in Page(hostile_site / "quotes" / "evilquot" / "index.html").title


def test_hostile_titles_are_text_in_title_and_header(hostile_site):
    page = Page(hostile_site / "sources" / "hostile" / "index.html")
    assert "<script>alert(1)</script>" in page.title  # visible as text (the parser decoded the entities)
    assert "<img src=x onerror=alert(1)>" in page.header  # the header bar shows the title as text too
    assert broken_links(hostile_site) == []


def test_search_index_holds_hostile_text_as_text(hostile_site):
    """Pagefind indexes a page's text: a payload it holds word for word was text in the HTML (an
    element would have been parsed, and a script dropped). The search UI prints it escaped
    (tests/test_browser.py)."""
    page = pagefind_pages(hostile_site)["/sources/hostile/"]
    for payload in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>"):
        assert payload in page["meta"]["title"] and payload in page["content"]
    assert "<img src=x onerror=alert(1)>" in page["filters"]["outlet"][0]


# --------------------------------------------------------------------------
# search: what Pagefind indexes, under which filters


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize(("url", "title", "filters"), [
    ("/actors/anna-petrova/", "Anna Petrova",
     {"type": ["Actors"], "actor": ["Anna Petrova"]}),
    ("/topics/security-guarantees/", "Security guarantees",
     {"type": ["Topics"], "topic": ["Security guarantees"]}),
    ("/quotes/q7incomp/", "Anna Petrova: \u201cThe alliance and peacekeeping are entirely incompatible. Its history\u2026\u201d",
     {"type": ["Quotes"], "actor": ["Anna Petrova", "Northern Alliance"], "topic": ["Alliance peacekeepers in Ruritania"],
      "outlet": ["Morning Post", "The Daily Ledger"]}),
    ("/sources/wire-story/", "Minister rejects alliance peacekeepers for Ruritania",
     {"type": ["Sources"], "actor": ["Anna Petrova", "Valdor"],
      "topic": ["Alliance peacekeepers in Ruritania", "Security guarantees"], "outlet": ["The Daily Ledger"]}),
    ("/positions/valdor--alliance-peacekeepers/", "Valdor on Alliance peacekeepers in Ruritania",
     {"type": ["Positions"], "actor": ["Valdor"], "topic": ["Alliance peacekeepers in Ruritania"]}),
    ("/sources/opinion/", "Why guarantees matter", {"type": ["Sources"]}),
])
def test_search_indexes_each_page_with_its_title_and_filters(sites, renderer, url, title, filters):
    page = pagefind_pages(sites("realistic", renderer))[url]
    assert page["meta"]["title"] == title  # the heading's permalink mark is left out (pagefind.yml)
    assert page["filters"] == filters


_SECTION_GLOB = re.compile(r"([\w-]+)/\*\*/\*\.html")  # "sources/**/*.html": every page of a section
_MERGED_BUNDLE = re.compile(r'bundle\("([\w-]+)"\)')  # how overrides/main.html names a bundle in its script


@pytest.mark.parametrize("renderer", RENDERERS)
def test_the_search_bundles_are_those_mkdocs_yml_lists_and_hold_every_searchable_page_once(sites, renderer):
    """Each bundle of mkdocs.yml's extra.search_bundles is a folder of the site, with its own index
    of the pages its glob matches; together they hold every page marked for search, none twice,
    and every page's search merges them all into the main one."""
    site = sites("realistic", renderer)
    configured = search.bundles(render.load_mkdocs_yml(ROOT / "mkdocs.yml"))
    assert sorted(entry.parent.name for entry in site.glob("*/pagefind-entry.json")) == sorted(
        bundle.folder for bundle in configured)
    bundles = bundle_pages(site)
    assert all(bundles.values()), {folder: len(pages) for folder, pages in bundles.items()}
    urls = [url for pages in bundles.values() for url in pages]
    assert len(urls) == len(set(urls))
    marked = {"/" + str(path.relative_to(site)).removesuffix("index.html") for path in site.rglob("*.html")
              if "data-pagefind-body" in path.read_text(encoding="utf-8")}
    assert set(urls) == marked
    for bundle in configured:
        if section := _SECTION_GLOB.fullmatch(bundle.pages):
            assert all(url.startswith(f"/{section[1]}/") for url in bundles[bundle.folder]), bundle
    for page in ("index.html", "sources/wire-story/index.html", "quotes/q7incomp/index.html"):
        script = next(code for code in Page(site / page).scripts if "configureInstance" in code)
        named = _MERGED_BUNDLE.findall(script)  # the main bundle, then the others (Zensical sorts them)
        assert named[0] == search.MAIN and sorted(named) == sorted(bundle.folder for bundle in configured), page


@pytest.mark.parametrize("renderer", RENDERERS)
def test_search_indexes_the_content_of_pages_not_the_site_around_them(sites, renderer):
    site = sites("realistic", renderer)
    indexed = pagefind_pages(site)
    assert "/404.html" not in indexed and "/" in indexed and "/story/timeline/" in indexed
    quote = indexed["/quotes/q7incomp/"]["content"]
    assert quote.startswith("Anna Petrova: \u201cThe alliance")  # the page starts at its title, no header
    assert "entirely incompatible" in quote
    assert "@misc{" not in quote and "Permalink" not in quote  # the Cite box is boilerplate: not indexed
    # The paragraphs around a printing are the source's, indexed on the source page; "How this was
    # found" is machine detail. Pagefind's memory follows the words indexed (issue 14).
    assert "talks were premature" not in quote and "How this was found" not in quote
    assert "talks were premature" in indexed["/sources/wire-story/"]["content"]
    assert "How this was found" not in indexed["/sources/wire-story/"]["content"]


# --------------------------------------------------------------------------
# the real pipeline on the five seeds


@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory) -> Path:
    return seeds_folder(tmp_path_factory)


def test_seeds_build_a_strict_site_whose_links_all_resolve(seeds_site):
    assert broken_links(seeds_site / "site") == []


def test_zensical_builds_the_same_seeds_docs_into_a_strict_site_whose_links_all_resolve(seeds_site, tmp_path):
    shutil.copytree(seeds_site / "docs", tmp_path / "docs")
    built = renderer_build("zensical", tmp_path, NO_COLOR="1")
    assert built.returncode == 0, built.stdout + built.stderr
    assert broken_links(tmp_path / "site") == []
    markdown = {p.relative_to(tmp_path / "docs").with_suffix("") for p in (tmp_path / "docs").rglob("*.md")}
    for page in markdown:
        assert (tmp_path / "site" / (page.parent if page.name == "index" else page) / "index.html").is_file(), page


def test_each_seed_has_its_source_page_with_title_and_date(seeds_site, gold):
    pages = {}
    for path in (seeds_site / "docs" / "sources").glob("*.md"):
        page_meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
        if page_meta["type"] == "source":
            pages[page_meta["file"]] = page_meta
    for source in gold["sources"]:
        assert source["file"] in pages, source["file"]
        page_meta = pages[source["file"]]
        assert html.unescape(page_meta["title"]) == source["title"], source["file"]
        expected_date = str(source["date"]) if source["date"] else None
        assert page_meta["date"] == expected_date, source["file"]
        assert (seeds_site / "site" / "sources" / page_meta["id"] / "index.html").is_file()


_ARTICLE_PARAGRAPH = re.compile(r'<p><a class="dossier-pn" [^>]*>\d+</a> (.*?)</p>', re.DOTALL)


def article_paragraphs(html_path: Path) -> list[str]:
    """The body paragraphs of a built source page, as text."""
    found = _ARTICLE_PARAGRAPH.findall(html_path.read_text(encoding="utf-8"))
    return [" ".join(html.unescape(re.sub(r"<sup.*?</sup>|<[^>]+>", "", p)).split()) for p in found]


def test_no_boilerplate_line_reaches_a_source_body(seeds_site, gold):
    files = {}
    for path in (seeds_site / "docs" / "sources").glob("*.md"):
        page_meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
        if page_meta["type"] == "source":
            files[page_meta["file"]] = page_meta["id"]
    for source in gold["sources"]:
        paragraphs = article_paragraphs(seeds_site / "site" / "sources" / files[source["file"]] / "index.html")
        assert paragraphs, source["file"]
        for line in source.get("boilerplate", []):
            line = re.sub(r"\s*\((truncated )?repeated title\)$", "", line).strip()
            assert line not in paragraphs, (source["file"], line)


def test_two_dossier_builds_give_byte_identical_docs(seeds_site):
    before = file_digests(seeds_site / "docs")
    again = dossier_build(seeds_site)
    assert again.returncode == 0, again.stderr
    assert "unchanged" in again.stderr
    assert file_digests(seeds_site / "docs") == before


def test_home_page_tells_the_story_with_a_positions_matrix(realistic_site):
    """The home page includes the generated story at a glance: each matrix cell is a stance in a word,
    linked to its position page; the snippet itself is not published."""
    home = Page(realistic_site / "index.html")
    text = (realistic_site / "index.html").read_text(encoding="utf-8")
    assert "<h1" in text and "Alliance peacekeepers in Ruritania and security guarantees" in html.unescape(text)
    cells = re.findall(r'<a href="(positions/[^"]+/)"><span class="dossier-stance dossier-stance--(\w+)">(\w+)</span>',
                       text)
    assert ("positions/valdor--alliance-peacekeepers/", "oppose", "opposes") in cells
    assert ("positions/northern-alliance--security-guarantees/", "open", "open") in cells
    assert {link for link in home.links if link.startswith("positions/")} >= {c[0] for c in cells}
    assert "16 March 2025" in text and "17 March 2025" in text  # the dates covered
    assert not (realistic_site / "story" / "home.snippet").exists()


def test_the_feed_is_rss_dated_by_the_articles(realistic_site):
    from xml.etree import ElementTree
    channel = ElementTree.parse(realistic_site / "story" / "feed.xml").getroot().find("channel")
    items = {item.findtext("guid"): item.findtext("pubDate") for item in channel.iter("item")}
    assert items == {"wire-story": "Mon, 17 Mar 2025 00:00:00 +0000", "daily-report": "Sun, 16 Mar 2025 00:00:00 +0000",
                     "opinion": None}  # undated: no date is made up
    assert [item.findtext("guid") for item in channel.iter("item")] == ["wire-story", "daily-report", "opinion"]


def tag_links(page: Path) -> dict[str, str]:
    """{tag name: where its chip leads, as a path in the site} of one built page."""
    text = page.read_text(encoding="utf-8")
    found = re.findall(r'<a href="([^"]+)" class="md-tag">([^<]+)</a>', text)
    return {html.unescape(name).strip(): posixpath.normpath(posixpath.join(page.parent.as_posix(), href))
            for href, name in found}


@pytest.mark.parametrize("relative, tags", [
    ("quotes/q7incomp", {"Anna Petrova": "actors/anna-petrova", "Northern Alliance": "actors/northern-alliance",
                         "Alliance peacekeepers in Ruritania": "topics/alliance-peacekeepers"}),
    ("sources/wire-story", {"Anna Petrova": "actors/anna-petrova", "Valdor": "actors/valdor",
                            "Security guarantees": "topics/security-guarantees",
                            "Alliance peacekeepers in Ruritania": "topics/alliance-peacekeepers"}),
    ("actors/anna-petrova", {"Anna Petrova": "actors/anna-petrova"}),
    ("topics/security-guarantees", {"Security guarantees": "topics/security-guarantees"}),
])
def test_a_tag_leads_to_its_actors_or_topics_own_page(realistic_site, relative, tags):
    """Not to Material's listing of every tagged page, which grew with the articles (issue 14)."""
    page = realistic_site / relative / "index.html"
    assert tag_links(page) == {name: (realistic_site / target).as_posix() for name, target in tags.items()}
    for target in tags.values():
        assert (realistic_site / target / "index.html").is_file()


def test_the_tags_page_explains_tags_and_lists_no_page(realistic_site):
    page = Page(realistic_site / "story" / "tags" / "index.html")
    assert {"../../actors/", "../../topics/"} <= set(page.links)
    text = (realistic_site / "story" / "tags" / "index.html").read_text(encoding="utf-8")
    assert "md-tag" not in text and "q7incomp" not in text and "wire-story" not in text
    assert not (realistic_site / "tags.json").exists()


def test_a_source_page_shows_the_tags_of_what_it_is_about(realistic_site):
    text = (realistic_site / "sources" / "wire-story" / "index.html").read_text(encoding="utf-8")
    shown = {html.unescape(name).strip() for name in re.findall(r'class="md-tag"[^>]*>([^<]+)<', text)}
    assert shown == {"Alliance peacekeepers in Ruritania", "Anna Petrova", "Security guarantees", "Valdor"}
    assert "Northern Alliance" in html.unescape(text)  # named in the article: in the page, not a tag


def test_timeline_puts_undated_items_last_and_undated(realistic_site):
    text = html.unescape((realistic_site / "story" / "timeline" / "index.html").read_text(encoding="utf-8"))
    days = re.findall(r"<h3[^>]*>(.*?)<a", text)
    assert days == ["16 March 2025", "17 March 2025", "Undated"]
    assert text.index("It is just hot air") > text.index(">Undated<")
