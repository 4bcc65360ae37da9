"""Which words can cue a stance, found by the shapes data/stances.yaml gives them.

Each shape is a list of spaCy DependencyMatcher patterns over the words and lists of
data/stances.yaml, so that what counts as a cue ("a verb listed under verbs", "a
predicate adjective", "a preposition after a copula") is data; dossier.extract.stances
reads each word found with the rule named like its shape. The matcher is built once per
vocabulary and run once per paragraph.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token

from dossier.lexicon import PatternNode, Stances, lexicon

Token.set_extension("lower_lemma", getter=lambda token: token.lemma_.lower(), force=True)


def stance_cues(doc: Doc) -> dict[int, tuple[str, ...]]:
    """Token index -> the shapes of stances.yaml that word is the cue of, in the file's order."""
    order = {name: k for k, name in enumerate(lexicon().stances.shapes)}
    found: dict[int, set[str]] = defaultdict(set)
    for match_id, tokens in _matcher(doc.vocab)(doc):
        found[tokens[0]].add(doc.vocab.strings[match_id])  # tokens[0]: the pattern's first node, the cue
    return {i: tuple(sorted(shapes, key=order.__getitem__)) for i, shapes in found.items()}


@cache
def _matcher(vocab) -> DependencyMatcher:
    words = lexicon().stances
    matcher = DependencyMatcher(vocab, validate=True)
    for name, shape in words.shapes.items():
        matcher.add(name, [[_spacy_node(node, words) for node in pattern] for pattern in shape.patterns])
    return matcher


def _spacy_node(node: PatternNode, words: Stances) -> dict:
    """A node as spaCy takes it, each list named by its name in stances.yaml given in full."""
    return {**node.model_dump(exclude_none=True), "RIGHT_ATTRS": _lists(node.RIGHT_ATTRS, words)}


def _lists(attrs: dict, words: Stances) -> dict:
    return {key: (list(words.listed(value)) if key in ("IN", "NOT_IN") and isinstance(value, str)
                  else _lists(value, words) if isinstance(value, dict) else value)
            for key, value in attrs.items()}
