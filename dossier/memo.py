"""What a pure function of the dossier's text computed, kept on disk between builds beside the extraction cache.

Extraction is cached per article (dossier.cache), but the rest of a build looks at every article:
ingest reads each seed, clustering quotes compares every candidate pair of wordings, every entry of the
ledger is dumped as YAML. One new article changes few of these results, and a memo
keeps the others: one JSON file per function in the cache folder, `<name>.json`, holding
{key: value}, each key a digest of the function's arguments (`call_key`), and the fingerprint of what
decides the values: the function's module with every dossier module it imports, dossier/data/, and
the versions of the distributions it names. A file with another fingerprint, or one that cannot be
read, is ignored whole and every value computed again; so a value is never stale, and a build gives
the same output with a memo, without one, or with a damaged one.

Each build writes back only the entries it used, so the file stays the size of the dossier, and
writes nothing when it used exactly the entries it found. A value a build updates from the last one
rather than computes afresh (quote clustering's pairs, dossier.link.quotes.Alike) is read with `peek`
and replaced with `put`.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import TypeAdapter, ValidationError

import dossier
from dossier.cache import code_of
from dossier.lexicon import DATA_DIR
from dossier.publish import write_atomically

log = logging.getLogger("dossier")


V = TypeVar("V")


@dataclass(frozen=True)
class _Table(Generic[V]):
    fingerprint: str
    values: dict[str, V]


def fingerprint(module: str, distributions: Iterable[str] = ()) -> str:
    """The digest of what decides the values `module` computes (see the module docstring)."""
    digest = hashlib.sha256(f"dossier {dossier.__version__}\0".encode("utf-8"))
    for name in distributions:
        digest.update(f"{name} {version(name)}\0".encode("utf-8"))
    package = Path(dossier.__file__).parent
    for path in [*code_of(package, module), *sorted(p for p in DATA_DIR.rglob("*") if p.is_file())]:
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def call_key(*arguments: str | bytes) -> str:
    """A short digest of a call's arguments, text or bytes (a pickle: dossier.render.reuse's page keys; a page's
    text): 96 bits, far from any collision among a dossier's pairs, or its pages."""
    digest = hashlib.blake2b(digest_size=12)
    for argument in arguments:
        data = argument if isinstance(argument, bytes) else argument.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


class Memo(Generic[V]):
    """The values (of type `kind`, anything pydantic reads from JSON) of one pure function by key,
    read from `folder/<name>.json` and written back by `save`; without a folder, kept for this build
    only."""

    def __init__(self, folder: Path | None = None, name: str = "", fingerprint: str = "",
                 kind: type[V] = float) -> None:
        self.path = folder / f"{name}.json" if folder else None
        self.fingerprint = fingerprint
        self.table = TypeAdapter(_Table[kind])
        self.known = self._read()
        self.used: dict[str, V] = {}

    def get(self, key: str, compute: Callable[[], V]) -> V:
        if key not in self.used:
            self.used[key] = self.known[key] if key in self.known else compute()
        return self.used[key]

    def peek(self, key: str) -> V | None:
        """The value a former build kept for `key`, if any; it counts as used only once `get` asks for it."""
        return self.used.get(key, self.known.get(key))

    def keep(self, keys: Iterable[str]) -> None:
        """Count the values a former build kept for `keys` as used, as `get` would one by one."""
        known, used = self.known, self.used
        for key in keys:
            if key not in used:
                used[key] = known[key]

    def put(self, key: str, value: V) -> None:
        """Keep `value` for `key` in place of what `peek` gave: for a value each build updates from the last."""
        self.used[key] = value

    def save(self) -> None:
        """Keep the entries this build used; a memo that cannot be written costs the next build time only."""
        if self.path is None or self.used == self.known:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, self.table.dump_json(_Table(self.fingerprint, dict(sorted(self.used.items())))))
        except (OSError, ValueError) as error:  # ValueError: text pydantic cannot write as JSON (a lone surrogate)
            log.warning("cache: could not keep %s: %s", self.path, error)

    def _read(self) -> dict[str, V]:
        if self.path is None:
            return {}
        try:
            table = self.table.validate_json(self.path.read_bytes(), strict=True)
        except FileNotFoundError:
            return {}
        except (OSError, ValidationError) as error:
            log.debug("cache: ignoring %s: %s", self.path, error)
            return {}
        if table.fingerprint != self.fingerprint:
            log.debug("cache: ignoring %s: made by other code or data", self.path)
            return {}
        return table.values
