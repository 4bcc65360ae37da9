"""Whole builds of generated hostile articles: never raise, frontmatter round-trips, links resolve.

Articles are assembled from markup, quote marks, YAML specials and names, so that every stage
(ingest, quotes, actors, stances, ids, render) sees them. Links are read from the generated
Markdown with markdown-it-py and checked against the generated files and their anchors.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st
from markdown_it import MarkdownIt

from dossier.build import BuildConfig, build
from tests.conftest import ROOT, TEMPLATES

FRAGMENTS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=//evil>", "[click](javascript:alert(1))",
    '{: onmouseover="alert(1)"}', "{{ 7*7 }}", "{% raw %}", "---", ": ", "# ", "&amp;", "*", "!!python/object:os.system",
    "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", '"', "'", "\u201e", "|", "`", "\\", "\u2028", "\t",
    "President Maria Lopez", "said", "told reporters", "according to the ministry", "Moscow", "the Kremlin", "NATO",
    "he added", "We will never accept this deal", "rejected the plan", "supports the ceasefire", "ALSO READ: teaser",
]
word = st.sampled_from(FRAGMENTS) | st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)
sentence = st.lists(word, min_size=1, max_size=14).map(" ".join)
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
frontmatter_value = st.sampled_from(FRAGMENTS) | st.text(max_size=20)


@st.composite
def articles(draw) -> bytes:
    title = draw(sentence)
    body = "\n\n".join(draw(st.lists(paragraph, min_size=1, max_size=5)))
    text = f"{title}\n\n{body}\n"
    if draw(st.booleans()):
        meta = {key: draw(frontmatter_value) for key in draw(st.sets(st.sampled_from(
            ["title", "date", "outlet", "url", "author", "language"]), max_size=4))}
        text = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n{text}"
    return text.encode("utf-8")


_markdown = MarkdownIt("commonmark")
_HREF = re.compile(r"""\bhref=(["'])(.*?)\1""")
_ID = re.compile(r"""\bid=(["'])(.*?)\1""")
DOSSIER_ANCHOR = re.compile(r"^(p\d+|q-[a-z0-9-]+)$")


def _hrefs(markdown: str) -> list[str]:
    """Every link target in a page: Markdown links and the href of inline or block HTML."""
    found = []
    for token in _markdown.parse(markdown):
        for child in [token, *(token.children or [])]:
            if child.type == "link_open":
                found.append(child.attrGet("href"))
            elif child.type in ("html_inline", "html_block"):
                found.extend(match.group(2) for match in _HREF.finditer(child.content))
    return found


def _broken_links(docs: Path) -> list[str]:
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    broken = []
    for name, text in pages.items():
        body = text.split("---\n", 2)[2]
        for href in _hrefs(body):
            if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I):  # absolute: http(s) only, checked elsewhere
                assert href.startswith(("http://", "https://", "mailto:")), f"{name}: unsafe link {href}"
                continue
            path, _, anchor = href.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), path)) if path else name
            if target not in pages and target != "index.md" and not (docs / target).is_file():  # data files
                broken.append(f"{name}: {href}")
            elif anchor and DOSSIER_ANCHOR.match(anchor) and target in pages:
                if anchor not in {m.group(2) for m in _ID.finditer(pages[target])}:
                    broken.append(f"{name}: {href} (no such anchor)")
    return broken


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                HealthCheck.too_slow])
@given(st.lists(articles(), min_size=1, max_size=3))
def test_any_articles_build_with_valid_frontmatter_and_resolving_links(tmp_path_factory, contents):
    project = tmp_path_factory.mktemp("property-build")
    seeds = project / "seeds"
    seeds.mkdir()
    for n, content in enumerate(contents):
        (seeds / f"article-{n}.txt").write_bytes(content)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    config = BuildConfig(seeds=seeds, docs=project / "docs", templates=TEMPLATES, curation=project / "curation.yaml",
                         ledger=project / "permalinks.yaml", mkdocs_yml=project / "mkdocs.yml")

    result = build(config)

    docs = project / "docs"
    for page in docs.rglob("*.md"):
        head, _, _ = page.read_text(encoding="utf-8").partition("\n---\n")
        meta = yaml.safe_load(head.removeprefix("---\n"))
        assert {"type", "id", "title"} <= set(meta), page
        assert isinstance(meta["title"], str) and "\n" not in meta["title"]
    assert _broken_links(docs) == []
    assert build(config).changed is False, "a second build of the same articles must change nothing"
    assert all(p.file.startswith("article-") or p.file == "permalinks.yaml" for p in result.problems)


def test_the_link_checker_sees_links_and_catches_broken_ones(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sources").mkdir(parents=True)
    (docs / "quotes").mkdir()
    (docs / "sources" / "a.md").write_text('---\ntype: source\n---\n<a id="p1"></a> text\n', encoding="utf-8")
    (docs / "quotes" / "q.md").write_text(
        "---\ntype: quote\n---\n[ok](../sources/a.md#p1) [gone](../sources/b.md) "
        '<a href="../sources/a.md#p2">no anchor</a>\n', encoding="utf-8")
    assert _broken_links(docs) == ["quotes/q.md: ../sources/b.md", "quotes/q.md: ../sources/a.md#p2 (no such anchor)"]
