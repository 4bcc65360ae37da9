"""The build stamp (dossier/stamp.py): a build with nothing new since the last one does nothing and
reports what that build reported; any change to what a build reads, or to the files it owns in
docs/, is a full build again, whose output is what a build without cache or stamp writes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from dossier import build as build_module
from dossier import stamp
from dossier.build import BuildConfig, build
from tests.conftest import SEEDS, TEMPLATES

pytestmark = pytest.mark.slow


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def config(project: Path, **changes) -> BuildConfig:
    options = dict(seeds=project / "seeds", docs=project / "docs", templates=None,
                   curation=project / "curation.yaml", ledger=project / "permalinks.yaml",
                   mkdocs_yml=project / "mkdocs.yml", cache=project / "cache")
    return BuildConfig(**{**options, **changes})


@pytest.fixture(scope="module")
def stamped(tmp_path_factory):
    """The seeds built once with a cache (so stamped), plus a broken seed for a warning to repeat."""
    project = tmp_path_factory.mktemp("stamped")
    shutil.copytree(SEEDS, project / "seeds")
    (project / "seeds" / "broken.txt").write_bytes(b"")
    (project / "mkdocs.yml").write_text("site_name: Stamped\nsite_url: https://example.org/a/\n", encoding="utf-8")
    first = build(config(project))
    assert (project / "cache" / stamp.FILE).is_file()
    return project, first


@pytest.fixture
def project(stamped, tmp_path):
    """A copy of the stamped project, built (and so stamped) once where it is."""
    copy = shutil.copytree(stamped[0], tmp_path / "project")
    build(config(copy))
    return copy


@pytest.fixture
def assembled(project, monkeypatch) -> list[int]:
    """One entry per call of build.assemble from here on: a build that did the work."""
    calls: list[int] = []
    real = build_module.assemble

    def assemble(*args, **options):
        calls.append(1)
        return real(*args, **options)

    monkeypatch.setattr(build_module, "assemble", assemble)
    return calls


def test_nothing_new_does_nothing_and_reports_what_the_last_build_did(stamped, project, assembled):
    first = stamped[1]
    before = tree(project / "docs")
    again = build(config(project))
    assert assembled == []
    assert (again.pages, again.problems, again.changed, again.ledger_stale) == (first.pages, first.problems, False, False)
    assert any(problem.file == "broken.txt" for problem in again.problems)  # --strict fails on it again
    assert tree(project / "docs") == before
    check = build(config(project), write=False)  # `--check` on a stamped build
    assert assembled == [] and not check.ledger_stale


def hand_edit_a_page(project: Path) -> None:
    page = next((project / "docs" / "quotes").glob("[!i]*.md"))
    page.write_text(page.read_text(encoding="utf-8").replace("\n", "\n\n", 1), encoding="utf-8")


def remove_a_page(project: Path) -> None:
    next((project / "docs" / "actors").glob("[!i]*.md")).unlink()


def add_a_page(project: Path) -> None:
    (project / "docs" / "topics" / "extra.md").write_text("# Not ours\n", encoding="utf-8")


def edit_a_seed(project: Path) -> None:
    seed = sorted((project / "seeds").glob("0*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nOne more closing paragraph for the record.\n",
                    encoding="utf-8")


def curate(project: Path) -> None:
    (project / "curation.yaml").write_text("actors:\n  nato:\n    description: An alliance.\n", encoding="utf-8")


def edit_the_ledger(project: Path) -> None:
    ledger = project / "permalinks.yaml"
    ledger.write_text(ledger.read_text(encoding="utf-8") + "\n", encoding="utf-8")


def move_the_site(project: Path) -> None:
    (project / "mkdocs.yml").write_text("site_name: Moved\nsite_url: https://example.org/b/\n", encoding="utf-8")


@pytest.mark.parametrize("change", [hand_edit_a_page, remove_a_page, add_a_page, edit_a_seed, curate,
                                    edit_the_ledger, move_the_site])
def test_any_change_to_what_a_build_reads_or_owns_is_a_full_build_with_a_full_builds_output(project, assembled,
                                                                                           change, tmp_path):
    change(project)
    result = build(config(project))
    assert assembled == [1]
    reference = shutil.copytree(project, tmp_path / "reference")  # its ledger is the one this build wrote
    shutil.rmtree(reference / "docs")
    (reference / "cache" / stamp.FILE).unlink()  # a full build, with extractions from the cache
    build(config(reference))
    assert tree(project / "docs") == tree(reference / "docs")
    again = build(config(project))  # and then stamped again
    assert assembled == [1, 1] and again.problems == result.problems


def test_templates_and_options_are_inputs_too(project, assembled, tmp_path):
    templates = shutil.copytree(TEMPLATES, tmp_path / "templates")
    build(config(project, templates=templates))
    build(config(project, templates=templates))
    assert assembled == [1]
    with (templates / "source.md.j2").open("a", encoding="utf-8") as template:
        template.write("\n")
    build(config(project, templates=templates))
    build(config(project, templates=templates, article_timeout=60.0))
    assert assembled == [1, 1, 1]


def test_a_build_with_a_stopped_extraction_leaves_no_stamp(project, assembled):
    (project / "seeds" / "new.txt").write_text("Talks stall\n\nThe minister said: \"We will not accept this.\"\n",
                                               encoding="utf-8")
    stopped = config(project, article_timeout=0.000001)
    result = build(stopped)
    assert any("extraction skipped" in problem.message for problem in result.problems)
    build(stopped)  # the same inputs, but the stopped article is tried again
    assert assembled == [1, 1]


def test_a_damaged_stamp_is_a_full_build(project, assembled):
    (project / "cache" / stamp.FILE).write_bytes(b'{"inputs": "')
    build(config(project))
    assert assembled == [1]


SECOND = 1_700_000_000 * 10**9  # a whole second: the mtimes of a filesystem with coarse ones (FAT, ext3)


@pytest.mark.parametrize("mtime, stamped, racy", [
    (SECOND, SECOND, True),  # written in the stamp's tick
    (SECOND, SECOND + 10**9, True),  # a whole second: FAT's two-second tick may still hold both
    (SECOND, SECOND + 2 * 10**9, True),
    (SECOND, SECOND + 2 * 10**9 + 1, False),  # older than the stamp by more than any tick
    (SECOND + 123, SECOND + 123, True),  # fine mtimes: the same instant
    (SECOND + 123, SECOND + 124, False),  # written before the stamp
    (SECOND + 125, SECOND + 124, True),  # after it (the stamp on a coarser filesystem than docs/)
])
def test_a_file_not_older_than_the_stamp_by_a_tick_is_racy(mtime, stamped, racy):
    assert stamp.racy(mtime, stamped) is racy


@pytest.mark.parametrize("edited, older_by, data, full", [
    (False, 1, False, False),  # racy pages whose bytes are the ones the stamp's build wrote: nothing new
    (True, 1, False, True),  # a page edited in the tick it was written, to the same size: its bytes tell
    (False, 3, False, False),  # older than the stamp by more than the tick: its size and mtime vouch for it
    (True, 3, False, False),  # ... so an edit that keeps both goes unseen, as git's would
    (False, 1, True, True),  # a racy file of docs/data/: the stamp keeps no digest of it, so it counts as changed
])
def test_a_page_as_new_as_the_stamp_is_vouched_for_by_its_bytes(project, assembled, edited, older_by, data, full):
    """A filesystem with coarse mtimes, made here by setting the files the build owns and the stamp to whole
    seconds (the rest ten seconds older): a hand edit of a page within the tick the build wrote it in, to the
    same size, keeps both."""
    cache, docs = project / "cache", project / "docs"
    kept = stamp.last(cache)
    for path in kept.outputs:
        written = SECOND if path in kept.digests or data else SECOND - 10 * 10**9
        os.utime(docs / path, ns=(written, written))
    stamp.save(cache, kept.inputs, project / "permalinks.yaml", docs, kept.pages, kept.problems, kept.digests)
    os.utime(cache / stamp.FILE, ns=(SECOND + older_by * 10**9,) * 2)
    page = docs / next(path for path in kept.digests if path.startswith("sources/"))
    racy = stamp.written(stamp.last(cache))[page.relative_to(docs).as_posix()][1] == stamp.RACY
    assert racy is (older_by == 1)
    text = page.read_bytes()
    if edited:
        page.write_bytes(text.replace(b"e", b"E", 1))
        os.utime(page, ns=(SECOND, SECOND))
    build(config(project))
    assert assembled == ([1] if full else [])
    assert page.read_bytes() == text if full or not edited else page.read_bytes() != text
