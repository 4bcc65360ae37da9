"""Pages reused from docs/ (dossier/render/reuse.py): a page whose view and template the last build
rendered is taken from its file, and rendered again whenever the key, the file or the templates say
it may differ; templates read nothing but their view."""

from __future__ import annotations

import os
import subprocess
import sys

import jinja2
import jinja2.meta
import pytest

from dossier import render
from dossier.memo import Memo
from dossier.render.reuse import Reuse, fingerprint, key
from tests.conftest import TEMPLATES
from tests.render_fixtures import realistic

VIEW = {"title": "Kyiv talks", "rows": [{"label": "a", "href": None}]}
KEY = key("source.md.j2", 1, {"id": "kyiv"}, VIEW)


def built(tmp_path, text: str = "# Kyiv talks\n") -> Reuse:
    """A build that rendered sources/kyiv.md as `text` and wrote it, as publish would."""
    digests = Memo(tmp_path / "cache", "pages", "fp", str)
    first = Reuse(digests, tmp_path / "docs")
    (tmp_path / "docs" / "sources").mkdir(parents=True)
    (tmp_path / "docs" / "sources" / "kyiv.md").write_text(first.page("sources/kyiv.md", KEY, lambda: text))
    digests.save()
    return first


@pytest.mark.parametrize("change, page_key, rendered", [
    ("nothing", KEY, 0),
    ("another view", key("source.md.j2", 1, {"id": "kyiv"}, {**VIEW, "title": "Kyiv talks resume"}), 1),
    ("another template", key("actor.md.j2", 1, {"id": "kyiv"}, VIEW), 1),
    ("another depth", key("source.md.j2", 2, {"id": "kyiv"}, VIEW), 1),
    ("other frontmatter", key("source.md.j2", 1, {"id": "kiev"}, VIEW), 1),
    ("the file edited by hand", KEY, 1),
    ("the file removed", KEY, 1),
])
def test_a_page_is_rendered_again_only_when_its_key_or_its_file_changed(tmp_path, change, page_key, rendered):
    first = built(tmp_path)
    assert first.rendered == ["sources/kyiv.md"]
    page = tmp_path / "docs" / "sources" / "kyiv.md"
    if change == "the file edited by hand":
        page.write_text("# Kyiv talks, edited\n")
    elif change == "the file removed":
        page.unlink()
    again = Reuse(Memo(tmp_path / "cache", "pages", "fp", str), tmp_path / "docs")
    assert again.page("sources/kyiv.md", page_key, lambda: "# Kyiv talks\n") == "# Kyiv talks\n"
    assert len(again.rendered) == rendered


def stamped(first: Reuse, docs) -> dict[str, tuple[int, int, str]]:
    """What the stamp of the build `first` gives its pages (dossier.stamp.written): size, mtime and digest."""
    status = os.stat(docs / "sources" / "kyiv.md")
    return {"sources/kyiv.md": (status.st_size, status.st_mtime_ns, first.made["sources/kyiv.md"])}


@pytest.mark.parametrize("change, text, rendered", [
    ("nothing", None, 0),  # the stamp vouches for the file: not read
    ("touched", "# Kyiv talks\n", 0),  # another mtime: read, and its digest is still the page's
    ("edited by hand, same size", "# Kyiv talks\n", 1),
    ("edited by hand, same size and mtime", None, 0),  # what the stamp cannot see, as for a build with nothing new
    ("another digest in the stamp", "# Kyiv talks\n", 0),  # the memo's digest is not the one the stamp wrote
    ("the file removed", "# Kyiv talks\n", 1),
    ("a symlink to the same bytes", "# Kyiv talks\n", 0),  # not a regular file: read through
])
def test_a_page_the_stamp_vouches_for_is_not_read_and_any_other_is(tmp_path, change, text, rendered):
    first = built(tmp_path)
    docs = tmp_path / "docs"
    page = docs / "sources" / "kyiv.md"
    written = stamped(first, docs)
    size, mtime, digest = written["sources/kyiv.md"]
    if change == "touched":
        os.utime(page, ns=(mtime + 10**9, mtime + 10**9))
    elif change.startswith("edited by hand"):
        page.write_text("# Kyiv TALKS\n")
        if change.endswith("and mtime"):
            os.utime(page, ns=(mtime, mtime))
        else:
            os.utime(page, ns=(mtime + 10**9, mtime + 10**9))
    elif change == "another digest in the stamp":
        written = {"sources/kyiv.md": (size, mtime, "0" * len(digest))}
    elif change == "the file removed":
        page.unlink()
    elif change == "a symlink to the same bytes":
        (docs / "kept.md").write_text("# Kyiv talks\n")
        page.unlink()
        page.symlink_to(docs / "kept.md")
        written = {"sources/kyiv.md": (os.lstat(page).st_size, os.lstat(page).st_mtime_ns, digest)}
    again = Reuse(Memo(tmp_path / "cache", "pages", "fp", str), docs, written=written)
    assert again.page("sources/kyiv.md", KEY, lambda: "# Kyiv talks\n") == text
    assert len(again.rendered) == rendered
    assert again.made == {"sources/kyiv.md": digest}


def test_equal_views_have_one_key_whatever_objects_they_share_and_in_any_process():
    """A page's key follows its view's values only: the same text held once or twice, or computed in another
    process (another hash seed), gives the same key, so the next build finds the page it rendered."""
    title = "".join(["Kyiv ", "talks"])  # not interned: two equal strings are two objects
    shared = {"title": title, "rows": [{"label": title, "href": None}]}
    apart = {"title": "".join(["Kyiv ", "talks"]), "rows": [{"label": "".join(["Kyiv ", "talks"]), "href": None}]}
    assert shared["title"] is shared["rows"][0]["label"] and apart["title"] is not apart["rows"][0]["label"]
    assert key("source.md.j2", 1, {"id": "kyiv"}, shared) == key("source.md.j2", 1, {"id": "kyiv"}, apart)
    elsewhere = subprocess.run(
        [sys.executable, "-c", "from dossier.render.reuse import key; "
                               "print(key('source.md.j2', 1, {'id': 'kyiv'}, {'title': 'Kyiv talks', "
                               "'rows': [{'label': 'a', 'href': None}]}))"],
        env={**os.environ, "PYTHONHASHSEED": "7"}, capture_output=True, text=True, check=True).stdout.strip()
    assert elsewhere == KEY


def test_another_fingerprint_renders_every_page_again(tmp_path):
    built(tmp_path)
    again = Reuse(Memo(tmp_path / "cache", "pages", "other templates", str), tmp_path / "docs")
    again.page("sources/kyiv.md", KEY, lambda: "# Kyiv talks\n")
    assert again.rendered == ["sources/kyiv.md"]


def test_the_fingerprint_covers_the_templates_and_their_overrides(tmp_path):
    overrides = tmp_path / "templates"
    overrides.mkdir()
    bare = fingerprint(None)
    assert fingerprint(overrides) == fingerprint(overrides)
    (overrides / "source.md.j2").write_text("# {{ page.title|md }}\n")
    changed = fingerprint(overrides)
    assert changed != bare
    (overrides / "source.md.j2").write_text("# {{ page.title|md }}!\n")
    assert fingerprint(overrides) not in (bare, changed)


def test_without_a_memo_every_page_is_rendered(tmp_path):
    reuse = Reuse()
    assert [reuse.page("sources/kyiv.md", KEY, lambda: "x") for _ in range(2)] == ["x", "x"]
    assert reuse.rendered == ["sources/kyiv.md", "sources/kyiv.md"]


def test_render_with_reuse_gives_the_same_pages_and_renders_none_again(tmp_path):
    dossier = realistic()
    digests = Memo(tmp_path / "cache", "pages", fingerprint(None), str)
    first = Reuse(digests, tmp_path / "docs")
    pages = render.render(dossier, site_url="https://example.org/dossier/", reuse=first)
    assert len(first.rendered) == len(pages) and pages == render.render(dossier, site_url="https://example.org/dossier/")
    for path, text in pages.items():
        (tmp_path / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / path).write_text(text, encoding="utf-8")
    digests.save()
    again = Reuse(Memo(tmp_path / "cache", "pages", fingerprint(None), str), tmp_path / "docs")
    assert render.render(dossier, site_url="https://example.org/dossier/", reuse=again) == pages
    assert again.rendered == []


PAGE_TEMPLATES = ["source.md.j2", "actor.md.j2", "quote.md.j2", "topic.md.j2", "position.md.j2", "tombstone.md.j2",
                  "part.md.j2", "redirect.html.j2", *(f"index/{s}.md.j2" for s in render.GENERATED_SECTIONS),
                  *(f"story/{p}.md.j2" for p in render.STORY_PAGES), "story/home.md.j2", "story/feed.xml.j2"]
# What a page template hands on to the partials and list templates it includes.
HANDED_ON = {"rows", "listing", "first", "citation"}


@pytest.mark.parametrize("name", sorted({p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.j2")}
                                        - {"data.md.j2"}))
def test_templates_read_only_their_view(name):
    """A page template reads `page` (its view) and `meta` (its frontmatter) and nothing else, so no
    catalogue or story can decide its text behind the view's back; partials read only what the page
    templates hand on to them."""
    env = render.environment(TEMPLATES)
    free = jinja2.meta.find_undeclared_variables(env.parse((TEMPLATES / name).read_text(encoding="utf-8")))
    allowed = {"page", "meta"} | (set() if name in PAGE_TEMPLATES else HANDED_ON)
    assert free - set(env.globals) <= allowed


@pytest.mark.parametrize("name, function, kind", [("places", "locate", tuple[int, int] | None),
                                                    ("diffs", "word_diff", list[tuple[str, str]])])
def test_where_quotes_stand_and_how_wordings_differ_are_kept_and_give_the_same_pages(tmp_path, monkeypatch, name,
                                                                                   function, kind):
    """The catalogue's memos: a second render finds no quote in its paragraph again (`places`) and
    compares no wording again (`diffs`), and prints the same pages."""
    dossier = realistic()
    kept = Memo(tmp_path, name, "fp", kind)
    pages = render.render(dossier, **{name: kept})
    kept.save()
    assert kept.used
    called: list[str] = []
    real = getattr(render.catalogue, function)
    monkeypatch.setattr(render.catalogue, function, lambda text, other: called.append(other) or real(text, other))
    assert render.render(dossier, **{name: Memo(tmp_path, name, "fp", kind)}) == pages
    assert called == []
    assert render.render(dossier) == pages and called  # without the memo each is computed again
