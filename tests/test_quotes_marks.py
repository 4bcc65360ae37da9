"""Quotation marks: which pair up, which are apostrophes, what a mark left open does; and the
verbatim gate every extracted quote passes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dossier.extract import extract as dossier_extract
from dossier.extract.quotemarks import find_quotations
from dossier.ingest import parse_seed
from dossier.extract.quotes import extract_quotes, verify_verbatim
from dossier.model import QuoteMention
from tests.quotes_support import article_from_text, extract

PAIRING = [
    # (paragraphs, top-level quotations as printed between their marks, paragraphs with a mark left open)
    (["He said \u201ca b c d\u201d today."], ["a b c d"], []),
    (['"a b," he said.'], ["a b,"], []),
    (["\u2018a b c,\u2019 she said."], ["a b c,"], []),
    (["Il a dit \u00ab a b c \u00bb hier."], ["a b c"], []),
    # a curly double mark printed with spaces on both sides: its shape says which it is
    (["\u201c The BCP is of the view,\u201d he said. \u201cThe Bill if passed, will circumvent it, \u201d he said."],
     ["The BCP is of the view,", "The Bill if passed, will circumvent it,"], []),
    (["Er sagte \u201ea b c\u201c gestern."], ["a b c"], []),
    (["Er sagte \u00bba b c\u00ab gestern."], ["a b c"], []),
    (["\u201ca b\u201d and \"c d\" and \u2018e f\u2019 and 'g h'"], ["a b", "c d", "e f", "g h"], []),
    (["NATO\u2019s members\u2019 view: it's the countries' call, O'Brien's too."], [], []),
    (["Since the \u201990s and the '80s, rock 'n' roll."], ["n"], []),
    (['"He told me \'no way\' twice," she said.'], ["He told me 'no way' twice,"], []),
    (['\u201cHe told me \u201cnever again,\u201d and I believed him,\u201d she said.'],
     ["He told me \u201cnever again,\u201d and I believed him,"], []),
    (["'The farmers' reserves are low,' he said."], ["The farmers' reserves are low,"], []),
    (['He said "a b c. Then "d e f g," she said.'], ["d e f g,"], [0]),
    (["he said.\u201d Then \u201ca b c d,\u201d she said."], ["a b c d,"], []),
    (['"a b c', '"d e f," he said.'], ["a b c d e f,"], []),
    (['"a b c', '"d e f', '"g h," he said.'], ["a b c d e f g h,"], []),
    (['"a b c', "Then he left.", '"d e f g," she said.'], ["d e f g,"], [0]),
    (['"never closed'], [], [0]),
    # a quotation the article's end cuts off (a stored copy stops after its last whole paragraph)
    (['Jo Bloggs said:', '\u201ca b c d.', '\u201ce f g h. '], ["a b c d. e f g h."], []),
    (['The judge said: "a b c d.'], ["a b c d."], []),
    (['"a b c d.', "Then he left."], [], [0]),  # not at the end: left open
    (['He called it "a b c d.'], [], [0]),  # neither opening its paragraph nor after a colon
    (['"a b c d'], [], [0]),  # cut mid-sentence
    (['\u201ca b \u2018c d.'], [], [0]),  # two marks left open: which one ends where is unsure
    # a quotation whose closing mark the page lost where its paragraph ends, in the middle of an article
    (['The judge said: "a b c d.', "Then he left."], ["a b c d."], []),
    (["Jo said: 'a b's c d.", "Then he left."], ["a b's c d."], []),
    (['It was over. \u201ca b c d.', "Then he left."], ["a b c d."], []),  # after a sentence's end
    (['The judge said: "a b c d', "Then he left."], [], [0]),  # its words stop mid-sentence
    (['\u2018a b c d.', "Then he left."], [], [0]),  # opening its paragraph: \u2018Eua, an island, prints it too
    (['He said: \u201ca b \u2018c d.', "Then he left."], [], [0]),  # two marks left open
    (['He called it "a b c d.', "Then he left."], [], [0]),  # neither after a colon nor a sentence's end
    # a statement whose inner paragraphs lost their opening marks: closed by a later paragraph
    (['\u201ca b c d.', 'e f g h.', 'i j k l.\u201d'], ["a b c d. e f g h. i j k l."], []),
    (['\u201ca b c d.', 'e f g h,\u201d she said.'], ["a b c d. e f g h,"], []),
    (['He said: \u201ca b c d.', 'e f g h. \u201d'], ["a b c d. e f g h."], []),
    (['\u201ca b c d', 'e f g h.\u201d'], [], [0]),  # its first paragraph stops mid-sentence
    (['He called it \u201ca b c d.', 'e f g h.\u201d'], [], [0]),  # neither opening its paragraph nor after a colon
    (['\u201ca b c d.', 'He said \u201ce f g h.\u201d'], ["e f g h."], [0]),  # another mark opens in between
    (['\u201ca b c d.', *['Then.'] * 7, 'e f g h.\u201d'], [], [0]),  # too long a run to be one statement
    (["", '""', "\u201c\u201d \u2019 ' \" \u00ab"], ["", ""], [2]),
]


@pytest.mark.parametrize("paragraphs, quoted, open_in", PAIRING)
def test_marks_pair_by_context(paragraphs, quoted, open_in):
    quotations, unclosed = find_quotations(paragraphs)
    assert [q.text(paragraphs) for q in quotations] == quoted
    assert [u.paragraph for u in unclosed] == open_in


def test_multi_paragraph_quotation_spans_its_paragraphs():
    paragraphs = ['She said: "a b c', "Unrelated.", '"x y z', '"d e f," she said.']
    (quotation,), unclosed = find_quotations(paragraphs)
    assert (quotation.paragraph, quotation.end_paragraph) == (2, 3)
    assert paragraphs[2][quotation.open_at] == '"' and paragraphs[3][quotation.close_at - 1] == '"'
    assert [u.paragraph for u in unclosed] == [0]


def test_unclosed_mark_is_a_problem_naming_file_and_paragraph():
    article = article_from_text(
        "Title\n\n"
        'The mayor called it "the most important decision in a decade.\n\n'
        'Later the mayor said: "We will come back to this next month."\n',
        file="council.txt",
    )
    extraction = extract(article)
    assert [m.text for m in extraction.quotes] == ["We will come back to this next month."]
    (problem,) = extraction.problems
    assert problem.file == "council.txt" and "paragraph 1" in problem.message


def test_extract_parses_paragraphs_itself_when_not_given_parses():
    article = article_from_text('Title\n\n"We will win this war together," Grushko said.\n')
    given = extract(article).quotes
    assert given and extract_quotes(article, [])[0] == list(given)


# --------------------------------------------------------------------------
# the verbatim gate

ARTICLE = article_from_text(
    "Title\n\n"
    "\u201cThe plan is sound,\u201d she said, \u201cbut the timing is wrong.\u201d\n\n"
    '"First part of it\n\n'
    '"second part," he said.\n',
    file="gate.txt",
)


def mention(text: str, paragraph: int = 1, end: int | None = None) -> QuoteMention:
    return QuoteMention(source=ARTICLE.id, paragraph=paragraph, text=text, speaker=None, method="unattributed",
                        end_paragraph=end)


@pytest.mark.parametrize("text, paragraph, end, verbatim", [
    ('The plan is sound', 1, None, True),
    ('"The plan is sound"', 1, None, False),  # the marks are not the speaker's words
    ("The plan is sound \u2026 but the timing is wrong.", 1, None, True),
    ("The plan is sound ... but the timing is wrong.", 1, None, True),
    ("but the timing is wrong \u2026 The plan is sound", 1, None, False),  # parts out of order
    ("The plan is safe", 1, None, False),  # a word changed
    ("The plan is sound", 2, None, False),  # the wrong paragraph
    ("First part of it second part", 2, 3, True),  # over two paragraphs, the reopening mark left out
    ("First part of it second part", 2, None, False),
    ("second part", 9, None, False),  # no such paragraph
    ("\u2026", 1, None, False),  # nothing of the source at all
])
def test_verbatim_gate(text, paragraph, end, verbatim):
    problems = verify_verbatim([mention(text, paragraph, end)], ARTICLE)
    assert (problems == []) == verbatim
    assert all(p.file == "gate.txt" for p in problems)


def test_every_extracted_quote_passes_the_gate():
    quotes = extract(ARTICLE).quotes
    assert [q.text for q in quotes] == ["The plan is sound \u2026 but the timing is wrong.",
                                        "First part of it second part"]
    assert verify_verbatim(quotes, ARTICLE) == []
    assert verify_verbatim([replace(quotes[0], source="elsewhere")], ARTICLE) != []


def test_apostrophes_printed_as_right_double_marks_neither_cut_a_quotation_nor_make_an_actor():
    """A page that prints every apostrophe as ” (don”t, I”m): ingest mends them (text.with_apostrophes)."""
    text = ("Water rates rise\n\n"
            "\u201cIf you pass this tonight, I\u201dm calling for a recall of this board,\u201d said Fremont "
            "resident Abhijit Basu.\n\n"
            "\u201cMost reduce costs. If you don\u201dt, that\u201ds nonsense,\u201d customer Gene Roth said.\n")
    article, _ = parse_seed(text, "rates.txt")
    found = dossier_extract(article)
    assert [(q.text, q.speaker) for q in found.quotes] == [
        ("If you pass this tonight, I\u2019m calling for a recall of this board", "Abhijit Basu"),
        ("Most reduce costs. If you don\u2019t, that\u2019s nonsense", "Gene Roth"),
    ]
    names = {a.name for a in found.actors}
    assert {"Abhijit Basu", "Gene Roth"} <= names <= {"Abhijit Basu", "Gene Roth", "Fremont"}  # never "I”m"


def test_a_statement_whose_inner_paragraphs_lost_their_marks_is_one_quote_with_its_speaker():
    """Only the first opening mark and the last closing one printed: one quotation, its speaker named after it."""
    article = article_from_text(
        "Lawyers question the bail\n\n"
        "Lawyer Makebi Zulu asked the magistrate to step aside.\n\n"
        "\u201cI had asked to meet in chambers but he declined. The accused was arrested on Thursday.\n\n"
        "In the warrant, the officer was asked to bring the accused to court today,\u201d Zulu said.\n")
    found = extract(article)
    assert [(q.text, q.speaker) for q in found.quotes] == [
        ("I had asked to meet in chambers but he declined. The accused was arrested on Thursday. "
         "In the warrant, the officer was asked to bring the accused to court today", "Makebi Zulu")]
    assert not any("never closed" in p.message for p in found.problems)


def test_a_statement_run_on_through_unmarked_paragraphs_that_names_no_speaker_goes_to_the_editor():
    """Without a speaker, nothing but layout says the paragraphs are one statement: no quote, a problem."""
    article = article_from_text(
        "Concert cancelled\n\n"
        "\u201cWe are sorry to announce that the concert is cancelled. Ticket sales were far too low.\n\n"
        "The original line-up had three bands. One of them cancelled its whole tour in the spring.\n\n"
        "We are terribly sorry about the cancellation and regret it for every fan. \u201d\n")
    found = extract(article)
    assert found.quotes == ()
    assert [p.message for p in found.problems] == [
        "paragraph 1: the quotation opened there runs on through paragraphs that print no marks and names no "
        "speaker; it is left out"]


def test_a_labelled_run_through_unmarked_paragraphs_is_a_name_not_a_statement_without_a_speaker():
    """Words after "headlined:" are a title, left out as one: the editor is not told a speaker is missing."""
    article = article_from_text(
        "Union publishes letter\n\n"
        "The union sent members a letter headlined: \u201cWhy we walk out on Monday, and what we ask of the board.\n\n"
        "The board has refused every offer we made since the spring and cut the pay of night staff.\n\n"
        "We ask every member to join the picket at eight in the morning. \u201d\n")
    found = extract(article)
    assert found.quotes == ()
    assert not any("names no speaker" in p.message for p in found.problems)


def test_a_quotation_the_articles_end_cuts_off_is_kept_with_its_speaker():
    """A stored page that stops after its last whole paragraph, inside a quotation of several paragraphs."""
    article = article_from_text(
        "Fee rise hits jobs\n\n"
        "Responding to the announcement, union leader Philippa Childs said:\n\n"
        "\u201cThe two-year freeze has already had an incredibly damaging impact on jobs.\n\n"
        "\u201cIts failure to honour the planned increase will mean more cuts for the service.\n")
    found = extract(article)
    assert [(q.text, q.speaker) for q in found.quotes] == [
        ("The two-year freeze has already had an incredibly damaging impact on jobs. "
         "Its failure to honour the planned increase will mean more cuts for the service.", "Philippa Childs")]
    assert not any("never closed" in p.message for p in found.problems)


def test_a_quotation_whose_closing_mark_is_lost_mid_article_is_kept_with_its_speaker():
    """'said: 'The PM's ... others.' with no mark to close it, a caption after it: the quote, its speaker."""
    article = article_from_text(
        "Bishops turn on the PM\n\n"
        "Bishop of Worcester John Inge said: 'The PM's defence of his adviser is an insult to all who made sacrifices.\n\n"
        "John Inge (left) and Paul Butler (right) both spoke out against the Prime Minister\n")
    found = extract(article)
    assert [(q.text, q.speaker) for q in found.quotes] == [
        ("The PM's defence of his adviser is an insult to all who made sacrifices.", "John Inge")]
    assert not any("never closed" in p.message for p in found.problems)
