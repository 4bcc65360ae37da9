"""How much of a build's CPU goes to the spaCy parse, and how much to dossier's own work.

    python bench/parse_share.py SEEDS

Runs a whole `dossier build` in this process (dossier.build.build, into a temporary folder: no
ledger before, no cache) with spaCy's `Language.__call__` and `Language.pipe` timed in CPU seconds
of this process, and prints the model load, the parse, and the rest (ingest, rules, linking, ids,
rendering, writing). Unlike cProfile it adds no cost to Python code, so the shares are the
build's own. Work sent to other processes would not be seen, so the extraction map runs here, one
article after another (`serial_run` stands in for `dossier.executor.run`): the same work the
workers do.
"""

from __future__ import annotations

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


def main(seeds: Path) -> int:
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
    parse_seconds, rest = clock.seconds, total - clock.seconds
    print(f"{len(list(seeds.iterdir()))} seeds, {result.pages} pages: model load {load:.1f} CPU s (once per process);"
          f" pipeline {total:.1f} CPU s = spaCy parse {parse_seconds:.1f} ({parse_seconds / total:.0%})"
          f" + dossier's own {rest:.1f} ({rest / total:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
