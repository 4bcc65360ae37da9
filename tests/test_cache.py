"""The per-article extraction cache (dossier/cache.py) and the incremental builds it gives: a build
with nothing new starts no extraction at all, one new article is the only one extracted, and the
output is byte-identical to a build without the cache. Damaged or foreign entries are re-extracted,
never trusted; failed extractions are never kept; unused entries are pruned."""

from __future__ import annotations

import gc
import logging
import re
import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench import make_corpus
from dossier import build as build_module
from dossier import cache, pool, render
from dossier.build import BuildConfig, _older_objects_frozen, build
from dossier.cli import main
from dossier.model import ActorMention, Article, Extraction, Paragraph, Problem, QuoteMention, Stance
from dossier.render import Reuse
from tests.conftest import SEEDS, TEMPLATES

NEW_ARTICLE = ("Ministers meet again in Vienna\n\n"
               "VIENNA - Foreign ministers met on Tuesday for a second round of talks.\n\n"
               "\"We will keep talking until there is a deal,\" said Anna Berg, the Austrian foreign minister.\n")

ARTICLE = Article(id="talks", file="talks.txt", title="Talks <stall> & go on",
                  paragraphs=(Paragraph(1, 'The minister said: "We will not accept this deal."'),
                              Paragraph(2, "---\nkey: value\n\u202e\x00 ünïcode")), date="2025-01-02",
                  credited=("Reuters",))
EXTRACTION = Extraction(
    article=ARTICLE,
    quotes=(QuoteMention("talks", 1, "We will not accept this deal.", "Anna Berg", "explicit", cue="said",
                         sentence="The minister said: ...", end_paragraph=2),
            QuoteMention("talks", 2, "key: value", None, "unattributed")),
    actors=(ActorMention("talks", 1, "the minister", "Anna Berg", "person", role="Foreign Minister",
                         affiliation="Austria"),),
    stances=(Stance("talks", 1, "Anna Berg", "the deal", "oppose", sentence="We will not accept this deal."),),
    problems=(Problem("talks.txt", "an unclosed quotation mark", detail="at line 2"),),
)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def extractions_kept(folder: Path) -> list[str]:
    """The cache's entries, without the build stamp (dossier/stamp.py) beside them."""
    return [name for name in entries(folder) if cache.ENTRY.fullmatch(name)]


# --------------------------------------------------------------------------
# the cache on its own


def test_an_extraction_comes_back_equal_to_what_was_stored(tmp_path):
    cache.store(tmp_path, [EXTRACTION])
    [entry] = entries(tmp_path)
    assert entry == f"{cache.key_of(ARTICLE)}.json"
    assert cache.lookup(tmp_path, [ARTICLE]) == [EXTRACTION]


def test_another_article_or_another_pinned_id_is_a_miss(tmp_path):
    cache.store(tmp_path, [EXTRACTION])
    edited = replace(ARTICLE, paragraphs=(Paragraph(1, "Something else entirely."),))
    renamed = replace(ARTICLE, id="talks-3fa")  # the ledger pinned another id: every finding cites it
    assert cache.lookup(tmp_path, [edited, renamed, ARTICLE]) == [None, None, EXTRACTION]


def test_no_folder_means_no_cache(tmp_path):
    cache.store(None, [EXTRACTION])
    cache.prune(None, [ARTICLE])
    assert cache.lookup(None, [ARTICLE]) == [None]


@pytest.mark.parametrize("damage", [
    pytest.param(lambda data, other: data[: len(data) // 2], id="truncated"),
    pytest.param(lambda data, other: b"", id="empty"),
    pytest.param(lambda data, other: b"\x80\x81 not text", id="binary"),
    pytest.param(lambda data, other: b"[1, 2, 3]", id="not an entry"),
    pytest.param(lambda data, other: data.replace(b'"paragraph":1', b'"paragraph":"1"', 1), id="wrong type"),
    pytest.param(lambda data, other: data.replace(b'"speaker":null', b'"speaker":7', 1), id="wrong optional type"),
    pytest.param(lambda data, other: data.replace(b'"cue":"said",', b"", 1).replace(b'"method":"explicit",', b"", 1),
                 id="missing field"),
    pytest.param(lambda data, other: data.replace(b'"schema":%d' % cache.SCHEMA, b'"schema":99', 1), id="other schema"),
    pytest.param(lambda data, other: other, id="another article's entry"),
])
def test_a_damaged_or_foreign_entry_is_ignored_with_a_debug_line_and_replaced(tmp_path, caplog, damage):
    other = replace(EXTRACTION, article=replace(ARTICLE, id="other"))
    cache.store(tmp_path, [EXTRACTION, other])
    path, other_path = tmp_path / f"{cache.key_of(ARTICLE)}.json", tmp_path / f"{cache.key_of(other.article)}.json"
    path.write_bytes(damage(path.read_bytes(), other_path.read_bytes()))
    with caplog.at_level(logging.DEBUG, logger="dossier"):
        assert cache.lookup(tmp_path, [ARTICLE, other.article]) == [None, other]
    assert any("ignoring" in r.getMessage() and path.name in r.getMessage() for r in caplog.records)
    cache.store(tmp_path, [EXTRACTION])  # what the build does after extracting it again
    assert cache.lookup(tmp_path, [ARTICLE]) == [EXTRACTION]


def test_an_unreadable_entry_is_a_miss(tmp_path):
    (tmp_path / f"{cache.key_of(ARTICLE)}.json").mkdir()  # a folder where the file should be
    assert cache.lookup(tmp_path, [ARTICLE]) == [None]


def test_a_failed_extraction_is_never_kept(tmp_path):
    stopped = Extraction(article=ARTICLE, problems=(Problem("talks.txt", "took longer than its budget"),),
                         finished=False)
    cache.store(tmp_path, [stopped])
    assert entries(tmp_path) == []


def test_an_unwritable_cache_costs_the_build_nothing(tmp_path, caplog):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="dossier"):
        cache.store(blocked, [EXTRACTION])
    assert "talks.txt" in caplog.text


def test_writes_leave_no_temporary_file(tmp_path):
    cache.store(tmp_path, [EXTRACTION, EXTRACTION])
    assert entries(tmp_path) == [f"{cache.key_of(ARTICLE)}.json"]


def test_prune_removes_the_entries_no_article_uses_and_nothing_else(tmp_path):
    gone = replace(EXTRACTION, article=replace(ARTICLE, id="gone"))
    cache.store(tmp_path, [EXTRACTION, gone])
    (tmp_path / "README.txt").write_text("not ours", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    cache.prune(tmp_path, [ARTICLE])
    assert entries(tmp_path) == sorted(["README.txt", "notes.json", f"{cache.key_of(ARTICLE)}.json"])


def test_the_fingerprint_covers_the_extraction_code_and_no_other():
    package = Path(build_module.__file__).parent
    code = {path.relative_to(package).as_posix() for path in cache.code_of(package, "dossier.extract")}
    assert {"__init__.py", "extract/__init__.py", "extract/quotes.py", "extract/actors.py", "extract/stances.py",
            "extract/attribution.py", "nlp.py", "world.py", "lexicon.py", "text.py", "model.py"} <= code
    assert not {"render.py", "build.py", "link/__init__.py", "publish.py", "cache.py"} & code


@pytest.mark.parametrize("change", ["data file", "extraction code", "spaCy version"])
def test_a_change_to_what_decides_extraction_changes_every_key(tmp_path, monkeypatch, change):
    before = cache.key_of(ARTICLE)
    package = tmp_path / "dossier"
    shutil.copytree(Path(build_module.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache.dossier, "__file__", str(package / "__init__.py"))
    monkeypatch.setattr(cache, "DATA_DIR", package / "data")
    cache.fingerprint.cache_clear()
    assert cache.key_of(ARTICLE) == before  # the same files elsewhere: the same key
    if change == "data file":
        with (package / "data" / "speech_verbs.yaml").open("a", encoding="utf-8") as data:
            data.write("\n# a comment is a change too\n")
    elif change == "extraction code":
        with (package / "world.py").open("a", encoding="utf-8") as code:
            code.write("\n# a comment is a change too\n")
    else:
        real = cache.version
        monkeypatch.setattr(cache, "version", lambda name: "9.9.9" if name == "spacy" else real(name))
    cache.fingerprint.cache_clear()
    try:
        assert cache.key_of(ARTICLE) != before
    finally:
        monkeypatch.undo()
        cache.fingerprint.cache_clear()
    assert cache.key_of(ARTICLE) == before


# --------------------------------------------------------------------------
# builds with the cache (the real pipeline on the seeds)


def spy_on_extraction(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The files each build hands to the extraction workers, one list per call of pool.run (the
    only place worker processes, and with them the language model, are started)."""
    calls: list[list[str]] = []
    real = pool.run

    def run(function, items, **options):
        calls.append([item[0].file if isinstance(item, tuple) else "a part of a long article" for item in items])
        return real(function, items, **options)

    monkeypatch.setattr(pool, "run", run)
    return calls


def spy_on_rendering(monkeypatch) -> list[str]:
    """The paths of the pages Jinja renders (the others are taken from docs/, dossier.render.reuse)."""
    paths: list[str] = []
    real = Reuse.page

    def page(self, path, key, render):
        return real(self, path, key, lambda: paths.append(path) or render())

    monkeypatch.setattr(Reuse, "page", page)
    return paths


def spy_on_views(monkeypatch) -> list[str]:
    """The units (an entity's page, with its parts) whose view is built; the others' facts had not changed."""
    paths: list[str] = []
    real = Reuse.remember

    def remember(self, path, *args):
        paths.append(path)
        return real(self, path, *args)

    monkeypatch.setattr(Reuse, "remember", remember)
    return paths


UNIT = re.compile(r"(sources|actors|quotes|topics|positions)/(?!index\.md)[^/]+\.md")


def units_of(paths) -> set[str]:
    """The units the pages `paths` belong to: an entity's page stands for its parts too."""
    return {match.group(0) for path in paths if (match := UNIT.match(path))}


def config(project: Path, docs: str = "docs", *, cached: bool = True) -> BuildConfig:
    return BuildConfig(seeds=project / "seeds", docs=project / docs, templates=TEMPLATES,
                       curation=project / "curation.yaml", ledger=project / f"{docs}.yaml",
                       cache=project / "cache" if cached else None)


@pytest.fixture(scope="module")
def seeds_built(tmp_path_factory):
    """The seeds built three times: with an empty cache, again with the cache it left, without a cache."""
    project = tmp_path_factory.mktemp("cached")
    shutil.copytree(SEEDS, project / "seeds")
    calls = {}
    for name, cached in [("cold", True), ("warm", True), ("uncached", False)]:
        with pytest.MonkeyPatch.context() as monkeypatch:
            calls[name] = spy_on_extraction(monkeypatch)
            build(config(project, name, cached=cached))
    return project, calls


def gc_sees(target: object) -> bool:
    """Whether the cyclic garbage collector walks `target` (gc.get_objects leaves the frozen ones out)."""
    return any(found is target for found in gc.get_objects())


@pytest.mark.slow
def test_a_build_keeps_older_objects_out_of_full_collections_and_hands_them_back(seeds_built, monkeypatch):
    project, _ = seeds_built
    older = [["alive before the build"]]
    seen = []
    real_render = render.render
    monkeypatch.setattr(render, "render", lambda *args, **kwargs: (seen.append(gc_sees(older)),
                                                                    real_render(*args, **kwargs))[1])
    assert gc_sees(older) and gc.get_freeze_count() == 0
    build(config(project, "frozen"))
    assert seen == [False]  # rendering ran, and the collector did not walk what was alive before
    assert gc_sees(older) and gc.get_freeze_count() == 0
    gc.freeze()  # a caller's own choice is left alone
    try:
        build(config(project, "frozen-by-caller"))
        assert seen == [False, False] and not gc_sees(older)
    finally:
        gc.unfreeze()


@pytest.mark.slow
def test_a_build_with_nothing_new_extracts_nothing_and_writes_the_same_bytes(seeds_built):
    project, calls = seeds_built
    seeds = sorted(p.name for p in (project / "seeds").iterdir())
    assert [c for c in calls["cold"] if c] == [seeds] and [c for c in calls["uncached"] if c] == [seeds]
    assert calls["warm"] == []  # pool.run never called: no worker process, no language model
    assert len(extractions_kept(project / "cache")) == len(seeds)
    cold, warm, uncached = (tree(project / name) for name in ("cold", "warm", "uncached"))
    assert any(path.startswith("quotes/") for path in cold)
    assert cold == warm == uncached
    ledgers = {(project / f"{name}.yaml").read_bytes() for name in ("cold", "warm", "uncached")}
    assert len(ledgers) == 1


@pytest.mark.slow
def test_one_added_article_is_the_only_one_extracted_and_the_output_is_a_full_builds(seeds_built, tmp_path,
                                                                                     monkeypatch):
    project = shutil.copytree(seeds_built[0], tmp_path / "project")
    (project / "seeds" / "zz_vienna.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    calls = spy_on_extraction(monkeypatch)
    rendered = spy_on_rendering(monkeypatch)
    viewed = spy_on_views(monkeypatch)
    before = tree(project / "warm")
    result = build(config(project, "warm"))
    assert [c for c in calls if c] == [["zz_vienna.txt"]]
    after = tree(project / "warm")
    changed = {path for path in after if before.get(path) != after[path] and not path.startswith("data/")}
    # only pages whose view changed are rendered: every page that changed, few that did not
    assert changed <= set(rendered) and result.rendered == len(rendered) < result.pages / 2
    assert "sources/zz-vienna.md" in rendered and "sources/index.md" in rendered
    assert not any(path.startswith("sources/") for path in set(rendered) - changed - {"sources/index.md"})
    # only units a fact of which changed are viewed: every unit with a changed page, few others
    assert units_of(changed) <= set(viewed) and result.viewed == len(viewed) < len(units_of(after)) / 2
    assert len(set(viewed) - units_of(changed)) <= len(units_of(changed))
    build(config(project, "uncached", cached=False))
    assert tree(project / "warm") == tree(project / "uncached")
    assert (project / "warm.yaml").read_bytes() == (project / "uncached.yaml").read_bytes()
    assert (project / "warm" / "actors" / "anna-berg.md").is_file()  # the new article's findings are in
    assert (project / "cache" / "quote-pairs.json").is_file()  # quotes were clustered from the kept pairs
    assert len(extractions_kept(project / "cache")) == 6
    (project / "cache" / "last-build.json").unlink()  # built again, not taken whole from the stamp
    again = build(config(project, "warm"))
    assert again.viewed == again.rendered == 0 and tree(project / "warm") == after


@pytest.mark.slow
def test_one_article_added_to_a_generated_dossier_gives_the_bytes_of_a_build_from_scratch(tmp_path):
    """A generated dossier (bench/make_corpus.py: a recurring cast under varied names, quotes reprinted by
    other outlets) built, then built again with one more article: docs/ and the ledger are those of a build
    of the same seeds from scratch, though only what the article touched was linked, viewed and rendered
    afresh."""
    articles = make_corpus.write(tmp_path / "generated", 31, seed=14)
    project = tmp_path / "project"
    (project / "seeds").mkdir(parents=True)
    for article in articles[:-1]:
        shutil.copy(article, project / "seeds")
    build(config(project, "warm"))
    before = tree(project / "warm")
    shutil.copy(articles[-1], project / "seeds")
    result = build(config(project, "warm"))
    build(config(project, "cold", cached=False))
    after = tree(project / "warm")
    assert after == tree(project / "cold")
    assert (project / "warm.yaml").read_bytes() == (project / "cold.yaml").read_bytes()
    changed = units_of(path for path in after if before.get(path) != after[path])
    assert {path.split("/")[0] for path in changed} >= {"sources", "actors", "quotes"}  # it touched the others' pages
    assert 0 < result.viewed < len(units_of(after)) / 2


class Cycle:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_what_outlives_a_full_collection_is_left_out_of_the_next_until_the_build_ends():
    before = gc.get_freeze_count()
    with _older_objects_frozen():
        kept = [Cycle() for _ in range(1000)]
        gc.collect()
        frozen = gc.get_freeze_count()
        assert frozen - before >= 1000  # kept and everything else alive: the next full collection skips them
        made_since = [Cycle() for _ in range(1000)]
        del made_since
        assert gc.collect() >= 1000  # what is made since is collected as before
        assert gc.get_freeze_count() >= frozen
    assert gc.get_freeze_count() == 0
    del kept
    assert gc.collect() >= 1000  # unfrozen: the kept cycles are garbage like any other


def test_a_build_freezes_what_outlived_a_full_collection_while_it_runs_and_nothing_after(tmp_path, monkeypatch):
    counts = []
    real = render.render

    def rendering(*args, **kwargs):
        gc.collect()
        counts.append(gc.get_freeze_count())
        return real(*args, **kwargs)

    monkeypatch.setattr(render, "render", rendering)
    project = tmp_path / "project"
    shutil.copytree(SEEDS, project / "seeds")
    build(config(project))
    assert counts and counts[0] > 10_000  # the dossier, the memos: out of the collections that follow
    assert gc.get_freeze_count() == 0


@pytest.mark.slow
def test_a_renamed_actor_views_again_every_page_that_shows_it_and_the_output_is_a_full_builds(seeds_built, tmp_path,
                                                                                             monkeypatch):
    project = shutil.copytree(seeds_built[0], tmp_path / "project")
    before = tree(project / "warm")
    links = Counter(found for text in before.values() for found in set(re.findall(rb"actors/([a-z0-9-]+)\.md", text)))
    actor, shown_on = links.most_common(1)[0]
    assert shown_on > 3
    (project / "curation.yaml").write_text(f"actors:\n  {actor.decode()}:\n    name: Zelda Quorum\n", encoding="utf-8")
    viewed = spy_on_views(monkeypatch)
    build(config(project, "warm"))
    viewed_warm = set(viewed)
    build(config(project, "uncached", cached=False))
    assert tree(project / "warm") == tree(project / "uncached")
    assert (project / "warm.yaml").read_bytes() == (project / "uncached.yaml").read_bytes()
    showing = {path for path, text in tree(project / "warm").items() if b"Zelda Quorum" in text}
    assert len(units_of(showing)) > 3 and units_of(showing) <= viewed_warm
    assert len(viewed_warm) < len(units_of(before))


@pytest.mark.slow
@pytest.mark.parametrize("damage", [
    lambda facts: facts.unlink(),
    lambda facts: facts.write_text(facts.read_text().replace('\\"site\\"', '\\"story\\"', 1)),  # one fact renamed
])
def test_units_whose_facts_table_is_not_the_one_kept_beside_them_are_all_viewed_again(seeds_built, tmp_path, damage):
    project = shutil.copytree(seeds_built[0], tmp_path / "project")
    damage(project / "cache" / "facts.json")
    (project / "cache" / "last-build.json").unlink()
    result = build(config(project, "warm"))
    assert result.viewed == build(config(project, "uncached", cached=False)).viewed > 10
    assert tree(project / "warm") == tree(project / "uncached")


@pytest.mark.slow
def test_a_removed_article_extracts_nothing_and_its_entry_is_pruned(seeds_built, tmp_path, monkeypatch):
    project = shutil.copytree(seeds_built[0], tmp_path / "project")
    before = set(extractions_kept(project / "cache"))
    removed = sorted((project / "seeds").iterdir())[0]
    article = next(a for a in build_module.ingest.read_seeds(project / "seeds")[0] if a.file == removed.name)
    removed.unlink()
    calls = spy_on_extraction(monkeypatch)
    viewed = spy_on_views(monkeypatch)
    build(config(project, "warm"))
    assert calls == []
    after = set(extractions_kept(project / "cache"))
    assert after < before and before - after == {f"{cache.key_of(article)}.json"}
    # its page becomes a tombstone, the pages that showed it are viewed again: as a build from scratch
    assert f"sources/{article.id}.md" in viewed and len(viewed) < len(units_of(tree(project / "warm")))
    build(config(project, "uncached", cached=False))
    assert tree(project / "warm") == tree(project / "uncached")


# --------------------------------------------------------------------------
# the command line


@pytest.mark.slow
def test_the_command_line_keeps_the_cache_in_dossier_cache_or_cache_dir_and_not_with_no_cache(tmp_path, monkeypatch):
    monkeypatch.delenv("DOSSIER_NO_CACHE")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "vienna.txt").write_text(NEW_ARTICLE, encoding="utf-8")

    def dossier_build(*options: str):
        result = CliRunner().invoke(main, ["build", *options], catch_exceptions=False)
        assert result.exit_code == 0, result.output

    dossier_build()
    assert len(extractions_kept(tmp_path / ".dossier-cache")) == 1
    dossier_build("--cache-dir", "elsewhere", "--docs", "docs2", "--ledger", "ledger2.yaml")
    assert extractions_kept(tmp_path / "elsewhere") == extractions_kept(tmp_path / ".dossier-cache")
    shutil.rmtree(tmp_path / ".dossier-cache")
    dossier_build("--no-cache", "--docs", "docs3", "--ledger", "ledger3.yaml")
    monkeypatch.setenv("DOSSIER_NO_CACHE", "1")
    dossier_build("--docs", "docs4", "--ledger", "ledger4.yaml")
    assert not (tmp_path / ".dossier-cache").exists()
    assert tree(tmp_path / "docs") == tree(tmp_path / "docs2") == tree(tmp_path / "docs3") == tree(tmp_path / "docs4")
