"""Interview transcripts: which runs of labelled paragraphs are one, and whose quotations their answers are."""

from __future__ import annotations

import pytest

from dossier.extract import extract
from dossier.extract.transcript import answerer, find_turns, introduced
from tests.quotes_support import CORPUS, article_from_text, corpus_article

QA = ["Ruth Kiprono won her third marathon on Monday.",
      "Q: How did you cope with the heat?",
      "A: I trained at altitude, so the heat was the smaller problem.",
      "I had run in worse before.",
      "Q: Will you run in Paris?",
      "A: Maybe. My body will decide, not me."]


@pytest.mark.parametrize(("paragraphs", "turns"), [
    # "Q:"/"A:" turns; a first-person paragraph carries an answer on
    (QA, [(1, "Q", True), (2, "A", False), (3, "A", False), (4, "Q", True), (5, "A", False)]),
    # the report after the last answer is no part of it
    ([*QA, "Kiprono later posted a photo of the finish line."],
     [(1, "Q", True), (2, "A", False), (3, "A", False), (4, "Q", True), (5, "A", False)]),
    # time codes and names, an interviewer among them
    (["Time code Person English",
      "00.01 Interviewer Mr President, where does the economy stand today?",
      "00.22 Lind I would like to thank you for the opportunity.",
      "00.49 Lind In public finances we have made spectacular progress."],
     [(1, "Interviewer", True), (2, "Lind", False), (3, "Lind", False)]),
    # a name or initials for a label; the label that asks is the one whose turns end with a question mark
    (["Q: What do you make of the win?", "Mara Lind: We followed our plans.", "Q: And the defence?",
      "Joe Roe: It was important to stay alert."],
     [(0, "Q", True), (1, "Mara Lind", False), (2, "Q", True), (3, "Joe Roe", False)]),
    (["The reporter spoke to the chairperson.", "LT: Were they right to walk out?", "LM: They walked out too soon.",
      "LT: What made the government change course?", "LM: It has not changed course."],
     [(1, "LT", True), (2, "LM", False), (3, "LT", True), (4, "LM", False)]),
    # "Name:" lines nobody questions: a live blog's or a statement's
    (["Mara Lind: We followed our plans.", "Joe Roe: It was important to stay alert.",
      "Mara Lind: We will win again."], []),
    # two labels that ask: no sure reading
    (["Q: Why?", "A: Because.", "Host: Really?", "A: Yes.", "Q: When?", "Host: How?"], []),
    # a "Q:" and an "A:" in passing are no transcript
    (["The minister was asked about the budget.", "Q: Will taxes rise?", "A: Not this year, she said.",
      "The opposition disagreed."], []),
    # answers before any question, or labels that are not a transcript's
    (["A: First.", "Q: Second?", "A: Third.", "Q: Fourth?"], []),
    # a timetable: time codes and names, but nobody asks
    (["09.00 Registration opens in the hall.", "09.30 Keynote by the minister.", "10.15 Coffee in the foyer."], []),
    (["Opening remarks by the chair.", "14.05 Interviewer Who are you?"], []),
])
def test_find_turns(paragraphs, turns):
    assert [(t.paragraph, t.label, t.asks) for t in find_turns(paragraphs)] == turns


@pytest.mark.parametrize(("after", "carries"), [
    ("I had run in worse before.", True),
    ("I\u2019m not sure yet.", True),  # the data's "I'm" in the page's apostrophe
    ("MY COACH KNEW.", True),
    ("\u2018We knew it,\u2019 she added.", True),  # a first-person word by a quotation mark
    ("'We knew it,' she added.", True),
    ("The heat stayed with ours'.", True),
    ("Kiprono later posted a photo of the finish line.", False),
    ("Wemade it.", False),  # a word that begins like one is none
    ("We\u2019ll see.", False),  # not in data/speech_verbs.yaml's first_person_words
])
def test_a_paragraph_in_the_first_person_carries_an_answer_on(after, carries):
    paragraphs = [*QA[:3], after, *QA[4:]]
    assert (3 in [t.paragraph for t in find_turns(paragraphs)]) is carries


def test_turns_start_past_their_label():
    turn = find_turns(QA)[1]
    assert QA[turn.paragraph][turn.start:] == "I trained at altitude, so the heat was the smaller problem."


PEOPLE = [("Nicos Lind", 0, 10), ("Dimitris Roe", 2, 0)]


@pytest.mark.parametrize(("label", "people", "first_turn", "who"), [
    ("Lind", PEOPLE, 1, ("Nicos Lind", 0, 10)),  # a name label: the person whose name ends so
    ("A", PEOPLE, 1, ("Nicos Lind", 0, 10)),  # "A": the one person the introduction names
    ("A", PEOPLE, 5, None),  # two people before the first question: nobody is sure
    ("A", [("Nicos Lind", 0, 10), ("Nicos Lind", 1, 0)], 5, ("Nicos Lind", 0, 10)),
    ("Nicos Lind", PEOPLE, 1, ("Nicos Lind", 0, 10)),  # the full name
    ("NL", PEOPLE, 1, ("Nicos Lind", 0, 10)),  # initials
    ("DR", PEOPLE, 1, ("Dimitris Roe", 2, 0)),
    ("LT", PEOPLE, 1, None),
    ("Mutai", PEOPLE, 1, None),  # nobody of that name
    ("Lind", [*PEOPLE, ("Ana Lind", 3, 0)], 1, None),  # two of that name
])
def test_answerer(label, people, first_turn, who):
    assert answerer(label, people, first_turn) == who


@pytest.mark.parametrize(("paragraphs", "names"), [
    (["Meg Moore is the author of the new novel Two Truths.", "Her other books include The Islanders."],
     ["Meg Moore"]),
    (["Meg Moore won the prize on Monday.", "The novel is her third."], []),
])
def test_introduced(paragraphs, names):
    assert [name for name, _, _ in introduced(paragraphs)] == names


def test_answers_are_quotes_of_the_interviewee_and_questions_are_not():
    found = extract(corpus_article(CORPUS / "41-qa-interview.txt")).quotes
    assert [(q.paragraph, q.speaker, q.method, q.text) for q in found if q.method == "transcript"] == [
        (3, "Ruth Kiprono", "transcript",
         "I trained in Iten at altitude, so the heat was the smaller problem. The hills after mile 16 were the real test."),
        (7, "Ruth Kiprono", "transcript", "Maybe. My body will decide, not me.")]
    transcript = next(q for q in found if q.method == "transcript")
    assert transcript.parts == ((3, 3, len(transcript.text) + 3),) and transcript.confidence == "likely"
    assert not any(q.text.startswith(("How did you", "Will you")) for q in found)


def test_time_coded_answers_are_quotes_of_the_person_the_label_names():
    article = article_from_text("\n".join([
        "Interview with the President",
        "Cyprus President Nicos Anastasiades hopes to see greater investment from China.",
        "Time code Person English",
        "00.01 Interviewer Mr President, where does the economy stand today, compared to one year ago?",
        "00.22 Anastasiades I would like to divide my answer into two parts: public finances and the private sector.",
        "00.49 Anastasiades In public finances, it seems that we have indeed made spectacular progress."]))
    found = [(q.paragraph, q.speaker) for q in extract(article).quotes if q.method == "transcript"]
    assert found == [(4, "Nicos Anastasiades"), (5, "Nicos Anastasiades")]
