"""Whole-build cost at scale: `dossier build`, `mkdocs build` and the search index on generated dossiers.

    python bench/bench_build.py [--sizes 100 1000] [--runs 1] [--keep DIR] [--json FILE]

Each size is a corpus from bench/make_corpus.py (recurring actors, shared quotes, real narrative).
For each, in one process so that ratios between sizes compare like with like:

- cold `dossier build` (no docs/ sections, no ledger), `mkdocs build --strict` and `dossier
  search-index` (a Pagefind process per search bundle): wall seconds, CPU seconds (the whole process
  tree, the forkserver's extraction workers too), the peak resident memory of the whole process
  tree (sampled every SAMPLE_S) and of its largest process;
- `dossier build` again with nothing new, then with one article added;
- the largest HTML page of the site and the largest generated Markdown page.

Prints medians of --runs per size and the ratios of the last size to the first; --keep DIR keeps
each built project as DIR/<size>/ (its site/ is what bench/bench_search.py measures).

    python bench/bench_build.py --one-added KEPT [--runs 3] [--json FILE]

times "one added" alone on a project kept by --keep (a 10k cold build is a quarter of an hour):
its held-back article is taken out of seeds/ and the project built once with this code (every
extraction cached, all linked and rendered: its docs/, ledger and caches are this code's), then
each run adds the article to a fresh copy and times `dossier build`. KEPT itself is never changed;
the copies are made in a temporary folder in --keep DIR when given.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import bench_search, make_corpus  # noqa: E402
from dossier.build import CACHE_DIR  # noqa: E402
from dossier.publish import GENERATED_SECTIONS, OWNED_SECTIONS  # noqa: E402

BIN = Path(sys.executable).parent
SAMPLE_S = 0.2
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Step:
    wall_s: float
    cpu_s: float
    tree_rss_mb: float  # the whole process tree at its peak, sampled
    max_rss_mb: float  # the largest single process (the kernel's count)


def _tree(pid: int) -> dict[int, tuple[int, float]]:
    """Resident bytes and CPU seconds so far of a process and each of its descendants, now."""
    found, stack = {}, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            rss = next(int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmRSS:"))
            ticks = Path(f"/proc/{current}/stat").read_text().rpartition(")")[2].split()[11:13]  # utime, stime
            found[current] = (rss, sum(map(int, ticks)) / CLOCK_TICKS)
            for children in Path(f"/proc/{current}/task").glob("*/children"):
                stack.extend(int(child) for child in children.read_text().split())
        except (OSError, StopIteration):
            continue  # gone, or a zombie with no memory left
    return found


def measured(command: list[str], cwd: Path) -> Step:
    """Run `command` to the end; fail loudly with its stderr when it fails.

    CPU is the larger of what the kernel reports for the command and the children it waited for,
    and the sampled CPU of every process of its tree: the extraction workers are children of a
    forkserver that nobody waits for, so only sampling sees them (less their last SAMPLE_S).
    """
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        peak, cpu, done = 0, {}, threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.wait(SAMPLE_S):
                tree = _tree(process.pid)
                peak = max(peak, sum(rss for rss, _ in tree.values()))
                for member, (_, seconds) in tree.items():
                    cpu[member] = max(cpu.get(member, 0.0), seconds)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n"
                             f"{errors.read().decode('utf-8', 'replace')[-4000:]}")
    return Step(wall, max(usage.ru_utime + usage.ru_stime, sum(cpu.values())), peak / 2**20, usage.ru_maxrss / 1024)


def project(folder: Path, size: int, seed: int) -> Path:
    """A dossier project of `size` generated articles; the article held back for the 'one added' build."""
    for config in ("mkdocs.yml", "pagefind.yml"):
        shutil.copy(ROOT / config, folder)
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    shutil.copytree(ROOT / "docs", folder / "docs", ignore=shutil.ignore_patterns(*OWNED_SECTIONS))
    articles = make_corpus.write(folder / "seeds", size + 1, seed)
    held_back = folder / articles[-1].name
    articles[-1].rename(held_back)
    return held_back


def clean(folder: Path) -> None:
    """What a cold build starts from: no generated sections, site, ledger or extraction cache."""
    for section in OWNED_SECTIONS:
        shutil.rmtree(folder / "docs" / section, ignore_errors=True)
    shutil.rmtree(folder / "site", ignore_errors=True)
    shutil.rmtree(folder / CACHE_DIR, ignore_errors=True)
    (folder / "permalinks.yaml").unlink(missing_ok=True)


def largest(folder: Path, pattern: str) -> tuple[int, str]:
    size, path = max((path.stat().st_size, path) for path in folder.rglob(pattern))
    return size, str(path.relative_to(folder))


def bench(folder: Path, size: int, runs: int, seed: int) -> dict:
    held_back = project(folder, size, seed)
    dossier, mkdocs = [str(BIN / "dossier"), "build"], [str(BIN / "mkdocs"), "build", "--strict", "--quiet"]
    search_index = [str(BIN / "dossier"), "search-index", "--quiet"]
    steps: dict[str, list[Step]] = {"dossier cold": [], "mkdocs": [], "search index": [], "dossier unchanged": [],
                                    "dossier one added": []}
    for _ in range(runs):
        clean(folder)
        (folder / "seeds" / held_back.name).unlink(missing_ok=True)
        steps["dossier cold"].append(measured(dossier, folder))
        steps["mkdocs"].append(measured(mkdocs, folder))
        steps["search index"].append(measured(search_index, folder))
        steps["dossier unchanged"].append(measured(dossier, folder))
        shutil.copy(held_back, folder / "seeds")
        steps["dossier one added"].append(measured(dossier, folder))
    html, html_path = largest(folder / "site", "*.html")
    markdown, markdown_path = largest(folder / "docs", "*.md")
    return {
        "articles": size,
        "pages": sum(1 for section in GENERATED_SECTIONS for _ in (folder / "docs" / section).rglob("*.md")),
        "steps": {name: {key: statistics.median(getattr(s, key) for s in values) for key in asdict(values[0])}
                  for name, values in steps.items()},
        "largest html": {"bytes": html, "path": html_path},
        "largest markdown": {"bytes": markdown, "path": markdown_path},
        # Pagefind's bundles: a reader fetches a few KB of each
        "search index bytes": bench_search.folder_bytes(bench_search.bundles(folder / "site"))[0],
    }


def one_added(kept: Path, work: Path, runs: int) -> dict:
    """`dossier build` with the held-back article added to a copy of the project `kept` (see the docstring)."""
    [held_back] = [path for path in kept.iterdir() if path.suffix in (".md", ".txt")]  # project() leaves it there
    base = work / "base"
    shutil.copytree(kept, base, ignore=lambda folder, names: ["site"] if Path(folder) == kept else [], symlinks=True)
    (base / "seeds" / held_back.name).unlink(missing_ok=True)
    dossier = [str(BIN / "dossier"), "build"]
    steps = {"dossier warm-up": [measured(dossier, base)], "dossier one added": []}
    for run in range(runs):
        copy = shutil.copytree(base, work / f"run{run}", symlinks=True)
        shutil.copy(held_back, copy / "seeds")
        steps["dossier one added"].append(measured(dossier, copy))
        shutil.rmtree(copy)
    return {"articles": sum(1 for _ in (base / "seeds").iterdir()) + 1, "added": held_back.name,
            "runs": {name: [asdict(step) for step in values] for name, values in steps.items()},
            "steps": {name: {key: statistics.median(getattr(s, key) for s in values) for key in asdict(values[0])}
                      for name, values in steps.items()}}


def report(rows: list[dict], runs: int) -> str:
    lines = [f"median of {runs} run(s); CPU includes child processes; RSS in MB",
             f"{'articles':>8} {'pages':>6} {'step':<18} {'wall s':>8} {'CPU s':>8} {'tree RSS':>9} {'max RSS':>8}"]
    for row in rows:
        for name, step in row["steps"].items():
            lines.append(f"{row['articles']:>8} {row['pages']:>6} {name:<18} {step['wall_s']:>8.1f} {step['cpu_s']:>8.1f} "
                         f"{step['tree_rss_mb']:>9.0f} {step['max_rss_mb']:>8.0f}")
        lines.append(f"{'':>15} largest HTML {row['largest html']['bytes'] / 1e3:.0f} KB ({row['largest html']['path']}), "
                     f"largest Markdown {row['largest markdown']['bytes'] / 1e3:.0f} KB, "
                     f"search index {row['search index bytes'] / 1e6:.1f} MB")
    first, last = rows[0], rows[-1]
    if last is not first:
        ratios = ", ".join(f"{name} x{last['steps'][name]['cpu_s'] / first['steps'][name]['cpu_s']:.1f}"
                           for name in ("dossier cold", "mkdocs"))
        lines.append(f"CPU ratio {last['articles']}/{first['articles']} articles: {ratios}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--keep", type=Path, help="keep each built project in KEEP/<size>/")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--one-added", type=Path, metavar="KEPT", help="time only 'one added' on a kept project")
    args = parser.parse_args()
    if args.one_added:
        with tempfile.TemporaryDirectory(dir=args.keep) as tmp:  # the copies go there (or to TMPDIR)
            row = one_added(args.one_added.resolve(), Path(tmp), args.runs)
        for name, step in row["steps"].items():
            print(f"{row['articles']:>8} {name:<18} wall {step['wall_s']:8.1f} s  CPU {step['cpu_s']:8.1f} s  "
                  f"tree RSS {step['tree_rss_mb']:6.0f} MB  ({len(row['runs'][name])} run(s))")
        if args.json:
            args.json.write_text(json.dumps(row, indent=2) + "\n", encoding="utf-8")
        return 0
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            folder = (args.keep or Path(tmp)) / str(size)
            folder.mkdir(parents=True)
            rows.append(bench(folder, size, args.runs, args.seed))
            print(report(rows[-1:], args.runs), flush=True)
    print(report(rows, args.runs))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
