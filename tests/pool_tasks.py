"""Functions the pool tests run in worker processes (workers import them by name)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

TROUBLE = 3  # the item each task has trouble with


def square(n: int) -> int:
    return n * n


def stall(n: int) -> int:
    """Never finishes item 3: a rule that loops, as far as the build can tell."""
    if n == TROUBLE:
        time.sleep(3600)
    return n * n


def slow(n: int) -> int:
    """Item 3 takes two seconds, the others none: a long article among short ones."""
    if n == TROUBLE:
        time.sleep(2)
    return n * n


def killed(n: int) -> int:
    """Item 3 takes its worker down, as the kernel's out-of-memory killer would."""
    if n == TROUBLE:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * n


def crash(n: int) -> int:
    """Item 3 ends its worker the way a crash in native code does."""
    if n == TROUBLE:
        os._exit(70)
    return n * n


def extract_with_a_flaky_tagger(item):
    """The build's per-article extraction, with a tagger that falls over on the first seed (000_...)."""
    from dossier import build

    real = build.extract.extract

    def flaky(article, parsed=()):
        if article.file.startswith("000_"):
            raise RuntimeError("the tagger fell over")
        return real(article, parsed)

    build.extract.extract = flaky
    try:
        return build._extract_article(item)
    finally:
        build.extract.extract = real


def kills_its_dask_worker(n: int) -> int:
    """Item 3 takes down the Dask worker running it (its forkserver's parent), as running out of memory would."""
    if n == TROUBLE:
        forkserver = os.getppid()
        os.kill(_parent(forkserver), signal.SIGKILL)  # it runs nothing more: its task cannot report this item
        os._exit(0)
    return n * n


def _parent(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
