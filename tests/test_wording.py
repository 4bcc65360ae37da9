"""dossier.wording.is_typo_fix tells most pairs of wordings apart by their letters before aligning them
(`_near_letters`): that short cut must never change its answer."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dossier import wording
from dossier.wording import is_typo_fix

WORDS = ["we", "will", "not", "accept", "troops", "in", "ukraine", "the", "peace", "keeping", "peacekeeping",
         "government", "goverment", "reconstruction", "deal", "500", "a", "historic", "day", "talks"]


def _slipped(words: list[str], data) -> list[str]:
    """`words` with a few slips of every kind, or other words, as a corrected quote might have."""
    words = list(words)
    for _ in range(data.draw(st.integers(0, 3))):
        k = data.draw(st.integers(0, len(words) - 1))
        word = words[k]
        kind = data.draw(st.sampled_from(["change", "add", "drop", "swap", "split", "join", "double", "other"]))
        at = data.draw(st.integers(0, max(len(word) - 1, 0)))
        letter = data.draw(st.sampled_from("aeiostx"))
        if kind == "change":
            words[k] = word[:at] + letter + word[at + 1:]
        elif kind == "add":
            words[k] = word[:at] + letter + word[at:]
        elif kind == "drop" and len(word) > 1:
            words[k] = word[:at] + word[at + 1:]
        elif kind == "swap" and at + 1 < len(word):
            words[k] = word[:at] + word[at + 1] + word[at] + word[at + 2:]
        elif kind == "split" and 0 < at < len(word):
            words[k:k + 1] = [word[:at], word[at:]]
        elif kind == "join" and k + 1 < len(words):
            words[k:k + 2] = [word + words[k + 1]]
        elif kind == "double":
            words.insert(k, word)
        elif kind == "other":
            words[k] = data.draw(st.sampled_from(WORDS))
    return words


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14), st.data())
@example(["the", "peace", "keeping", "deal"], None)
def test_the_short_cut_never_changes_the_answer(words, data):
    published = " ".join(words)
    corrected = " ".join(_slipped(words, data) if data is not None else ["the", "peacekeeping", "deal"])
    answer = is_typo_fix(published, corrected)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(wording, "_near_letters", lambda words, letters: True)
        assert is_typo_fix(published, corrected) == answer


@pytest.mark.parametrize("words, letters, near", [
    ({"goverment"}, "thegovernmentsaid", True),  # a letter dropped
    ({"peacekeeping"}, "thepeacekeepingdeal", True),  # words joined
    ({"gvoernment"}, "thegovernmentsaid", True),  # two letters swapped
    ({"reconstruction"}, "thewarisover", False),  # another word: no alignment needed to say so
    ({"talks", "reconstruction"}, "talksended", False),
    (set(), "anything", True),
    ({"a", "xy"}, "b", True),  # too short to tell by halves: left to the alignment
])
def test_near_letters(words, letters, near):
    assert wording._near_letters(words, letters) is near


def test_most_pairs_that_share_words_are_told_apart_by_letters():
    published = "We will not accept foreign troops on our soil, the minister said."
    different = "We will not accept any reconstruction plan without guarantees."
    assert not is_typo_fix(published, different)
    assert not wording._near_letters({"reconstruction", "guarantees"}, "wewillnotacceptforeigntroopsonoursoil")
