"""Publishing gates on how sure each decision is (model.Confidence, dossier/data/confidence.yaml):
an attribution that was a guess among several people reaches the review page, not the reader."""

from __future__ import annotations

import json

import pytest
import yaml

from dossier import curation
from dossier.build import BuildConfig, build
from dossier.errors import InputError
from dossier.extract import extract
from dossier.ingest import read_seeds
from dossier.model import Actor, Confidence, Occurrence, Position, Quote, Statement, Topic
from dossier.review import respoken, sure_positions
from dossier.weighing import weigh
from tests.conftest import ROOT

ARTICLE = """Ministers meet in Warsaw

Defence Minister Tomas Berg met Foreign Minister Piotr Nowak in Warsaw on Monday to discuss the border.

"We will not accept any deal that ignores the security of the region," he said.

Prime Minister Anna Kowalska spoke later in the day.

"Our borders are not for sale to anyone at any price," she said.
"""
GUESSED = "We will not accept any deal that ignores the security of the region"  # "he": Berg or Nowak
SURE_ENOUGH = "Our borders are not for sale to anyone at any price"  # "she": only Kowalska fits


def page(path) -> tuple[dict, str]:
    _, meta, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(meta), body


def test_a_speaker_guessed_among_several_is_unsure_and_one_who_alone_fits_is_likely(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    [article], _ = read_seeds(tmp_path / "seeds")
    found = {q.text: (q.speaker, q.method, q.confidence) for q in extract(article).quotes}
    assert found == {GUESSED: ("Tomas Berg", "pronoun", Confidence.UNSURE),
                     SURE_ENOUGH: ("Anna Kowalska", "pronoun", Confidence.LIKELY)}


def test_an_unsure_attribution_is_on_the_review_page_and_not_stated_on_the_quote_page(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    docs = tmp_path / "docs"
    build(BuildConfig(seeds=tmp_path / "seeds", docs=docs, curation=tmp_path / "none.yaml",
                      ledger=tmp_path / "permalinks.yaml", mkdocs_yml=ROOT / "mkdocs.yml"))
    quotes = {q["text"]: q for q in map(json.loads, (docs / "data" / "quotes.jsonl").read_text().splitlines())}
    guessed, sure = quotes[GUESSED], quotes[SURE_ENOUGH]

    assert (guessed["speaker"], guessed["speaker_name"]) == (None, None)  # not published as fact anywhere
    _, body = page(docs / "quotes" / f"{guessed['id']}.md")
    assert '<p class="dossier-said-by" markdown>— speaker not confirmed</p>' in body
    assert "**Said by:** not confirmed: the speaker was only inferred ([awaiting review](../story/review.md))" in body
    assert "actors/tomas-berg.md" not in body  # the article's words are quoted in context, never as the speaker
    assert GUESSED not in (docs / "actors" / "tomas-berg.md").read_text(encoding="utf-8")

    meta, review = page(docs / "story" / "review.md")
    assert meta["title"] == "Awaiting review"
    entries = [line for line in review.splitlines() if line.startswith("- ")]
    [entry] = [line for line in entries if "(../quotes/" in line]
    assert f"(../quotes/{guessed['id']}.md)" in entry and GUESSED in entry
    assert "possibly [Tomas Berg](../actors/tomas-berg.md), found by pronoun" in entry
    assert "(../sources/talks.md#p2)" in entry
    # what the guessed speaker says in the first person ("We will not accept any deal") is no position of theirs
    [stance] = [line for line in entries if "(position `tomas-berg--deal`)" in line]
    assert "opposes</span> Deal" in stance and "found by holder quoted, topic stated" in stance
    assert not (docs / "positions" / "tomas-berg--deal.md").exists()
    assert "Deal" not in (docs / "actors" / "tomas-berg.md").read_text(encoding="utf-8")

    assert sure["speaker"] == "anna-kowalska"  # likely: published
    _, body = page(docs / "quotes" / f"{sure['id']}.md")
    assert "**Said by:** [Anna Kowalska](../actors/anna-kowalska.md)" in body
    assert SURE_ENOUGH not in review


def test_an_unsure_merge_of_two_names_is_listed_on_the_review_page(tmp_path):
    """ "Alves" alone in one article joins the only full name that has it, in another: made (so the pages
    stay where they are) but listed for the editor, who can `split` it."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "one.txt").write_text("Port talks resume\n\nTrade minister Rodrigo Alves Benítez met union leaders "
                                   "in Santos on Monday.\n", encoding="utf-8")
    (seeds / "two.txt").write_text('Dockers strike in Santos\n\nDockers walked out in Santos on Tuesday.\n\n'
                                   '"We will not sign a deal that leaves the dockers behind," Alves said.\n',
                                   encoding="utf-8")
    docs = tmp_path / "docs"
    build(BuildConfig(seeds=seeds, docs=docs, curation=tmp_path / "none.yaml", ledger=tmp_path / "permalinks.yaml",
                      mkdocs_yml=ROOT / "mkdocs.yml"))
    _, review = page(docs / "story" / "review.md")
    assert "## Names taken as one actor" in review
    assert "- “Alves” as [Rodrigo Alves Benítez](../actors/rodrigo-alves-benitez.md), by name part" in review
    assert "Nothing is waiting for review." not in review
    assert sorted(p.name for p in (docs / "actors").glob("*.md")) == ["index.md", "rodrigo-alves-benitez.md"]


def test_a_source_whose_text_names_no_outlet_is_listed_for_review_until_its_frontmatter_gives_one(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "one.txt").write_text("Port talks resume\n\nSANTOS (Harbour TV) \u2014 Union leaders met on Monday.\n",
                                   encoding="utf-8")
    (seeds / "two.txt").write_text("Dockers strike in Santos\n\nDockers walked out in Santos on Tuesday.\n",
                                   encoding="utf-8")
    docs = tmp_path / "docs"

    def review() -> str:
        build(BuildConfig(seeds=seeds, docs=docs, curation=tmp_path / "none.yaml",
                          ledger=tmp_path / "permalinks.yaml", mkdocs_yml=ROOT / "mkdocs.yml"))
        return page(docs / "story" / "review.md")[1]

    listed = review()
    assert "## Outlets" in listed and "give `outlet:` in the frontmatter" in listed
    assert "- [Dockers strike in Santos](../sources/two.md), seed file two.txt" in listed
    assert "../sources/one.md" not in listed  # its dateline credits its own station
    assert "**Outlet:** Harbour TV" in page(docs / "sources" / "one.md")[1]

    (seeds / "two.txt").write_text("---\noutlet: Santos Daily\n---\nDockers strike in Santos\n\nDockers walked "
                                   "out in Santos on Tuesday.\n", encoding="utf-8")
    settled = review()
    assert "## Outlets" not in settled and "Nothing is waiting for review." in settled
    assert "Santos Daily" in page(docs / "sources" / "two.md")[1]


def _built_with_curation(tmp_path, curation_text: str) -> tuple[dict, str]:
    """The quotes of ARTICLE's build with `curation_text` as curation.yaml, and its review page's body."""
    (tmp_path / "seeds").mkdir(exist_ok=True)
    (tmp_path / "seeds" / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "curation.yaml").write_text(curation_text, encoding="utf-8")
    docs = tmp_path / "docs"
    build(BuildConfig(seeds=tmp_path / "seeds", docs=docs, curation=tmp_path / "curation.yaml",
                      ledger=tmp_path / "permalinks.yaml", mkdocs_yml=ROOT / "mkdocs.yml"))
    quotes = {q["text"]: q for q in map(json.loads, (docs / "data" / "quotes.jsonl").read_text().splitlines())}
    return quotes, page(docs / "story" / "review.md")[1]


def test_the_editor_confirms_a_withheld_speaker_or_removes_one_in_curation(tmp_path):
    quotes, _ = _built_with_curation(tmp_path, "")
    guessed, sure = quotes[GUESSED]["id"], quotes[SURE_ENOUGH]["id"]
    quotes, review = _built_with_curation(
        tmp_path, f"quotes:\n  {guessed}:\n    speaker: Piotr Nowak\n  {sure}:\n    speaker: null\n")
    assert (quotes[GUESSED]["speaker"], quotes[GUESSED]["speaker_name"]) == ("piotr-nowak", "Piotr Nowak")
    assert quotes[SURE_ENOUGH]["speaker"] is None
    assert GUESSED in (tmp_path / "docs" / "actors" / "piotr-nowak.md").read_text(encoding="utf-8")
    entries = [line for line in review.splitlines() if line.startswith("- ")]
    assert not [line for line in entries if "(../quotes/" in line]  # both speakers settled
    # the stance the words gave moves with them to the speaker the editor named, published now that who said
    # them is sure: "We will not accept any deal" is Nowak's position, no longer Berg's doubt
    assert not [line for line in entries if "(position `" in line]
    positions = {p["id"]: p for p in map(json.loads, (tmp_path / "docs" / "data" / "positions.jsonl").read_text()
                                         .splitlines())}
    assert {p: positions[p]["stance"] for p in positions} == {"piotr-nowak--deal": "oppose"}  # meeting "to discuss
    # the border" is no openness to it (stances._deliberates)
    assert not (tmp_path / "docs" / "positions" / "tomas-berg--deal.md").exists()
    meta, _ = page(tmp_path / "docs" / "positions" / "piotr-nowak--deal.md")
    assert meta["stance"] == "oppose"


def test_a_quote_the_editor_says_nobody_is_named_for_holds_no_stance(tmp_path):
    quotes, _ = _built_with_curation(tmp_path, "")
    _, review = _built_with_curation(tmp_path, f"quotes:\n  {quotes[GUESSED]['id']}:\n    speaker: null\n")
    assert not [line for line in review.splitlines() if "(position `" in line]
    positions = [json.loads(line)["id"] for line in (tmp_path / "docs" / "data" / "positions.jsonl").read_text()
                 .splitlines()]
    assert positions == []


def test_a_curated_speaker_must_be_an_actor(tmp_path):
    quotes, _ = _built_with_curation(tmp_path, "")
    with pytest.raises(InputError, match=r"curation.yaml:3: unknown actor 'Piotr Nowack'"):
        _built_with_curation(tmp_path, f"quotes:\n  {quotes[GUESSED]['id']}:\n    speaker: Piotr Nowack\n")


# --------------------------------------------------------------------------
# stances: a sentence read as a stance in an unsure way is weighed out of the published positions


def statement(stance: str, paragraph: int, confidence: Confidence) -> Statement:
    return Statement(stance, "a", paragraph, f"Sentence {paragraph}.", "holder stated, topic stated", confidence)


LIKELY, UNSURE, SURE = Confidence.LIKELY, Confidence.UNSURE, Confidence.SURE


@pytest.mark.parametrize("statements, published, withheld", [
    # every sentence likely: published as weighed, nothing to review
    ([("oppose", 1, LIKELY), ("support", 2, LIKELY)], ("oppose", [1]), []),
    # an unsure sentence is weighed out: the likely one decides, however many unsure ones outvote it
    ([("support", 1, LIKELY), ("oppose", 2, UNSURE), ("oppose", 3, UNSURE)], ("support", [1]), [2, 3]),
    # a position resting on unsure sentences alone is not published
    ([("oppose", 1, UNSURE)], None, [1]),
    # settled by an editor (curation): sure, published whatever extraction thought
    ([("oppose", 1, SURE)], ("oppose", [1]), []),
])
def test_unsure_stances_are_weighed_out_of_published_positions_and_listed_for_review(statements, published,
                                                                                        withheld):
    position = weigh("norway", "ceasefire", [statement(*row) for row in statements])
    positions, topics, doubts = sure_positions([position], [Actor("norway", "Norway", "country")],
                                               [Topic("ceasefire", "Ceasefire")])
    found = [(p.stance, [m.paragraph for m in p.evidence]) for p in positions]
    assert found == ([published] if published else [])
    assert [t.id for t in topics] == (["ceasefire"] if published else [])  # no topic page with no position
    assert [(d.page, d.claim, d.topic_title, d.evidence[0].paragraph) for d in doubts] == [
        ("norway--ceasefire", "Norway", "Ceasefire", paragraph) for paragraph in withheld]


def quoted(paragraph: int, confidence: Confidence, quote: int | None) -> Statement:
    return Statement("oppose", "a", paragraph, f"Sentence {paragraph}.", "holder quoted, topic stated", confidence,
                     quote, Confidence.LIKELY)


ACTORS = [Actor("tomas-berg", "Tomas Berg", "person"), Actor("poland", "Poland", "country"),
          Actor("piotr-nowak", "Piotr Nowak", "person", roles=[("Foreign Minister", "a")], affiliation="poland"),
          Actor("anna-kowalska", "Anna Kowalska", "person", roles=[("Prime Minister", "a")], affiliation="poland")]


@pytest.mark.parametrize("speaker, expected", [
    # the quotation's first-person stance moves to the speaker the editor named, as sure as its reading
    ("anna-kowalska", {"anna-kowalska--deal": [(2, LIKELY)], "tomas-berg--deal": [(1, LIKELY)]}),
    # an official's words are the side they speak for (spokespeople.holder_of)
    ("piotr-nowak", {"poland--deal": [(2, LIKELY)], "tomas-berg--deal": [(1, LIKELY)]}),
    # nobody spoke: nobody holds it
    (None, {"tomas-berg--deal": [(1, LIKELY)]}),
])
def test_the_stances_a_quotes_words_state_follow_the_speaker_the_editor_names(speaker, expected):
    position = weigh("tomas-berg", "deal", [quoted(1, LIKELY, None), quoted(2, UNSURE, 3)])  # 2: "he", guessed
    said = Quote("q1", "We will not accept any deal", speaker, None,
                 occurrences=[Occurrence("a", 2, "We will not accept any deal", "", "pronoun", index=3)])
    found = respoken([position], [said], ACTORS)
    assert {p.id: [(s.paragraph, s.confidence) for s in p.statements] for p in found} == expected


def test_positions_no_named_speaker_touches_stay_as_they_were():
    position = weigh("tomas-berg", "deal", [quoted(1, LIKELY, 2)])
    unweighed = Position("poland--border", "poland", "border", "oppose")  # as hand-made dossiers have it: no sentence
    said = Quote("q1", "Other words entirely", "anna-kowalska", None,
                 occurrences=[Occurrence("a", 4, "Other words entirely", "", "explicit", index=3)])
    assert respoken([position, unweighed], [said], ACTORS) == [unweighed, position]


RECALLED = """Ceasefire talks in Geneva

France called for an immediate ceasefire on Monday.

Germany rejected the call.
"""  # what Germany rejected is recalled from the paragraph before: unsure (data/confidence.yaml)


def _positions_built(tmp_path, curation_text: str) -> tuple[dict, str, list[str]]:
    """The positions of RECALLED's build with `curation_text` as curation.yaml, its review page's body and its
    warnings."""
    (tmp_path / "seeds").mkdir(exist_ok=True)
    (tmp_path / "seeds" / "talks.txt").write_text(RECALLED, encoding="utf-8")
    (tmp_path / "curation.yaml").write_text(curation_text, encoding="utf-8")
    docs = tmp_path / "docs"
    result = build(BuildConfig(seeds=tmp_path / "seeds", docs=docs, curation=tmp_path / "curation.yaml",
                               ledger=tmp_path / "permalinks.yaml", mkdocs_yml=ROOT / "mkdocs.yml"))
    positions = {p["id"]: p for p in map(json.loads, (docs / "data" / "positions.jsonl").read_text().splitlines())}
    return positions, page(docs / "story" / "review.md")[1], [str(p) for p in result.problems]


def test_a_stance_read_unsurely_is_on_the_review_page_and_on_no_position_page(tmp_path):
    positions, review, _ = _positions_built(tmp_path, "")
    assert {p: positions[p]["stance"] for p in positions} == {"france--ceasefire": "support"}
    assert not (tmp_path / "docs" / "positions" / "germany--ceasefire.md").exists()
    [entry] = [line for line in review.splitlines() if line.startswith("- ") and "(position `" in line]
    assert entry.startswith("- [Germany](../actors/germany.md) <span class=\"dossier-stance dossier-stance--oppose\">")
    assert "(position `germany--ceasefire`), found by holder stated, topic recalled" in entry
    assert "[Ceasefire](../topics/ceasefire.md)" in entry
    assert "(../sources/talks.md#p2)" in entry and "“Germany rejected the call.”" in entry


def test_the_editor_settles_a_withheld_position_or_removes_one_in_curation(tmp_path):
    positions, review, _ = _positions_built(
        tmp_path, "positions:\n  germany--ceasefire:\n    stance: oppose\n"
                  "  france--ceasefire:\n    stance: null\n")
    assert {p: positions[p]["stance"] for p in positions} == {"germany--ceasefire": "oppose"}
    assert positions["germany--ceasefire"]["sentences"] == ["Germany rejected the call."]
    assert "## Stances" not in review and "germany--ceasefire" not in review  # settled: awaits no review


@pytest.mark.parametrize("text, error", [
    ("positions:\n  a--b:\n    stance: maybe\n", r"curation.yaml:3: unknown stance 'maybe'"),
    ("positions:\n  a--b:\n    speaker: x\n", r"curation.yaml:3: unknown key 'speaker' for position 'a--b'"),
    ("positions:\n  a--b: {}\n", r"curation.yaml:2: position 'a--b' needs 'stance'"),
    ("positions:\n  ../x:\n    stance: open\n", r"curation.yaml:2: position id '../x' is not an id"),
])
def test_a_curated_stance_must_be_a_stance_of_a_position_id(text, error):
    with pytest.raises(InputError, match=error):
        curation.parse(text)


def test_a_curated_position_no_source_states_is_reported(tmp_path):
    positions, _, problems = _positions_built(tmp_path, "positions:\n  spain--ceasefire:\n    stance: open\n")
    assert "spain--ceasefire" not in positions
    assert problems == [
        "curation.yaml: line 2: position 'spain--ceasefire' is in no source: its stance cannot be set"]


def test_a_position_never_published_is_never_pinned_and_one_published_then_withheld_is_a_tombstone(tmp_path):
    _positions_built(tmp_path, "")  # Germany's stance rests on an unsure sentence alone: withheld
    _positions_built(tmp_path, "")
    ledger = yaml.safe_load((tmp_path / "permalinks.yaml").read_text(encoding="utf-8"))
    assert "germany--ceasefire" not in ledger["positions"]  # the ledger holds what was published
    _positions_built(tmp_path, "positions:\n  germany--ceasefire:\n    stance: oppose\n")  # confirmed: published
    assert page(tmp_path / "docs" / "positions" / "germany--ceasefire.md")[0]["stance"] == "oppose"
    positions, review, _ = _positions_built(tmp_path, "")  # the editor takes the confirmation back
    assert "germany--ceasefire" not in positions
    meta, body = page(tmp_path / "docs" / "positions" / "germany--ceasefire.md")
    assert meta["tombstone"] is True and "Withdrawn" in body  # the permalink still answers
    assert "(position `germany--ceasefire`)" in review
