"""The five seeds' quotation marks: what the gold scores (tests/test_gold_scores.py) do not show.

How many quotes, speakers and clusters the build gets right is measured by bench/score.py and held
to thresholds in tests/test_gold_scores.py.
"""

from __future__ import annotations

import pytest

from dossier import ingest
from tests.conftest import SEEDS
from tests.quotes_support import extract


@pytest.fixture(scope="module")
def extractions():
    articles, _ = ingest.read_seeds(SEEDS)
    return [extract(article) for article in articles]


def test_seed_problems_are_not_about_quotes(extractions):
    """The seeds' quotation marks all balance: no quote warning, no quote lost to the verbatim gate."""
    assert [p for e in extractions for p in e.problems] == []
