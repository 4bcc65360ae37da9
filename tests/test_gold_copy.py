"""The gold file copied into tests/gold/ must stay the editor's file."""

import pytest

from tests.conftest import GOLD_PATH, SHARED_GOLD_PATH


def test_the_copy_of_the_gold_file_matches_the_shared_original():
    if not SHARED_GOLD_PATH.exists():
        pytest.skip(f"no shared gold file at {SHARED_GOLD_PATH} to compare the copy with")
    assert GOLD_PATH.read_bytes() == SHARED_GOLD_PATH.read_bytes()
