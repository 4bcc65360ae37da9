"""`dossier build --jobs N`: wall and CPU seconds for each N on one generated corpus, and the ratio to N=1.

    python bench/bench_jobs.py [--articles 100] [--jobs 1 2] [--runs 3] [--seed 14]

For every N, interleaved run by run so that load on the machine hits every N alike:

- `map`: the parallel stage alone, in a fresh process: ingest, then extraction of every article in
  the worker pool, forkserver start-up and model load included (what `--jobs` can speed up);
- `build`: a cold `dossier build` into a fresh docs/ and ledger (linking and rendering are serial).

CPU seconds count every process involved: the bench makes itself the "subreaper" of what it starts
(Linux), so the forkserver, which outlives `dossier build` for a moment and is the parent of the
workers, is reaped here with its children's time rather than lost. Medians of --runs; ratios are
taken within one invocation. The load average before and after is printed: on a shared machine the
wall ratio says what the machine had free, the CPU seconds what the work cost. The runs also check
that docs/ is byte-identical for every N.
"""

from __future__ import annotations

import argparse
import ctypes
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import make_corpus  # noqa: E402

BIN = Path(sys.executable).parent
PR_SET_CHILD_SUBREAPER = 36

MAP = """
import sys, time
from pathlib import Path
from dossier import build, ingest

if __name__ == "__main__":
    articles, _ = ingest.read_seeds(Path(sys.argv[1]))
    start = time.perf_counter()
    build._extract(articles, build.BuildConfig(jobs=int(sys.argv[2])), None)
    print(time.perf_counter() - start)
"""


def measured(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds of every process it started, and its stdout."""
    before = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    while True:  # orphans (the forkserver) come to us as the subreaper: reaping them adds their time
        try:
            os.wait4(-1, 0)
        except ChildProcessError:
            break
    return wall, _children_cpu() - before, done.stdout


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cold_map(project: Path, jobs: int) -> tuple[float, float]:
    _, cpu, printed = measured([sys.executable, "-c", MAP, str(project / "seeds"), str(jobs)], project)
    return float(printed), cpu


def cold_build(project: Path, jobs: int, run: int) -> tuple[float, float, str]:
    docs, ledger = project / f"docs-{jobs}-{run}", project / f"permalinks-{jobs}-{run}.yaml"
    wall, cpu, _ = measured([str(BIN / "dossier"), "build", "-q", "--seeds", str(project / "seeds"), "--docs",
                             str(docs), "--ledger", str(ledger), "--jobs", str(jobs), "--no-cache"], project)
    return wall, cpu, docs_digest(docs)


def docs_digest(docs: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(docs.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(docs).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    load_before = os.getloadavg()
    times: dict[tuple[str, int], list[tuple[float, float]]] = {}
    digests = set()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        make_corpus.write(project / "seeds", args.articles, args.seed)
        for run in range(args.runs):
            for jobs in args.jobs:
                times.setdefault(("map", jobs), []).append(cold_map(project, jobs))
                wall, cpu, digest = cold_build(project, jobs, run)
                times.setdefault(("build", jobs), []).append((wall, cpu))
                digests.add(digest)
    load_after = os.getloadavg()
    print(f"{args.articles} generated articles (seed {args.seed}), {os.cpu_count()} cores, median of {args.runs} "
          f"cold runs; load average {load_before[0]:.1f} before, {load_after[0]:.1f} after")
    print(f"{'step':<6} {'jobs':>4} {'wall s':>8} {'CPU s':>8} {'wall ratio':>10} {'CPU ratio':>9}")
    for step in ("map", "build"):
        base_wall, base_cpu = (statistics.median(x[i] for x in times[step, args.jobs[0]]) for i in (0, 1))
        for jobs in args.jobs:
            wall, cpu = (statistics.median(x[i] for x in times[step, jobs]) for i in (0, 1))
            print(f"{step:<6} {jobs:>4} {wall:>8.2f} {cpu:>8.2f} {wall / base_wall:>10.2f} {cpu / base_cpu:>9.2f}")
    print("docs/ byte-identical for every N:", len(digests) == 1)
    return 0 if len(digests) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
