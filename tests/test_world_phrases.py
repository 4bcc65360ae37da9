"""world.Phrases: the longest listed phrase at a position, found by trying only the lengths listed
for that first word (every name in an article is looked up this way, many times over)."""

from __future__ import annotations

import pytest

from dossier.world import Phrases

PHRASES = {"European Union": "eu", "European Central Bank": "ecb", "Bank": "bank", "New York": "ny",
           "New York Times": "nyt", "UN": "un"}


@pytest.mark.parametrize(("words", "start", "fold_case", "found"), [
    ("the European Central Bank said".split(), 1, False, (4, "ecb")),
    ("the European Union said".split(), 1, False, (3, "eu")),
    ("the European Commission said".split(), 1, False, None),  # a first word alone is no phrase
    ("the New York Times".split(), 1, False, (4, "nyt")),  # the longest wins
    ("in New York".split(), 1, False, (3, "ny")),  # the longer would run past the end
    ("Bank".split(), 0, False, (1, "bank")),
    ("the new york times".split(), 1, False, None),
    ("the new york times".split(), 1, True, (4, "nyt")),
    ("UN".split(), 1, False, None),  # past the end
])
def test_the_longest_phrase_at_a_position(words, start, fold_case, found):
    assert Phrases(PHRASES, fold_case=fold_case).match(words, start) == found
