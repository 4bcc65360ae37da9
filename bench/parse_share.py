"""How much of a build's CPU goes to the spaCy parse, and how much to dossier's own work.

    python bench/parse_share.py SEEDS [--runs 3]

Runs a whole `dossier build` in this process (dossier.build.build, into a temporary folder: no
ledger before, no cache) with spaCy's `Language.__call__` and `Language.pipe` timed in CPU seconds
of this process, and prints the model load, the parse, and the rest (ingest, rules, linking, ids,
rendering, writing). Unlike cProfile it adds no cost to Python code, so the shares are the
build's own. Work sent to other processes would not be seen, so the extraction map runs here, one
article after another (`serial_run` stands in for `dossier.executor.run`): the same work the
workers do. With `--runs N` each run is a fresh process (a second build in one process would find
its caches warm) and the medians are printed last.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from spacy.language import Language

from dossier import executor, nlp
from dossier.build import BuildConfig, build


class ParseClock:
    """CPU seconds spent inside spaCy's Language, whichever way it is called."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap_call(self, call: Callable) -> Callable:
        def timed(language, *args, **kwargs):
            start = time.process_time()
            try:
                return call(language, *args, **kwargs)
            finally:
                self.seconds += time.process_time() - start
        return timed

    def wrap_pipe(self, pipe: Callable) -> Callable:
        def timed(language, *args, **kwargs) -> Iterator:
            docs = pipe(language, *args, **kwargs)
            while True:
                start = time.process_time()
                try:
                    doc = next(docs)
                except StopIteration:
                    return
                finally:
                    self.seconds += time.process_time() - start
                yield doc
        return timed


def serial_run(where: str, function: Callable, items, **options) -> list:
    """`executor.run` in this process: every item, in order, no budget (a benchmark waits)."""
    return [function(item) for item in items]


def measure(seeds: Path) -> dict:
    """One build in this process: CPU seconds of the model load, the parse and the rest."""
    start = time.process_time()
    nlp.load()
    load = time.process_time() - start
    clock = ParseClock()
    Language.__call__ = clock.wrap_call(Language.__call__)
    Language.pipe = clock.wrap_pipe(Language.pipe)
    executor.run = serial_run
    with tempfile.TemporaryDirectory() as scratch:
        start = time.process_time()
        result = build(BuildConfig(seeds=seeds, docs=Path(scratch, "docs"), curation=Path(scratch, "curation.yaml"),
                                   ledger=Path(scratch, "permalinks.yaml"), mkdocs_yml=Path(scratch, "mkdocs.yml")))
        total = time.process_time() - start
    return {"seeds": len(list(seeds.iterdir())), "pages": result.pages, "load": load, "total": total,
            "parse": clock.seconds, "own": total - clock.seconds}


def report(run: dict, label: str = "") -> str:
    return (f"{label}{run['seeds']} seeds, {run['pages']} pages: model load {run['load']:.1f} CPU s (once per process);"
            f" pipeline {run['total']:.1f} CPU s = spaCy parse {run['parse']:.1f} ({run['parse'] / run['total']:.0%})"
            f" + dossier's own {run['own']:.1f} ({run['own'] / run['total']:.0%})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", type=Path)
    parser.add_argument("--runs", type=int, default=1, help="builds, each in a fresh process; medians printed last")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # one run, as JSON (for --runs)
    args = parser.parse_args(argv)
    if args.json:
        print(json.dumps(measure(args.seeds)))
        return 0
    if args.runs == 1:
        print(report(measure(args.seeds)))
        return 0
    runs = []
    for k in range(args.runs):
        out = subprocess.run([sys.executable, __file__, str(args.seeds), "--json"], check=True, capture_output=True,
                             text=True).stdout
        runs.append(json.loads(out.splitlines()[-1]))
        print(report(runs[-1], f"run {k + 1}: "), flush=True)
    medians = {key: statistics.median(run[key] for run in runs) for key in ("load", "total", "parse", "own")}
    print(report({**runs[0], **medians}, f"median of {args.runs}: "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
