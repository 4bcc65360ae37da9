"""`dossier build --jobs N`: wall time for each N on the same copies of the seeds, and the ratio to N=1.

    python bench/bench_jobs.py [--size 10] [--jobs 1 2] [--runs 3]

Every run is a cold build into a fresh docs/ and ledger, so each one starts its extraction
workers (and their forkserver, which loads the language model) from nothing. Medians of --runs;
ratios are taken within one invocation. The same runs check that docs/ is byte-identical for
every N.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import BIN, make_corpus  # noqa: E402


def docs_digest(docs: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(docs.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(docs).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def cold_build(project: Path, jobs: int, run: int) -> tuple[float, str]:
    docs, ledger = project / f"docs-{jobs}-{run}", project / f"permalinks-{jobs}-{run}.yaml"
    start = time.perf_counter()
    subprocess.run([str(BIN / "dossier"), "build", "--seeds", str(project / "seeds"), "--docs", str(docs),
                    "--ledger", str(ledger), "--jobs", str(jobs)], cwd=project, check=True, capture_output=True)
    return time.perf_counter() - start, docs_digest(docs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        make_corpus(project / "seeds", args.size)
        times: dict[int, list[float]] = {jobs: [] for jobs in args.jobs}
        digests = set()
        for run in range(args.runs):
            for jobs in args.jobs:  # interleaved, so that load on the machine hits every N alike
                seconds, digest = cold_build(project, jobs, run)
                times[jobs].append(seconds)
                digests.add(digest)
    base = statistics.median(times[args.jobs[0]])
    print(f"{args.size} articles, {os.cpu_count()} cores, median of {args.runs} cold builds")
    for jobs in args.jobs:
        median = statistics.median(times[jobs])
        print(f"--jobs {jobs}: {median:6.2f} s  (x{median / base:.2f} of --jobs {args.jobs[0]})")
    print("docs/ byte-identical for every N:", len(digests) == 1)
    return 0 if len(digests) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
