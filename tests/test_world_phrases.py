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


@pytest.mark.parametrize("fold_case", [False, True])
@pytest.mark.parametrize("words", [
    "the European Central Bank and the New York Times said".split(),
    "New York and New Jersey".split(),  # "New" begins a phrase at 2 only where "York" follows
    "a Bank of the UN".split(),
    "the new york times".split(),
    "European".split(),
    [],
])
def test_the_last_phrase_is_the_last_position_match_finds(words, fold_case):
    phrases = Phrases(PHRASES, fold_case=fold_case)
    assert phrases.last(words) == max((k for k in range(len(words)) if phrases.match(words, k)), default=-1)
