"""The command line: help with examples, --strict, python -m, clean errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time

import pytest
import yaml
from click.testing import CliRunner

from dossier.build import BuildConfig
from dossier.cli import main
from tests import pool_tasks
from tests.conftest import ROOT, SEEDS, TEMPLATES


@pytest.fixture
def project(tmp_path):
    """A copy of the five seeds and the templates, built into tmp_path/docs."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    return tmp_path


def invoke(project, *args):
    return CliRunner().invoke(
        main,
        ["build", "--seeds", str(project / "seeds"), "--docs", str(project / "docs"),
         "--templates", str(project / "templates"), "--curation", str(project / "curation.yaml"),
         "--ledger", str(project / "permalinks.yaml"), *args],
        catch_exceptions=False,
    )


@pytest.mark.parametrize("command", [[], ["build"]])
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert "dossier build" in result.output


def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "dossier", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert "build" in result.stdout


def test_build_writes_pages_and_a_second_build_changes_nothing(project):
    first = invoke(project)
    assert first.exit_code == 0, first.output
    assert "wrote" in first.output
    pages = sorted(p.relative_to(project / "docs") for p in (project / "docs").rglob("*.md"))
    assert any(str(p).startswith("sources/") for p in pages)
    second = invoke(project)
    assert second.exit_code == 0
    assert "unchanged" in second.output


def test_strict_fails_on_a_broken_article_and_names_it(project):
    (project / "seeds" / "broken.txt").write_bytes(b"")
    lenient = invoke(project)
    assert lenient.exit_code == 0
    assert "broken.txt" in lenient.output
    strict = invoke(project, "--strict")
    assert strict.exit_code != 0
    assert "broken.txt" in strict.output
    assert "--strict" in strict.output


def test_a_missing_seeds_folder_is_a_clear_error(project):
    result = CliRunner().invoke(main, ["build", "--seeds", str(project / "nope"), "--docs", str(project / "docs")])
    assert result.exit_code != 0
    assert "nope" in result.output


@pytest.mark.parametrize(
    ("file_name", "content", "expected"),
    [
        ("curation.yaml", "actors:\n  nobody-at-all:\n    kind: person\n", "curation.yaml:2"),
        ("permalinks.yaml", "quotes: [unclosed\n", "permalinks.yaml"),
    ],
)
def test_a_broken_project_file_is_a_clean_error_naming_it_and_nothing_is_written(project, file_name, content,
                                                                                   expected):
    (project / file_name).write_text(content, encoding="utf-8")
    result = invoke(project)
    assert result.exit_code == 1
    assert expected in result.output
    assert "Traceback" not in result.output
    assert not (project / "docs").exists()
    assert (project / file_name).read_text(encoding="utf-8") == content


# --------------------------------------------------------------------------
# -v / -q


@pytest.fixture
def one_article_fails(monkeypatch):
    """extract.extract crashes on the first seed (000_...), in the extraction workers: they import
    the function they run by name, so it lives in tests/pool_tasks.py."""
    from dossier import build as build_module

    monkeypatch.setattr(build_module, "_extract_article", pool_tasks.extract_with_a_flaky_tagger)


def test_verbose_shows_the_traceback_of_a_failed_extraction_and_the_default_does_not(project, one_article_fails):
    plain = invoke(project)
    assert plain.exit_code == 0, plain.output
    assert "extraction failed" in plain.output and "000_" in plain.output
    assert "Traceback" not in plain.output
    verbose = invoke(project, "-v")
    assert verbose.exit_code == 0, verbose.output
    assert "Traceback (most recent call last)" in verbose.output
    assert "RuntimeError: the tagger fell over" in verbose.output and "in flaky" in verbose.output


def test_quiet_prints_only_errors(project, one_article_fails):
    quiet = invoke(project, "-q")
    assert quiet.exit_code == 0
    assert quiet.output == ""
    failing = invoke(project, "-q", "--strict")
    assert failing.exit_code != 0
    assert "error:" in failing.output and "000_" in failing.output and "--strict" in failing.output
    assert "wrote" not in failing.output


# --------------------------------------------------------------------------
# dossier new


def test_new_makes_a_project_that_builds(tmp_path):
    result = CliRunner().invoke(main, ["new", str(tmp_path / "my-dossier")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    made = tmp_path / "my-dossier"
    for relative in ["mkdocs.yml", "docs/index.md", "docs/assets/dossier.css", "curation.yaml", "README.md",
                     ".github/workflows/publish.yml", ".gitignore", "requirements.txt"]:
        assert (made / relative).is_file(), relative
    assert list((made / "seeds").glob("*.md")), "an example article"
    assert "dossier build" in result.output and "mkdocs build --strict" in result.output
    assert "dossier search-index" in result.output
    built = CliRunner().invoke(main, ["build", "--seeds", str(made / "seeds"), "--docs", str(made / "docs"),
                                      "--curation", str(made / "curation.yaml"), "--ledger",
                                      str(made / "permalinks.yaml"), "-f", str(made / "mkdocs.yml"), "--strict"],
                               catch_exceptions=False)
    assert built.exit_code == 0, built.output
    assert list((made / "docs" / "quotes").glob("*.md")) and list((made / "docs" / "actors").glob("*.md"))


def test_new_keeps_what_is_there_and_refuses_an_existing_project(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "README.md").write_text("mine\n", encoding="utf-8")
    first = CliRunner().invoke(main, ["new", str(tmp_path)])
    assert first.exit_code == 0, first.output
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "mine\n"
    assert "kept" in first.output and (tmp_path / "mkdocs.yml").is_file()
    again = CliRunner().invoke(main, ["new", str(tmp_path)])
    assert again.exit_code != 0 and "already a project" in again.output


# --------------------------------------------------------------------------
# dossier serve


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, wanted, seconds: float = 90):
    """Poll `url` until wanted(status, body) is true; the last (status, body) either way."""
    import time
    import urllib.error
    import urllib.request

    deadline, last = time.monotonic() + seconds, (None, "")
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                last = (response.status, response.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as error:
            last = (error.code, "")
        except OSError:
            last = (None, "")
        if wanted(*last):
            return last
        time.sleep(0.5)
    return last


@pytest.mark.slow
def test_serve_builds_serves_and_rebuilds_when_seeds_or_curation_change(tmp_path):
    CliRunner().invoke(main, ["new", str(tmp_path)], catch_exceptions=False)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "dossier", "serve", "-a", f"127.0.0.1:{port}"], cwd=tmp_path,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/dossier/"  # mkdocs serve mounts the site at site_url's path
    try:
        status, _ = _wait_for(base + "sources/example-sea-wall/", lambda s, b: s == 200)
        assert status == 200
        status, entry = _wait_for(base + "pagefind-sources/pagefind-entry.json", lambda s, b: s == 200)
        pages = json.loads(entry)["languages"]["en"]["page_count"]
        (tmp_path / "seeds" / "ferry.md").write_text(
            "---\ntitle: Ferry returns to the harbour\n---\n\n"
            "\u201cThe ferry will run again from Monday,\u201d Mayor Helen Okafor said on Friday.\n", encoding="utf-8")
        status, page = _wait_for(base + "sources/ferry/", lambda s, b: s == 200)
        assert status == 200 and "Ferry returns to the harbour" in page
        # search follows each rebuild: the served site's bundle of sources counts the new one too
        status, entry = _wait_for(base + "pagefind-sources/pagefind-entry.json",
                                  lambda s, b: s == 200 and json.loads(b)["languages"]["en"]["page_count"] > pages)
        assert json.loads(entry)["languages"]["en"]["page_count"] > pages
        (tmp_path / "curation.yaml").write_text("actors:\n  helen-okafor:\n    description: Mayor since 2021.\n",
                                                encoding="utf-8")
        status, page = _wait_for(base + "actors/helen-okafor/", lambda s, b: "Mayor since 2021." in b)
        assert "Mayor since 2021." in page
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Serving on" in output, output


def test_serve_outside_a_project_says_so(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code != 0 and "mkdocs.yml not found" in result.output and "dossier new" in result.output


# errors from the file system: one line naming the path, never a traceback, nothing changed

TINY_SEED = "Talks stall in Geneva\n\nThe minister said: \"We will not accept this deal as it stands.\"\n"


@pytest.fixture
def tiny(tmp_path):
    """A one-article project, docs/ with a hand-written page."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "talks.txt").write_text(TINY_SEED, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "ledger").mkdir()
    return tmp_path


def tiny_build(project, *args):
    return CliRunner().invoke(main, ["build", "--seeds", str(project / "seeds"), "--docs", str(project / "docs"),
                                     "--curation", str(project / "curation.yaml"),
                                     "--ledger", str(project / "ledger" / "permalinks.yaml"), *args])


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def mount(tmp_path):
    """mount(folder, size) puts a tmpfs of `size` on `folder` (root only); unmounted afterwards."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    mounted = []

    def mount_on(folder, size="4m"):
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True)
        mounted.append(folder)
        return folder

    yield mount_on
    for folder in reversed(mounted):
        subprocess.run(["umount", "-l", str(folder)], check=False)


def remount_read_only(folder):
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def fill(folder):
    """Take every free byte of the filesystem holding `folder`."""
    with open(folder / "filler.bin", "wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError:
            pass


def test_docs_on_another_filesystem_is_built_in_place(tiny, mount):
    docs = mount(tiny / "docs")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    first = tiny_build(tiny)
    assert first.exit_code == 0, first.output
    (tiny / "seeds" / "more.txt").write_text(TINY_SEED.replace("Geneva", "Vienna").replace("deal", "plan"))
    second = tiny_build(tiny)
    assert second.exit_code == 0, second.output
    assert (docs / "sources" / "more.md").is_file() and (docs / "sources" / "talks.md").is_file()


@pytest.mark.parametrize("damage", ["read-only docs", "full disk", "read-only ledger folder"])
def test_a_file_system_failure_is_one_error_line_and_the_previous_build_stays(tiny, mount, damage):
    docs = mount(tiny / "docs", "1m") if damage != "read-only ledger folder" else tiny / "docs"
    ledger_folder = mount(tiny / "ledger") if damage == "read-only ledger folder" else tiny / "ledger"
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    assert tiny_build(tiny).exit_code == 0
    if damage == "full disk":
        fill(docs)
    before = (tree(docs), tree(ledger_folder))
    (tiny / "seeds" / "talks.txt").write_text(TINY_SEED.replace("Geneva", "Vienna"), encoding="utf-8")
    if damage == "read-only docs":
        remount_read_only(docs)
    elif damage == "read-only ledger folder":
        remount_read_only(ledger_folder)
    result = tiny_build(tiny)
    assert result.exit_code == 1
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    reason = {"read-only docs": "Read-only file system", "full disk": "No space left on device",
              "read-only ledger folder": "Read-only file system"}[damage]
    named = tiny / "ledger" / "permalinks.yaml" if damage == "read-only ledger folder" else docs
    assert f"Error: {named}: {reason}" in result.output
    assert (tree(docs), tree(ledger_folder)) == before


def test_an_unsafe_id_in_the_ledger_is_an_error_naming_the_ledger(tiny):
    ledger = tiny / "ledger" / "permalinks.yaml"
    ledger.write_text("version: 1\nquotes:\n  ../../../outside/owned:\n    text: Gone words\n    sources: [gone]\n",
                      encoding="utf-8")
    result = tiny_build(tiny)
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert f"Error: {ledger}" in result.output and "../../../outside/owned" in result.output
    assert not (tiny / "docs" / "quotes").exists() and not (tiny / "outside").exists()


# --------------------------------------------------------------------------
# file names are printed escaped: a name cannot forge a line of output


@pytest.mark.parametrize("name", ["x\n::error::pwned.txt", "\x1b[2J\x1b[31mred.txt", "x\rwarning: all fine.txt",
                                  "evil\u202etxt.md"])
def test_file_names_are_printed_escaped(tiny, name):
    (tiny / "seeds" / name).write_bytes(b"")
    result = tiny_build(tiny)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert not any(line.startswith(("::", "warning: all fine")) for line in lines), lines
    assert not any(ch in result.output for ch in "\x1b\r\u202e")
    assert name.encode("unicode_escape").decode() in result.output


# --------------------------------------------------------------------------
# extraction in worker processes: a time budget per article, --jobs


@pytest.mark.parametrize(("part", "why"), [(200_000, "took longer"),  # parsed in its extraction worker
                                         (10, "parsing part of it: took longer")])  # parsed in parts first
def test_an_article_over_its_time_budget_is_built_without_findings_and_named(tiny, monkeypatch, part, why):
    from dossier import build as build_module

    monkeypatch.setattr(build_module, "PARSE_PART", part)
    result = tiny_build(tiny, "--article-timeout", "0.000001")
    assert result.exit_code == 0, result.output
    assert (f"warning: talks.txt: extraction skipped, page built without findings: {why} than its 1e-06 s "
            "budget") in result.output
    assert (tiny / "docs" / "sources" / "talks.md").is_file()
    assert not list((tiny / "docs" / "quotes").glob("[!i]*.md"))  # no findings: only the index


@pytest.mark.slow
def test_the_number_of_jobs_never_changes_a_byte_of_docs(project):
    built = {}
    for jobs in ("1", "2"):
        result = CliRunner().invoke(main, [
            "build", "--seeds", str(project / "seeds"), "--docs", str(project / f"docs-{jobs}"),
            "--curation", str(project / "curation.yaml"), "--ledger", str(project / f"permalinks-{jobs}.yaml"),
            "--jobs", jobs], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        built[jobs] = (tree(project / f"docs-{jobs}"), (project / f"permalinks-{jobs}.yaml").read_bytes())
    assert built["1"] == built["2"]
    assert any(path.startswith("quotes/") and path != "quotes/index.md" for path in built["1"][0])


@pytest.mark.slow
def test_parsing_long_articles_in_parts_never_changes_a_byte_of_docs(project, monkeypatch):
    """With PARSE_PART tiny every seed is parsed in parts by several workers, as a long read is."""
    from dossier import build as build_module, ingest

    def built(name: str) -> tuple[dict, bytes]:
        result = CliRunner().invoke(main, [
            "build", "--seeds", str(project / "seeds"), "--docs", str(project / f"docs-{name}"),
            "--curation", str(project / "curation.yaml"), "--ledger", str(project / f"permalinks-{name}.yaml"),
            "--jobs", "2"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return tree(project / f"docs-{name}"), (project / f"permalinks-{name}.yaml").read_bytes()

    whole = built("whole")
    monkeypatch.setattr(build_module, "PARSE_PART", 500)
    assert all(len(build_module.parse_parts(a)) > 1 for a in ingest.read_seeds(project / "seeds")[0])
    assert built("parts") == whole


KILLED_AFTER_THE_COMMIT = """
import os, signal, sys
from dossier import cli, publish

publish._apply = lambda *args: os.kill(os.getpid(), signal.SIGKILL)  # dies the moment the switch is committed
sys.argv[0] = "dossier"
cli.main()
"""


@pytest.mark.slow
def test_the_next_build_finishes_the_switch_a_killed_build_committed(tiny, tmp_path):
    assert tiny_build(tiny).exit_code == 0
    reference = shutil.copytree(tiny, tmp_path / "reference")  # the same history, built without a kill
    for project in (tiny, reference):
        (project / "seeds" / "more.txt").write_text(TINY_SEED.replace("Geneva", "Vienna").replace("deal", "plan"))
    killed = subprocess.run([sys.executable, "-c", KILLED_AFTER_THE_COMMIT, "build", "--seeds", str(tiny / "seeds"),
                             "--docs", str(tiny / "docs"), "--curation", str(tiny / "curation.yaml"),
                             "--ledger", str(tiny / "ledger" / "permalinks.yaml")], cwd=ROOT, capture_output=True)
    assert killed.returncode == -9, killed.stderr
    assert list((tiny / "docs").glob(".dossier-staging-*/plan.json"))
    assert not (tiny / "docs" / "sources" / "more.md").exists()
    staged = (tree(tiny / "docs"), tree(tiny / "ledger"))
    check = tiny_build(tiny, "--check")  # judges the state recovery will make, and says it is not made yet
    assert check.exit_code == 1
    pending = next((tiny / "ledger").glob(".permalinks.yaml.*.dossier.tmp"))
    assert f"a killed build left its new ledger in {pending}; run `dossier build` to finish it" in check.output
    assert (tree(tiny / "docs"), tree(tiny / "ledger")) == staged  # --check wrote nothing, recovered nothing
    assert tiny_build(reference).exit_code == 0
    after = tiny_build(tiny)
    assert after.exit_code == 0, after.output
    assert "unchanged:" in after.output  # recovery put the killed build's output in place: nothing left to write
    assert (tree(tiny / "docs"), tree(tiny / "ledger")) == (tree(reference / "docs"), tree(reference / "ledger"))
    assert tiny_build(tiny, "--check").exit_code == 0


HELD_WHILE_RECOVERING = """
import sys, time
from pathlib import Path
from dossier import cli, publish

release, recover = Path(sys.argv.pop(1)), publish.recover

def held(*args):  # inside the build's lock: say so, and hold it until the test releases it
    print("holding", flush=True)
    while not release.exists():
        time.sleep(0.05)
    recover(*args)

publish.recover = held
sys.argv[0] = "dossier"
cli.main()
"""


def build_command(project, *args):
    return ["build", "--seeds", str(project / "seeds"), "--docs", str(project / "docs"), "--curation",
            str(project / "curation.yaml"), "--ledger", str(project / "ledger" / "permalinks.yaml"), *args]


@pytest.mark.slow
def test_a_second_build_waits_for_the_one_running_and_says_on_which_lock(tiny):
    release = tiny / "release"
    first = subprocess.Popen([sys.executable, "-c", HELD_WHILE_RECOVERING, str(release), *build_command(tiny)],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = None
    try:
        assert first.stdout.readline() == "holding\n"
        second = subprocess.Popen([sys.executable, "-m", "dossier", *build_command(tiny)], cwd=ROOT,
                                  stderr=subprocess.PIPE, text=True)
        lock = tiny / "ledger" / ".permalinks.yaml.lock"
        assert second.stderr.readline() == (f"{lock}: another build (pid {first.pid}) is running on this project; "
                                            "waiting for it\n")
        assert second.poll() is None  # blocked on the lock, not building beside the first
    finally:
        release.touch()
        first.wait()
        if second is not None:
            second.wait()
    assert first.returncode == 0, first.stderr.read()
    assert second.returncode == 0
    assert "dossier: unchanged:" in second.stderr.read()  # it read the ledger and docs/ the first one wrote
    assert not lock.exists()


def test_a_lock_left_by_a_killed_build_is_taken_over(tiny):
    ledger = tiny / "ledger" / "permalinks.yaml"
    killed = subprocess.Popen([sys.executable, "-c", "import os, signal, sys; from pathlib import Path; "
                               "from dossier import publish\nwith publish.exclusive(Path(sys.argv[1])): "
                               "os.kill(os.getpid(), signal.SIGKILL)", str(ledger)], cwd=ROOT)
    assert killed.wait() == -9
    lock = tiny / "ledger" / ".permalinks.yaml.lock"
    assert lock.read_text() == f"{killed.pid}\n"  # left behind, naming a process that is gone
    result = tiny_build(tiny)
    assert result.exit_code == 0, result.output
    assert "waiting" not in result.output
    assert (tiny / "docs" / "sources" / "talks.md").is_file() and not lock.exists()


def test_a_ledger_in_a_folder_not_made_yet_gets_its_folder(tiny):
    ledger = tiny / "new" / "nested" / "permalinks.yaml"
    result = tiny_build(tiny, "--ledger", str(ledger))
    assert result.exit_code == 0, result.output
    assert "talks" in yaml.safe_load(ledger.read_text(encoding="utf-8"))["sources"]
    assert not (ledger.parent / ".permalinks.yaml.lock").exists()


def test_serve_says_when_its_rebuild_waits_for_another_build(tiny):
    """`dossier serve` rebuilds through serve.rebuild: held up by a build holding the lock, it says so."""
    from dossier import publish, serve

    ledger = tiny / "ledger" / "permalinks.yaml"
    config = BuildConfig(seeds=tiny / "seeds", docs=tiny / "docs", curation=tiny / "curation.yaml", ledger=ledger)
    said, outcomes, holding, release = [], [], threading.Event(), threading.Event()

    def other_build():
        with publish.exclusive(ledger):
            holding.set()
            release.wait(60)

    holder = threading.Thread(target=other_build)
    holder.start()
    assert holding.wait(30)
    rebuilding = threading.Thread(target=serve.rebuild, args=(config, lambda r, e: outcomes.append((r, e)), said.append))
    rebuilding.start()
    for _ in range(600):
        if said:
            break
        time.sleep(0.05)
    release.set()
    holder.join()
    rebuilding.join(120)
    assert said == [f"{tiny / 'ledger' / '.permalinks.yaml.lock'}: another build (pid {os.getpid()}) is running on "
                    "this project; waiting for it"]
    assert len(outcomes) == 1 and outcomes[0][1] is None
    assert (tiny / "docs" / "sources" / "talks.md").is_file()
