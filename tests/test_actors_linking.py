"""Linking actors across articles on mentions written by hand (no parse): names with generational
suffixes, merge chains, and one failing group that must cost a warning, never the build."""

from __future__ import annotations

import shutil

import pytest

from dossier import nlp
from dossier.build import BuildConfig, build
from dossier.curation import Curation
from dossier.extract.actors import extract_actors
from dossier.extract.quotes import extract_quotes
from dossier.link import actors as linking
from dossier.link import link
from dossier.link.actors import link_actors
from dossier.model import ActorMention, Article, Extraction, Paragraph, Problem, QuoteMention
from tests.test_permalinks import FIXTURES


def article(source: str, *names: str, kind: str = "person") -> Extraction:
    """An article of one paragraph per name; each name is printed as it is (surface = name)."""
    mentions = tuple(ActorMention(source, n, name, name, kind) for n, name in enumerate(names, start=1))
    return Extraction(Article(source, f"{source}.txt", source.upper(), ()), actors=mentions)


def partition(extractions: list[Extraction], problems: list[Problem] | None = None) -> dict[str, set[str]]:
    """{actor name: every name its mentions had}: which names the linker made one actor."""
    actors, _ = link_actors(extractions, Curation(), problems)
    names = {(m.source, m.paragraph): m.name for e in extractions for m in e.actors}
    return {a.name: {names[(m.source, m.paragraph)] for m in a.mentions} for a in actors}


# full name, its surname with the suffix, the surname alone
SUFFIXED = [
    ("Donald Trump Jr.", "Trump Jr.", "Trump"),
    ("Martin Luther King Jr.", "King Jr.", "King"),
    ("Ken Griffey Sr.", "Griffey Sr.", "Griffey"),
    ("Robert Smith II", "Smith II", "Smith"),
    ("John D. Rockefeller III", "Rockefeller III", "Rockefeller"),
    ("Davis Love Jr", "Love Jr", "Love"),
]


@pytest.mark.parametrize(("full", "suffixed", "surname"), SUFFIXED)
def test_a_name_with_a_suffix_is_one_person_with_its_short_forms(full, suffixed, surname):
    actors, resolve = link_actors([article("a", full, suffixed, surname), article("b", suffixed)], Curation())
    assert [(a.name, a.kind) for a in actors] == [(full, "person")]
    assert {m.source for m in actors[0].mentions} == {"a", "b"}
    for name in (full, suffixed, surname):
        assert resolve("a", name) == actors[0].id
    assert resolve("b", suffixed) == actors[0].id


@pytest.mark.parametrize(("full", "suffixed", "surname"), SUFFIXED)
def test_a_suffix_tells_two_people_apart(full, suffixed, surname):
    """Father and son: the name without the suffix is someone else, and so is the other suffix."""
    elder = full.rsplit(" ", 1)[0]
    found = partition([article("a", elder, elder, surname), article("b", full, suffixed)])
    assert found == {elder: {elder, surname}, full: {full, suffixed}}


# real prose, parsed: the speaker named with a suffix, and the short name the article goes on with
PROSE_WITH_SUFFIXES = [
    (["Donald Trump Jr. spoke at the rally on Tuesday.", '"We are going to win this state," Trump Jr. said.'],
     "Donald Trump Jr.", "Trump Jr."),
    (["Ken Griffey Sr. played for the Reds for a decade.", '"It was a great time for all of us," Griffey Sr. said.'],
     "Ken Griffey Sr", "Griffey Sr"),
    (["The Rev. Martin Luther King Jr. led the march in 1965.", '"We shall overcome this in time," King Jr. said.'],
     None, "Martin Luther King Jr."),
]


@pytest.mark.parametrize(("paragraphs", "name", "short"), PROSE_WITH_SUFFIXES, ids=[p[2] for p in PROSE_WITH_SUFFIXES])
def test_an_article_naming_a_person_with_a_suffix_links(paragraphs, name, short):
    article = Article("t", "t.txt", "Test", tuple(Paragraph(n, text) for n, text in enumerate(paragraphs, start=1)))
    docs = list(nlp.load().pipe(paragraphs))
    quotes, _ = extract_quotes(article, docs)
    actors, resolve = link_actors([Extraction(article, quotes=tuple(quotes), actors=tuple(extract_actors(article, docs)))],
                                  Curation())
    speaker = resolve("t", short)
    assert speaker is not None and speaker in {a.id for a in actors}
    if name is not None:
        assert [a.name for a in actors if a.id == speaker] == [name]


# articles (names mentioned in each) -> the actors the linker must make, with the names each took in
MERGE_CHAINS = [
    pytest.param(  # "Castell" joins "Boris Castell", which joined the long name: the chain resolves
        [["Lena Sato Boris Castell Albanese"], ["Boris Castell"], ["Castell"]],
        {"Lena Sato Boris Castell Albanese": {"Lena Sato Boris Castell Albanese", "Boris Castell", "Castell"}},
        id="names run together"),
    pytest.param(
        [["Castell", "Boris Castell"], ["Lena Sato Boris Castell Albanese"]],
        {"Lena Sato Boris Castell Albanese": {"Lena Sato Boris Castell Albanese", "Boris Castell", "Castell"}},
        id="short name first"),
    pytest.param(  # spelling variants and a middle name merge first, then the surname joins them
        [["Sergei Lavrov", "Sergei Lavrov"], ["Sergey Lavrov"], ["Sergei Viktorovich Lavrov"], ["Lavrov"]],
        {"Sergei Lavrov": {"Sergei Lavrov", "Sergey Lavrov", "Sergei Viktorovich Lavrov", "Lavrov"}},
        id="spelling variant"),
    pytest.param(  # "da Silva" is the surname of both; the more mentioned one was merged away
        [["Luiz Inácio Lula da Silva"], ["Lula da Silva", "Lula da Silva", "Lula"], ["da Silva"]],
        {"Luiz Inácio Lula da Silva": {"Luiz Inácio Lula da Silva", "Lula da Silva", "Lula", "da Silva"}},
        id="a long name's parts"),
    pytest.param(
        [["Mary Ellen Park"], ["Ellen Park", "Ellen Park"], ["Park"]],
        {"Mary Ellen Park": {"Mary Ellen Park", "Ellen Park", "Park"}},
        id="three steps"),
]


@pytest.mark.parametrize(("articles", "expected"), MERGE_CHAINS)
def test_merge_chains_end_on_the_actor_that_kept_its_name(articles, expected):
    extractions = [article(chr(ord("a") + n), *names) for n, names in enumerate(articles)]
    assert partition(extractions) == expected
    assert partition(list(reversed(extractions))) == expected, "the order articles come in must not matter"


# where a failure is injected -> the names of the group that fails
INJECTED = [
    ("_same_person", "Boris Castell"),  # comparing full names (with "Boris Castel")
    ("_owner_of", "Castell"),  # a short name looking for its full name
    ("_actor", "Boris Castell"),  # making the actor of a group
]


@pytest.mark.parametrize(("function", "name"), INJECTED)
def test_a_failure_in_one_actor_group_is_a_warning_naming_its_articles(monkeypatch, function, name):
    original = getattr(linking, function)

    def failing(*args):
        if any(getattr(a, "name", a) == name for a in args):
            raise RuntimeError("injected")
        return original(*args)

    monkeypatch.setattr(linking, function, failing)
    extractions = [article("a", "Boris Castell", "Castell"), article("b", "Boris Castel", "Castell"),
                   article("c", "Anna Weiss", "Weiss")]
    dossier = link(extractions, Curation())
    assert {a.name for a in dossier.actors} >= {"Anna Weiss"}
    assert [m.source for a in dossier.actors if a.name == "Anna Weiss" for m in a.mentions] == ["c", "c"]
    assert len(dossier.problems) == 1, dossier.problems
    problem = dossier.problems[0]
    assert "injected" in problem.message and name in problem.message
    assert "a.txt" in str(problem) and "c.txt" not in str(problem)


def test_a_build_whose_actor_linking_fails_still_writes_the_site_and_reports_the_article(tmp_path, monkeypatch):
    def failing(name, *args):
        if name == "David Lindqvist":
            raise RuntimeError("injected")
        return original(name, *args)

    original = linking._actor
    monkeypatch.setattr(linking, "_actor", failing)
    (tmp_path / "seeds").mkdir()
    shutil.copy(FIXTURES / "valley-ferry.md", tmp_path / "seeds")
    result = build(BuildConfig(seeds=tmp_path / "seeds", docs=tmp_path / "docs", curation=tmp_path / "curation.yaml",
                               ledger=tmp_path / "permalinks.yaml", mkdocs_yml=tmp_path / "mkdocs.yml"))
    assert [str(p) for p in result.problems if "injected" in p.message] == [
        "valley-ferry.md: linking actor 'David Lindqvist' failed while making its page (left without one): "
        "RuntimeError: injected"]
    assert (tmp_path / "docs" / "sources" / "valley-ferry.md").is_file()
    assert not (tmp_path / "docs" / "actors" / "david-lindqvist.md").exists()
    quote = next(p for p in (tmp_path / "docs" / "quotes").glob("*.md") if p.name != "index.md")
    assert "safe crossing" in quote.read_text(encoding="utf-8") or "ferry service" in quote.read_text(encoding="utf-8")


@pytest.mark.parametrize("articles, actor, merged", [
    ([("a", "Alexander Grushko", "Grushko")], "Alexander Grushko", [("Grushko", "surname", "likely")]),
    ([("a", "Rodrigo Alves Benítez", "Alves")], "Rodrigo Alves Benítez", [("Alves", "name part", "unsure")]),
    ([("a", "Volodymyr Zelenskyy", "Volodymyr Zelensky"), ("b", "Zelensky")], "Volodymyr Zelenskyy",
     [("Volodymyr Zelensky", "spelling", "likely"), ("Zelensky", "surname spelling", "unsure")]),
    ([("a", "Alexander Grushko"), ("b", "Maria Lopez")], "Alexander Grushko", []),
])
def test_each_merge_records_how_it_was_made_and_how_sure_that_is(articles, actor, merged):
    actors, _ = link_actors([article(source, *names) for source, *names in articles], Curation())
    found = next(a for a in actors if a.name == actor)
    assert [(m.name, m.how, m.confidence) for m in found.merged] == merged


def test_a_speaker_is_the_actor_mentioned_where_the_cue_names_them():
    """QuoteMention.speaker_at points at the cue's word for the speaker; linking takes the actor mention
    printed there, whatever string attribution made of the name (here "NHC", which no mention is called)."""
    text = '"Storm surge is the greatest threat," the agency said.'
    at = text.index("the agency")
    paragraph = Paragraph(1, text)
    mention = ActorMention("s", 1, "the agency", "National Hurricane Center", "organization", start=at,
                           end=at + len("the agency"))
    quote = QuoteMention("s", 1, "Storm surge is the greatest threat", "NHC", "role", "said",
                         speaker_at=(1, at + 4))
    extraction = Extraction(Article("s", "s.txt", "S", (paragraph,)), quotes=(quote,), actors=(mention,))
    actors, resolve = link_actors([extraction], Curation())
    assert [a.name for a in actors] == ["National Hurricane Center"]
    assert resolve("s", "NHC") == "national-hurricane-center"


def test_attribution_says_where_the_speakers_word_stands():
    text = 'Talks had stalled. "We are ready to sign today," Grushko said on Sunday.'
    art = Article("s", "s.txt", "S", (Paragraph(1, "Moscow was quiet."), Paragraph(2, text)))
    quotes, _ = extract_quotes(art, list(nlp.load().pipe(p.text for p in art.paragraphs)))
    assert [(q.speaker, q.speaker_at) for q in quotes] == [("Grushko", (2, text.index("Grushko")))]


@pytest.mark.parametrize("articles, expected", [
    # initials one article prints alone join the one organisation another names in full whose initials they are
    ([("a", "State Emergency Service"), ("b", "SES")], {"State Emergency Service": {"State Emergency Service", "SES"}}),
    # ...not when two organisations have those initials, nor a person's name, nor initials of some other words
    ([("a", "State Emergency Service"), ("b", "Sydney Eastern Suburbs"), ("c", "SES")],
     {"State Emergency Service": {"State Emergency Service"}, "Sydney Eastern Suburbs": {"Sydney Eastern Suburbs"},
      "SES": {"SES"}}),
    ([("a", "Progressive Labour Party"), ("b", "PLA")],
     {"Progressive Labour Party": {"Progressive Labour Party"}, "PLA": {"PLA"}}),
    # a hyphenated word spells a letter for each capitalised part, or one for the word (names.initials_of)
    ([("a", "Georgian Dream-Democratic Georgia"), ("b", "GDDG")],
     {"Georgian Dream-Democratic Georgia": {"Georgian Dream-Democratic Georgia", "GDDG"}}),
    ([("a", "Pakistan Tehreek-e-Insaf Youth"), ("b", "PTY")],
     {"Pakistan Tehreek-e-Insaf Youth": {"Pakistan Tehreek-e-Insaf Youth", "PTY"}}),
])
def test_initials_printed_alone_join_the_organisation_they_abbreviate(articles, expected):
    assert partition([article(source, *names, kind="organization") for source, *names in articles]) == expected
    if len(expected) == 1:
        actors, _ = link_actors([article(s, *n, kind="organization") for s, *n in articles], Curation())
        assert [(m.name, m.how, m.confidence) for m in actors[0].merged] == [(articles[-1][1], "initials", "likely")]


@pytest.mark.parametrize("surfaces, aliases", [
    # forms the build takes for one name (a leading "the", case) are listed once, as printed without "the"
    (["the BJP", "BJP"], ["BJP"]),
    (["the BJP"], ["the BJP"]),  # printed only with it: as printed
    (["The Commission", "the Commission"], ["The Commission"]),
    (["the Crown", "Crown", "The Crown"], ["Crown"]),
    (["De Groot", "de Groot"], ["De Groot", "de Groot"]),  # case elsewhere tells two forms apart
    # a longer noun phrase is another form, kept
    (["the opposition Green Party", "Green Party"], ["Green Party", "the opposition Green Party"]),
])
def test_a_page_lists_each_name_once(surfaces, aliases):
    mentions = tuple(ActorMention("a", n, surface, "Bharatiya Janata Party", "organization")
                     for n, surface in enumerate(surfaces, start=1))
    actors, _ = link_actors([Extraction(Article("a", "a.txt", "A", ()), actors=mentions)], Curation())
    assert [a.aliases for a in actors] == [aliases]
