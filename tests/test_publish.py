"""dossier.publish: docs/ sections and the ledger switch together, whatever happens while writing.

The kill suite runs the writer in a subprocess that SIGKILLs itself before its N-th file-system
call (every mkdir, open, write, fsync, link, rename, unlink: N over all of them), plus kills at
random moments, and checks that what is left is the complete old or the complete new state.
"""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dossier import ids, publish, render
from dossier.publish import OWNED_SECTIONS
from tests.conftest import ROOT, TEMPLATES
from tests.render_fixtures import realistic

LEDGER_OLD = "version: 1\nquotes:\n  q7hotair:\n    text: It's just hot air\n"
LEDGER_NEW = LEDGER_OLD + "  q7brandn:\n    text: A brand new quote\n"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render.render(realistic(), TEMPLATES, site_url="https://example.org/dossier/", site_name="Dossier")


@pytest.fixture(scope="module")
def new_pages(pages) -> dict[str, str]:
    """The next build: a quote reworded, one gone, one new; a source changed; actors as they were."""
    changed = {**pages, "quotes/q7hotair.md": pages["quotes/q7hotair.md"].replace("hot air", "cold air"),
               "quotes/q7brandn.md": "---\ntype: quote\n---\nA brand new quote\n",
               "sources/wire-story.md": pages["sources/wire-story.md"] + "\nCorrected.\n"}
    del changed["quotes/q7missio.md"]
    return changed


def hand_written_docs(docs: Path) -> Path:
    (docs / "assets").mkdir(parents=True)
    (docs / "index.md").write_text("# Hand-written home\n", encoding="utf-8")
    (docs / "assets" / "site.css").write_text("body {}\n", encoding="utf-8")
    return docs


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    return hand_written_docs(tmp_path / "docs")


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def state(docs: Path, ledger: Path) -> dict[str, object]:
    """What a reader sees: each generated section's files, the ledger's bytes, the hand-written files."""
    sections = {section: files(docs / section) for section in OWNED_SECTIONS}
    hand_written = {p.relative_to(docs).as_posix(): p.read_bytes() for p in [docs / "index.md", *docs.glob("assets/*")]}
    return {**sections, "ledger": ledger.read_bytes() if ledger.exists() else None, "hand-written": hand_written}


def leftovers(docs: Path, ledger: Path) -> list[str]:
    return sorted(p.name for p in [*docs.glob(".*"), *ledger.parent.glob(f".{ledger.name}*")])


def whole_or_in_transit(left: dict[str, object], old: dict[str, object], new: dict[str, object]) -> bool:
    """Before recovery: every part is the old or the new one, or a section is missing because a kill came
    between renaming the old one aside and the new one in (the next build finishes that)."""
    return all(left[part] in (old[part], new[part]) or (part in OWNED_SECTIONS and left[part] == {})
               for part in left)


# --------------------------------------------------------------------------
# writing pages


def test_write_writes_pages_and_leaves_hand_written_files(docs, pages):
    hand_written = snapshot(docs)
    assert publish.write(pages, docs) is True
    written = snapshot(docs)
    for path, text in pages.items():
        assert written[path][0] == text.encode("utf-8")
    assert {p: v for p, v in written.items() if p in hand_written} == hand_written
    assert set(written) == set(pages) | set(hand_written)
    assert not list(docs.glob(".*"))


def test_write_writes_nothing_when_nothing_changed(docs, pages, tmp_path):
    ledger = tmp_path / "permalinks.yaml"
    publish.write(pages, docs, LEDGER_OLD, ledger)
    before, ledger_mtime = snapshot(docs), ledger.stat().st_mtime_ns
    time.sleep(0.01)
    assert publish.write(dict(pages), docs, LEDGER_OLD, ledger) is False
    assert (snapshot(docs), ledger.stat().st_mtime_ns) == (before, ledger_mtime)


def test_write_replaces_a_changed_section_whole_and_keeps_identical_files(docs, pages, new_pages):
    publish.write(pages, docs)
    (docs / "quotes" / "stray.md").write_text("left over from an old build\n", encoding="utf-8")
    before = snapshot(docs)
    time.sleep(0.01)
    assert publish.write(new_pages, docs) is True
    after = snapshot(docs)
    assert "quotes/stray.md" not in after and "quotes/q7missio.md" not in after
    assert after["quotes/q7hotair.md"][0] != before["quotes/q7hotair.md"][0]
    assert after["quotes/q7incomp.md"] == before["quotes/q7incomp.md"]  # same bytes, same mtime
    assert all(after[p] == before[p] for p in before if p.startswith(("actors/", "topics/", "index.md")))


def test_pages_the_caller_read_unchanged_are_not_read_again_and_the_result_is_the_same(docs, pages, new_pages,
                                                                                         tmp_path, monkeypatch):
    publish.write(pages, docs)
    twin = shutil.copytree(docs, tmp_path / "twin")
    same = {path for path, text in new_pages.items() if pages.get(path) == text}
    assert publish.write(new_pages, twin) is True
    read: list[str] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: read.append(path.relative_to(docs).as_posix()) or real(path))
    assert publish.write(new_pages, docs, same=same) is True
    monkeypatch.undo()
    assert same and not same & set(read)
    assert snapshot(docs).keys() == snapshot(twin).keys()
    assert files(docs) == files(twin)
    assert publish.write(new_pages, docs, same=set(new_pages)) is False  # nothing to compare, nothing changed


@pytest.mark.parametrize("links", [True, False])
def test_pages_the_caller_did_not_read_are_kept_as_docs_holds_them(docs, pages, new_pages, tmp_path, monkeypatch,
                                                                    links):
    """A page in `same` whose text is None (dossier.render.reuse did not read it) is the file docs/ holds:
    hard-linked into the new section, or copied where no link can be made; the result is that of the texts."""
    publish.write(pages, docs)
    twin = shutil.copytree(docs, tmp_path / "twin")
    assert publish.write(new_pages, twin) is True
    same = {path for path, text in new_pages.items() if pages.get(path) == text}
    if not links:
        monkeypatch.setattr(os, "link", lambda *args: (_ for _ in ()).throw(OSError(errno.EXDEV, "no links")))
    assert publish.write({path: None if path in same else text for path, text in new_pages.items()}, docs,
                         same=same) is True
    assert same and files(docs) == files(twin)
    with pytest.raises(ValueError, match="no text"):
        publish.write({**new_pages, "quotes/q7incomp.md": None}, docs)


def test_write_refuses_paths_outside_the_generated_sections(docs):
    for bad in ["index.md", "assets/x.css", "quotes/../index.md", "elsewhere/x.md", "quotes/"]:
        with pytest.raises(ValueError):
            publish.write({bad: "x"}, docs)
    assert (docs / "index.md").read_text(encoding="utf-8") == "# Hand-written home\n"


# --------------------------------------------------------------------------
# failures: before the commit nothing changed, after it the next build finishes the switch


def failing_on(monkeypatch, name: str, n: int) -> None:
    real, calls = getattr(os, name), {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == n:
            raise OSError(28, "No space left on device (injected)")
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, failing)


@pytest.mark.parametrize(("call", "n"), [("write", 3), ("fsync", 1), ("open", 1), ("replace", 1), ("mkdir", 2)])
def test_a_failure_before_the_commit_leaves_docs_and_ledger_as_they_were(docs, pages, new_pages, tmp_path,
                                                                          monkeypatch, call, n):
    ledger = tmp_path / "permalinks.yaml"
    publish.write(pages, docs, LEDGER_OLD, ledger)
    before = state(docs, ledger)
    failing_on(monkeypatch, call, n)
    with pytest.raises(OSError, match="injected"):
        publish.write(new_pages, docs, LEDGER_NEW, ledger)
    monkeypatch.undo()
    assert state(docs, ledger) == before
    assert leftovers(docs, ledger) == []


@pytest.mark.parametrize(("call", "n"), [("rename", 1), ("rename", 2), ("rename", 4), ("replace", 2)])
def test_a_failure_after_the_commit_is_finished_by_the_next_build(docs, pages, new_pages, tmp_path, monkeypatch,
                                                                   call, n):
    ledger = tmp_path / "permalinks.yaml"
    publish.write(pages, docs, LEDGER_OLD, ledger)
    failing_on(monkeypatch, call, n)  # the renames that switch sections, then the ledger's
    with pytest.raises(OSError, match="injected"):
        publish.write(new_pages, docs, LEDGER_NEW, ledger)
    monkeypatch.undo()
    publish.recover(docs, ledger)
    assert state(docs, ledger) == reference_state(tmp_path / "reference", new_pages, LEDGER_NEW)
    assert leftovers(docs, ledger) == []


def reference_state(folder: Path, pages: dict[str, str], ledger_text: str) -> dict[str, object]:
    docs = hand_written_docs(folder / "docs")
    publish.write(pages, docs, ledger_text, folder / "permalinks.yaml")
    return state(docs, folder / "permalinks.yaml")


# --------------------------------------------------------------------------
# the ledger file


def test_the_ledger_never_follows_a_planted_symlink_and_keeps_its_permissions(tmp_path, docs, pages):
    ledger = tmp_path / "permalinks.yaml"
    ledger.write_text(LEDGER_OLD, encoding="utf-8")
    ledger.chmod(0o640)
    victim = tmp_path / "victim.txt"
    victim.write_text("not yours\n", encoding="utf-8")
    planted = [".permalinks.yaml.tmp", ".permalinks.yaml.tmp.tmp", "permalinks.yaml.tmp"]
    for name in planted:
        (tmp_path / name).symlink_to(victim)
    publish.write(pages, docs, LEDGER_NEW, ledger)
    assert victim.read_text(encoding="utf-8") == "not yours\n"
    assert ledger.read_text(encoding="utf-8") == LEDGER_NEW and not ledger.is_symlink()
    assert ledger.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.glob("*permalinks.yaml*")) == sorted([*planted, "permalinks.yaml"])


def test_two_temporary_files_for_one_path_never_share_a_name(tmp_path):
    target = tmp_path / "permalinks.yaml"
    names = {publish.write_temporary(target, b"x").name for _ in range(20)}
    assert len(names) == 20 and all(name.startswith(".permalinks.yaml.") for name in names)


# --------------------------------------------------------------------------
# the kill suite

KILLABLE = """
import json, os, signal, sys, time
from pathlib import Path
from dossier import publish

work, action, kill_at = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
job = json.loads((work / "job.json").read_text(encoding="utf-8"))
steps = 0


def counted(real):
    def call(*args, **kwargs):
        global steps
        steps += 1
        if steps == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return call


for name in ("mkdir", "open", "write", "fchmod", "fsync", "link", "rename", "replace", "unlink", "rmdir"):
    setattr(os, name, counted(getattr(os, name)))
print("ready", flush=True)
started = time.perf_counter()
if action == "write":
    publish.write(job["pages"], work / "docs", job["ledger"], work / "permalinks.yaml")
else:
    publish.recover(work / "docs", work / "permalinks.yaml")
print(steps, time.perf_counter() - started, flush=True)
"""


def run_killable(work: Path, action: str, kill_at: int = 0, kill_after: float | None = None) -> tuple[int, str]:
    # -S: no site-packages, dossier.publish needs only the standard library; this halves start-up.
    process = subprocess.Popen([sys.executable, "-S", "-c", KILLABLE, str(work), action, str(kill_at)], cwd=ROOT,
                               stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert process.stdout.readline() == "ready\n"
    if kill_after is not None:
        time.sleep(kill_after)
        process.kill()
    out, _ = process.communicate(timeout=120)
    return process.returncode, out


@pytest.fixture(scope="module")
def generations(tmp_path_factory, pages, new_pages):
    """The old and the new complete state, and how many file-system calls and seconds the switch takes."""
    folder = tmp_path_factory.mktemp("generations")
    old = reference_state(folder / "old", pages, LEDGER_OLD)
    new = reference_state(folder / "new", new_pages, LEDGER_NEW)
    work = old_project(folder / "count", pages, new_pages)
    code, out = run_killable(work, "write")
    assert code == 0
    steps, seconds = out.split()
    assert state(work / "docs", work / "permalinks.yaml") == new
    return old, new, int(steps), float(seconds)


def old_project(work: Path, pages: dict[str, str], new_pages: dict[str, str]) -> Path:
    """A project as the previous build left it, and the next build's output in job.json."""
    publish.write(pages, hand_written_docs(work / "docs"), LEDGER_OLD, work / "permalinks.yaml")
    (work / "job.json").write_text(json.dumps({"pages": new_pages, "ledger": LEDGER_NEW}), encoding="utf-8")
    return work


RANDOM_KILLS = 40


@pytest.mark.slow
def test_a_build_killed_at_any_moment_leaves_the_old_or_the_new_state_whole(tmp_path, pages, new_pages, generations):
    old, new, steps, seconds = generations
    rng = random.Random(13)
    kills = [(n, None) for n in range(1, steps + 1)] + [(0, rng.uniform(0, seconds * 1.5)) for _ in range(RANDOM_KILLS)]
    assert len(kills) >= 100
    seen = {"old": 0, "new": 0}
    for run, (kill_at, kill_after) in enumerate(kills):
        work = old_project(tmp_path / f"run{run}", pages, new_pages)
        docs, ledger = work / "docs", work / "permalinks.yaml"
        code, _ = run_killable(work, "write", kill_at, kill_after)
        if kill_after is None:
            assert code == -signal.SIGKILL, f"step {kill_at} of {steps} was never reached"
        assert whole_or_in_transit(state(docs, ledger), old, new), (run, kill_at, kill_after)
        if run % 2:  # the next build starts by recovering: kill that too, then let one finish
            run_killable(work, "recover", rng.randint(1, 12))
            assert whole_or_in_transit(state(docs, ledger), old, new), (run, kill_at, kill_after)
        publish.recover(docs, ledger)
        recovered = state(docs, ledger)
        assert recovered in (old, new), (run, kill_at, kill_after)
        assert leftovers(docs, ledger) == []
        seen["old" if recovered == old else "new"] += 1
    assert seen["old"] and seen["new"]  # kills before and after the commit were both exercised


def test_save_ledger_never_follows_a_symlink_planted_at_the_old_fixed_temporary_name(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("not yours\n", encoding="utf-8")
    (tmp_path / ".permalinks.yaml.tmp").symlink_to(victim)
    assert ids.save_ledger(ids.Ledger(), tmp_path / "permalinks.yaml") is True
    assert victim.read_text(encoding="utf-8") == "not yours\n"
    assert ids.load_ledger(tmp_path / "permalinks.yaml") == ids.Ledger()


def test_entries_lists_below_a_folder_what_rglob_finds_but_folders_and_follows_no_symlink(tmp_path):
    """publish.entries (os.scandir) against Path.rglob, which the stamp and the comparison of sections used."""
    folder = tmp_path / "section"
    for inner in ("a.md", ".hidden.md", "2024-01/part-1.md", "2024-01/deep/x.md", "empty/.keep"):
        (folder / inner).parent.mkdir(parents=True, exist_ok=True)
        (folder / inner).write_text(inner, encoding="utf-8")
    (folder / "to-file.md").symlink_to(folder / "a.md")
    (folder / "to-folder").symlink_to(folder / "2024-01", target_is_directory=True)
    (folder / "dangling.md").symlink_to(tmp_path / "nowhere")
    found = publish.entries(folder)
    assert found.keys() == {p.relative_to(folder).as_posix() for p in folder.rglob("*")
                            if p.is_symlink() or not p.is_dir()}
    assert "to-folder/part-1.md" not in found and "2024-01/deep/x.md" in found  # a symlinked folder is not entered
    assert {inner for inner, entry in found.items() if entry.is_file()} == {
        "a.md", ".hidden.md", "2024-01/part-1.md", "2024-01/deep/x.md", "empty/.keep", "to-file.md"}
    assert publish.entries(tmp_path / "missing") == {} == publish.entries(folder / "a.md")
