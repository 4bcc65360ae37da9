"""dossier.pool: worker processes, a time budget per item, results in order whatever --jobs is."""

from __future__ import annotations

import pytest

from dossier import pool
from dossier.build import PRELOAD, budget
from dossier.model import Article, Paragraph
from tests import pool_tasks

# The forkserver starts once per process, with the first call's preload: the build's, so that builds
# later in the same test session find the language model loaded.


def failed(item: int, why: str) -> str:
    return f"{item}: {why}"


@pytest.mark.parametrize("jobs", [1, 2, 4])
def test_results_come_back_in_order_whatever_the_number_of_workers(jobs):
    assert pool.run(pool_tasks.square, list(range(9)), jobs=jobs, budget=60, failed=failed, preload=PRELOAD) == [
        n * n for n in range(9)]


@pytest.mark.parametrize(("task", "why"), [
    (pool_tasks.stall, "took longer than its 1 s budget"),
    (pool_tasks.killed, "the extraction process died (exit code -9)"),
    (pool_tasks.crash, "the extraction process died (exit code 70)"),
])
@pytest.mark.parametrize("jobs", [1, 2])
def test_an_item_that_stalls_or_kills_its_worker_costs_that_item_alone(task, why, jobs):
    results = pool.run(task, list(range(7)), jobs=jobs, budget=1, failed=failed, preload=PRELOAD)
    assert results == [0, 1, 4, f"3: {why}", 16, 25, 36]


@pytest.mark.parametrize(("budget", "third"), [(1, "3: took longer than its 1 s budget"),
                                               (lambda n: 60 if n == pool_tasks.TROUBLE else 1, 9)])
def test_each_item_may_have_a_budget_of_its_own(budget, third):
    assert pool.run(pool_tasks.slow, list(range(5)), jobs=2, budget=budget, failed=failed, preload=PRELOAD) == [
        0, 1, 4, third, 16]


def test_nothing_to_do_starts_no_worker():
    assert pool.run(pool_tasks.stall, [], jobs=2, budget=1, failed=failed, preload=PRELOAD) == []


@pytest.mark.parametrize(("characters", "seconds"), [(1_000, 120), (500_000, 120), (1_000_000, 240), (4_000_000, 960)])
def test_an_article_s_budget_grows_with_its_length_past_a_long_read(characters, seconds):
    article = Article(id="a", file="a.txt", title="A", paragraphs=tuple(
        Paragraph(k, "x" * 1_000) for k in range(1, characters // 1_000 + 1)))
    assert budget(article, 120) == seconds


@pytest.mark.parametrize("jobs", [1, 3])
def test_progress_hears_of_every_item_settled_once_whether_it_succeeded_or_not(jobs):
    seen = []
    pool.run(pool_tasks.killed, list(range(7)), jobs=jobs, budget=60, failed=failed, preload=PRELOAD,
             progress=lambda done, total: seen.append((done, total)))
    assert [total for _, total in seen] == [7] * len(seen)
    done = [done for done, _ in seen]
    assert done == sorted(set(done)) and done[-1] == 7
    if jobs == 1:
        assert done == list(range(1, 8))
