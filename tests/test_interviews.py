"""A printed interview's answers (no quotation marks) are quotations of the person their label names."""

from __future__ import annotations

import pytest

from dossier.extract.interviews import answers, interviewee, labelled, questioners
from tests.quotes_support import article_from_text, extract

LESOTHO = [
    "Lesotho Times (LT) Reporter Jane Doe spoke to the Chairperson of the Law Committee, Lekhetho Mosito.",
    "LT: The opposition walked out of parliament. Were they right to react the way they did?",
    "LM: They walked out prematurely. They should have waited to see what the next step would be.",
    "LT: What made the government adopt this stance?",
    "LM: It is not that the government has deviated from its original plan.",
]
PRESS_CONFERENCE = [
    "Taking questions for the visitors were captain Sunil Kumar and coach Manpreet Singh.",
    "Q: What do you have to say about the game today?",
    "Manpreet Singh: This season has witnessed a lot of close games between good teams.",
    "Gujarat Fortunegiants",
    "Q: Any comments about the defence today?",
    "Sunil Kumar: Our defence was better than theirs and it showed in the result.",
]


@pytest.mark.parametrize("text, label", [
    ("LM: They walked out prematurely.", ("LM", 4)),
    ("Q: Any comments?", ("Q", 3)),
    ("Manpreet Singh: This season has witnessed a lot.", ("Manpreet Singh", 16)),
    ("The minister said: we will act.", None),  # a colon after prose is no label
    ("10:30: the polls open", None),
])
def test_a_label_opens_its_paragraph(text, label):
    assert labelled(text) == label


@pytest.mark.parametrize("paragraphs, asking", [
    (LESOTHO, {"LT"}),
    (PRESS_CONFERENCE, {"Q"}),
    (["Update: the count resumes?", "Note: figures are provisional."], set()),  # one question is no interview
])
def test_the_questions_label_is_the_one_that_asks_twice(paragraphs, asking):
    assert questioners(paragraphs) == asking


@pytest.mark.parametrize("paragraphs, found", [
    (LESOTHO, [(2, "LM", "They walked out"), (4, "LM", "It is not that")]),
    # a heading between answers ends no sentence and is no answer
    (PRESS_CONFERENCE, [(2, "Manpreet Singh", "This season"), (5, "Sunil Kumar", "Our defence")]),
    # an answer goes on in the paragraphs after it until the next label
    (["Q: How did it start?", "A: It began with the setting.", "I wanted the town to be a character.",
      "Q: And then?", "A: Then the people came."],
     [(1, "A", "It began"), (2, "A", "I wanted"), (4, "A", "Then the")]),
    (["Q: One?", "Q: Two?"], []),
])
def test_each_answer_paragraph_is_a_quotation_under_its_label(paragraphs, found):
    got = [(a.quotation.paragraph, a.label, a.quotation.text(paragraphs)) for a in answers(paragraphs)]
    assert len(got) == len(found)
    for (p, label, text), (want_p, want_label, opening) in zip(got, found):
        assert (p, label) == (want_p, want_label) and text.startswith(opening), (got, found)


@pytest.mark.parametrize("label, people, who", [
    ("LM", ["Jane Doe", "Lekhetho Mosito"], "Lekhetho Mosito"),
    ("LM", ["Lekhetho Mosito", "Lerato Mokoena"], None),  # two people with those initials: unsaid
    ("A", ["Ruth Kiprono"], None),  # a bare "A" names no one, though one person is named
])
def test_initials_name_the_interviewee(label, people, who):
    assert interviewee(label, people) == who


@pytest.mark.parametrize("paragraphs, spoken", [
    (LESOTHO, {("They walked out prematurely. They should have waited to see what the next step would be.",
                "Lekhetho Mosito"),
               ("It is not that the government has deviated from its original plan.", "Lekhetho Mosito")}),
    (PRESS_CONFERENCE, {("This season has witnessed a lot of close games between good teams.", "Manpreet Singh"),
                        ("Our defence was better than theirs and it showed in the result.", "Sunil Kumar")}),
    # answers under "A:" are left out; a quotation inside one is its own (tests/corpus/41-qa-interview)
    (["Ruth Kiprono won her third Boston Marathon on Monday.", "Q: How did you cope with the heat?",
      "A: I trained in Iten at altitude, so the heat was the smaller problem.", "Q: Will you run in Paris?",
      "A: Maybe. My body will decide, not me."], set()),
])
def test_an_interviews_answers_are_quotes_of_whom_their_label_names(paragraphs, spoken):
    quotes = extract(article_from_text("Title\n\n" + "\n\n".join(paragraphs))).quotes
    assert {(q.text, q.speaker) for q in quotes} == spoken
