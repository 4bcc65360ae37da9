"""dossier.render.paging and the pages it bounds: a list longer than PAGE_SIZE is shown as a summary with
links to parts (by month, or numbered), so that no page grows with the number of articles.

The size test renders synthetic dossiers of 1,000 and 10,000 articles (tests/render_fixtures.py's
`synthetic`: recurring actors and topics, a reprinted quote per article) and follows the links of
the rendered Markdown from the section indexes to every quote and source."""

from __future__ import annotations

import posixpath
import re

import pytest

from dossier import render
from dossier.render.paging import PAGE_SIZE, SUMMARY, UNDATED, month_label, month_of, paginate
from tests.conftest import TEMPLATES
from tests.render_fixtures import synthetic

_LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize(("date", "month", "label"), [
    ("2025-03-17", "2025-03", "March 2025"),
    ("2025-12-01T10:00:00", "2025-12", "December 2025"),
    (None, UNDATED, "Undated"),
    ("", UNDATED, "Undated"),
    ("17 March 2025", UNDATED, "Undated"),
])
def test_month_of_and_its_label(date, month, label):
    assert month_of(date) == month
    assert month_label(month) == label


@pytest.mark.parametrize(("count", "paths"), [
    (PAGE_SIZE, []),  # fits: printed whole, no parts
    (PAGE_SIZE + 1, ["p/2025-01.md", "p/2025-01-2.md"]),
    (2 * PAGE_SIZE + 1, ["p/2025-01.md", "p/2025-01-2.md", "p/2025-01-3.md"]),
])
def test_a_list_over_the_page_size_is_cut_into_numbered_parts(count, paths):
    listing = paginate("quotes", "p.md", "Quotes", range(count), lambda _: "2025-01")
    assert [part.path for part in listing.parts] == paths
    assert listing.whole == (not paths)
    assert sum(len(part.items) for part in listing.parts) == (count if paths else 0)
    assert all(len(part.items) <= PAGE_SIZE for part in listing.parts)


def test_parts_follow_the_groups_in_list_order_with_titles_and_a_stem():
    items = [("2025-02-03", i) for i in range(PAGE_SIZE + 5)] + [(None, i) for i in range(3)]
    listing = paginate("events", "actors/a.md", "A: timeline", items, lambda item: month_of(item[0]),
                       stem="timeline")
    assert [(p.path, p.title, len(p.items)) for p in listing.parts] == [
        ("actors/a/timeline-2025-02.md", "February 2025, part 1 of 2", PAGE_SIZE),
        ("actors/a/timeline-2025-02-2.md", "February 2025, part 2 of 2", 5),
        ("actors/a/timeline-undated.md", "Undated", 3)]
    assert [(g.label, g.size) for g in listing.groups] == [("February 2025", PAGE_SIZE + 5), ("Undated", 3)]
    assert listing.latest == tuple(items[PAGE_SIZE + 5 - SUMMARY:PAGE_SIZE + 5])  # undated items are never "latest"
    assert listing.first == tuple(items[:SUMMARY])


def test_a_list_of_one_group_is_numbered():
    listing = paginate("topics", "topics/index.md", "Topics", range(2 * PAGE_SIZE))
    assert [(p.path, p.title) for p in listing.parts] == [("topics/index/all.md", "part 1 of 2"),
                                                         ("topics/index/all-2.md", "part 2 of 2")]


# --------------------------------------------------------------------------
# synthetic dossiers at scale


@pytest.fixture(scope="module")
def scaled() -> dict[int, dict[str, str]]:
    """{articles: rendered Markdown pages} for 1,000 and 10,000 articles."""
    return {n: {path: text for path, text in render.render(synthetic(n), TEMPLATES).items() if path.endswith(".md")}
            for n in (1_000, 10_000)}


def body(page: str) -> str:
    """A page without its frontmatter."""
    return page.split("---\n", 2)[2]


def links(path: str, page: str) -> set[str]:
    """The pages `page` links to, as paths relative to docs/."""
    targets = set()
    for href in _LINK.findall(body(page)):
        target = href.split("#", 1)[0]
        if target.endswith(".md"):
            targets.add(posixpath.normpath(posixpath.join(posixpath.dirname(path), target)))
    return targets


def reachable(pages: dict[str, str], start: list[str]) -> set[str]:
    """Every page reached from `start` through index pages and the parts of lists (never through
    another entity's own page)."""
    seen, todo = set(start), list(start)
    while todo:
        path = todo.pop()
        for target in links(path, pages[path]) - seen:
            assert target in pages, f"{path} links to {target}, which is not a page"
            seen.add(target)
            if target.endswith("/index.md") or target.count("/") == 2:
                todo.append(target)
    return seen


# The links to a list's parts grow with the number of articles (one per PAGE_SIZE items a month)
# and so do the months a long story covers: about 80 bytes a link. At 20 articles a day, 10,000
# articles are 17 months of 600 items a list, 1,000 are 2 months of 500: at most ~110 part links
# more on the page with the most lists (an actor's: timeline, sources), 9 KB.
MARGIN = 10_000


def test_no_page_grows_with_the_number_of_articles(scaled):
    largest = {n: max((len(body(text).encode()), path) for path, text in pages.items())
               for n, pages in scaled.items()}
    assert largest[10_000][0] <= largest[1_000][0] + MARGIN, largest
    for n, pages in scaled.items():
        assert len(pages) > 2 * n  # a page per source and per quote, and the parts


@pytest.mark.parametrize("n", [1_000, 10_000])
def test_every_quote_and_source_is_reachable_from_the_index_pages(scaled, n):
    pages = scaled[n]
    reached = reachable(pages, ["quotes/index.md", "sources/index.md", "story/timeline.md"])
    assert {f"quotes/q{i:07d}.md" for i in range(n)} <= reached
    assert {f"sources/story-{i}.md" for i in range(n)} <= reached
    parts = [path for path in pages if path.count("/") == 2]
    assert parts and all(len(_LINK.findall(body(pages[path]))) < 40 * PAGE_SIZE for path in parts)


def test_an_actor_page_shows_a_summary_and_links_every_month(scaled):
    page = scaled[1_000]["actors/person-0.md"]
    assert f"{SUMMARY} of 250 shown here" in page  # 250 sources mention person 0
    months = {p for p in links("actors/person-0.md", page) if p.startswith("actors/person-0/sources-")}
    assert months == {"actors/person-0/sources-2024-01.md", "actors/person-0/sources-2024-01-2.md",
                      "actors/person-0/sources-2024-02.md"}  # 155 in January, 95 in February
    part = scaled[1_000]["actors/person-0/sources-2024-01.md"]
    assert "Back to Person 0](../../actors/person-0.md)" in part
    assert "[Article 0](../../sources/story-0.md)" in part


def test_the_review_page_shows_a_summary_of_each_kind_and_links_parts_that_hold_every_doubt(scaled):
    pages = scaled[1_000]
    review = pages["story/review.md"]
    assert f"{SUMMARY} of 250 shown here" in review and f"{SUMMARY} of 200 shown here" in review  # speakers, stances
    assert "[\u201cStatement 0 on the talks" in review
    parts = sorted(p for p in links("story/review.md", review) if p.startswith("story/review/"))
    assert parts == ["story/review/speakers-2.md", "story/review/speakers-3.md", "story/review/speakers.md",
                     "story/review/stances-2.md", "story/review/stances.md"]  # 20 merges fit on the page
    listed = "".join(pages[p] for p in parts)
    assert all(f"Statement {i} on the talks" in listed for i in range(0, 1_000, 4))  # every guessed speaker
    assert len(body(scaled[10_000]["story/review.md"])) < 2 * len(body(review))  # 10x the doubts, not 10x the page
