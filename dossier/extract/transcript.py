"""Interview transcripts: answers printed without quotation marks are the interviewee's words.

A transcript labels its speakers at the start of each turn: "Q:" and "A:", a name or initials and
a colon ("Manpreet Singh:", "LM:"), or a time code and a name ("00.22 Anastasiades I would like to
..."). Only a run of such turns is read as one, the shape unmistakable: one label asks (a question
label of data/speech_verbs.yaml: question_labels, or one whose turns mostly end with a question
mark), it asks first, and there are at least two questions and two answers, or, time-coded, three
turns in all. A "Q:" in passing in an ordinary article is not a transcript, nor are "Name:" lines
that nobody questions.

An answer runs from its label to the next label; a paragraph without one carries the turn on
while it speaks in the first person (data/speech_verbs.yaml: first_person_words) and does not name
its speaker, so that the report that follows a last answer ("Kiprono later posted ...") is no
part of it. Each answer paragraph is a quotation of its
speaker: the person the label names (the one person of the article whose name is the label, ends
with it, "Anastasiades", or has it for initials, "LM"), or for "A:" the one person the article's introduction (the paragraphs before the first
question) names, as an actor or in a bio it opens with ("Meg Mitchell Moore is the author of ..."). When that is not one person, the answers are left out: a transcript's words
given to the wrong speaker are worse than none.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.lexicon import lexicon
from dossier.text import words

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


@functools.cache
def _folded(words: str) -> frozenset[str]:
    """A word list of data/speech_verbs.yaml (`question_labels`, `answer_labels`), case-folded."""
    return frozenset(word.casefold() for word in getattr(lexicon().speech_verbs, words))


@functools.cache
def _first_person_words() -> frozenset[str]:
    """data/speech_verbs.yaml's `first_person_words` as dossier.text.words gives them ("I’m" and "I'm" are one)."""
    return frozenset(word for entry in lexicon().speech_verbs.first_person_words for word in words(entry))


def _in_first_person(text: str) -> bool:
    """Whether `text` has a first-person word (`_first_person_words`), its words as dossier.text.words gives
    them, less the quotation marks it leaves on a quotation's first and last words ("‘We", "us’")."""
    return not _first_person_words().isdisjoint(word.strip("'") for word in words(text))


_LABEL = re.compile(r"(?P<label>[A-Z][\w'\u2019.-]{0,30}(?:\s+[A-Z][\w'\u2019.-]{0,30}){0,3})\s*:\s+(?=\S)")
_TIMED = re.compile(rf"{_TIME_CODE}\s+(?P<label>[A-Z][\w'\u2019-]{{1,30}})\s+(?=\S)")
_CLOSING = "\"'\u201d\u2019)] "


def find_turns(paragraphs: Sequence[str]) -> tuple[Turn, ...]:
    """The turns of the transcript among `paragraphs`, in order; none when they hold no transcript."""
    for pattern, least in ((_LABEL, MIN_LABELLED), (_TIMED, 1)):
        heads = [(i, match) for i, text in enumerate(paragraphs) if (match := pattern.match(text))]
        asking = _asking([(match["label"], paragraphs[i]) for i, match in heads])
        asked = [match["label"] in asking for _, match in heads]
        if (len(asking) == 1 and asked[0] and sum(asked) >= least and len(asked) - sum(asked) >= MIN_LABELLED
                and len(heads) >= MIN_TIMED):
            return _turns(paragraphs, heads, asking)
    return ()


def _asking(labelled: list[tuple[str, str]]) -> frozenset[str]:
    """The labels of questions: a question's label (data/speech_verbs.yaml: question_labels), or one that is
    no answer's and whose turns, two or more, mostly end with a question mark ("LT:" in a newspaper's Q&A)."""
    turns: dict[str, list[bool]] = {}
    for label, text in labelled:
        turns.setdefault(label, []).append(text.rstrip(_CLOSING).endswith("?"))
    return frozenset(label for label, ends in turns.items() if label.casefold() in _folded("question_labels") or (
        label.casefold() not in _folded("answer_labels") and len(ends) >= MIN_LABELLED and 2 * sum(ends) >= len(ends)))


def _turns(paragraphs: Sequence[str], heads: list[tuple[int, re.Match]], asking: frozenset[str]) -> tuple[Turn, ...]:
    turns = []
    for k, (i, match) in enumerate(heads):
        label = match["label"]
        asks = label in asking
        turns.append(Turn(i, match.end(), label, asks))
        end = heads[k + 1][0] if k + 1 < len(heads) else len(paragraphs)
        for j in range(i + 1, end):
            if not _in_first_person(paragraphs[j]):
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
    names, 0-based paragraphs): the one the label names (`_names`), or for an answer label ("A") the one the
    introduction, before paragraph `first_turn`, names; None unless exactly one."""
    if label.casefold() in _folded("answer_labels"):
        fitting = [p for p in people if p[1] < first_turn]
    else:
        fitting = [p for p in people if _names(label, p[0])]
    names = {name for name, _, _ in fitting}
    return fitting[0] if len(names) == 1 else None


def _names(label: str, name: str) -> bool:
    """Whether a speaker label stands for the person `name`: the name itself, its last words ("Anastasiades",
    "ORTIZ"), or its initials ("LM" for Lekhetho Mosito)."""
    label, words = label.casefold(), name.casefold().split()
    if label == " ".join(words) or " ".join(words).endswith(" " + label):
        return True
    return 2 <= len(label) <= 3 and len(words) == len(label) and all(w.lstrip("'\u2019")[:1] == c for w, c in zip(words, label))
