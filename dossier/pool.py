"""Run a function over articles in worker processes, each article under a time budget.

A process is what can be stopped: an article still running when its budget is spent, or a
worker that dies (killed, out of memory, a crash in native code), costs that one article, with
a Problem naming it, and a fresh worker takes over; no input can stall the build. The same
workers give `--jobs`: one article at a time per worker, results returned in article order,
so the output never depends on the number of workers.

Workers are forked from a "forkserver": a clean process (none of the parent's threads or open
files) that imports the `preload` modules once, so that the language model is loaded there
and every worker starts with it in memory, shared, instead of loading its own copy.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
Progress = Callable[[int, int], None]  # (items done, items in all)


def run(function: Callable[[Item], Result], items: Sequence[Item], *, jobs: int | None,
        budget: float | Callable[[Item], float], failed: Callable[[Item, str], Result],
        preload: Sequence[str] = (), progress: Progress | None = None) -> list[Result]:
    """`function(item)` for every item, in order, in up to `jobs` worker processes (None: one per core).

    An item whose call takes longer than its budget (seconds, or `budget(item)` seconds: a long
    article may take longer than a short one), or whose worker dies, gets `failed(item, why)`
    instead. `function` must be importable by name; `preload` (module names) takes effect when
    the process first starts workers. `progress(done, total)` is called whenever items have been
    settled, in whatever order they finish.
    """
    budgets = [budget(item) for item in items] if callable(budget) else [budget] * len(items)
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(preload))
    results: list[Result | None] = [None] * len(items)
    pending = deque(range(len(items)))
    workers: list[_Worker] = []
    most = jobs or os.cpu_count() or 1
    done = 0
    try:
        while pending or workers:
            while pending and len(workers) < most:
                workers.append(_Worker.start(context, function, pending.popleft(), items, budgets))
            timeout = max(0.0, min(worker.deadline for worker in workers) - time.monotonic())
            for connection in wait([worker.connection for worker in workers], timeout):
                worker = next(w for w in workers if w.connection is connection)
                if worker.receive(results):
                    if pending:
                        worker.give(pending.popleft(), items, budgets)
                        continue
                else:
                    results[worker.task] = failed(items[worker.task],
                                                  f"the extraction process died (exit code {worker.process.exitcode})")
                worker.stop()
                workers.remove(worker)
            for worker in [w for w in workers if time.monotonic() >= w.deadline]:
                results[worker.task] = failed(items[worker.task], f"took longer than its {budgets[worker.task]:g} s budget")
                worker.stop()
                workers.remove(worker)
            settled = len(items) - len(pending) - len(workers)
            if progress and settled > done:
                done = settled
                progress(done, len(items))
    finally:
        for worker in workers:
            worker.stop()
    return results  # type: ignore[return-value]  # every slot is filled once nothing is pending


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: Connection
    task: int = 0  # index of the item it is working on
    deadline: float = 0.0

    @classmethod
    def start(cls, context, function: Callable, index: int, items: Sequence, budgets: Sequence[float]) -> _Worker:
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(theirs, function), daemon=True)
        process.start()
        theirs.close()
        worker = cls(process=process, connection=ours)
        worker.give(index, items, budgets)
        return worker

    def give(self, index: int, items: Sequence, budgets: Sequence[float]) -> None:
        self.task, self.deadline = index, time.monotonic() + budgets[index]
        self.connection.send(items[index])

    def receive(self, results: list) -> bool:
        """Store the worker's result for its item; False when the worker died instead."""
        try:
            results[self.task] = self.connection.recv()
        except (EOFError, OSError):
            self.process.join()
            return False
        return True

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


def _serve(connection: Connection, function: Callable) -> None:
    """A worker: one item in, one result out, until the parent closes the pipe."""
    while True:
        try:
            item = connection.recv()
        except EOFError:
            return
        connection.send(function(item))
