"""What counts as the same words: one definition for the linker and the ledger.

The linker (dossier.link.quotes) decides which printings are one utterance; the ledger
(dossier.ids) decides which corrected quote keeps a published id. Both must agree: two printings
the ledger would call one quote with a slip, but the linker kept apart, leave the ledger a choice
between them that only earlier builds can settle. So the slips a correction may fix, and the
words no slip or reprint may touch (dossier/data/meaning.yaml), are defined here, once.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import OSA

from dossier.lexicon import lexicon
from dossier.text import word_matches

# A corrected quote may differ from its published wording by at most one slip per this many words
# (and always by one): see `is_typo_fix`.
WORDS_PER_SLIP = 6
# From this many words on, a wording one slip away from another shares a word pair with it (a slip
# touches at most three pairs); shorter ones are found by their letters (`slip_keys`).
PAIRED_WORDS = 5


def carries_meaning(word: str) -> bool:
    """Whether changing this lower-cased word changes what a quote says: a negation or a number."""
    meaning = lexicon().meaning
    return (word in meaning.negations or word in meaning.numbers
            or not word.isalpha() and any(ch.isdigit() for ch in word))  # a letter is never a digit


def is_typo_fix(published: str, wording: str) -> bool:
    """True when `wording` is `published` with slips corrected, not different words.

    A slip is a word changed by one letter (added, dropped, replaced, or two swapped), words split
    or joined ("peace keeping"), or a doubled word. A word replaced by another word, or a word
    added or dropped ("not"), makes a different quote; so does any change to a negation, a number
    or a name ("not" -> "now", "500" -> "600", "Iran" -> "Iraq": dossier/data/meaning.yaml).
    Case and punctuation never count.
    """
    old, new = _meaning(published), _meaning(wording)
    return _may_be_slips_apart(old, new) and _slips_fixed(old, new)


def one_slip_apart(a: str, b: str) -> bool:
    """Either printing is the other with slips corrected: the same words, for linker and ledger alike.
    `is_typo_fix` both ways, its first test (the same both ways) made once."""
    old, new = _meaning(a), _meaning(b)
    return _may_be_slips_apart(old, new) and (_slips_fixed(old, new) or _slips_fixed(new, old))


def _may_be_slips_apart(one: _Wording, other: _Wording) -> bool:
    """A necessary condition for `is_typo_fix` either way round (`_near_letters` each way), much cheaper than
    aligning the wordings: most pairs the linker asks about are told apart by it."""
    return (_near_letters(other.vocabulary - one.vocabulary, one.letters)
            and _near_letters(one.vocabulary - other.vocabulary, other.letters))


def _slips_fixed(published: _Wording, wording: _Wording) -> bool:
    """`is_typo_fix` once `_may_be_slips_apart` holds: the wordings aligned, every difference a slip."""
    old, old_fixed, new, new_fixed = published.words, published.fixed, wording.words, wording.fixed
    blocks = [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(blocks) > max(1, len(new) // WORDS_PER_SLIP):
        return False
    return all(_is_slip(old, new, *block) and not any(old_fixed[i1:i2]) and not any(new_fixed[j1:j2])
               for block in blocks for _, i1, i2, j1, j2 in [block])


def slip_keys(found: Sequence[str]) -> set[str]:
    """Keys that two wordings one slip apart share when they may share no word pair: their letters
    without spaces (a split or joined word) and, under PAIRED_WORDS words, those letters with any
    one dropped (a letter changed, added, dropped, or two swapped)."""
    letters = "".join(found)
    if not letters:
        return set()
    if len(found) >= PAIRED_WORDS:
        return {letters}
    return {letters, *(letters[:k] + letters[k + 1:] for k in range(len(letters)))}


class _Wording(NamedTuple):
    words: tuple[str, ...]  # lower-cased, in order
    fixed: tuple[bool, ...]  # for each word, whether a slip may never touch it
    vocabulary: frozenset[str]  # the words, once each
    letters: str  # the words, unspaced


@lru_cache(maxsize=8192)
def _meaning(text: str) -> _Wording:
    """The lower-cased words of `text`, and for each whether a slip may never touch it: a
    negation, a number, or a name (capitalised inside a sentence). Cached: the linker compares
    each printing with every candidate."""
    not_names = lexicon().meaning.not_names
    found, fixed = [], []
    for match in word_matches(text):
        word = match.group()
        before = match.string[max(0, match.start() - 4):match.start()].rstrip(" \"'([-")
        name = word[:1].isupper() and bool(before) and before[-1] not in ".!?:" and word not in not_names
        found.append(word.lower())
        fixed.append(name or carries_meaning(word.lower()))
    return _Wording(tuple(found), tuple(fixed), frozenset(found), "".join(found))


def _near_letters(words: set[str], letters: str) -> bool:
    """Whether each word may be one slip from a run of `letters` (the other wording's words, unspaced).

    A necessary condition for `is_typo_fix`, much cheaper than aligning the wordings: a word found in
    one wording only stands in a replaced block (an added or dropped word repeats a neighbour that both
    keep), and a replaced block is one edit from the other side's block, itself a run of its letters.
    One edit (a letter changed, added, dropped, or two swapped) leaves the word's first half less its
    last letter, or its second half, untouched."""
    return all(word[:max(len(word) // 2 - 1, 0)] in letters or word[len(word) // 2:] in letters for word in words)


def _is_slip(old: Sequence[str], new: Sequence[str], tag: str, i1: int, i2: int, j1: int, j2: int) -> bool:
    if tag == "replace":
        return OSA.distance("".join(old[i1:i2]), "".join(new[j1:j2])) <= 1
    sequence, start, end = (old, i1, i2) if tag == "delete" else (new, j1, j2)
    neighbours = {sequence[k] for k in (start - 1, end) if 0 <= k < len(sequence)}
    return all(word in neighbours for word in sequence[start:end])
