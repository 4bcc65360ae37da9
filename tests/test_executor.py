"""dossier.executor: a build on a Dask cluster writes the same docs/ as one on local processes, keeps
the pool's failure contract, and a cluster that cannot be used stops the build naming its address."""

from __future__ import annotations

import shutil

import dask
import pytest
from click.testing import CliRunner
from distributed import LocalCluster

from dossier import executor
from dossier.build import PRELOAD
from dossier.cli import main
from tests import pool_tasks
from tests.conftest import SEEDS
from tests.test_cli import tree

# Workers that may start extraction processes (not daemons, see the README); a task whose Dask worker
# dies fails at once rather than being retried on the next worker; one task per worker at a time,
# so a worker that dies takes no other item with it.
CLUSTER_CONFIG = {"distributed.worker.daemon": False, "distributed.scheduler.allowed-failures": 0,
                  "distributed.scheduler.worker-saturation": 1.0}


@pytest.fixture(scope="module")
def cluster():
    """`dask://HOST:PORT` of a running scheduler with two workers, each a process of its own."""
    with dask.config.set(CLUSTER_CONFIG), LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                                       dashboard_address=":0") as local:
        yield "dask://" + local.scheduler_address.removeprefix("tcp://")


def build(seeds, out, *args):
    return CliRunner().invoke(main, ["build", "--seeds", str(seeds), "--docs", str(out / "docs"),
                                     "--curation", str(out / "curation.yaml"), "--ledger",
                                     str(out / "permalinks.yaml"), *args])


@pytest.mark.slow
def test_a_build_on_a_dask_cluster_writes_the_same_docs_as_local_processes(cluster, tmp_path):
    seeds = shutil.copytree(SEEDS, tmp_path / "seeds")
    built = {}
    for name, args in {"local": ["--jobs", "2"], "dask": ["--executor", cluster]}.items():
        (tmp_path / name).mkdir()
        result = build(seeds, tmp_path / name, *args)
        assert result.exit_code == 0, result.output
        assert "extracted 5/5 articles (100%)" in result.output
        built[name] = tree(tmp_path / name)
    assert built["dask"] == built["local"]
    assert any(path.startswith("docs/quotes/") and path != "docs/quotes/index.md" for path in built["dask"])


def failed(item: int, why: str) -> str:
    return f"{item}: {why}"


@pytest.mark.parametrize(("task", "why"), [
    (pool_tasks.square, None),
    (pool_tasks.stall, "took longer than its 1 s budget"),
    (pool_tasks.killed, "the extraction process died (exit code -9)"),
    (pool_tasks.crash, "the extraction process died (exit code 70)"),
    (pool_tasks.kills_its_dask_worker, "its Dask task failed: KilledWorker: "),
])
def test_on_dask_an_item_that_stalls_or_kills_its_process_or_worker_costs_that_item_alone(cluster, task, why):
    seen = []
    results = executor.run(cluster, task, list(range(7)), jobs=None, budget=1, failed=failed, preload=PRELOAD,
                           progress=lambda done, total: seen.append((done, total)))
    expected = [n * n for n in range(7)]
    assert results[:3] + results[4:] == expected[:3] + expected[4:]
    assert results[3] == 9 if why is None else results[3].startswith(f"3: {why}")
    assert seen == [(done, 7) for done in range(1, 8)]


@pytest.mark.parametrize(("executor_option", "error"), [
    ("dask://127.0.0.1:1", "Error: --executor dask://127.0.0.1:1: no Dask scheduler answered at tcp://127.0.0.1:1"),
    ("dask://127.0.0.1", "Error: Invalid value for '--executor': 'dask://127.0.0.1' is neither 'local' nor "
                         "'dask://HOST:PORT'"),
    ("tcp://127.0.0.1:8786", "Error: Invalid value for '--executor': 'tcp://127.0.0.1:8786' is neither"),
])
def test_an_executor_that_cannot_be_used_is_a_clear_error_naming_it(tmp_path, monkeypatch, executor_option, error):
    monkeypatch.setattr(executor, "CONNECT_TIMEOUT", 1)
    result = build(SEEDS, tmp_path, "--executor", executor_option)
    assert result.exit_code != 0
    assert error in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "docs").exists()


def test_jobs_with_a_dask_cluster_is_refused_as_meaningless(tmp_path):
    result = build(SEEDS, tmp_path, "--jobs", "2", "--executor", "dask://127.0.0.1:8786")
    assert result.exit_code == 2
    assert "--jobs counts local processes" in result.output


def test_workers_that_run_as_daemons_are_refused_with_the_fix(tmp_path):
    with dask.config.set({"distributed.worker.daemon": True}), LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as daemons:
        address = "dask://" + daemons.scheduler_address.removeprefix("tcp://")
        result = build(SEEDS, tmp_path, "--executor", address)
    assert result.exit_code == 1
    assert f"Error: --executor {address}: tcp://" in result.output
    assert "DASK_DISTRIBUTED__WORKER__DAEMON=False" in result.output
    assert not (tmp_path / "docs").exists()
