"""Answers of a printed interview: the words an interviewee said, printed without quotation marks.

A Q&A prints its questions and answers each after a label and a colon ("Q:" and "A:", the paper's
and the interviewee's initials "LT:" and "LM:", or the speaker's name "Manpreet Singh:"), and an
answer may go on in the paragraphs after it until the next label. Those answers are direct
quotations as much as any between marks: each answer paragraph is read as one, its label standing
where a cue would ("Manpreet Singh: ..." names its speaker as "Name: quote" does; initials name the
person the article names so). An answer under a bare "A:" names no one and is left out. Only an article
whose questions are labelled is read so (two labelled paragraphs ending in "?" at least), so a
"Note:" or a live blog's "Update:" is never an answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.extract.quotemarks import Part, Quotation

LABEL = re.compile(r"([A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*){0,3}):[ \t]+(?=\S)")  # "Q: ", "LM: ", "Manpreet Singh: "
MIN_QUESTIONS = 2  # labelled questions an interview prints at least
TERMINAL = ".!?\u2026\"'\u201d\u2019)"  # an answer paragraph ends a sentence; a heading ("Gujarat Fortunegiants") does not


def labelled(text: str) -> tuple[str, int] | None:
    """(label, where its text starts) of a paragraph that opens with a label and a colon."""
    match = LABEL.match(text)
    return (match.group(1), match.end()) if match else None


def questioners(paragraphs: Sequence[str]) -> frozenset[str]:
    """The labels of an interview's questions: those of MIN_QUESTIONS labelled paragraphs ending in "?" or
    more; none in an article that prints no such questions."""
    asked: dict[str, int] = {}
    for text in paragraphs:
        label = labelled(text)
        if label is not None and text.rstrip().endswith("?"):
            asked[label[0]] = asked.get(label[0], 0) + 1
    return frozenset(label for label, count in asked.items() if count >= MIN_QUESTIONS)


@dataclass(frozen=True)
class Answer:
    """One answer paragraph read as a quotation, under the label it was printed after (or went on from)."""

    quotation: Quotation
    label: str


def answers(paragraphs: Sequence[str], quoted: Sequence[Quotation] = ()) -> list[Answer]:
    """Each answer paragraph of a printed interview as a quotation: from after its label (or from its
    start, when it goes on with the answer before it) to its end. A paragraph with quotation marks of
    its own is left to them, and nothing before the first question is an answer."""
    asking = questioners(paragraphs)
    if not asking:
        return []
    marked = {part.paragraph for quotation in quoted for part in quotation.parts}
    found: list[Answer] = []
    answering = None
    for index, text in enumerate(paragraphs):
        label = labelled(text)
        if label is not None:
            answering = None if label[0] in asking else label[0]
            start = label[1]
        else:
            start = 0
        end = len(text.rstrip())
        if answering is None or index in marked or not text[start:end] or text[end - 1] not in TERMINAL:
            continue
        found.append(Answer(Quotation((Part(index, start, end),), start, end), answering))
    return found


def interviewee(label: str, people: Sequence[str]) -> str | None:
    """Who answers under `label`, of the people the article names (full names): the one whose initials
    it is ("LM": Lekhetho Mosito). None when that is not one person, and for a bare "A": whom an "A"
    stands for the article never prints, and a reader's guess is no attribution (tests/corpus 41)."""
    matching = {p for p in people if "".join(word[0] for word in p.split() if word[:1].isupper()) == label}
    return next(iter(matching)) if len(label) > 1 and len(matching) == 1 else None
