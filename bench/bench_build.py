"""Whole-build timings: `dossier build` and `mkdocs build` on growing copies of the seeds.

    python bench/bench_build.py [--sizes 5 50 200] [--runs 3]

Each size is made of the seeds repeated under new file names, with one word changed per copy
so that no copy is dropped as a duplicate. Prints the median of --runs for each step, the
pages written, and seconds per article, measured in one run so the ratios are comparable.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def make_corpus(folder: Path, size: int) -> None:
    seeds = sorted((ROOT / "seeds").iterdir())
    folder.mkdir(parents=True)
    for n in range(size):
        seed = seeds[n % len(seeds)]
        text = seed.read_text(encoding="utf-8")
        # A distinct last line keeps each copy a source of its own (duplicates are merged by ingest).
        (folder / f"{n:05d}-{seed.name}").write_text(f"{text}\n\nCopy number {n} of this report.\n", encoding="utf-8")


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def bench(size: int, runs: int) -> dict:
    dossier_times, mkdocs_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        make_corpus(project / "seeds", size)
        shutil.copy(ROOT / "mkdocs.yml", project)
        shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns(
            "sources", "actors", "quotes", "topics", "positions"))
        shutil.copytree(ROOT / "dossier" / "templates", project / "templates")
        shutil.copytree(ROOT / "dossier", project / "dossier", ignore=shutil.ignore_patterns("__pycache__"))
        for _ in range(runs):
            shutil.rmtree(project / "docs" / "quotes", ignore_errors=True)  # force a real rewrite
            (project / "permalinks.yaml").unlink(missing_ok=True)
            dossier_times.append(timed([str(BIN / "dossier"), "build"], project))
            mkdocs_times.append(timed([str(BIN / "mkdocs"), "build", "--strict", "--quiet"], project))
        pages = sum(1 for _ in (project / "docs").rglob("*.md"))
    dossier_median, mkdocs_median = statistics.median(dossier_times), statistics.median(mkdocs_times)
    return {"articles": size, "pages": pages, "dossier build s": dossier_median, "mkdocs build s": mkdocs_median,
            "dossier s/article": dossier_median / size}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 200])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = [bench(size, args.runs) for size in args.sizes]
    print(f"median of {args.runs} runs")
    print(f"{'articles':>8} {'pages':>6} {'dossier s':>10} {'mkdocs s':>9} {'dossier s/article':>18}")
    for row in rows:
        print(f"{row['articles']:>8} {row['pages']:>6} {row['dossier build s']:>10.2f} {row['mkdocs build s']:>9.2f} "
              f"{row['dossier s/article']:>18.3f}")
    first, last = rows[0], rows[-1]
    print(f"ratio {last['articles']}/{first['articles']} articles: dossier x{last['dossier build s'] / first['dossier build s']:.1f},"
          f" mkdocs x{last['mkdocs build s'] / first['mkdocs build s']:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
