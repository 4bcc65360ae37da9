"""Permalinks end to end: real builds (`dossier.build.build`, then `mkdocs build`) of a git repository
in a temporary folder, changed step by step the way a newsroom changes its seeds. After every step,
every URL recorded after the first build must still resolve in the built site to the same words:
a page, a redirect page (written by `dossier build`) pointing at the right page, or a tombstone.

Also: two clones built apart give the same ids, and the ledger rule CI enforces (`--check`).
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from click.testing import CliRunner
from mkdocs.utils.yaml import yaml_load

from dossier import ids, project
from dossier.build import BuildConfig, build
from dossier.cli import main
from dossier.text import slugify, words
from tests.conftest import ROOT, SEEDS, TEMPLATES

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures" / "permalinks"
FIRST_FIXTURES = ("harbour-sea-wall.md", "valley-ferry.md")
ADDED_FIXTURES = ("coastal-wire-floods.md", "early-wire-guarantees.md")
TYPO, FIXED = "fifty yeras", "fifty years"
REMOVED_SEED = "000_cc52927aafcdd7c8.txt"
SECTIONS = ("quotes", "sources", "actors")


# --------------------------------------------------------------------------
# a site in a git repository of its own


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def make_repo(path: Path, seeds: list[Path]) -> Path:
    """A repository shaped like this one: seeds, templates, and what a project shares with this
    repository (mkdocs.yml, pagefind.yml, the theme overrides, hand-written docs)."""
    (path / "seeds").mkdir(parents=True)
    for seed in seeds:
        shutil.copy(seed, path / "seeds" / seed.name)
    shutil.copytree(TEMPLATES, path / "templates")
    for relative, data in project.repository_files(ROOT).items():
        (path / relative).parent.mkdir(parents=True, exist_ok=True)
        (path / relative).write_bytes(data)
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.email", "test@example.org")
    git(path, "config", "user.name", "test")
    commit(path, "seeds")
    return path


def mkdocs_settings(repo: Path) -> dict:
    """mkdocs.yml read as MkDocs reads it (its !ENV tags included)."""
    with open(repo / "mkdocs.yml", encoding="utf-8") as stream:
        return yaml_load(stream)


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)


def config(repo: Path) -> BuildConfig:
    return BuildConfig(seeds=repo / "seeds", docs=repo / "docs", templates=repo / "templates",
                       curation=repo / "curation.yaml", ledger=repo / "permalinks.yaml")


def build_site(repo: Path) -> Path:
    """`dossier build` then `mkdocs build --strict`; checks the ledger it wrote is already fresh."""
    result = build(config(repo))
    assert not build(config(repo), write=False).ledger_stale, "a rebuild would change the ledger it just wrote"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(repo / "mkdocs.yml")],
                          cwd=repo, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert result.pages
    return repo / "site"


# --------------------------------------------------------------------------
# what a reader finds at a URL


@dataclass(frozen=True)
class Found:
    path: str  # where the reader ends up, relative to the site root
    redirected: bool
    text: str  # the page's visible words


_REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"')
_TAG = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.S)


def visit(site: Path, path: str) -> Found:
    """Open `path` (e.g. "quotes/abc/") in the built site as a browser would, following redirects."""
    redirected = False
    for _ in range(5):
        page = site / path / "index.html"
        assert page.is_file(), f"{path} does not resolve (no {page.relative_to(site)})"
        markup = page.read_text(encoding="utf-8")
        refresh = _REFRESH.search(markup)
        if not refresh:
            return Found(path, redirected, html.unescape(_TAG.sub(" ", markup)))
        redirected = True
        path = urljoin(path, html.unescape(refresh.group(1))).split("#")[0]
    raise AssertionError(f"{path}: redirect loop")


def says(found: Found, text: str) -> bool:
    """True when the page shows `text`'s words in order (punctuation, case and markup aside)."""
    return f" {' '.join(words(text))} " in f" {' '.join(words(found.text))} "


def published(repo: Path) -> dict[str, str]:
    """Every live id in the ledger as {"quotes/<id>/": its words or title}."""
    ledger = ids.load_ledger(repo / "permalinks.yaml")
    return {f"{section}/{key}/": entry.text or entry.title
            for section in SECTIONS for key, entry in ledger.section(section).items() if entry.live}


def assert_all_resolve(site: Path, recorded: dict[str, str]) -> dict[str, Found]:
    found = {url: visit(site, url) for url in recorded}
    wrong = {url: (f.path, recorded[url]) for url, f in found.items() if not says(f, recorded[url])}
    assert not wrong, f"URLs that no longer lead to their words: {wrong}"
    return found


def quote_url_for(repo: Path, text: str) -> str:
    """The live quote URL whose ledger words are `text` (compared as words)."""
    ledger = ids.load_ledger(repo / "permalinks.yaml")
    matches = [key for key, entry in ledger.quotes.items() if entry.live and words(entry.text) == words(text)]
    assert len(matches) == 1, f"expected one live quote with the words {text!r}, found {matches}"
    return f"quotes/{matches[0]}/"


# --------------------------------------------------------------------------
# the scenario


def test_every_recorded_url_keeps_resolving_to_its_words_through_a_year_of_edits(tmp_path):
    repo = make_repo(tmp_path / "newsroom", [*sorted(SEEDS.iterdir()), *(FIXTURES / f for f in FIRST_FIXTURES)])
    site = build_site(repo)
    recorded = published(repo)
    quotes = {url: text for url, text in recorded.items() if url.startswith("quotes/")}
    assert len(quotes) >= 8, f"the pipeline found too few quotes to test permalinks with: {quotes}"
    first = assert_all_resolve(site, recorded)
    assert not any(f.redirected for f in first.values())
    cite_box(site, repo, next(iter(quotes)))
    commit(repo, "first build")

    # 1. New outlets: one reprints a fixture quote with other punctuation, one a seed quote, both earlier.
    flooding = quote_url_for(repo, "We cannot afford another winter of flooding in the old town")
    guarantees = quote_url_for(repo, "We will demand that ironclad security guarantees become part of this agreement")
    for name in ADDED_FIXTURES:
        shutil.copy(FIXTURES / name, repo / "seeds" / name)
    site = build_site(repo)
    found = assert_all_resolve(site, recorded)
    ledger = ids.load_ledger(repo / "permalinks.yaml")
    assert "coastal-wire-floods" in ledger.quotes[flooding.split("/")[1]].sources
    assert "early-wire-guarantees" in ledger.quotes[guarantees.split("/")[1]].sources
    assert not found[flooding].redirected and not found[guarantees].redirected
    assert "Coastal Wire" in found[flooding].text and "Northern Wire" in found[guarantees].text
    commit(repo, "two wires")

    # 2. A typo inside a quote is corrected in its seed: same URL, corrected words.
    typo_url = quote_url_for(repo, f"The new sea wall will protect every home on the waterfront for the next {TYPO}")
    seed = repo / "seeds" / "harbour-sea-wall.md"
    seed.write_text(seed.read_text(encoding="utf-8").replace(TYPO, FIXED), encoding="utf-8")
    site = build_site(repo)
    recorded[typo_url] = recorded[typo_url].replace(TYPO, FIXED)
    found = assert_all_resolve(site, recorded)
    assert not found[typo_url].redirected and not says(found[typo_url], TYPO)
    commit(repo, "typo")

    # 3. A seed is removed: quotes only it carried become tombstones that still show their words.
    #    Another is renamed: its source page moves and the old URL redirects.
    only_there = {url for url, entry in _quote_entries(repo).items() if entry.sources == (_source_id(REMOVED_SEED),)}
    assert only_there, "the removed seed should carry a quote no other source has"
    (repo / "seeds" / REMOVED_SEED).unlink()
    (repo / "seeds" / "valley-ferry.md").rename(repo / "seeds" / "valley-ferry-reopening.md")
    site = build_site(repo)
    found = assert_all_resolve(site, recorded)
    for url in only_there:
        assert "no longer part of the dossier" in found[url].text and not found[url].redirected
    assert "no longer part of the dossier: its seed was removed" in found[f"sources/{_source_id(REMOVED_SEED)}/"].text
    assert found["sources/valley-ferry/"].path == "sources/valley-ferry-reopening/"
    commit(repo, "removed a seed, renamed another")

    # 4. The editor merges two published quotes (one URL redirects to the other, which shows both)
    #    and renames an actor (its old URL redirects to the new page).
    keep = quote_url_for(repo, "The ferry service will resume on Monday after the inspection is complete")
    merged = quote_url_for(repo, "Every passenger deserves a safe crossing and a reliable timetable")
    assert "actors/helen-okafor/" in recorded
    (repo / "curation.yaml").write_text(
        f"quotes:\n  {keep.split('/')[1]}:\n    merge: [{merged.split('/')[1]}]\n"
        "actors:\n  helen-okafor:\n    name: Helen A. Okafor\n", encoding="utf-8")
    site = build_site(repo)
    recorded["actors/helen-okafor/"] = "Helen A. Okafor"
    found = assert_all_resolve(site, recorded)
    assert found[merged].redirected and found[merged].path == keep
    assert found["actors/helen-okafor/"].path == "actors/helen-a-okafor/"
    commit(repo, "curation: a quote merge and an actor rename")

    # 5. A fresh clone with the committed ledger: --check passes, and the same site comes out.
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    assert cli_build(clone, "--check").exit_code == 0
    clone_site = build_site(clone)
    assert_all_resolve(clone_site, recorded)
    assert generated(clone) == generated(repo)
    assert (clone / "permalinks.yaml").read_bytes() == (repo / "permalinks.yaml").read_bytes()


def cite_box(site: Path, repo: Path, url: str) -> None:
    """The quote page's Cite box: absolute permalink, APA/Chicago/BibTeX in code blocks, JSON-LD."""
    markup = (site / url / "index.html").read_text(encoding="utf-8")
    site_url = mkdocs_settings(repo)["site_url"]
    permalink = site_url.rstrip("/") + "/" + url
    assert site_url.startswith("https://") and "Cite this quote" in markup
    blocks = [html.unescape(b).strip() for b in re.findall(r"<pre><code[^>]*>(.*?)</code></pre>", markup, re.S)]
    permalink_block, apa, chicago, bibtex = blocks[-4:]
    assert permalink_block == permalink
    assert apa.endswith(permalink) and "[Quotation]" in apa
    assert chicago.endswith(permalink + ".") and "Quoted in" in chicago
    assert bibtex.startswith("@misc{") and f"url = {{{permalink}}}" in bibtex
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', markup, re.S)
    assert len(scripts) == 1
    data = json.loads(scripts[0])
    assert data["@type"] == "Quotation" and data["url"] == permalink


def _quote_entries(repo: Path) -> dict[str, ids.Entry]:
    return {f"quotes/{key}/": entry for key, entry in ids.load_ledger(repo / "permalinks.yaml").quotes.items()
            if entry.live}


def _source_id(file_name: str) -> str:
    return slugify(Path(file_name).stem)


def generated(repo: Path) -> dict[str, bytes]:
    docs = repo / "docs"
    return {str(p.relative_to(docs)): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


# --------------------------------------------------------------------------
# separate machines, and CI


def cli_build(repo: Path, *args: str):
    c = config(repo)
    return CliRunner().invoke(main, ["build", "--seeds", str(c.seeds), "--docs", str(c.docs), "--templates",
                                     str(c.templates), "--curation", str(c.curation), "--ledger", str(c.ledger), *args])


def test_two_clones_built_apart_with_no_ledger_give_the_same_ids(tmp_path):
    origin = make_repo(tmp_path / "origin", [*sorted(SEEDS.iterdir()), *(FIXTURES / f for f in FIRST_FIXTURES)])
    clones = []
    for name in ("machine-a", "machine-b"):
        clone = tmp_path / name
        subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True)
        assert not (clone / "permalinks.yaml").exists()
        build(config(clone))
        clones.append(clone)
    a, b = (ids.load_ledger(c / "permalinks.yaml") for c in clones)
    assert a.quotes and set(a.quotes) == set(b.quotes)
    assert (clones[0] / "permalinks.yaml").read_bytes() == (clones[1] / "permalinks.yaml").read_bytes()
    assert generated(clones[0]) == generated(clones[1])
    assert set(a.quotes) == {ids.content_id(entry.text) for entry in a.quotes.values()}


def test_check_fails_on_a_stale_ledger_without_writing_and_passes_on_a_fresh_one(tmp_path):
    repo = make_repo(tmp_path / "repo", [SEEDS / "001_c0c8174e57d18298.txt", FIXTURES / "valley-ferry.md"])
    missing = cli_build(repo, "--check")
    assert missing.exit_code != 0 and "permalinks.yaml is stale" in missing.output
    assert not (repo / "permalinks.yaml").exists() and not (repo / "docs" / "quotes").exists()

    assert cli_build(repo).exit_code == 0
    fresh = cli_build(repo, "--check")
    assert fresh.exit_code == 0, fresh.output

    shutil.copy(FIXTURES / "harbour-sea-wall.md", repo / "seeds")
    before = (repo / "permalinks.yaml").read_bytes(), generated(repo)
    stale = cli_build(repo, "--check")
    assert stale.exit_code != 0
    assert "permalinks.yaml is stale: run `dossier build` and commit it" in stale.output
    assert ((repo / "permalinks.yaml").read_bytes(), generated(repo)) == before


def test_a_corrupt_ledger_stops_the_build_naming_file_and_line_and_is_left_as_it_was(tmp_path):
    repo = make_repo(tmp_path / "repo", [FIXTURES / "valley-ferry.md"])
    assert cli_build(repo).exit_code == 0
    ledger = repo / "permalinks.yaml"
    corrupt = ledger.read_text(encoding="utf-8").replace("sources:", "sources: [unclosed", 1)
    ledger.write_text(corrupt, encoding="utf-8")
    result = cli_build(repo)
    assert result.exit_code != 0
    assert re.search(r"permalinks\.yaml:\d+: not valid YAML", result.output), result.output
    assert ledger.read_text(encoding="utf-8") == corrupt


def test_the_publish_workflow_fails_when_the_committed_ledger_is_stale():
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
    steps = [step for path in workflows for job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values()
             for step in job.get("steps", [])]
    checks = [step for step in steps if re.search(r"\bdossier build\b.*--check", step.get("run", ""))]
    assert checks, "no workflow step runs `dossier build --check`: a stale permalinks.yaml would be published"
    runs = [step.get("run", "") for step in steps]
    deploy = next(i for i, step in enumerate(steps) if "deploy-pages" in step.get("uses", ""))
    assert runs.index(checks[0]["run"]) < deploy


@pytest.mark.parametrize("args", [("--check",), ("--strict",), ()])
def test_an_id_in_the_ledger_that_is_a_path_stops_the_build_naming_file_and_line(tmp_path, args):
    repo = make_repo(tmp_path / "repo", [FIXTURES / "valley-ferry.md"])
    assert cli_build(repo).exit_code == 0
    ledger = repo / "permalinks.yaml"
    text = ledger.read_text(encoding="utf-8")
    key = next(line for line in text.splitlines() if line.startswith("  ") and not line.startswith("   "))
    hostile = text.replace(key, "  ../../../../../../outside/owned:", 1)
    line = hostile.splitlines().index("  ../../../../../../outside/owned:") + 1
    ledger.write_text(hostile, encoding="utf-8")
    before = generated(repo)
    result = cli_build(repo, *args)
    assert result.exit_code != 0
    assert f"permalinks.yaml:{line}: " in result.output and "is not an id" in result.output, result.output
    assert ledger.read_text(encoding="utf-8") == hostile and generated(repo) == before
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(repo / "mkdocs.yml")],
                          cwd=repo, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr  # built from the last good docs/: the ledger's keys make no pages
    assert not (tmp_path / "outside").exists()


@pytest.mark.parametrize("damage", ["emptied", "cut at an entry"])
def test_a_damaged_ledger_stops_the_build_and_forget_is_the_only_way_an_id_leaves_it(tmp_path, damage):
    repo = make_repo(tmp_path / "repo", [FIXTURES / "valley-ferry.md", FIXTURES / "harbour-sea-wall.md"])
    assert cli_build(repo).exit_code == 0
    ledger = repo / "permalinks.yaml"
    (repo / "seeds" / "harbour-sea-wall.md").unlink()
    assert cli_build(repo).exit_code == 0
    tombstones = {f"{section}/{key}" for section in ids.SECTIONS
                  for key, entry in ids.load_ledger(ledger).section(section).items() if entry.removed}
    assert "sources/harbour-sea-wall" in tombstones

    good = ledger.read_text(encoding="utf-8")
    lines = good.splitlines(keepends=True)
    damaged = "" if damage == "emptied" else "".join(lines[:next(n for n, line in enumerate(lines)
                                                                 if line.startswith("  harbour-sea-wall:"))])
    ledger.write_text(damaged, encoding="utf-8")
    for args in ((), ("--check",)):
        result = cli_build(repo, *args)
        assert result.exit_code != 0 and re.search(r"permalinks\.yaml: (empty|no version)", result.output), result.output
        assert ledger.read_text(encoding="utf-8") == damaged
    ledger.write_text(good, encoding="utf-8")

    forgotten = cli_build(repo, *(arg for key in sorted(tombstones) for arg in ("--forget", key)))
    assert forgotten.exit_code == 0, forgotten.output
    left = ids.load_ledger(ledger)
    assert not {f"{s}/{k}" for s in ids.SECTIONS for k in left.section(s)} & tombstones
    assert not (repo / "docs" / "sources" / "harbour-sea-wall.md").exists()
    live = next(f"quotes/{k}" for k, entry in left.quotes.items() if entry.live)
    kept = ledger.read_text(encoding="utf-8")
    refused = cli_build(repo, "--forget", live)
    assert refused.exit_code != 0 and f"--forget {live}: this build still publishes it" in refused.output
    assert ledger.read_text(encoding="utf-8") == kept


def test_a_new_article_under_a_removed_articles_file_name_gets_a_page_of_its_own(tmp_path):
    repo = make_repo(tmp_path / "repo", [FIXTURES / "valley-ferry.md"])
    site = build_site(repo)
    recorded = published(repo)
    assert recorded["sources/valley-ferry/"] == "Ferry crossing to reopen after safety inspection"
    shutil.copy(FIXTURES / "harbour-sea-wall.md", repo / "seeds" / "valley-ferry.md")  # another article, same name
    site = build_site(repo)
    found = assert_all_resolve(site, recorded)
    assert "no longer part of the dossier" in found["sources/valley-ferry/"].text
    new = [key for key, entry in ids.load_ledger(repo / "permalinks.yaml").sources.items() if entry.live]
    assert len(new) == 1 and new[0].startswith("valley-ferry-")
    assert says(visit(site, f"sources/{new[0]}/"), "sea wall")
