"""What the last build read and wrote, so that a build with nothing new does nothing at all.

Extractions come from the cache (dossier.cache), but linking, ids and rendering always see the whole
dossier, and their cost grows with it. Yet a build whose inputs are all what the last build's were,
and whose docs/ is still what that build wrote, can only write the same bytes again. So, like make's
stamp files, each build that writes leaves a stamp beside the extraction cache: a sha256 of its
inputs and the size and mtime of every file it owns in docs/. The next build compares and, on a
match, repeats the last build's report instead of building.

The inputs are everything a build reads: the seeds, curation and ledger files (the ledger as this
build wrote it: a second build of the same seeds pins nothing new, which tests/test_ids.py shows),
the templates, site_url and site_name as mkdocs.yml gives them, the options, and the code: every
file of the dossier package, the name and version of every installed distribution, and Python's
version. Anything changed, or any owned file of docs/ added, removed or touched, means a full build.

The stamp also keeps the digest of each page the build wrote (`digests`, as dossier.render.reuse takes it), so
that the next build, whatever changed, knows a page of docs/ still holds those bytes without reading it when the
file has the size and mtime the stamp gives it (`written`).

A size and an mtime vouch for a file's bytes only when the file is older than the stamp by more than a tick
of the filesystem's clock: an edit in the tick the build wrote the file in, to the same size, leaves both as
they were. So, as git does with its "racily clean" entries, a stamp read back (`last`) vouches for no file
whose mtime is not older than the stamp's own by more than that tick (`racy`): such a page is read back and
its digest compared, for a build with nothing new too; any other such file (docs/data/'s, whose digests the
stamp does not keep) makes that build a full one. On a filesystem with fine mtimes these are at most the
last few files a build wrote, most often none (the stamp is written after every owned file of docs/ is
listed); on one with whole seconds (FAT keeps two), those of the build's last two seconds. Not seen: a file
edited while the build runs, between its writing and the stamp's listing of docs/, which the stamp then
takes as the build's.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import distributions
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

import dossier
from dossier import memo
from dossier.model import Problem
from dossier.publish import OWNED_SECTIONS, entries, write_atomically

FILE = "last-build.json"
COARSE_TICK_NS = 2 * 10**9  # the coarsest mtime tick of a filesystem docs/ may be on (FAT's)
RACY = -1  # the mtime `last` gives a file the stamp cannot vouch for: no file has it


@dataclass(frozen=True)
class Stamp:
    inputs: str  # sha256 of everything the build read but the ledger
    ledger: str  # sha256 of the ledger as the build left it
    outputs: dict[str, tuple[int, int]]  # every file the build owns in docs/: (size, mtime in ns)
    digests: dict[str, str]  # each page the build wrote: the digest of its text (dossier.render.reuse)
    pages: int
    problems: tuple[Problem, ...]  # what the build reported: a build it stands in for reports them again


_STAMP = TypeAdapter(Stamp)


def inputs(seeds: Path, curation: Path, templates: Path | None, settings: Iterable[object]) -> str:
    """The digest of what a build reads besides the ledger: files, settings and options, dossier's
    code and everything installed."""
    digest = hashlib.sha256()

    def add(*parts: str | bytes) -> None:
        for part in parts:
            data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big") + data)

    for label, folder in (("seeds", seeds), ("templates", templates), ("dossier", Path(dossier.__file__).parent)):
        add(label, str(folder))
        for inner, entry in _files(folder) if folder else ():
            add(inner, _read(Path(entry.path)))
    add("curation", str(curation), _read(curation))
    add("settings", json.dumps(list(settings), default=str))
    add("installed", *sorted(f"{d.metadata['Name']} {d.version}" for d in distributions()), sys.version)
    return digest.hexdigest()


def last(folder: Path) -> Stamp | None:
    """The stamp the last build that wrote left in `folder`, the files it cannot vouch for (`racy`) with the
    mtime `RACY`, which no file has; None when there is none, or a damaged one."""
    try:
        with open(folder / FILE, "rb") as file:
            stamp, stamped = _STAMP.validate_json(file.read(), strict=True), os.fstat(file.fileno()).st_mtime_ns
    except (OSError, ValidationError):
        return None
    if not any(racy(mtime, stamped) for _, mtime in stamp.outputs.values()):
        return stamp
    return dataclasses.replace(stamp, outputs={path: (size, RACY if racy(mtime, stamped) else mtime)
                                               for path, (size, mtime) in stamp.outputs.items()})


def racy(mtime_ns: int, stamped_ns: int) -> bool:
    """Whether a file's mtime (as a stamp written at `stamped_ns` keeps it) is too close to the stamp's to vouch
    for its bytes: not older by more than the filesystem's tick, which the mtime itself shows (a whole second:
    a coarse filesystem, `COARSE_TICK_NS`; else a fine one, where a file written before the stamp is older)."""
    tick = COARSE_TICK_NS if mtime_ns % 10**9 == 0 else 0
    return mtime_ns + tick >= stamped_ns


def unchanged(stamp: Stamp | None, digest: str, ledger: Path, docs: Path) -> bool:
    """Whether `digest` is the inputs' of the build that left `stamp`, and the ledger and docs/ are as it
    left them (no stamp is a full build)."""
    return (stamp is not None and stamp.inputs == digest and stamp.ledger == _digest_of(ledger)
            and _as_left(stamp, outputs(docs), docs))


def _as_left(stamp: Stamp, found: dict[str, tuple[int, int]], docs: Path) -> bool:
    """Whether the files `found` in docs/ are the ones the stamp's build left: each with the size and mtime the
    stamp gives it or, one it cannot vouch for (`RACY`), with the size and the digest of the page it wrote."""
    if found == stamp.outputs:
        return True
    if found.keys() != stamp.outputs.keys():
        return False
    return all(kept[1] == RACY and found[path][0] == kept[0] and path in stamp.digests
               and memo.call_key(_read(docs / path)) == stamp.digests[path]
               for path, kept in stamp.outputs.items() if found[path] != kept)


def written(stamp: Stamp | None) -> dict[str, tuple[int, int, str]]:
    """Each page the build that left `stamp` wrote: (size, mtime in ns, digest) as it left the file. A file of
    docs/ that still has that size and mtime holds those bytes, as `unchanged` takes it for the whole of docs/ (no
    file has a racy one's, `RACY`: it is read)."""
    if stamp is None:
        return {}
    return {path: (*stamp.outputs[path], digest) for path, digest in stamp.digests.items() if path in stamp.outputs}


def save(folder: Path, digest: str, ledger: Path, docs: Path, pages: int, problems: Iterable[Problem],
         digests: dict[str, str]) -> None:
    """Leave the stamp of a build that has just written docs/ and the ledger, with the `digests` of the
    pages it wrote (by path).

    A stamp that cannot be written leaves the previous one, which can never match a docs/ that this
    build changed, and matches an unchanged one rightly: the cost is a full build, never a wrong one.
    Its digests stay true of the files that still have the size and mtime it gives them.
    """
    stamp = Stamp(inputs=digest, ledger=_digest_of(ledger), outputs=outputs(docs), digests=digests, pages=pages,
                  problems=tuple(problems))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(folder / FILE, _STAMP.dump_json(stamp))
    except (OSError, ValueError):
        pass


def outputs(docs: Path) -> dict[str, tuple[int, int]]:
    """(size, mtime) of every file in the sections of docs/ that dossier owns."""
    found = {}
    for section in OWNED_SECTIONS:
        for inner, entry in _files(docs / section):
            status = entry.stat(follow_symlinks=False)
            found[f"{section}/{inner}"] = (status.st_size, status.st_mtime_ns)
    return found


def _digest_of(path: Path) -> str:
    return hashlib.sha256(_read(path)).hexdigest()


def _read(path: Path) -> bytes:
    """A file's bytes, where a symlink points, or why it cannot be read: what ingest would make of it
    is decided by the build that reads it, and changes when this does."""
    try:
        return os.readlink(path).encode("utf-8", "surrogateescape") if path.is_symlink() else path.read_bytes()
    except OSError as error:
        return f"unreadable: {error.strerror}".encode("utf-8")


def _files(folder: Path) -> list[tuple[str, os.DirEntry]]:
    """The files and symlinks below `folder`, (path relative to it, entry) (publish.entries), sorted by
    parts, the order Path's own comparison gives; none in a `__pycache__`."""
    if not folder.is_dir() or "__pycache__" in folder.parts:
        return []
    found = [(inner, entry) for inner, entry in entries(folder).items()
             if (entry.is_file() or entry.is_symlink()) and "__pycache__" not in inner.split("/")]
    return sorted(found, key=lambda row: row[0].split("/"))
