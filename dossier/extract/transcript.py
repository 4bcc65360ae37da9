"""Interview transcripts: answers printed without quotation marks are the interviewee's words.

A transcript labels its speakers at the start of each turn: "Q:" and "A:", or a time code and a
name ("00.22 Anastasiades I would like to ..."). Only a run of such turns is read as one, the
shape unmistakable: at least two questions and two answers with "Q:"/"A:" labels, or three
time-coded turns with a question label (data/speech_verbs.yaml: question_labels) among them.
A "Q:" in passing in an ordinary article is not a transcript.

An answer runs from its label to the next label; a paragraph without one carries the turn on
while it speaks in the first person (data/speech_verbs.yaml: first_person_words) and does not name
its speaker, so that the report that follows a last answer ("Kiprono later posted ...") is no
part of it. Each answer paragraph is a quotation of its
speaker: the person the label names ("Anastasiades", the one person of the article whose name
ends so), or for "A:" the one person the article's introduction (the paragraphs before the first
question) names, as an actor or in a bio it opens with ("Meg Mitchell Moore is the author of ..."). When that is not one person, the answers are left out: a transcript's words
given to the wrong speaker are worse than none.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.lexicon import lexicon

MIN_LABELLED = 2  # questions and answers each, for "Q:"/"A:" turns to make a transcript
MIN_TIMED = 3  # time-coded turns for a transcript
_TIME_CODE = r"\d{1,2}[.:]\d{2}(?:[.:]\d{2})?"


@dataclass(frozen=True)
class Turn:
    """One paragraph of a transcript (0-based position): who speaks it and where the words start."""

    paragraph: int
    start: int  # past the label; 0 for a paragraph that carries the turn before on
    label: str  # "A", "Q", "Anastasiades", "Interviewer": the label of the turn it belongs to
    asks: bool  # a question: the interviewer's words, no quotation of the interviewee
    at: int = 0  # where the label stands in its paragraph (a name label is where the speaker is named)


@functools.cache
def _first_person() -> frozenset[str]:
    return frozenset(word.casefold() for word in lexicon().speech_verbs.first_person_words)


@functools.cache
def _labels() -> tuple[re.Pattern, re.Pattern, frozenset[str], frozenset[str]]:
    words = lexicon().speech_verbs
    questions = frozenset(label.casefold() for label in words.question_labels)
    answers = frozenset(label.casefold() for label in words.answer_labels)
    every = "|".join(re.escape(label) for label in sorted([*words.question_labels, *words.answer_labels], key=len,
                                                          reverse=True))
    labelled = re.compile(rf"(?P<label>{every})\s*:\s+(?=\S)", re.IGNORECASE)
    timed = re.compile(rf"{_TIME_CODE}\s+(?P<label>[A-Z][\w'\u2019-]{{1,30}})\s+(?=\S)")
    return labelled, timed, questions, answers


def find_turns(paragraphs: Sequence[str]) -> tuple[Turn, ...]:
    """The turns of the transcript among `paragraphs`, in order; none when they hold no transcript."""
    labelled, timed, questions, answers = _labels()
    for pattern, enough in ((labelled, _enough_labelled), (timed, _enough_timed)):
        heads = [(i, match) for i, text in enumerate(paragraphs) if (match := pattern.match(text))]
        labels = [match["label"].casefold() for _, match in heads]
        if heads and enough(labels, questions, answers):
            return _turns(paragraphs, heads, questions)
    return ()


def _enough_labelled(labels: list[str], questions: frozenset[str], answers: frozenset[str]) -> bool:
    asked = [label in questions for label in labels]
    return (sum(asked) >= MIN_LABELLED and sum(label in answers for label in labels) >= MIN_LABELLED
            and asked[0] and all(label in questions | answers for label in labels))


def _enough_timed(labels: list[str], questions: frozenset[str], answers: frozenset[str]) -> bool:
    return len(labels) >= MIN_TIMED and any(label in questions for label in labels) and not all(
        label in questions for label in labels)


def _turns(paragraphs: Sequence[str], heads: list[tuple[int, re.Match]], questions: frozenset[str]) -> tuple[Turn, ...]:
    turns = []
    for k, (i, match) in enumerate(heads):
        label = match["label"]
        asks = label.casefold() in questions
        turns.append(Turn(i, match.end(), label, asks, match.start("label")))
        end = heads[k + 1][0] if k + 1 < len(heads) else len(paragraphs)
        for j in range(i + 1, end):
            if not _first_person() & {word.casefold() for word in re.findall(r"[\w'\u2019]+", paragraphs[j])}:
                break
            turns.append(Turn(j, 0, label, asks))
    return tuple(turns)


_BIO = re.compile(r"(?P<name>[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){1,3})\s+(?:is|was)\s+(?:a|an|the)\s")


def introduced(paragraphs: Sequence[str]) -> list[tuple[str, int, int]]:
    """The people an introduction's paragraphs open on with a bio ("Meg Mitchell Moore is the author of
    ..."): (name, paragraph, offset) of each."""
    return [(match["name"], i, 0) for i, text in enumerate(paragraphs) if (match := _BIO.match(text))]


def answerer(label: str, people: Sequence[tuple[str, int, int]], first_turn: int) -> tuple[str, int, int] | None:
    """Who answers under `label`, among `people` ((name, paragraph, offset) of each person the article
    names, 0-based paragraphs): the one whose name ends with the label ("Anastasiades"), or for an answer
    label ("A") the one the introduction, before paragraph `first_turn`, names; None unless exactly one."""
    if label.casefold() in frozenset(a.casefold() for a in lexicon().speech_verbs.answer_labels):
        fitting = [p for p in people if p[1] < first_turn]
    else:
        fitting = [p for p in people if p[0].split()[-1].casefold() == label.casefold()]
    names = {name for name, _, _ in fitting}
    return fitting[0] if len(names) == 1 else None
