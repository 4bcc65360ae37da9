"""bench/score.py's matching rules, on hand-built dossiers (fast, exact), and its command line once.

Each table row is one decision the module docstring of bench/score.py documents.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from bench.score import main, read_article_gold, read_seeds_gold, score
from dossier.model import Actor, Article, Confidence, Dossier, Mention, Occurrence, Paragraph, Position, Quote, Topic
from tests.conftest import GOLD_PATH

PARAGRAPHS = (
    "Ministers met on Monday, Example News reported.",
    '"We will not sign this deal," said Jane Roe, the minister.',
    '"It is a bad deal for farmers.',
    '"And it is a bad deal for towns," she added.',
)
GOLD = {
    "file": "a.txt", "title": "Deal talks stall", "date": "2025-03-17", "outlet": None, "byline": "Jane Smith",
    "quotes": [
        {"text": "We will not sign this deal", "speaker": "Jane Roe"},
        {"text": "It is a bad deal for farmers.", "speaker": "Jane Roe"},
        {"text": "And it is a bad deal for towns", "speaker": "Jane Roe"},
    ],
    "actors": [
        {"name": "Jane Roe", "kind": "person", "aliases": ["Jane Roe", "the minister"]},
        {"name": "Ministers", "kind": "group", "aliases": ["Ministers"]},
    ],
    "outlets": ["Example News"],
    "not_actors": ["Monday"],
    "positions": [{"actor": "Jane Roe", "topic": "the trade deal", "topic_keywords": ["deal"], "stance": "oppose"}],
}


def article(file: str = "a.txt", **fields) -> Article:
    values = {"title": "Deal talks stall", "date": "2025-03-17", "byline": "Jane Smith"} | fields
    paragraphs = tuple(Paragraph(i, text) for i, text in enumerate(PARAGRAPHS, 1))
    return Article(id=file.removesuffix(".txt"), file=file, paragraphs=paragraphs, **values)


def quote(text: str, speaker: str | None = "Jane Roe", source: str = "a", paragraph: int = 2, qid: str = "q1") -> Quote:
    return Quote(qid, text, speaker and speaker.lower().replace(" ", "-"), speaker,
                 [Occurrence(source, paragraph, text, text, "explicit")])


def actor(name: str, kind: str = "person", aliases: tuple[str, ...] = ()) -> Actor:
    return Actor(name.lower().replace(" ", "-"), name, kind, list(aliases or (name,)), mentions=[Mention("a", 2)])


def gold_of(tmp_path: Path, *entries: dict):
    paths = []
    for entry in entries or (GOLD,):
        path = tmp_path / entry["file"].replace(".txt", ".yaml")
        path.write_text(yaml.safe_dump(entry, allow_unicode=True), encoding="utf-8")
        paths.append(path)
    return read_article_gold(paths)


def scored(tmp_path, quotes=(), actors=(), positions=(), topics=(), sources=None, gold=None):
    dossier = Dossier(sources=sources or [article()], actors=list(actors), quotes=list(quotes),
                      topics=list(topics), positions=list(positions))
    return score(dossier, gold or gold_of(tmp_path))


QUOTE_MATCHES = [
    # found text, {error kind: count}, recall
    ("We will not sign this deal", {}, 1.0),
    ("we will NOT sign this deal.", {}, 1.0),  # case and a final period are not differences
    ("We will not sign this deal,", {}, 1.0),
    ("We will not sign", {"boundary": 1}, 0.667),  # cut short: a miss, listed as a boundary error
    ("We will not sign this deal, said Jane Roe", {"boundary": 1}, 0.667),  # run on
    ("Something else entirely was said", {"missed": 1, "extra": 1}, 0.667),
]


@pytest.mark.parametrize(("found", "errors", "recall"), QUOTE_MATCHES)
def test_a_found_quote_matches_on_normalised_words(tmp_path, found, errors, recall):
    joined = quote("It is a bad deal for farmers. And it is a bad deal for towns", paragraph=3, qid="q2")
    report = scored(tmp_path, quotes=[quote(found), joined])
    kinds = {}
    for error in report.errors_of("quotes"):
        kinds[error.kind] = kinds.get(error.kind, 0) + 1
    assert kinds == errors, report.errors_of("quotes")
    assert report.figures["quotes"]["recall"] == recall


def test_a_quotation_gold_gives_paragraph_by_paragraph_matches_one_joined_quote(tmp_path):
    joined = quote("It is a bad deal for farmers. And it is a bad deal for towns", paragraph=3, qid="q2")
    report = scored(tmp_path, quotes=[quote("We will not sign this deal"), joined])
    assert report.figures["quotes"] == {"gold": 3, "found": 2, "precision": 1.0, "recall": 1.0, "f1": 1.0, "boundary": 0}
    assert report.errors_of("clusters") == []  # one occurrence is one utterance, not a merge


def test_found_quotes_under_four_words_are_neither_counted_nor_penalised(tmp_path):
    report = scored(tmp_path, quotes=[quote("bad deal", qid="q3"), quote("We will not sign this deal")])
    assert report.figures["quotes"]["found"] == 1
    assert [e.kind for e in report.errors_of("quotes")] == ["missed", "missed"]


SPEAKERS = [
    # found speaker, gold speaker, precision, coverage, error kinds
    ("Jane Roe", "Jane Roe", 1.0, 1.0, []),
    ("the minister", "Jane Roe", 1.0, 1.0, []),  # a gold alias is the same actor
    ("John Doe", "Jane Roe", 0.0, 1.0, ["wrong"]),
    (None, "Jane Roe", None, 0.0, ["none"]),  # not identified: lowers coverage, not precision
    ("Jane Roe", None, 0.0, 1.0, ["wrong"]),  # a name where the text gives none is wrong
]


@pytest.mark.parametrize(("found", "want", "precision", "coverage", "kinds"), SPEAKERS)
def test_speaker_precision_and_coverage(tmp_path, found, want, precision, coverage, kinds):
    gold = dict(GOLD, quotes=[{"text": "We will not sign this deal", "speaker": want}])
    report = scored(tmp_path, quotes=[quote("We will not sign this deal", found)], gold=gold_of(tmp_path, gold))
    figures = report.figures["speakers"]
    assert (figures["precision"], figures["coverage"]) == (precision, coverage)
    assert [e.kind for e in report.errors_of("speakers")] == kinds


@pytest.mark.parametrize(("confidence", "published"), [
    (Confidence.SURE, {"quotes found": 1, "coverage": 1.0, "precision": 1.0}),
    (Confidence.LIKELY, {"quotes found": 1, "coverage": 1.0, "precision": 1.0}),
    (Confidence.UNSURE, {"quotes found": 1, "coverage": 0.0, "precision": None}),  # withheld: the reader sees none
])
def test_published_speakers_are_what_the_reader_sees(tmp_path, confidence, published):
    found = replace(quote("We will not sign this deal"), speaker_confidence=confidence)
    gold = dict(GOLD, quotes=[{"text": "We will not sign this deal", "speaker": "Jane Roe"}])
    report = scored(tmp_path, quotes=[found], gold=gold_of(tmp_path, gold))
    assert report.figures["published"] == published
    assert report.figures["speakers"]["coverage"] == 1.0  # extraction's figure is unchanged
    assert report.errors_of("speakers") == []


def test_actor_pages_against_gold(tmp_path):
    pages = [
        actor("Roe", aliases=("Roe", "Jane Roe")),  # the gold name among the page's aliases
        actor("the minister"),  # a second page for the same gold actor
        actor("Ministers", kind="organization"),  # right actor, wrong kind
        actor("Example News", kind="organization"),  # an outlet: neither counted nor penalised
        actor("Monday", kind="organization"),  # gold says it only looks like an actor
        actor("Farmers Union", kind="organization"),  # nothing in gold
    ]
    report = scored(tmp_path, actors=pages)
    assert sorted((e.kind, e.detail.split(" ")[0]) for e in report.errors_of("actors")) == [
        ("alias", "Roe"), ("extra", "Farmers"), ("kind", "Ministers:"), ("not-actor", "Monday"), ("split", "the")]
    figures = report.figures["actors"]
    assert (figures["found"], figures["precision"], figures["recall"], figures["split"]) == (5, 0.6, 1.0, 1)
    assert (figures["kind right"], figures["aliases listed"]) == (0.5, 0.667)  # Roe's page lacks "the minister"


@pytest.mark.parametrize(("page_aliases", "gold_aliases", "lacking"), [
    # a leading "the" is no part of a name, for aliases as for names (link.actors lists one form of each)
    (("the BJP",), ["BJP"], []),
    (("BJP",), ["the BJP", "The BJP"], []),
    (("BJP",), ["BJP", "the Janata Party"], ["the Janata Party"]),
    (("the BJP",), ["the party"], ["the party"]),  # another word is another name
])
def test_an_alias_is_listed_with_or_without_its_the(tmp_path, page_aliases, gold_aliases, lacking):
    gold = dict(GOLD, actors=[{"name": "Bharatiya Janata Party", "kind": "organization", "aliases": gold_aliases}])
    page = actor("Bharatiya Janata Party", kind="organization", aliases=page_aliases)
    report = scored(tmp_path, actors=[page], gold=gold_of(tmp_path, gold))
    assert [e.detail for e in report.errors_of("actors") if e.kind == "alias"] == (
        [f"Bharatiya Janata Party lacks {lacking}"] if lacking else [])


def test_a_missed_actor_points_to_where_the_article_names_it(tmp_path):
    report = scored(tmp_path)
    assert {(e.detail, e.file, e.paragraph) for e in report.errors_of("actors")} == {
        ("Jane Roe (person)", "a.txt", 2), ("Ministers (group)", "a.txt", 1)}


@pytest.mark.parametrize(("fields", "wrong"), [
    ({}, []),
    ({"title": "Deal Talks Stall "}, []),  # compared after normalisation
    ({"title": "Ministers met on Monday"}, ["title"]),
    ({"date": None}, ["date"]),
    ({"byline": None, "outlet": "Example News"}, ["byline", "outlet"]),  # a value where gold has null is wrong
])
def test_ingest_fields(tmp_path, fields, wrong):
    report = scored(tmp_path, sources=[article(**fields)])
    assert sorted(e.kind for e in report.errors_of("ingest")) == wrong


@pytest.mark.parametrize(("gold_title", "wrong"), [
    (None, []),  # the text printed no headline, and ingest found none
    ("Deal talks stall", ["title"]),  # a headline printed and missed
])
def test_a_title_from_the_file_name_is_no_printed_headline(tmp_path, gold_title, wrong):
    titled = article(title="a", titled_from_file=True)
    report = scored(tmp_path, sources=[titled], gold=gold_of(tmp_path, GOLD | {"title": gold_title}))
    assert [e.kind for e in report.errors_of("ingest")] == wrong


def test_positions_match_on_actor_topic_keyword_and_source(tmp_path):
    topics = [Topic("trade-deal", "Trade deal"), Topic("tariffs", "Tariffs", ["levy"])]
    roe = actor("Jane Roe")
    positions = [
        Position("jane-roe--trade-deal", roe.id, "trade-deal", "support", [Mention("a", 2)]),  # stance wrong
        Position("jane-roe--tariffs", roe.id, "tariffs", "oppose", [Mention("a", 3)]),  # no gold keyword
    ]
    report = scored(tmp_path, actors=[roe], topics=topics, positions=positions)
    assert report.figures["positions"] == {
        "gold": 1, "found": 2, "precision": 0.5, "recall": 1.0, "f1": 0.667, "stance accuracy": 0.0}
    assert sorted(e.kind for e in report.errors_of("positions")) == ["extra", "stance"]
    elsewhere = [Position("jane-roe--trade-deal", roe.id, "trade-deal", "oppose", [Mention("b", 1)])]
    other = scored(tmp_path, actors=[roe], topics=topics, positions=elsewhere, sources=[article(), article("b.txt")])
    assert other.figures["positions"]["recall"] == 0.0  # evidence must cite the gold's article


@pytest.mark.parametrize(("pages", "kind"), [
    ({"a": "q1", "b": "q1"}, None),
    ({"a": "q1", "b": "q2"}, "split"),
    ({"a": "q1"}, "unseen"),
])
def test_cross_outlet_cluster_integrity(tmp_path, pages, kind):
    entries = [dict(GOLD, file=f"{s}.txt", quotes=[{"text": "We will not sign this deal", "speaker": "Jane Roe",
                                                  "cluster": "no-deal"}]) for s in "ab"]
    found = [quote("We will not sign this deal", source=s, qid=q) for s, q in pages.items()]
    report = scored(tmp_path, quotes=found, sources=[article(), article("b.txt")], gold=gold_of(tmp_path, *entries))
    assert [e.kind for e in report.errors_of("clusters")] == ([kind] if kind else [])
    assert report.figures["clusters"]["integrity"] == (0.0 if kind else 1.0)


def test_two_utterances_on_one_quote_page_are_a_merge(tmp_path):
    found = [quote("We will not sign this deal"), quote("It is a bad deal for farmers", paragraph=3)]
    report = scored(tmp_path, quotes=found)
    assert [e.kind for e in report.errors_of("clusters")] == ["merged"]


def test_the_seeds_gold_reads_into_the_same_shape():
    gold = read_seeds_gold(GOLD_PATH)
    assert len(gold.sources) == 5 and len(gold.quotes) == 11
    assert gold.sources["004_710b771f05ec9a3d.txt"]["outlet"] == "Cnews Live"
    assert gold.sources["000_cc52927aafcdd7c8.txt"]["byline"] is None  # left out: not printed
    macron = next(p for p in gold.positions if p.actor == "Emmanuel Macron")
    assert macron.files == {"004_710b771f05ec9a3d.txt"}
    assert gold.actors["Russia"].called("the Kremlin") and "xinhua" in gold.outlets


def test_the_command_line_scores_a_folder_and_writes_json(tmp_path, capsys):
    folder, gold = tmp_path / "articles", tmp_path / "gold"
    folder.mkdir()
    gold.mkdir()
    (folder / "a.txt").write_text("Deal talks stall\n\n" + "\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    (gold / "a.yaml").write_text(yaml.safe_dump(GOLD), encoding="utf-8")
    assert main(["--folder", str(folder), "--gold", str(gold), "--json", str(tmp_path / "s.json"), "--errors"]) == 0
    printed = capsys.readouterr().out
    written = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert set(written["figures"]) == {"quotes", "speakers", "published", "clusters", "actors", "ingest", "positions"}
    assert printed.splitlines()[0].split()[:3] == ["component", "gold", "found"]
    for error in written["errors"]:
        assert f"{error['component']:<10} {error['kind']:<10} {error['file'] or '-'}:" in printed


def test_a_generic_alias_only_matches_in_the_article_whose_gold_gives_it(tmp_path):
    other = dict(GOLD, file="b.txt", quotes=[], positions=[], actors=[{"name": "Ministers", "kind": "group", "aliases": []}])
    minister = Actor("the-minister", "the minister", "person", ["the minister"], mentions=[Mention("b", 2)])
    report = scored(tmp_path, actors=[minister], sources=[article(), article("b.txt")],
                    gold=gold_of(tmp_path, GOLD, other))
    assert [(e.kind, e.detail) for e in report.errors_of("actors") if e.kind != "missed"] == [
        ("extra", "the minister (person)")]


@pytest.mark.parametrize(("gold_name", "page", "aliases"), [
    ("the government of Indonesia", "Government of Indonesia", ("the government",)),  # a leading "the" is no difference
    ("the government", "Government of Indonesia", ("the government",)),  # the gold's name printed on the page
])
def test_a_position_matches_when_its_holders_page_is_the_gold_actor(tmp_path, gold_name, page, aliases):
    """A position's holder matches as actor pages do: by the page's name, or the gold name among the forms the page
    was printed in, a leading "the" ignored: one page per country's government, however each gold names it."""
    gold = dict(GOLD, actors=[{"name": gold_name, "kind": "government", "aliases": list(aliases)}],
                positions=[{"actor": gold_name, "topic": "the trade deal", "topic_keywords": ["deal"], "stance": "oppose"}])
    government = actor(page, kind="government", aliases=aliases)
    topics = [Topic("trade-deal", "Trade deal")]
    positions = [Position("g--trade-deal", government.id, "trade-deal", "oppose", [Mention("a", 2)])]
    report = scored(tmp_path, actors=[government], topics=topics, positions=positions, gold=gold_of(tmp_path, gold))
    assert (report.figures["actors"]["precision"], report.figures["actors"]["recall"]) == (1.0, 1.0)
    assert report.figures["positions"] == {
        "gold": 1, "found": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0, "stance accuracy": 1.0}
