"""The editor's curation file: each operation applied to a real build, and every mistake named by line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dossier import curation
from dossier.curation import CurationError, parse
from dossier.link.actors import link_actors
from dossier.model import Article, Extraction, Paragraph, QuoteMention
from tests.test_actors_corpus import CORPUS, build

SEEDS = CORPUS / "aliasing" / "seeds"  # Lavrov, Peskov, Putin, Xi, Wang Yi, the Chinese Foreign Ministry


def curated(text: str, seeds: Path = SEEDS):
    _, actors, resolve = build(seeds, parse(text))
    return {a.id: a for a in actors}, resolve


def test_missing_file_is_an_empty_curation(tmp_path):
    edits = curation.load(tmp_path / "curation.yaml")
    assert edits.actors == () and edits.quotes == () and edits.renames == {}


def test_merge_joins_actors_and_redirects_their_ids():
    text = "actors:\n  sergei-lavrov:\n    merge: [dmitry-peskov]\n"
    actors, resolve = curated(text)
    assert "dmitry-peskov" not in actors
    assert {"Dmitry Peskov", "Peskov", "Lavrov"} <= set(actors["sergei-lavrov"].aliases)
    assert resolve("a", "Peskov") == "sergei-lavrov"
    assert parse(text).renames == {"dmitry-peskov": "sergei-lavrov"}


def test_split_gives_an_alias_its_own_actor_or_another_one():
    actors, resolve = curated("actors:\n  sergei-lavrov:\n    split: [The Russian diplomat]\n")
    assert "The Russian diplomat" not in actors["sergei-lavrov"].aliases
    assert actors["the-russian-diplomat"].aliases == ["The Russian diplomat"]
    assert resolve("a", "The Russian diplomat") == "the-russian-diplomat"

    actors, resolve = curated("actors:\n  Sergei Lavrov:\n    split: {The Russian diplomat: Dmitry Peskov}\n")
    assert "The Russian diplomat" in actors["dmitry-peskov"].aliases
    assert resolve("a", "The Russian diplomat") == "dmitry-peskov"
    assert resolve("a", "Lavrov") == "sergei-lavrov"


def test_rename_moves_the_id_and_reports_the_old_one():
    text = "actors:\n  vladimir-putin:\n    name: Vladimir V. Putin\n"
    actors, resolve = curated(text)
    assert "vladimir-putin" not in actors
    assert actors["vladimir-v-putin"].name == "Vladimir V. Putin"
    assert "President Vladimir Putin" in actors["vladimir-v-putin"].aliases
    assert resolve("b", "Putin") == "vladimir-v-putin"
    assert parse(text).renames == {"vladimir-putin": "vladimir-v-putin"}


def test_kind_description_and_links():
    actors, _ = curated(
        "actors:\n"
        "  wang-yi:\n"
        "    kind: organization\n"
        "    description: China's foreign minister.\n"
        "    links: [https://example.org/wang-yi, http://example.org/w]\n"
    )
    assert actors["wang-yi"].kind == "organization"
    assert actors["wang-yi"].description == "China's foreign minister."
    assert actors["wang-yi"].links == ["https://example.org/wang-yi", "http://example.org/w"]


def test_hide_removes_a_false_positive_everywhere():
    actors, resolve = curated("actors:\n  Wang Yi:\n    hide: true\n")
    assert "wang-yi" not in actors
    assert resolve("a", "Wang Yi") is None and resolve("b", "Wang Yi") is None


def test_curation_survives_a_rebuild_with_new_seeds(tmp_path):
    text = "actors:\n  vladimir-putin:\n    name: Vladimir V. Putin\n  sergei-lavrov:\n    description: Diplomat.\n"
    shutil.copy(SEEDS / "a.txt", tmp_path / "a.txt")
    before, _ = curated(text, tmp_path)
    shutil.copy(SEEDS / "b.txt", tmp_path / "b.txt")
    after, _ = curated(text, tmp_path)
    for actors in (before, after):
        assert actors["vladimir-v-putin"].name == "Vladimir V. Putin"
        assert actors["sergei-lavrov"].description == "Diplomat."
    assert {m.source for m in after["vladimir-v-putin"].mentions} == {"a", "b"}


def test_a_speaker_no_mention_names_still_becomes_an_actor():
    article = Article("x", "x.txt", "Title", (Paragraph(1, '"We stand together," he said.'),))
    quotes = (
        QuoteMention("x", 1, "We stand together", "Jens Stoltenberg", "pronoun"),
        QuoteMention("x", 1, "We stand together", "the Kremlin", "explicit"),
    )
    actors, resolve = link_actors([Extraction(article, quotes=quotes)], parse(""))
    assert {(a.id, a.kind) for a in actors} == {("jens-stoltenberg", "person"), ("russia", "country")}
    assert resolve("x", "Jens Stoltenberg") == "jens-stoltenberg"
    assert resolve("x", "Stoltenberg") == "jens-stoltenberg"
    assert resolve("x", "Moscow") == "russia"


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("actors:\n  sergei-lavrov:\n    nmae: Sergei\n", 3, "unknown key 'nmae'"),
        ("actors:\n  sergei-lavrov:\n    kind: person\n  grushkoo:\n    kind: person\n", 4, "unknown actor 'grushkoo'"),
        ("actors:\n  sergei-lavrov:\n    merge:\n      - dmitry-peskov\n      - nobody\n", 5, "unknown actor 'nobody'"),
        ("actors:\n  sergei-lavrov:\n    split: [the spokesman]\n", 3, "has no alias 'the spokesman'"),
        ("actors:\n  wang-yi:\n    links:\n      - https://ok.example\n      - javascript:alert(1)\n", 5,
         "link 'javascript:alert(1)' is not an http(s) URL"),
        ("actors:\n  wang-yi:\n    links: ['https://a b.example/']\n", 3, "is not an http(s) URL"),
        ("actors:\n  wang-yi:\n    kind: planet\n", 3, "unknown kind 'planet'"),
        ("actors:\n  wang-yi:\n    hide: maybe\n", 3, "'hide' must be true or false"),
        ("actors:\n  wang-yi: {}\npeople:\n  x: y\n", 3, "unknown section 'people'"),
        ("actors:\n  wang-yi:\n    kind: person\n  wang-yi:\n    hide: true\n", 4, "given twice"),
        ("actors:\n  wang-yi:\n    kind: [person\n", 4, "not valid YAML"),
        ("actors: [wang-yi]\n", 1, "must be a mapping"),
        ("quotes:\n  abc:\n    merge: [def]\n    keep: true\n", 4, "unknown key 'keep'"),
        # a rename onto another actor's name would give one page both actors' mentions or lose one
        ("actors:\n  vladimir-putin:\n    name: Sergei Lavrov\n", 2,
         "cannot rename 'vladimir-putin' to 'Sergei Lavrov': actor 'sergei-lavrov' has that name; to make them "
         "one actor, list 'vladimir-putin' under `merge:` of 'sergei-lavrov'"),
        ("actors:\n  vladimir-putin:\n    name: sergei lavrov\n", 2, "actor 'sergei-lavrov' has that name"),
        ("actors:\n  vladimir-putin:\n    name: Sergei Lavrov\n  sergei-lavrov:\n    name: Vladimir Putin\n", 2,
         "cannot rename 'vladimir-putin' to 'Sergei Lavrov'"),
        ("actors:\n  sergei-lavrov:\n    merge: [dmitry-peskov]\n  dmitry-peskov:\n    merge: [sergei-lavrov]\n", 5,
         "merge cycle: 'dmitry-peskov' was merged into 'Sergei Lavrov' (line 3), which now merges into it"),
        ("actors:\n  sergei-lavrov:\n    merge: [dmitry-peskov]\n  dmitry-peskov:\n    description: x\n", 4,
         "actor 'dmitry-peskov' was merged into 'Sergei Lavrov' (line 3): edit 'Sergei Lavrov' instead"),
    ],
)
def test_mistakes_are_errors_naming_the_line(text, line, message):
    with pytest.raises(CurationError) as error:
        curated(text)
    assert str(error.value).startswith(f"curation.yaml:{line}: ")
    assert message in str(error.value)
    assert isinstance(error.value, ValueError)


def test_load_names_the_file(tmp_path):
    path = tmp_path / "curation.yaml"
    path.write_text("actors:\n  x:\n    colour: red\n", encoding="utf-8")
    with pytest.raises(CurationError, match=r"^curation\.yaml:3: unknown key 'colour'"):
        curation.load(path)


def test_quote_merges_are_parsed_for_the_ids_stage():
    edits = parse("quotes:\n  k3xq7a2bce:\n    merge: [p2jw4ddm5e, aaaaaaaaaa]\n")
    assert (edits.quotes[0].id, edits.quotes[0].line) == ("k3xq7a2bce", 2)
    assert edits.quotes[0].merge == (("p2jw4ddm5e", 3), ("aaaaaaaaaa", 3))
    assert str(edits.error(3, "unknown quote 'p2jw4ddm5e'")) == "curation.yaml:3: unknown quote 'p2jw4ddm5e'"
