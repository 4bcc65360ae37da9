"""Writing a build's output: the generated sections of docs/ and the ledger, all or nothing.

A build's output lives in two places: five folders in docs/ and the ledger file (at the
repository root, maybe on another filesystem). No single rename replaces both, so writing
is a redo log with one atomic commit:

1. stage: every changed section is written whole into a staging folder inside docs/ (the same
   filesystem as the sections, even when docs/ is a mount point), the new ledger into a
   unique temporary file beside the ledger (opened exclusively: a planted symlink is never
   followed); everything is fsynced;
2. commit: the plan (which sections, which ledger file) is renamed into the staging folder;
3. apply: each old section is renamed aside and the new one in, the ledger's temporary file
   is renamed over the ledger, the staging folder is removed.

Every build first calls `recover`: a staging folder with a plan is applied to the end (roll
forward), one without a plan is removed with any ledger temporary (roll back). Until the
commit docs/ and the ledger are untouched; after it, the next build finishes the switch
before it reads anything. Each step is a rename, so no section or ledger is ever half written.
`committed_ledger` tells a build that writes nothing (`--check`) where the ledger recovery would
leave it, so it judges that state without making it.

Two builds of one project never interleave: each holds `exclusive` (an flock on a file beside the
ledger) from reading the ledger to switching its output. The kernel drops the lock of a killed
build, so a stale lock file is simply taken over.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

GENERATED_SECTIONS = ("sources", "actors", "quotes", "topics", "positions", "story")  # rendered pages
DATA_SECTION = "data"  # the dossier as JSON Lines and CSV files, made by export.py
# The folders of docs/ that dossier owns; everything else there is hand-written and never touched.
OWNED_SECTIONS = (*GENERATED_SECTIONS, DATA_SECTION)
STAGING_PREFIX = ".dossier-staging-"  # a dot-folder: MkDocs leaves it out of the site
PLAN = "plan.json"
TEMPORARY_SUFFIX = ".dossier.tmp"
LOCK_SUFFIX = ".lock"


@contextmanager
def exclusive(ledger: Path, waiting: Callable[[str], None] | None = None) -> Iterator[Path | None]:
    """Hold the project's build lock, `.<ledger name>.lock` beside the ledger, for the block.

    A build that finds the lock held says so through `waiting` (naming the lock file and the
    holder's pid) and waits for it. The lock is an flock, which the kernel releases when its
    holder dies, so the file a killed build left behind is no obstacle; the holder removes it when
    done, and a lock taken on a file removed meanwhile is taken again on the new one. Where the
    ledger's folder is read-only no build can write the ledger, and the block runs unlocked
    (yielding None): a build with something to write then fails naming the ledger.
    """
    path = ledger.parent / f".{ledger.name}{LOCK_SUFFIX}"
    descriptor = _lock(path, waiting)
    if descriptor is None:
        yield None
        return
    try:
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode("ascii"), 0)
    except OSError as error:  # a full disk: the lock holds without the pid
        if error.errno != errno.ENOSPC:
            os.close(descriptor)
            raise _naming(error, path) from error
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)
        os.close(descriptor)


def _lock(path: Path, waiting: Callable[[str], None] | None) -> int | None:
    """A descriptor of the lock file at `path`, flocked; None when the folder is read-only."""
    while True:
        try:
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o666)
        except FileNotFoundError:  # a new ledger in a folder not made yet: made, as docs/ is
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                return _unless_read_only(error, path.parent)
            continue
        except OSError as error:
            return _unless_read_only(error, path)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting is not None:
                holder = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip() or "unknown"
                waiting(f"{path}: another build (pid {holder}) is running on this project; waiting for it")
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        if _same_file(descriptor, path):
            return descriptor
        os.close(descriptor)  # its holder removed that file as we waited: lock the one there now


def _unless_read_only(error: OSError, path: Path) -> None:
    """None where `path` cannot be written (the build then runs unlocked); any other error, naming `path`."""
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return None
    raise _naming(error, path) from error


def _same_file(descriptor: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(descriptor), os.stat(path, follow_symlinks=False))
    except FileNotFoundError:
        return False


def write(pages: dict[str, str | None], docs: Path, ledger_text: str | None = None, ledger: Path | None = None,
          same: Collection[str] = ()) -> bool:
    """Replace the generated sections of `docs` with `pages` and, when given, the file `ledger`
    with `ledger_text`, as one step; True when anything changed.

    Sections whose files are already byte-identical are not touched, and identical files in a
    changed section are hard-linked across: unchanged pages keep their mtimes. `same` names pages
    the caller found docs/ to hold in this build: they are not read again, and their text may be
    None (the caller did not read it: the file is kept as it is).
    """
    known = _by_section_paths(same)
    wanted = _by_section(pages, known)
    recover(docs, ledger)
    present = {section: entries(docs / section) for section in OWNED_SECTIONS}
    changed = [section for section in OWNED_SECTIONS
               if not _holds(docs / section, present[section], wanted[section], known[section])]
    new_ledger = ledger_text.encode("utf-8") if ledger is not None and ledger_text is not None else None
    if new_ledger is not None and _read_or_none(ledger) == new_ledger:
        new_ledger = None
    if not changed and new_ledger is None:
        return False
    try:
        docs.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=docs))
    except OSError as error:
        raise _naming(error, docs) from error
    ledger_temp = None
    try:
        try:
            for section in changed:
                _stage_section(docs / section, present[section], staging / "new" / section, wanted[section],
                               known[section])
        except OSError as error:
            raise _naming(error, docs) from error
        if new_ledger is not None:
            ledger_temp = write_temporary(ledger, new_ledger)
        plan = {"sections": changed, "ledger": str(ledger.absolute()) if ledger_temp else None,
                "ledger_temp": str(ledger_temp) if ledger_temp else None}
        write_atomically(staging / PLAN, json.dumps(plan).encode("utf-8"))  # the commit
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if ledger_temp:
            ledger_temp.unlink(missing_ok=True)
        raise
    _apply(docs, staging, plan)
    return True


def recover(docs: Path, ledger: Path | None = None) -> None:
    """Finish what a killed build committed and throw away what it had not: afterwards docs/ and
    the ledger are the complete state of one build, the last one that reached its commit."""
    for staging in sorted(docs.glob(STAGING_PREFIX + "*")) if docs.is_dir() else ():
        plan_file = staging / PLAN
        if plan_file.is_file():
            _apply(docs, staging, json.loads(plan_file.read_bytes()))
        else:
            shutil.rmtree(staging)
    if ledger is not None:
        for temp in ledger.parent.glob(f".{ledger.name}.*{TEMPORARY_SUFFIX}"):
            temp.unlink()


def committed_ledger(docs: Path, ledger: Path) -> Path:
    """The file holding the ledger as `recover` would leave it: the temporary file of a killed
    build that reached its commit, else the ledger itself."""
    for staging in sorted(docs.glob(STAGING_PREFIX + "*")) if docs.is_dir() else ():
        plan_file = staging / PLAN
        if plan_file.is_file():
            plan = json.loads(plan_file.read_bytes())
            if plan["ledger_temp"] and plan["ledger"] == str(ledger.absolute()) and os.path.lexists(plan["ledger_temp"]):
                return Path(plan["ledger_temp"])
    return ledger


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` by renaming a fsynced temporary file over it."""
    temporary = write_temporary(path, data)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def write_temporary(path: Path, data: bytes) -> Path:
    """`data` in a new, uniquely named, fsynced file beside `path`, with `path`'s permissions (or the
    umask's), ready to be renamed over it."""
    try:
        descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX, dir=path.parent)
    except OSError as error:
        raise _naming(error, path) from error
    try:
        os.fchmod(descriptor, _mode_for(path))
        _write_all(descriptor, data)
    except BaseException as error:
        os.close(descriptor)
        os.unlink(name)
        if isinstance(error, OSError):
            raise _naming(error, path) from error
        raise
    os.close(descriptor)
    return Path(name)


def _naming(error: OSError, path: Path) -> OSError:
    """`error` told about `path` (docs/, the ledger) rather than the temporary file it happened to."""
    return type(error)(error.errno, error.strerror, str(path))


def _by_section(pages: dict[str, str | None], same: dict[str, set[str]]) -> dict[str, dict[str, bytes | None]]:
    """The pages' bytes by section and path inside it; None for those `same` names, which docs/ holds already."""
    wanted: dict[str, dict[str, bytes | None]] = {section: {} for section in OWNED_SECTIONS}
    for rel, text in pages.items():
        section, _, inner = rel.partition("/")
        if section not in wanted or not inner or any(part in ("", ".", "..") for part in inner.split("/")):
            raise ValueError(f"write: {rel!r} is not inside a generated section")
        if inner in same[section]:
            wanted[section][inner] = None
        elif text is None:
            raise ValueError(f"write: {rel!r} has no text")
        else:
            wanted[section][inner] = text.encode("utf-8")
    return wanted


def _apply(docs: Path, staging: Path, plan: dict) -> None:
    """Carry out a committed plan; safe to run again from any point it was killed at."""
    for section in plan["sections"]:
        new, old, live = staging / "new" / section, staging / "old" / section, docs / section
        if not new.exists():
            continue  # already in place
        if os.path.lexists(live) and not old.exists():
            old.parent.mkdir(exist_ok=True)
            os.rename(live, old)
        if any(new.iterdir()):
            os.rename(new, live)
        else:  # an empty section is no folder at all
            os.rmdir(new)
    _fsync_folder(docs)
    if plan["ledger_temp"] and os.path.lexists(plan["ledger_temp"]):
        os.replace(plan["ledger_temp"], plan["ledger"])
        _fsync_folder(Path(plan["ledger"]).parent)
    os.unlink(staging / PLAN)
    shutil.rmtree(staging)


def _by_section_paths(paths: Collection[str]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {section: set() for section in OWNED_SECTIONS}
    for rel in paths:
        section, _, inner = rel.partition("/")
        if section in found:
            found[section].add(inner)
    return found


def _holds(folder: Path, listing: dict[str, os.DirEntry], files: dict[str, bytes | None], same: set[str]) -> bool:
    """Whether `folder`, listed as `listing` (`entries`), holds exactly `files` ({relative path: bytes}),
    reading all but those in `same`; a folder that does not exist holds nothing (a section with nothing to
    write, such as data/ for a caller that exports no data, is no change)."""
    present = {inner for inner, entry in listing.items() if entry.is_file()}
    if present != files.keys():
        return False
    return all(inner in same or (folder / inner).read_bytes() == data for inner, data in files.items())


def _stage_section(current: Path, listing: dict[str, os.DirEntry], target: Path, files: dict[str, bytes | None],
                   same: set[str]) -> None:
    """Write `files` into the new folder `target`, each file of the section `current` (as `listing` has it)
    that holds its bytes hard-linked. Paths are strings here: a section can hold ~40,000 files, and a Path
    each costs more than the link."""
    target.mkdir(parents=True)
    made = {""}  # every folder made inside target, to be fsynced once its files are in
    for inner, data in files.items():
        folder = inner.rpartition("/")[0]
        if folder not in made:
            os.makedirs(os.path.join(target, folder), exist_ok=True)
            while folder not in made:
                made.add(folder)
                folder = folder.rpartition("/")[0]
        destination = os.path.join(target, inner)
        existing = listing.get(inner)
        regular = existing is not None and existing.is_file(follow_symlinks=False)
        if regular and (inner in same or _read(existing.path) == data):
            try:
                os.link(existing.path, destination)
                continue
            except OSError:
                pass
        if data is None:  # a page the caller found docs/ to hold, where no link can be made
            data = _read(os.path.join(current, inner))
        descriptor = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
        try:
            _write_all(descriptor, data)
        finally:
            os.close(descriptor)
    for folder in made:
        _fsync_folder(target / folder)


def entries(folder: Path) -> dict[str, os.DirEntry]:
    """Everything below `folder` but folders, by its path relative to `folder` ("2024-01/part-1.md"), found
    as `Path.rglob("*")` finds it (hidden names too; a symlink is listed, never followed), by os.scandir:
    docs/ holds ~45,000 files at 10,000 articles, and a Path made for each costs more than the listing.
    An entry's type and `stat(follow_symlinks=False)` come without another look-up of its path."""
    found: dict[str, os.DirEntry] = {}
    stack = [("", folder)]
    while stack:
        prefix, current = stack.pop()
        try:
            listing = list(os.scandir(current))
        except (FileNotFoundError, NotADirectoryError, PermissionError):  # as rglob: nothing there
            continue
        for entry in listing:
            if entry.is_dir(follow_symlinks=False):
                stack.append((f"{prefix}{entry.name}/", entry.path))
            else:
                found[prefix + entry.name] = entry
    return found


def _read(path: str) -> bytes:
    with open(path, "rb") as file:
        return file.read()


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view):]
    os.fsync(descriptor)


def _fsync_folder(folder: Path) -> None:
    """Make renames in `folder` durable (a no-op where folders cannot be opened, as on Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
