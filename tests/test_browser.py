"""Built sites in headless Chromium (issue 6): pages made from articles full of markup run none of
it, grow no element from it, and show it as text; and every kind of page shows who, what and where.

Two sites: the seeds in tests/fixtures/markup/ through the real pipeline (`dossier build`), and a
hand-built dossier with a payload in every text field. Screenshots of one page of each kind go to
$DOSSIER_SHOTS (default: the test's temporary folder) for a person to look at.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from dossier.model import Dossier
from tests.conftest import ROOT
from tests.render_fixtures import (built_site, bundle_pages, hand_written_docs, hostile, mkdocs_build, realistic,
                                   seeds_folder, synthetic, write_generated)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MARKUP_SEEDS = ROOT / "tests" / "fixtures" / "markup"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
# What the payloads must look like on the page: as text, exactly as the article printed them.
VISIBLE_PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{ 7*7 }}", "{% raw %}",
                    "[click](javascript:alert(1))", '{: onmouseover="alert(1)" }']

# Everything a page holds that no article text may have made.
INJECTION_PROBE = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      if (attr.toLowerCase().startsWith('on')) found.push(`${el.tagName} ${attr}`);
    }
    const href = (el.getAttribute('href') || el.getAttribute('src') || '').trim().toLowerCase();
    if (href.startsWith('javascript:')) found.push(`${el.tagName} ${href}`);
  }
  const content = 'iframe, object, embed, img, form, style'.split(', ').map(tag => 'article ' + tag).join(', ');
  for (const el of document.querySelectorAll(content)) {
    found.push(el.tagName);
  }
  for (const s of document.querySelectorAll('script')) {
    if (s.type !== 'application/ld+json' && s.textContent.includes('alert')) found.push('SCRIPT ' + s.textContent);
  }
  for (const el of document.querySelectorAll('body *')) {
    el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
  }
  return found;
}"""


def chromium() -> str:
    for path in [os.environ.get("CHROMIUM", ""), *CANDIDATES]:
        if path and Path(path).is_file():
            return path
    pytest.skip(f"no Chromium found (set CHROMIUM, or install one of {', '.join(CANDIDATES)})")


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    executable = chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    yield page
    context.close()


@pytest.fixture(scope="module")
def markup_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("markup")
    hand_written_docs(folder)
    built = subprocess.run([sys.executable, "-m", "dossier", "build", "--seeds", str(MARKUP_SEEDS), "--docs",
                            str(folder / "docs"), "--ledger", str(folder / "permalinks.yaml")],
                           capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert built.returncode == 0, built.stderr
    assert "javascript:alert(1)" in built.stderr  # the frontmatter url was refused, and said so
    site = mkdocs_build(folder)
    assert site.returncode == 0, site.stderr
    return folder / "site"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    return built_site(tmp_path_factory, "hostile-browser", hostile())


@pytest.fixture(scope="module")
def realistic_site(tmp_path_factory) -> Path:
    return built_site(tmp_path_factory, "realistic-browser", realistic())


def generated_pages(site: Path) -> list[Path]:
    return sorted(p for section in ("sources", "actors", "quotes", "topics", "positions")
                  for p in (site / section).rglob("index.html"))


def visit(page, path: Path) -> list[str]:
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    found = page.evaluate(INJECTION_PROBE)
    page.wait_for_timeout(50)
    return found


@pytest.mark.parametrize("site_name", ["markup_site", "hostile_site"])
def test_no_payload_runs_or_becomes_an_element(request, page, site_name):
    site = request.getfixturevalue(site_name)
    pages = generated_pages(site)
    assert len(pages) >= 8
    for path in pages:
        assert visit(page, path) == [], path
        assert page.dialogs == [], path


@pytest.mark.parametrize(("site_name", "relative"), [
    ("markup_site", "sources/markup-frontmatter/index.html"),
    ("markup_site", "sources/markup-plain/index.html"),
    ("hostile_site", "sources/hostile/index.html"),
    ("hostile_site", "quotes/evilquot/index.html"),
    ("hostile_site", "actors/evil-actor/index.html"),
])
def test_payloads_show_as_text(request, page, site_name, relative):
    path = request.getfixturevalue(site_name) / relative
    visit(page, path)
    text = page.inner_text("article")
    shown = [payload for payload in VISIBLE_PAYLOADS if payload in text]
    assert len(shown) >= 3, text
    markdown = path.parents[2].parent / "docs" / path.parent.parent.name / f"{path.parent.name}.md"
    title = yaml.safe_load(markdown.read_text(encoding="utf-8").split("---\n", 2)[1])["title"]
    title = html.unescape(title).strip()  # the frontmatter title is HTML-escaped, one line (render.html_title)
    assert page.title() == f"{title} - Dossier"  # the article's title, as text, in <title> and the header
    assert title in " ".join(page.inner_text("header").split())


def test_markup_quotes_are_marked_in_their_paragraph(page, markup_site):
    visit(page, markup_site / "sources" / "markup-frontmatter" / "index.html")
    marks = page.locator("mark.dossier-quote")
    assert marks.count() >= 1
    assert "<img src=x onerror=alert(1)>" in marks.first.inner_text()


SHOTS = [("source", "sources/wire-story/index.html"), ("quote", "quotes/q7incomp/index.html"),
         ("actor", "actors/anna-petrova/index.html"), ("topic", "topics/alliance-peacekeepers/index.html"),
         ("position", "positions/valdor--alliance-peacekeepers/index.html"),
         ("tombstone", "quotes/gone7777/index.html"),
         ("sources-index", "sources/index.html"), ("quotes-index", "quotes/index.html"), ("home", "index.html")]


@pytest.mark.parametrize(("kind", "relative"), SHOTS)
def test_each_kind_of_page_shows_who_what_where_at_a_glance(page, realistic_site, tmp_path, kind, relative):
    visit(page, realistic_site / relative)
    heading = page.locator("article h1").first
    assert heading.is_visible()
    top = heading.bounding_box()["y"]
    if kind in ("source", "quote", "actor"):
        facts = page.locator(".dossier-facts").first
        assert facts.is_visible() and facts.bounding_box()["y"] < top + 600  # the facts box sits under the title
    shots = Path(os.environ.get("DOSSIER_SHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    shot = shots / f"{kind}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_a_paragraph_link_lands_on_a_highlighted_paragraph(page, realistic_site):
    page.goto((realistic_site / "sources" / "wire-story" / "index.html").as_uri() + "#p3")
    paragraph = page.locator("p:has(> a#p3)")
    assert paragraph.is_visible()
    assert paragraph.evaluate("p => getComputedStyle(p).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    other = page.locator("p:has(> a#p2)")
    assert other.evaluate("p => getComputedStyle(p).backgroundColor") in ("rgba(0, 0, 0, 0)", "transparent")


@contextmanager
def serving(page, site: Path) -> Iterator[str]:
    """The site over HTTP on 127.0.0.1, the page allowed to reach it: search runs web workers and
    module imports, which file:// pages cannot start."""
    server = subprocess.Popen([sys.executable, "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory",
                               str(site)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = server.stdout.readline()  # "Serving HTTP on 127.0.0.1 port NNNNN ..."
        port = int(line.split(" port ")[1].split()[0])
        page.unroute("**/*")
        page.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def search(page, query: str) -> list[str]:
    """Search as a reader does: the header's search button (unless the dialog is open already), the
    query typed into the dialog; the paths of the result links, best first, once Pagefind has answered."""
    if not page.locator("pagefind-modal dialog[open]").count():
        page.locator(".md-header pagefind-modal-trigger button").click()
    page.locator("pagefind-modal input[type=search]").fill(query)
    result_count(page, query)
    return result_paths(page)


def result_count(page, query: str, unlike: int | None = None) -> int:
    """The number of results the dialog's summary reports for `query` once Pagefind has answered
    (other than `unlike`, after a filter changed): it reads "Searching for ..." until then, and
    still holds the old count for a moment after a filter is checked."""
    answered = page.wait_for_function("""([query, unlike]) => {
        const text = document.querySelector('pagefind-summary')?.innerText ?? '';
        const count = text.match(/^(\\d+) results? for (.*)$/);
        return count && count[2] === query && Number(count[1]) !== unlike ? Number(count[1]) : null;
    }""", arg=[query, unlike], timeout=15_000)
    return answered.json_value()


def result_paths(page) -> list[str]:
    """The paths of the results shown, best first, once the first has loaded (a result is a
    placeholder until its data has, in any order: then its link has its address)."""
    page.wait_for_function("""() => document.querySelector(
        'pagefind-results [data-pf-result-index="0"] a.pf-result-link')?.getAttribute('href')""", timeout=15_000)
    links = page.locator("pagefind-results a.pf-result-link")
    return [urlsplit(href).path for href in links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
            if href]


def test_search_finds_a_quote_from_any_page_of_a_site_served_under_a_path(page, realistic_site, tmp_path):
    """Pagefind's button sits in the header where Material's search was, and its results link to
    the right page from a page deep in the site as from the home page, with the site at a path of
    its own (as on GitHub Pages: /<repository>/)."""
    (tmp_path / "dossier").symlink_to(realistic_site, target_is_directory=True)
    with serving(page, tmp_path) as base:
        for start in ("/dossier/", "/dossier/sources/wire-story/"):
            page.goto(f"{base}{start}")
            assert page.locator(".md-search__input").count() == 0  # Material's own search is off
            assert search(page, "peacekeeping incompatible")[0] == "/dossier/quotes/q7incomp/"
            page.locator("pagefind-results a.pf-result-link").first.click()
            page.wait_for_url("**/dossier/quotes/q7incomp/")
            assert "incompatible" in page.locator("article").inner_text()


def test_search_results_show_article_markup_as_text(page, hostile_site):
    """Titles and excerpts in the search dialog come from articles: shown as text, never run."""
    with serving(page, hostile_site) as base:
        page.goto(f"{base}/")
        search(page, "onerror")
        # Results load in any order: wait for the quote's own (it times out, failing, if it never comes).
        page.locator('pagefind-results a.pf-result-link[href$="/quotes/evilquot/"]').wait_for(timeout=15_000)
        dialog = page.locator("pagefind-modal")
        assert "<img src=x onerror=alert(1)>" in dialog.inner_text()
        assert page.evaluate(INJECTION_PROBE) == [] and page.dialogs == []


def test_the_probe_catches_markup_that_does_run(page, tmp_path):
    """The same checks on a page whose author wrote raw HTML: they must see it (Python-Markdown passes
    it through), so their silence on the generated pages means something."""
    docs = hand_written_docs(tmp_path)
    write_generated(docs, Dossier(sources=[], actors=[], quotes=[]))
    (docs / "raw.md").write_text('# Raw\n\n<img src="x" onerror="alert(1)">\n\n'
                                 '<a href="javascript:alert(2)">x</a>\n', encoding="utf-8")
    result = mkdocs_build(tmp_path)
    assert result.returncode == 0, result.stderr
    found = visit(page, tmp_path / "site" / "raw" / "index.html")
    assert "IMG onerror" in found and "A javascript:alert(2)" in found and "IMG" in found
    page.wait_for_timeout(200)
    assert page.dialogs == ["1"]


# --------------------------------------------------------------------------
# The reader's site (issue 12): the project's own seeds, served on 127.0.0.1 as a reader gets it.

AXE = ROOT / "tests" / "node_modules" / "axe-core" / "axe.min.js"
# One page of every type. Screenshots of each at both widths go to SCREENSHOTS for a person to look at.
PAGE_TYPES = {"home": "", "source": "sources/001-c0c8174e57d18298/", "actor": "actors/alexander-grushko/",
              "quote": "quotes/fvqho54w/", "topic": "topics/peacekeeping-forces/",
              "position": "positions/russia--peacekeeping-forces/", "sources-index": "sources/",
              "actors-index": "actors/", "quotes-index": "quotes/", "topics-index": "topics/",
              "positions-index": "positions/", "story": "story/", "timeline": "story/timeline/",
              "coverage": "story/coverage/", "relationships": "story/relationships/", "changes": "story/changes/",
              "tags": "story/tags/", "data": "data/"}
WIDTHS = (1366, 390)
SCREENSHOTS = Path(os.environ.get("DOSSIER_SHOTS", ROOT / "site-screenshots"))


@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory) -> Path:
    return seeds_folder(tmp_path_factory)


@pytest.fixture(scope="module")
def served(seeds_site):
    """The seeds' site over HTTP on 127.0.0.1 (Material's search runs in a worker file:// cannot start)."""
    server = subprocess.Popen([sys.executable, "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory",
                               str(seeds_site / "site")], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()  # "Serving HTTP on 127.0.0.1 port NNNNN ..."
        yield f"http://127.0.0.1:{int(line.split(' port ')[1].split()[0])}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def reader(browser):
    """A page that reaches only the local server and records every console error and uncaught exception."""
    def open_page(width: int = 1366, scheme: str = "light"):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1:")
                   else route.abort())
        return page

    contexts = []
    yield open_page
    for context in contexts:
        context.close()


def quote_page_with(docs: Path, words: str) -> str:
    """The id of the quote whose words contain `words`, read from the built frontmatter."""
    for path in sorted((docs / "quotes").glob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
        if meta["type"] == "quote" and words in meta["text"]:
            return meta["id"]
    raise AssertionError(f"no quote says {words!r}")


def test_home_matrix_cell_leads_to_the_highlighted_source_paragraph(reader, served):
    page = reader()
    page.goto(served)
    matrix = page.locator(".dossier-matrix table")
    assert matrix.bounding_box()["y"] < 900  # the story and where everyone stands start on the first screen
    cell = matrix.locator("a:has(.dossier-stance)").first
    stance = cell.inner_text()
    cell.click()
    page.wait_for_url("**/positions/*/")
    assert stance.split()[0] in page.locator(".dossier-verdict").inner_text()  # the page of that stance
    evidence = page.locator("article blockquote small a", has_text="paragraph").first
    target = evidence.get_attribute("href").split("#")[1]
    evidence.click()
    page.wait_for_url(f"**/sources/*/#{target}")
    paragraph = page.locator(f"p:has(> a#{target})")
    page.wait_for_timeout(200)
    assert paragraph.evaluate("p => getComputedStyle(p).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert paragraph.evaluate("p => { const r = p.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
    assert page.errors == []


@pytest.mark.parametrize(("query", "first"), [("Kremlin", "actors/russia/"),  # an alias (a metonym) of Russia
                                              ("Grushko", "actors/alexander-grushko/"),
                                              ("ceasefire", "topics/ceasefire/")])
def test_search_lists_the_own_page_of_an_actor_or_topic_first(reader, served, query, first):
    page = reader()
    page.goto(served)
    assert search(page, query)[0] == urlsplit(served).path + first
    assert page.errors == []


def test_search_lists_a_quote_by_its_words_first(reader, served, seeds_site):
    page = reader()
    page.goto(served + "sources/")
    page.keyboard.press("/")  # Material's shortcut for search opens the dialog too
    page.locator("pagefind-modal dialog[open]").wait_for()
    found = search(page, "hot air")
    assert found[0] == f"{urlsplit(served).path}quotes/{quote_page_with(seeds_site / 'docs', 'hot air')}/", found


# For each search bundle (mkdocs.yml, extra.search_bundles), a query whose best result is a page it holds.
BUNDLE_QUERIES = {"pagefind": ("ceasefire", "topics/ceasefire/"),
                  "pagefind-sources": ("Undercutting Zelenskyy", "sources/003-80ffbf245e0a7ee3/"),
                  "pagefind-quotes": ("hot air", "quotes/fvqho54w/"),
                  "pagefind-actors": ("Grushko", "actors/alexander-grushko/")}


def test_every_bundle_is_searched_from_one_dialog(reader, served, seeds_site):
    """The bundles are indexed apart and merged in the reader's browser: one search finds the pages
    of each, best first. A bundle added to mkdocs.yml needs its row here."""
    bundles = bundle_pages(seeds_site / "site")
    assert set(BUNDLE_QUERIES) == set(bundles)
    page = reader()
    page.goto(served)
    for folder, (query, first) in BUNDLE_QUERIES.items():
        assert f"/{first}" in bundles[folder]  # the page lives in that bundle, and in no other:
        assert all(f"/{first}" not in pages for other, pages in bundles.items() if other != folder)
        assert search(page, query)[0] == urlsplit(served).path + first, query
    assert page.errors == []


def test_a_site_not_indexed_yet_has_no_search_button_and_no_script_error(reader, seeds_site, tmp_path):
    """`mkdocs build` alone leaves the search bundles to `dossier search-index`: until then the pages
    miss only Pagefind's files (404s), and show no search button that would do nothing."""
    site = shutil.copytree(seeds_site / "site", tmp_path / "site", ignore=shutil.ignore_patterns("pagefind*"))
    page = reader()
    with serving(page, site) as base:
        page.goto(f"{base}/actors/alexander-grushko/")
        page.wait_for_load_state("networkidle")
        assert page.locator("article h1").count() == 1
        assert page.locator("pagefind-modal-trigger").count() == 0
        assert page.errors and all("404" in error for error in page.errors), page.errors


@pytest.mark.parametrize(("filter_name", "value", "section"), [("type", "Actors", "actors"),
                                                               ("type", "Quotes", "quotes"),
                                                               ("outlet", "Cnews Live", None)])
def test_search_filters_narrow_the_results(reader, served, seeds_site, filter_name, value, section):
    """The dialog's filters (type of page, actor, topic, outlet) come from each page's frontmatter."""
    page = reader()
    page.goto(served)
    search(page, "Grushko")
    everything = result_count(page, "Grushko")  # "41 results for Grushko"
    group = page.locator(f"pagefind-filter-pane details[data-filter-name={filter_name}]")
    group.locator("summary").click()
    group.get_by_role("checkbox", name=value).check()
    assert 0 < result_count(page, "Grushko", unlike=everything) < everything
    narrowed = result_paths(page)
    assert narrowed
    for found in narrowed:  # the results loaded so far (Pagefind loads more as the list scrolls)
        path = found.removeprefix(urlsplit(served).path)
        if section:
            assert path.startswith(f"{section}/"), path
        else:  # an outlet: every result is a page whose frontmatter names it
            section_name, page_id = path.strip("/").split("/")
            meta = yaml.safe_load((seeds_site / "docs" / section_name / f"{page_id}.md").read_text(
                encoding="utf-8").split("---\n", 2)[1])
            assert value in meta["filters"]["outlet"], path


@pytest.mark.parametrize(("width", "scheme"), [(1366, "light"), (1366, "dark"), (390, "light"), (390, "dark")])
def test_the_search_dialog_fits_the_screen_in_both_palettes(reader, served, width, scheme):
    page = reader(width, scheme)
    page.goto(served + PAGE_TYPES["actor"])
    button = page.locator(".md-header pagefind-modal-trigger button")
    assert button.bounding_box()["y"] < 48  # in the header bar
    assert search(page, "Grushko")
    dialog = page.locator("pagefind-modal dialog")
    box = dialog.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    # the dialog wears the page's palette: its background, and the page's text colour for results
    body = page.evaluate("[getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]")
    title = page.locator("pagefind-results a.pf-result-link").first.evaluate("a => getComputedStyle(a).color")
    assert [title, dialog.evaluate("d => getComputedStyle(d).backgroundColor")] == body
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"search-{width}-{scheme}.png"))
    assert page.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_palette_follows_the_system_and_the_toggle_switches_it(reader, served, scheme):
    page = reader(scheme=scheme)
    page.goto(served)
    scheme_now = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    background = lambda: page.evaluate("getComputedStyle(document.body).backgroundColor")  # noqa: E731
    assert scheme_now() == {"light": "default", "dark": "slate"}[scheme]
    before = background()
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert scheme_now() == {"light": "slate", "dark": "default"}[scheme]
    assert background() != before
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"home-toggled-from-{scheme}.png"))


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two CSS rgb()/rgba() colours (opaque ones)."""
    def luminance(colour: str) -> float:
        channels = [int(float(v)) / 255 for v in colour[colour.index("(") + 1:-1].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_helper():
    assert round(contrast("rgb(255, 255, 255)", "rgb(0, 0, 0)"), 1) == 21.0
    assert contrast("rgb(119, 119, 119)", "rgb(255, 255, 255)") < 4.5


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_stance_colours_are_readable_in_both_palettes(reader, served, scheme):
    page = reader(scheme=scheme)
    page.goto(served)
    stances = page.evaluate("""() => [...document.querySelectorAll('.dossier-stance')].map(el => {
        const style = getComputedStyle(el);
        return [el.className, style.color, style.backgroundColor];
    })""")
    assert {name.split("--")[1] for name, _, _ in stances} >= {"support", "oppose", "conditional", "open"}
    for name, colour, background in stances:
        assert contrast(colour, background) >= 4.5, (scheme, name, colour, background)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_type_reads_without_errors_or_sideways_scroll(reader, served, kind, width):
    page = reader(width)
    page.goto(served + PAGE_TYPES[kind])
    assert_reads_without_errors_or_sideways_scroll(page, f"{kind} at {width} px")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"{kind}-{width}.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"screenshot: {shot}")
    assert shot.stat().st_size > 10_000


def test_how_it_was_found_is_collapsed_and_opens(reader, served):
    page = reader()
    page.goto(served + PAGE_TYPES["quote"])
    found = page.locator("details", has_text="How this was found")
    assert found.evaluate("d => d.open") is False
    assert not found.locator("li").first.is_visible()  # file names and attribution stay out of the way
    found.locator("summary").click()
    assert found.locator("li").first.is_visible() and ".txt" in found.inner_text()


@pytest.mark.parametrize("kind", [*PAGE_TYPES, "search-light", "search-dark"])
def test_axe_finds_no_serious_or_critical_violation(reader, served, kind):
    """Every page type, and the search dialog open with results and a filter's options, in both
    palettes."""
    if not AXE.is_file():
        pytest.skip(f"axe-core is not installed ({AXE}): run `make test`, or `npm ci` in tests/")
    page = reader(scheme=kind.removeprefix("search-") if kind.startswith("search-") else "light")
    page.goto(served + PAGE_TYPES.get(kind, ""))
    if kind.startswith("search-"):
        search(page, "Grushko")
        page.locator("pagefind-filter-pane details[data-filter-name=type] summary").click()
    assert serious_violations(page) == []


def assert_reads_without_errors_or_sideways_scroll(page, what: str) -> None:
    page.wait_for_load_state("networkidle")
    assert page.locator("article h1").first.is_visible()
    assert page.errors == [], page.errors
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{what} scrolls sideways by {overflow} px"


def serious_violations(page) -> list[str]:
    """What axe-core finds serious or critical on the page."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async () => (await axe.run(document)).violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)""")


# A dossier too long to list on one page (dossier.render.paging): summaries with links to parts, and a part.
SPLIT_PAGES = {"split-actor": "actors/person-0/", "part": "actors/person-0/sources-2024-01/",
               "split-timeline": "story/timeline/", "timeline-part": "story/timeline/undated/"}


@pytest.fixture(scope="module")
def split_site(tmp_path_factory) -> Path:
    return built_site(tmp_path_factory, "split", synthetic(420))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", SPLIT_PAGES)
def test_split_lists_read_without_errors_sideways_scroll_or_axe_violations(reader, split_site, kind, width):
    if not AXE.is_file():
        pytest.skip(f"axe-core is not installed ({AXE}): run `make test`, or `npm ci` in tests/")
    page = reader(width)
    with serving(page, split_site) as base:
        page.goto(f"{base}/{SPLIT_PAGES[kind]}")
        assert_reads_without_errors_or_sideways_scroll(page, f"{kind} at {width} px")
        assert serious_violations(page) == []
