"""Each article's extraction kept on disk, so that a build parses only the articles that are new.

An entry is one JSON file named by its key: a sha256 of everything the result depends on, that is
the article as extraction receives it (with its pinned source id, which every finding cites),
dossier's version, the source of the extraction code (dossier.extract and every dossier module it
imports) and of every file in dossier/data/, and the versions of spaCy and of the language model.
Whatever changes one of these changes the key, so an entry is never stale, only unused: each
build removes the entries it did not use (`prune`), and the folder holds one entry per article
of the last build.

JSON rather than pickle: an entry restored from a CI cache is data, never code. An entry that
cannot be read, is not JSON, has another schema version or key, or does not have the shapes of
dossier.model is ignored with a debug log line, and its article is extracted again. Entries are
written atomically (a temporary file renamed into place), so a killed build leaves whole entries.
"""

from __future__ import annotations

import ast
import hashlib
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

import dossier
from dossier import nlp
from dossier.lexicon import DATA_DIR
from dossier.model import ActorMention, Article, Extraction, Problem, QuoteMention, Stance
from dossier.publish import write_atomically

log = logging.getLogger("dossier")

SCHEMA = 6  # the layout of an entry; raise it when _Entry or a dataclass in it changes
ENTRY = re.compile(r"[0-9a-f]{64}\.json")  # what prune may delete: nothing else in the folder is ours


@dataclass(frozen=True)
class _Entry:
    """An Extraction as stored: without the article, which the key stands for."""

    schema: int
    key: str
    quotes: tuple[QuoteMention, ...]
    actors: tuple[ActorMention, ...]
    stances: tuple[Stance, ...]
    problems: tuple[Problem, ...]


_ENTRY = TypeAdapter(_Entry)
_ARTICLE = TypeAdapter(Article)


def lookup(folder: Path | None, articles: Sequence[Article]) -> list[Extraction | None]:
    """Each article's cached extraction, or None where the cache has none (or no cache is used)."""
    return [_load(folder, article) if folder else None for article in articles]


def store(folder: Path | None, extractions: Iterable[Extraction]) -> None:
    """Keep each finished extraction; one that was stopped or crashed is tried again next build.

    A cache that cannot be written costs the next build time, never this build its output.
    """
    if folder is None:
        return
    for extraction in extractions:
        if not extraction.finished:
            continue
        key = key_of(extraction.article)
        entry = _Entry(SCHEMA, key, extraction.quotes, extraction.actors, extraction.stances, extraction.problems)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_atomically(folder / f"{key}.json", _ENTRY.dump_json(entry))
        except (OSError, ValueError) as error:
            log.warning("cache: could not keep %s's extraction in %s: %s", extraction.article.file, folder, error)


def prune(folder: Path | None, articles: Sequence[Article]) -> None:
    """Remove the entries no article of this build uses: the cache stays the size of the dossier."""
    if folder is None or not folder.is_dir():
        return
    used = {f"{key_of(article)}.json" for article in articles}
    for path in folder.iterdir():
        if ENTRY.fullmatch(path.name) and path.name not in used:
            path.unlink(missing_ok=True)


def key_of(article: Article) -> str:
    digest = hashlib.sha256(fingerprint().encode("ascii"))
    digest.update(_ARTICLE.dump_json(article))
    return digest.hexdigest()


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """What, besides the article, decides an extraction: versions, extraction code, data files."""
    digest = hashlib.sha256()
    for part in (f"schema {SCHEMA}", f"dossier {dossier.__version__}", f"spacy {version('spacy')}",
                 f"{nlp.MODEL_PACKAGE} {version(nlp.MODEL_PACKAGE)}"):
        digest.update(part.encode("utf-8") + b"\0")
    package = Path(dossier.__file__).parent
    for path in [*code_of(package, "dossier.extract"), *sorted(p for p in DATA_DIR.rglob("*") if p.is_file())]:
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def code_of(package: Path, module: str) -> list[Path]:
    """`module`'s source and every dossier module it imports, transitively (read from its import
    statements, so a module the code starts to use is counted without anyone listing it)."""
    pending, seen = [module], set()
    while pending:
        path = _module_file(package, pending.pop())
        if path is None or path in seen:
            continue
        seen.add(path)
        pending.extend(_imports(path.read_bytes()))
    return sorted(seen)


@lru_cache(maxsize=256)
def _imports(source: bytes) -> tuple[str, ...]:
    """The modules a module's `source` imports (and the names it imports from them, which may be
    modules too). Kept by source for the process: a build fingerprints several stages, whose code
    overlaps, and parsing it is most of the cost."""
    found: list[str] = []
    for node in _statements(ast.parse(source).body):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append(node.module)
            found.extend(f"{node.module}.{alias.name}" for alias in node.names)  # `from dossier import nlp`
    return tuple(found)


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Every statement in `body` and in the blocks of its statements: imports are statements, so the
    expressions (most of a module's nodes) need no visit."""
    for node in body:
        yield node
        for block in ("body", "orelse", "finalbody", "handlers", "cases"):
            inner = getattr(node, block, None)
            if isinstance(inner, list):
                yield from _statements(inner)


def _module_file(package: Path, module: str) -> Path | None:
    top, *inner = module.split(".")
    if top != package.name:
        return None
    base = package.joinpath(*inner)
    return next((path for path in (base / "__init__.py", base.with_name(base.name + ".py")) if path.is_file()), None)


def _load(folder: Path, article: Article) -> Extraction | None:
    key = key_of(article)
    path = folder / f"{key}.json"
    try:
        entry = _ENTRY.validate_json(path.read_bytes(), strict=True)
    except FileNotFoundError:
        return None
    except (OSError, ValidationError) as error:
        log.debug("cache: ignoring %s (%s's entry): %s", path, article.file, error)
        return None
    if (entry.schema, entry.key) != (SCHEMA, key):
        log.debug("cache: ignoring %s (%s's entry): schema %s, key %s", path, article.file, entry.schema, entry.key)
        return None
    return Extraction(article=article, quotes=entry.quotes, actors=entry.actors, stances=entry.stances,
                      problems=entry.problems)
