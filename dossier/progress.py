"""How `dossier build` shows extraction moving: a bar on a terminal, plain lines in a log.

A terminal gets click's progress bar, but only once the build has run for BAR_AFTER seconds, so a
quick build does not flash one. A log (CI, a pipe) gets a line each time another tenth of the
articles is done: never more than eleven lines, the same lines on every run, so logs compare.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

import click

BAR_AFTER = 3.0  # seconds a build runs before a terminal gets a bar


@contextmanager
def reporter(stream: TextIO) -> Iterator[Callable[[int, int], None]]:
    """A `progress(done, total)` that writes to `stream`; the bar, if any, is finished on exit."""
    if not stream.isatty():
        yield _Lines(stream)
        return
    bar = _Bar(stream)
    try:
        yield bar
    finally:
        bar.finish()


class _Lines:
    """A line for each tenth reached, naming the fewest articles that reach it: workers that finish
    together (done jumps from 0 to 2) print the lines one by one would, so every run logs alike."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tenths = 0
        self.logged = 0  # the count of the last line written

    def __call__(self, done: int, total: int) -> None:
        tenths = done * 10 // total
        for tenth in range(self.tenths + 1, tenths + 1):
            reached = -(-tenth * total // 10)  # ceil: the fewest articles done that make this tenth
            if reached > self.logged:
                self.logged = reached
                click.echo(f"extracted {reached}/{total} articles ({reached * 100 // total}%)", file=self.stream)
        self.tenths = max(self.tenths, tenths)


class _Bar:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.bar = None  # click's ProgressBar, once the build has run for BAR_AFTER seconds

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if time.monotonic() - self.started < BAR_AFTER:
                return
            self.bar = click.progressbar(length=total, label="extracting articles", file=self.stream,
                                         show_pos=True, show_percent=True)
        self.bar.update(done - self.bar.pos)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.render_finish()
