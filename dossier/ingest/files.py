"""Which files in the seeds folder are seeds, and reading their bytes without following links."""

from __future__ import annotations

import os
import stat
from pathlib import Path

SEED_SUFFIXES = (".txt", ".md")
MAX_BYTES = 8 * 1024 * 1024  # one article; extraction is linear in length, about a minute of CPU per MB


class SeedError(Exception):
    """Why a seed file cannot be used at all."""


def is_seed(path: Path, seeds_dir: Path) -> bool:
    """Whether to read `path`; raises SeedError for files that look meant as seeds but are unusable."""
    if path.name.startswith("."):
        return False
    mode = path.lstat().st_mode
    if stat.S_ISLNK(mode):
        target = Path(os.path.realpath(path))
        where = "inside" if target.is_relative_to(seeds_dir.resolve()) else "outside"
        raise SeedError(f"symbolic link to {where} the seeds folder: not followed (seeds must be regular files)")
    if stat.S_ISDIR(mode):
        return False
    if path.suffix.lower() not in SEED_SUFFIXES:
        raise SeedError(f"not a {' or '.join(SEED_SUFFIXES)} file: ignored")
    if not stat.S_ISREG(mode):
        raise SeedError("not a regular file: skipped")
    return True


def read_bytes(path: Path) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise SeedError(f"cannot be opened: {error.strerror}") from error
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise SeedError("not a regular file: skipped")
        data = file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        size = max(status.st_size, len(data))
        raise SeedError(f"{size / 1_000_000:.1f} MB ({size:,} bytes), over the {MAX_BYTES:,}-byte limit for one "
                        f"article: skipped")
    return data
