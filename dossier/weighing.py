"""How a position's stance is weighed from the sentences stating it (model.Statement).

Each sentence counts once per stance, however many outlets printed it; the stance most sentences
state wins, and a tie goes to the firmer statement (oppose, then support, then conditional, then
open), so the result never depends on article order. Evidence and sentences are those stating the
winning stance. Linking weighs every sentence found; dossier.review weighs again those sure enough
to publish, before ids are pinned (so bench/score.py scores what that leaves); an editor's stance in
curation.yaml settles it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from dossier.model import Confidence, Mention, Position, Statement
from dossier.text import normalise

STANCE_ORDER = ("oppose", "support", "conditional", "open")  # who wins a tie, first to last


def weigh(actor: str, topic: str, statements: Sequence[Statement]) -> Position:
    """The position `statements` make (dossier.review weighs again those sure enough to publish): the stance
    most sentences state, a tie to the firmer; its evidence and sentences those stating it."""
    by_stance: dict[str, dict[Mention, list[str]]] = defaultdict(dict)
    for statement in statements:
        sentences = by_stance[statement.stance].setdefault(Mention(statement.source, statement.paragraph), [])
        if statement.sentence not in sentences:
            sentences.append(statement.sentence)
    counts = {value: len({normalise(s) for sentences in found.values() for s in sentences})
              for value, found in by_stance.items()}
    value = min(counts, key=lambda v: (-counts[v], STANCE_ORDER.index(v) if v in STANCE_ORDER else len(STANCE_ORDER)))
    found = by_stance[value]
    evidence = sorted(found, key=lambda m: (m.source, m.paragraph))
    sentences = list(dict.fromkeys(s for m in evidence for s in found[m]))
    return Position(id=f"{actor}--{topic}", actor=actor, topic=topic, stance=value, evidence=evidence,
                    sentences=sentences, statements=tuple(statements))


def settle(position: Position, stance: str) -> Position:
    """`position` with the stance an editor checked (curation.yaml): every sentence weighed counts as sure now;
    its evidence is the sentences stating that stance, all of them when none does."""
    statements = tuple(replace(s, confidence=Confidence.SURE) for s in position.statements)
    stating = [s for s in statements if s.stance == stance] or statements
    weighed = weigh(position.actor, position.topic, [replace(s, stance=stance) for s in stating])
    return replace(weighed, statements=statements, history=position.history)
