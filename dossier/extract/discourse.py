"""What a pronoun, a role noun, a bare surname or a quotation without a cue points back to.

Small pure functions over what the reader of an article has met so far, so that attribution,
stances and the actor scan resolve references back the same way: each stage gathers the
candidates from its own reading (sentences, mentions), nearest first, and decides nothing
about them itself. A reference that nothing fits resolves to None, never to a guess.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

PRONOUN_WINDOW = 3  # paragraphs back a pronoun may reach: news never leaves one dangling longer


class Named(Protocol):
    subject: bool


N = TypeVar("N", bound=Named)


@dataclass(frozen=True)
class Referent:
    """Someone (or something) an article named, as a later reference may point back to them."""

    name: str
    kind: str  # person | organization | country | unknown
    subject: bool = False  # named as the subject of its clause
    spokesperson: bool = False  # spoke for someone else: "she" may mean them whatever the kind


@dataclass(frozen=True)
class Context:
    """One sentence as a pronoun looks back at it: whom it reports speaking and whom it names,
    each in reading order."""

    paragraph: int
    speakers: Sequence[Referent] = ()
    named: Sequence[Referent] = ()


def pronoun_referent(back: Iterable[Context], paragraph: int, fits: Callable[[Referent], bool],
                     window: int = PRONOUN_WINDOW) -> Referent | None:
    """Who a pronoun in `paragraph` stands for (the first of `pronoun_candidates`), or None."""
    found = pronoun_candidates(back, paragraph, fits, window)
    return found[0] if found else None


def pronoun_candidates(back: Iterable[Context], paragraph: int, fits: Callable[[Referent], bool],
                       window: int = PRONOUN_WINDOW) -> tuple[Referent, ...]:
    """Everyone a pronoun in `paragraph` may stand for, one per name, the likeliest first. Looking `back`
    sentence by sentence (nearest first) no further than `window` paragraphs, the nearest sentence
    that reports speaking or names one that `fits` (gender, kind) decides: the last it reports
    speaking, else its subject, else the first it names; then the others in it that fit. More than
    one means the pronoun was a guess among them (how sure it is: model.Confidence)."""
    for context in back:
        if context.paragraph < paragraph - window:
            break
        speaking = [r for r in context.speakers if fits(r)]
        named = [r for r in context.named if fits(r)]
        if not speaking and not named:
            continue
        first = speaking[-1] if speaking else next((r for r in named if r.subject), named[0])
        others = {r.name: r for r in [*reversed(speaking), *named] if r.name != first.name}
        return (first, *others.values())
    return ()


def named_before_quotation(offset: int, subject: bool, quoted: Iterable[tuple[int, int]], at: int) -> bool:
    """Whether a name (at `offset`) in the very sentence of a pronoun's cue (at `at`) may be whom the pronoun
    stands for: only as the subject of its clause, named before a quotation that closes before the cue
    ("Haarde disagrees, "...," he said"), `quoted` giving the (start, end) of the paragraph's quotations. Any
    other name there is not ("Asked about Macron's plan, he said")."""
    return subject and any(offset < start and end <= at for start, end in quoted)


def role_referent(back: Iterable[Sequence[N]], fits: Callable[[N], bool]) -> N | None:
    """Who a role noun ("the diplomat", "the ministry") stands for, looking `back` sentence by
    sentence (nearest first, each in reading order): in the nearest sentence naming one that
    `fits` the role, its subject, else the last it names."""
    for named in back:
        fitting = [r for r in reversed(named) if fits(r)]
        if fitting:
            return next((r for r in fitting if r.subject), fitting[0])
    return None


def fullest_name(candidates: Iterable[str], last_named: Callable[[str], tuple | None]) -> str | None:
    """Of the full names a short one may stand for ("Kline": Sarah or Robert Kline), the one named
    most recently before it, `last_named` giving a sortable (as a subject?, where) of that naming
    or None when the name has not come yet."""
    named = [(when, name) for name in candidates if (when := last_named(name)) is not None]
    return max(named)[1] if named else None


def carries_speaker(paragraph: int, previous_paragraph: int, only_quoted: bool, paragraph_only_quoted: bool,
                    opens_after_quotation: bool = False) -> bool:
    """Whether a quotation with no speech cue keeps the speaker of the sentence before it: when the
    quotation makes its sentence (`only_quoted`) and that sentence is in the same paragraph, or the
    sentence ends the paragraph before and the quotation is its paragraph, or opens it right after a
    quotation that sentence attributes (`opens_after_quotation`: '"...," Rahman told AFP.' then '"So
    far 52 factories have shut." One worker was killed on Tuesday.')."""
    if not only_quoted:
        return False
    return previous_paragraph == paragraph or (
        (paragraph_only_quoted or opens_after_quotation) and previous_paragraph == paragraph - 1)
