"""The words that cue a stance or a quotation's speaker, found by the shapes the data files give them.

Each shape of data/stances.yaml and data/speech_verbs.yaml is a list of spaCy DependencyMatcher
patterns over the file's own words and lists, so that what counts as a cue ("a verb listed under
verbs", "a predicate adjective", "a preposition after a copula", "according to") is data;
dossier.extract.stances and dossier.extract.attribution read each word found with the rule named
like its shape. A matcher is built once per file and vocabulary and run once per paragraph.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import NamedTuple

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from dossier.lexicon import Patterned, PatternNode, lexicon


class Cue(NamedTuple):
    """A word a shape fits, as its first pattern node (the cue word)."""

    shape: str
    last: int  # the index of the last word the pattern matched, in the doc: where the cue ends


Cues = dict[int, tuple[Cue, ...]]  # token index -> the shapes it fits, in the data file's order


def stance_cues(doc: Doc) -> Cues:
    return _cues(doc, "stances")


def speech_cues(doc: Doc) -> Cues:
    return _cues(doc, "speech_verbs")


def _cues(doc: Doc, name: str) -> Cues:
    order = {shape: k for k, shape in enumerate(getattr(lexicon(), name).shapes)}
    found: dict[int, dict[str, int]] = defaultdict(dict)
    for match_id, tokens in _matcher(doc.vocab, name)(doc):
        fits = found[tokens[0]]  # tokens[0]: the pattern's first node, the cue word
        shape = doc.vocab.strings[match_id]
        fits[shape] = max(fits.get(shape, tokens[0]), *tokens)
    return {i: tuple(Cue(shape, last) for shape, last in sorted(fits.items(), key=lambda item: order[item[0]]))
            for i, fits in found.items()}


@cache
def _matcher(vocab, name: str) -> DependencyMatcher:
    words: Patterned = getattr(lexicon(), name)
    matcher = DependencyMatcher(vocab, validate=True)
    for shape, cue in words.shapes.items():
        matcher.add(shape, [[_spacy_node(node, words) for node in pattern] for pattern in cue.patterns])
    return matcher


def _spacy_node(node: PatternNode, words: Patterned) -> dict:
    """A node as spaCy takes it, each list named by its name in the data file given in full."""
    return {**node.model_dump(exclude_none=True), "RIGHT_ATTRS": _lists(node.RIGHT_ATTRS, words)}


def _lists(attrs: dict, words: Patterned, cased: bool = False) -> dict:
    """`attrs` with each named list given in full; a LEMMA's words in every case a lemma comes in."""
    found = {}
    for key, value in attrs.items():
        if key == "LEMMA" and not isinstance(value, dict):
            value = {"IN": [value]}
        if isinstance(value, dict):
            value = _lists(value, words, cased=key == "LEMMA")
        elif key in ("IN", "NOT_IN"):
            value = list(words.listed(value)) if isinstance(value, str) else value
            value = [form for word in value for form in dict.fromkeys(_cases(word))] if cased else value
        found[key] = value
    return found


def _cases(word: str) -> tuple[str, ...]:
    """A lemma as spaCy may give it: "support", and at a sentence's start or in a headline in capitals
    "Support", "SUPPORT" (the data files list lemmas in lower case)."""
    return (word, word.capitalize(), word.upper())
