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
