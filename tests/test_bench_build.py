"""bench/bench_build.py's measurements: a step's CPU and memory include the processes it starts
(a worker pool is part of the build's cost)."""

from __future__ import annotations

import sys

import pytest

from bench import bench_build
from tests.conftest import ROOT

# A parent that starts a child holding MB megabytes for a while, then waits for it.
PARENT = """
import subprocess, sys
child = "import time; block = bytearray({mb} * 2**20); block[::4096] = b'x' * len(block[::4096]); time.sleep(1.5)"
subprocess.run([sys.executable, "-c", child], check=True)
"""


@pytest.mark.parametrize("mb", [150, 300])
def test_memory_of_a_step_counts_its_children(tmp_path, mb):
    step = bench_build.measured([sys.executable, "-c", PARENT.format(mb=mb)], tmp_path)
    assert step.max_rss_mb >= mb  # the kernel's count for the largest process: the child
    assert step.tree_rss_mb >= mb  # sampled over parent and child together
    assert step.tree_rss_mb < mb + 200  # and not counted twice
    assert step.cpu_s > 0


# A parent whose pool workers (children of a forkserver it never waits for) burn CPU seconds.
POOL = """
import sys
sys.path[:0] = [{root!r}, {here!r}]
from dossier import pool
import burn

if __name__ == "__main__":
    pool.run(burn.burn, [0.8] * 4, jobs=2, budget=60, failed=lambda item, why: None)
"""
BURN = """
import time

def burn(seconds):
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
"""


def test_cpu_of_a_step_counts_its_forkserver_workers(tmp_path):
    (tmp_path / "burn.py").write_text(BURN, encoding="utf-8")
    script = POOL.format(root=str(ROOT), here=str(tmp_path))
    step = bench_build.measured([sys.executable, "-c", script], tmp_path)
    assert step.cpu_s >= 4 * 0.8 - 4 * bench_build.SAMPLE_S  # each worker's last sample interval may be missed


def test_a_failing_step_stops_the_bench_with_its_error(tmp_path):
    with pytest.raises(SystemExit, match="no such seed"):
        bench_build.measured([sys.executable, "-c", "import sys; sys.exit('no such seed')"], tmp_path)


def test_a_cold_build_starts_without_output_ledger_or_extraction_cache(tmp_path):
    for made in ["docs/quotes/q.md", "docs/story/coverage.md", "site/index.html", "permalinks.yaml",
                 ".dossier-cache/last-build.json", "docs/index.md", "seeds/a.txt"]:
        (tmp_path / made).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / made).write_text("x", encoding="utf-8")
    bench_build.clean(tmp_path)
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert left == ["docs/index.md", "seeds/a.txt"]


# A stand-in for `dossier build` that logs the seeds it finds and whether site/ came along.
FAKE_DOSSIER = """#!{python}
import sys
from pathlib import Path
seeds = sorted(p.name for p in Path("seeds").iterdir())
with open({log!r}, "a", encoding="utf-8") as log:
    log.write(" ".join([Path.cwd().name, str(Path("site").exists()), *sys.argv[1:], *seeds]) + "\\n")
"""


def test_one_added_builds_the_kept_project_without_the_article_then_times_copies_with_it(tmp_path, monkeypatch):
    kept = tmp_path / "kept"
    for made in ["seeds/a.md", "seeds/b.md", "seeds/zz-held.txt", "zz-held.txt", "site/index.html", "permalinks.yaml",
                 "mkdocs.yml"]:
        (kept / made).parent.mkdir(parents=True, exist_ok=True)
        (kept / made).write_text(made, encoding="utf-8")
    before = sorted(p.relative_to(kept).as_posix() for p in kept.rglob("*"))
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    (bin_ / "dossier").write_text(FAKE_DOSSIER.format(python=sys.executable, log=str(tmp_path / "log")),
                                  encoding="utf-8")
    (bin_ / "dossier").chmod(0o755)
    monkeypatch.setattr(bench_build, "BIN", bin_)
    work = tmp_path / "work"
    work.mkdir()
    row = bench_build.one_added(kept, work, runs=2)
    assert (tmp_path / "log").read_text(encoding="utf-8").splitlines() == [
        "base False build a.md b.md", "run0 False build a.md b.md zz-held.txt", "run1 False build a.md b.md zz-held.txt"]
    assert row["articles"] == 3 and row["added"] == "zz-held.txt"
    assert [len(runs) for runs in row["runs"].values()] == [1, 2]
    assert sorted(p.relative_to(kept).as_posix() for p in kept.rglob("*")) == before
