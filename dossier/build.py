"""The whole build, top to bottom: read everything, extract, link, pin ids, render, write.

Every stage is a function of the previous stage's dataclasses; only this module
touches the file system (through ingest, ids and publish), and publish.write
switches docs/ and the ledger together, so a build that fails or is killed
leaves them as the previous build or this one wrote them, never a mixture.
"""

from __future__ import annotations

import gc
import logging
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from dossier import (cache, curation, executor, export, extract, ids, ingest, link, memo, nlp, publish, render, review,
                     stamp)
from dossier.errors import InputError
from dossier.lexicon import lexicon
from dossier.model import Article, Dossier, Extraction, Problem
from dossier.pool import Progress

log = logging.getLogger("dossier")


PRELOAD = ["dossier.extract.preload"]  # what every extraction worker starts with: the language model
CACHE_DIR = Path(".dossier-cache")  # the command line's default; library callers opt in through BuildConfig.cache
ARTICLE_TIMEOUT = 120.0  # seconds: a long article takes a few; only a pathological one gets near this
LONG_READ = 500_000  # characters: an article longer than this gets ARTICLE_TIMEOUT per LONG_READ of its text
PARSE_PART = 200_000  # characters: a longer article is parsed in parts of this size, in parallel
OLDEST = 2  # CPython's oldest generation of objects: what its full collections walk (gc module)


@dataclass
class BuildConfig:
    seeds: Path = Path("seeds")
    docs: Path = Path("docs")
    templates: Path | None = None  # overrides for the package's templates, file by file
    curation: Path = Path("curation.yaml")
    ledger: Path = Path("permalinks.yaml")
    mkdocs_yml: Path = Path("mkdocs.yml")  # site_url and site_name for permalinks and citations
    forget: tuple[str, ...] = ()  # "SECTION/ID"s to drop from the ledger on purpose (`--forget`)
    jobs: int | None = None  # extraction processes; None: one per core
    executor: str = executor.LOCAL  # where extraction runs: this machine, or `dask://HOST:PORT`
    article_timeout: float = ARTICLE_TIMEOUT  # seconds one article's extraction may take, per LONG_READ
    cache: Path | None = None  # where extractions are kept between builds (dossier.cache); None: nowhere


@dataclass
class BuildResult:
    problems: list[Problem] = field(default_factory=list)
    pages: int = 0
    viewed: int = 0  # units of pages viewed afresh; what the others read had not changed (dossier.render.reuse)
    rendered: int = 0  # pages rendered afresh; the others were what the last build wrote (dossier.render.reuse)
    changed: bool = False  # docs/ or the ledger differ from what was there before
    ledger_stale: bool = False  # the committed ledger lacks something this build pins
    pending_ledger: Path | None = None  # where a killed build left the ledger it committed (`--check` only)


def build(config: BuildConfig, *, write: bool = True, waiting: Callable[[str], None] | None = None,
          progress: Progress | None = None) -> BuildResult:
    """Build docs/ from seeds/. With write=False nothing is written (used by `--check`): the
    ledger is judged as recovery would leave it after a killed build. A build that writes holds
    the project's lock throughout; `waiting` hears when it has to wait for another build, and
    `progress(done, total)` of every article extracted (dossier.cli shows both)."""
    if not write:
        ledger = publish.committed_ledger(config.docs, config.ledger)
        with _older_objects_frozen():
            result = _build(config, ledger, write=False, progress=progress)
        result.pending_ledger = ledger if ledger != config.ledger else None
        return result
    with publish.exclusive(config.ledger, waiting), _older_objects_frozen():
        publish.recover(config.docs, config.ledger)  # finish or undo a killed build before reading the ledger
        return _build(config, config.ledger, write=True, progress=progress)


@contextmanager
def _older_objects_frozen() -> Iterator[None]:
    """Keep what is alive when the build starts (the modules, the data files' tables, a language model loaded
    in this process) out of the cyclic garbage collector's full collections while it runs (gc.freeze): a build
    makes hundreds of thousands of objects, and each full collection walked these too (at 1,000 articles, the
    half of the collector's time). So too what survives each full collection of the build: it makes millions of
    objects that live until it ends (the articles and their extractions, the memos, the linked dossier, the
    catalogue), and a full collection comes each time they have grown by a quarter (at 10,000 articles 23 of
    them, each walking everything, a quarter of the CPU of a build with one article added); frozen after each,
    the next walks only what was made since. All are handed back to the collector when the build ends, so one
    of them that died in a cycle meanwhile is collected then. A caller that froze objects of its own keeps its
    choice."""
    if gc.get_freeze_count():
        yield
        return

    def freeze(phase: str, info: dict) -> None:
        if phase == "stop" and info["generation"] == OLDEST:
            gc.freeze()

    gc.freeze()
    gc.callbacks.append(freeze)
    try:
        yield
    finally:
        gc.callbacks.remove(freeze)
        gc.unfreeze()


def _build(config: BuildConfig, ledger: Path, *, write: bool, progress: Progress | None) -> BuildResult:
    site_url, site_name = render.site_settings(config.mkdocs_yml)
    last = stamp.last(config.cache) if config.cache else None
    if config.cache:
        inputs = stamp.inputs(config.seeds, config.curation, config.templates,
                              [config.docs.absolute(), config.ledger.absolute(), site_url, site_name, config.forget,
                               config.article_timeout])
        if stamp.unchanged(last, inputs, ledger, config.docs):  # nothing new since the build that wrote docs/
            return BuildResult(problems=list(last.problems), pages=last.pages)  # it would write the same bytes
    ledgers = memo.Memo(config.cache, "ledger", memo.fingerprint("dossier.ids"), ids.Ledger)
    assembly = assemble(config, ledger, progress, ledgers)
    published = review.withhold(assembly.dossier)
    texts = memo.Memo(config.cache, "yaml", memo.fingerprint("dossier.yamlio", ["PyYAML"]), str)
    digests = memo.Memo(config.cache, "pages", render.reuse_fingerprint(config.templates), str)
    viewed = render.reuse_fingerprint(config.templates, site_url, site_name)
    units = memo.Memo(config.cache, "views", viewed, render.Unit)
    facts = memo.Memo(config.cache, "facts", viewed, str)
    reuse = render.Reuse(digests, config.docs, units, facts, written=stamp.written(last))
    places = memo.Memo(config.cache, "quote-places", memo.fingerprint("dossier.render.diff"), tuple[int, int] | None)
    diffs = memo.Memo(config.cache, "wording-diffs", memo.fingerprint("dossier.render.diff"), list[tuple[str, str]])
    try:
        pages = render.render(published, config.templates, site_url, site_name, reuse, places, diffs)
    except render.UnsafeId as error:  # ids that are not slugs of seed file names come from the ledger
        raise InputError(f"{config.ledger}: {error}") from error
    data = export.files(published, config.templates, site_url)
    result = BuildResult(problems=assembly.problems, pages=len(pages), viewed=len(reuse.viewed),
                         rendered=len(reuse.rendered), ledger_stale=assembly.new_ledger != assembly.ledger)
    ledger_text = ids.dump_ledger(assembly.new_ledger, texts)
    ids.remember(ledgers, assembly.new_ledger, ledger_text)
    if write:
        result.changed = publish.write({**pages, **data}, config.docs, ledger_text, config.ledger, same=reuse.reused)
        if config.cache and assembly.finished:  # a stopped or failed extraction is tried again next time
            stamp.save(config.cache, inputs, config.ledger, config.docs, result.pages, result.problems, reuse.made)
    reuse.save()
    for kept in (texts, ledgers, places, diffs):
        kept.save()
    return result


@dataclass
class Assembly:
    """Everything up to pinned ids: what build() renders, and what bench/score.py scores."""

    dossier: Dossier
    problems: list[Problem]
    ledger: ids.Ledger  # as it was read
    new_ledger: ids.Ledger  # with this build's ids pinned
    finished: bool = True  # every article's extraction finished (none stopped or crashed)


def assemble(config: BuildConfig, ledger_file: Path | None = None, progress: Progress | None = None,
             ledgers: memo.Memo[ids.Ledger] | None = None) -> Assembly:
    """Read, extract, link and pin ids; writes nothing. The ledger is read from `ledger_file`
    when given (where a killed build left it), else from config.ledger; `ledgers` keeps ledgers
    already read by their text (ids.load_ledger)."""
    lexicon()  # a broken data file stops the build here, named, before any article is read
    parsed = memo.Memo(config.cache, "ingest", memo.fingerprint("dossier.ingest"), tuple[Article, tuple[Problem, ...]])
    articles, problems = ingest.read_seeds(config.seeds, parsed)
    parsed.save()
    edits = curation.load(config.curation)
    ledger = ids.load_ledger(ledger_file or config.ledger, ledgers)
    articles = ids.pin_sources(articles, ledger.sources)  # before extraction: every finding cites it
    cached = cache.lookup(config.cache, articles)  # None for each article the cache has no result for
    missing = [article for article, hit in zip(articles, cached) if hit is None]
    extracted = []
    if missing:  # nothing new: no worker, no model (linking needs none: every parse is read in extraction)
        extracted = _extract(missing, config, progress)
    cache.store(config.cache, extracted)
    cache.prune(config.cache, articles)
    extractions = _in_order(cached, extracted)
    for extraction in extractions:
        problems.extend(extraction.problems)
    alike = memo.Memo(config.cache, "quote-pairs", memo.fingerprint("dossier.link.quotes", ["rapidfuzz"]), link.Alike)
    dossier = link.link(extractions, edits, alike)
    alike.save()
    dossier, new_ledger = ids.reconcile(dossier, ledger, edits, config.forget)
    problems.extend(dossier.problems)
    return Assembly(dossier=dossier, problems=problems, ledger=ledger, new_ledger=new_ledger,
                    finished=all(extraction.finished for extraction in extractions))


def _in_order(cached: list[Extraction | None], extracted: list[Extraction]) -> list[Extraction]:
    """The cached results with the fresh ones filling their gaps, in the articles' order."""
    fresh = iter(extracted)
    return [hit if hit is not None else next(fresh) for hit in cached]


def _extract(articles: list[Article], config: BuildConfig, progress: Progress | None) -> list[Extraction]:
    """Every article's Extraction, in order. A long article is first parsed in parts, one worker each, so
    that its parse (most of its extraction time) uses every core; its rules then run in one worker."""
    parts = [(k, part) for k, article in enumerate(articles) for part in parse_parts(article)]
    parsed = executor.run(config.executor, nlp.parse_to_bytes, [part for _, part in parts], jobs=config.jobs,
                          budget=config.article_timeout, failed=lambda part, why: why, preload=PRELOAD)
    parses: dict[int, list] = defaultdict(list)  # article -> its parts' bytes, or why a part failed
    for (k, _), result in zip(parts, parsed):
        parses[k].append(result)
    failed = {k: next(r for r in results if isinstance(r, str)) for k, results in parses.items()
              if any(isinstance(r, str) for r in results)}
    todo = [(article, tuple(parses.get(k, ()))) for k, article in enumerate(articles) if k not in failed]
    extracted = iter(executor.run(config.executor, _extract_article, todo, jobs=config.jobs,
                                  budget=lambda item: budget(item[0], config.article_timeout),
                                  failed=lambda item, why: _skipped(item[0], why), preload=PRELOAD,
                                  progress=progress))
    return [_skipped(article, f"parsing part of it: {failed[k]}") if k in failed else next(extracted)
            for k, article in enumerate(articles)]


def parse_parts(article: Article) -> list[list[str]]:
    """extract.texts(article) cut into runs of about PARSE_PART characters; none for an article shorter
    than that, which its extraction worker parses itself."""
    texts = extract.texts(article)
    if sum(map(len, texts)) <= PARSE_PART:
        return []
    parts, size = [[]], 0
    for text in texts:
        if size >= PARSE_PART:
            parts.append([])
            size = 0
        parts[-1].append(text)
        size += len(text)
    return parts


def budget(article: Article, timeout: float) -> float:
    """Seconds `article`'s extraction may take: `timeout`, and as much again for every further LONG_READ of
    text, since extraction is linear in an article's length (a 4 MB long read must not time out)."""
    return timeout * max(1.0, sum(len(p.text) for p in article.paragraphs) / LONG_READ)


def _extract_article(item: tuple[Article, tuple[bytes, ...]]) -> Extraction:
    """Extract one article (with its parses when made in parts); a crash in an extractor costs that
    article's findings, never the build."""
    article, parsed = item
    try:
        return extract.extract(article, parsed)
    except Exception as error:  # noqa: BLE001 - reported with the file name, the rest still builds
        log.debug("extraction failed for %s", article.file, exc_info=True)
        problem = Problem(article.file, f"extraction failed, page built without findings: {type(error).__name__}: {error}",
                          detail=traceback.format_exc())  # carried back with the result, for `dossier build -v`
        return Extraction(article=article, problems=(problem,), finished=False)


def _skipped(article: Article, why: str) -> Extraction:
    """What an article whose extraction had to be stopped contributes: its page, no findings."""
    return Extraction(article=article, problems=(Problem(article.file, f"extraction skipped, page built without "
                                                                       f"findings: {why}"),), finished=False)
