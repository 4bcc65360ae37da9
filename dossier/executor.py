"""Where per-article extraction runs: this machine's worker processes, or a Dask cluster.

Extraction is a pure function of one article, so mapping it over the articles is all a build asks
of an engine; beyond one machine that engine is Dask's distributed scheduler, not one of our own.
Both keep dossier.pool's contract: results in article order, and an article that raises, runs
over its time budget or loses its process gets `failed(article, why)`, never a failed build. On
Dask each task runs its article through dossier.pool on the worker, so the budget is enforced
where the article runs, by stopping a process, and each Dask worker loads the model once, in its
own forkserver.
"""

from __future__ import annotations

import importlib.util
import multiprocessing
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from dossier import nlp, pool
from dossier.errors import InputError

Item = TypeVar("Item")
Result = TypeVar("Result")
Budget = float | Callable[[Item], float]  # seconds, or seconds for this item (see dossier.pool.run)

LOCAL = "local"
DASK = re.compile(r"dask://(?P<host>[^\s/:]+|\[[0-9A-Fa-f:.]+\]):(?P<port>\d{1,5})")
CONNECT_TIMEOUT = 10  # seconds to reach the scheduler, and for a first worker to be there


def valid(executor: str) -> bool:
    """Whether `executor` is `local` or `dask://HOST:PORT`."""
    return executor == LOCAL or DASK.fullmatch(executor) is not None


def run(executor: str, function: Callable[[Item], Result], items: Sequence[Item], *, jobs: int | None,
        budget: Budget, failed: Callable[[Item, str], Result], preload: Sequence[str] = (),
        progress: pool.Progress | None = None) -> list[Result]:
    """`function(item)` for every item, in item order, on `executor` (see dossier.pool.run).

    `jobs` counts local processes only: a Dask cluster runs as many items at once as its workers
    have threads. Raises InputError, naming the address, when a Dask cluster cannot be used.
    """
    if executor == LOCAL:
        return pool.run(function, items, jobs=jobs, budget=budget, failed=failed, preload=preload,
                        progress=progress)
    return _on_dask(executor, function, items, budget=budget, failed=failed, preload=preload, progress=progress)


def _on_dask(executor: str, function: Callable[[Item], Result], items: Sequence[Item], *, budget: Budget,
             failed: Callable[[Item, str], Result], preload: Sequence[str],
             progress: pool.Progress | None) -> list[Result]:
    try:
        from distributed import Client, as_completed
    except ImportError as error:
        raise InputError(f"--executor {executor}: Dask is not installed (pip install 'dossier[dask]')") from error
    address = "tcp://" + executor.removeprefix("dask://")
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise InputError(f"--executor {executor}: no Dask scheduler answered at {address}: {error}") from error
    with client:
        _check_workers(client, executor)
        futures = client.map(_within_budget, items, function=function, budget=budget, failed=failed,
                             preload=preload, pure=False)
        position = {future.key: index for index, future in enumerate(futures)}
        results: list[Result | None] = [None] * len(items)
        for done, future in enumerate(as_completed(futures, loop=client.loop), start=1):
            index = position[future.key]
            try:
                results[index] = future.result()
            except Exception as error:  # noqa: BLE001 - e.g. KilledWorker: costs this article, named, alone
                results[index] = failed(items[index], f"its Dask task failed: {type(error).__name__}: {error}")
            if progress:
                progress(done, len(items))
    return results  # type: ignore[return-value]  # as_completed yields every future once


def _check_workers(client, executor: str) -> None:
    """Stop with the reason when the cluster's workers cannot extract: none there, dossier or the
    model missing, or workers run as daemon processes (which may not start extraction processes)."""
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except TimeoutError as error:
        raise InputError(f"--executor {executor}: no Dask worker joined the scheduler in "
                         f"{CONNECT_TIMEOUT} s") from error
    try:
        answers = client.run(_worker_problem)
    except Exception as error:  # noqa: BLE001 - a worker that cannot import dossier fails the call itself
        raise InputError(f"--executor {executor}: a Dask worker cannot run dossier: {type(error).__name__}: "
                         f"{error}") from error
    problems = sorted(f"{worker}: {problem}" for worker, problem in answers.items() if problem)
    if problems:
        raise InputError("\n".join(f"--executor {executor}: {problem}" for problem in problems))


def _worker_problem() -> str | None:
    """Run on each Dask worker: what keeps it from extracting, or None."""
    if multiprocessing.current_process().daemon:
        return ("the worker runs as a daemon process, which may not start extraction processes: "
                "start workers with DASK_DISTRIBUTED__WORKER__DAEMON=False")
    if importlib.util.find_spec(nlp.MODEL_PACKAGE) is None:
        return f"the language model ({nlp.MODEL_PACKAGE}) is not installed there"
    return None


def _within_budget(item: Item, *, function: Callable[[Item], Result], budget: Budget,
                   failed: Callable[[Item, str], Result], preload: Sequence[str]) -> Result:
    """One Dask task: `function(item)` in a process of this worker's own, stopped at `budget`."""
    return pool.run(function, [item], jobs=1, budget=budget, failed=failed, preload=preload)[0]
