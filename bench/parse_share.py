"""How much of a build's CPU goes to the spaCy parse, and how much to dossier's own work.

    python bench/parse_share.py SEEDS [--runs 3] [--stages]

Runs a whole `dossier build` in this process (dossier.build.build, into a temporary folder: no
ledger before, no cache) with spaCy's `Language.__call__` and `Language.pipe` timed in CPU seconds
of this process, and prints the model load, the parse, and the rest (ingest, rules, linking, ids,
rendering, writing). Unlike cProfile it adds no cost to Python code, so the shares are the
build's own. Work sent to other processes would not be seen, so the extraction map runs here, one
article after another (`serial_run` stands in for `dossier.executor.run`): the same work the
workers do. With `--runs N` each run is a fresh process (a second build in one process would find
its caches warm) and the medians are printed last. `--stages` also splits dossier's own CPU by stage
(`STAGES`): each stage's functions timed the same way, less what the other staged functions they
call take.
"""

from __future__ import annotations

import argparse
import importlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import wraps
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


# Where dossier's own CPU goes (--stages): "module:attribute" of each stage's functions, as the build calls them.
STAGES = {
    "ingest": ["dossier.ingest:read_seeds"],
    "sentences": ["dossier.extract:article_sentences"],
    "actor scan": ["dossier.extract:extract_actors"],
    "quotes and attribution": ["dossier.extract:extract_quotes"],
    "cue matching (speech)": ["dossier.extract.attribution:speech_cues"],
    "stances": ["dossier.extract:extract_stances"],
    "cue matching (stances)": ["dossier.extract.stances:stance_cues"],
    "link: actors": ["dossier.link:link_actors"],
    "link: quotes": ["dossier.link:cluster_quotes"],
    "link: positions": ["dossier.link:link_positions"],
    "ids and review": ["dossier.build:ids.load_ledger", "dossier.build:ids.pin_sources", "dossier.build:ids.reconcile",
                       "dossier.build:ids.dump_ledger", "dossier.build:review.withhold"],
    "render: views, listings, pages": ["dossier.build:render.render"],
    "render: Jinja templates": ["jinja2.environment:Template.render"],
    "render: YAML (frontmatter, ledger)": ["dossier.yamlio:_dump"],
    "export": ["dossier.build:export.files"],
    "writing docs/": ["dossier.build:publish.write"],
}


class StageClock:
    """CPU seconds of each stage's functions, less what the staged functions they call take."""

    def __init__(self, clock: Callable[[], float] = time.process_time) -> None:
        self.clock = clock
        self.seconds: dict[str, float] = defaultdict(float)
        self._open: list[list[float]] = []  # for each staged call under way: [its start, its staged callees' CPU]

    def wrap(self, stage: str, function: Callable) -> Callable:
        @wraps(function)
        def timed(*args, **kwargs):
            self._open.append([self.clock(), 0.0])
            try:
                return function(*args, **kwargs)
            finally:
                start, inner = self._open.pop()
                spent = self.clock() - start
                self.seconds[stage] += spent - inner
                if self._open:
                    self._open[-1][1] += spent
        return timed

    def install(self) -> None:
        for stage, places in STAGES.items():
            for place in places:
                owner, name = resolve(place)
                setattr(owner, name, self.wrap(stage, getattr(owner, name)))


def resolve(place: str) -> tuple[object, str]:
    """"module:owner.name" -> (the owner, "name"): where a staged function is looked up when called."""
    module, _, path = place.partition(":")
    *owners, name = path.split(".")
    owner = importlib.import_module(module)
    for attribute in owners:
        owner = getattr(owner, attribute)
    return owner, name


def serial_run(where: str, function: Callable, items, **options) -> list:
    """`executor.run` in this process: every item, in order, no budget (a benchmark waits)."""
    return [function(item) for item in items]


def measure(seeds: Path, stages: bool = False) -> dict:
    """One build in this process: CPU seconds of the model load, the parse and the rest (by stage)."""
    start = time.process_time()
    nlp.load()
    load = time.process_time() - start
    clock = ParseClock()
    Language.__call__ = clock.wrap_call(Language.__call__)
    Language.pipe = clock.wrap_pipe(Language.pipe)
    executor.run = serial_run
    split = StageClock()
    if stages:
        split.install()
    with tempfile.TemporaryDirectory() as scratch:
        start = time.process_time()
        result = build(BuildConfig(seeds=seeds, docs=Path(scratch, "docs"), curation=Path(scratch, "curation.yaml"),
                                   ledger=Path(scratch, "permalinks.yaml"), mkdocs_yml=Path(scratch, "mkdocs.yml")))
        total = time.process_time() - start
    return {"seeds": len(list(seeds.iterdir())), "pages": result.pages, "load": load, "total": total,
            "parse": clock.seconds, "own": total - clock.seconds, "stages": dict(split.seconds)}


def report(run: dict, label: str = "") -> str:
    return (f"{label}{run['seeds']} seeds, {run['pages']} pages: model load {run['load']:.1f} CPU s (once per process);"
            f" pipeline {run['total']:.1f} CPU s = spaCy parse {run['parse']:.1f} ({run['parse'] / run['total']:.0%})"
            f" + dossier's own {run['own']:.1f} ({run['own'] / run['total']:.0%})")


def stage_table(run: dict) -> str:
    """dossier's own CPU by stage, largest first, as a Markdown table; what no stage holds is "the rest"."""
    rows = sorted(run["stages"].items(), key=lambda item: -item[1])
    rows.append(("the rest (build, caches, memos)", run["own"] - sum(run["stages"].values())))
    return "\n".join(["| stage | CPU s | share of own |", "| --- | --- | --- |",
                      *(f"| {stage} | {seconds:.2f} | {seconds / run['own']:.0%} |" for stage, seconds in rows)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", type=Path)
    parser.add_argument("--runs", type=int, default=1, help="builds, each in a fresh process; medians printed last")
    parser.add_argument("--stages", action="store_true", help="also split dossier's own CPU by stage")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # one run, as JSON (for --runs)
    args = parser.parse_args(argv)
    if args.json:
        print(json.dumps(measure(args.seeds, args.stages)))
        return 0
    if args.runs == 1:
        run = measure(args.seeds, args.stages)
        print(report(run))
    else:
        runs = []
        for k in range(args.runs):
            out = subprocess.run([sys.executable, __file__, str(args.seeds), "--json", *(["--stages"] * args.stages)],
                                 check=True, capture_output=True, text=True).stdout
            runs.append(json.loads(out.splitlines()[-1]))
            print(report(runs[-1], f"run {k + 1}: "), flush=True)
        medians = {key: statistics.median(run[key] for run in runs) for key in ("load", "total", "parse", "own")}
        stages = {stage: statistics.median(run["stages"].get(stage, 0.0) for run in runs) for stage in runs[0]["stages"]}
        run = {**runs[0], **medians, "stages": stages}
        print(report(run, f"median of {args.runs}: "))
    if args.stages:
        print(stage_table(run))
    return 0


if __name__ == "__main__":
    sys.exit(main())
