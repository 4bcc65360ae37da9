"""bench/make_corpus.py: a generated dossier is reproducible and has what makes scale realistic."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from bench import make_corpus
from dossier.build import BuildConfig, assemble
from dossier.text import words

QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("corpus")
    make_corpus.write(folder, 60, seed=3)
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.iterdir())}


def quotations(corpus: dict[str, str]) -> dict[str, list[tuple[str, ...]]]:
    return {name: [tuple(words(q)) for q in QUOTED.findall(text)] for name, text in corpus.items()}


def test_same_arguments_same_bytes(corpus, tmp_path):
    make_corpus.write(tmp_path, 60, seed=3)
    assert {path.name: path.read_text(encoding="utf-8") for path in sorted(tmp_path.iterdir())} == corpus


def test_another_seed_another_corpus(corpus, tmp_path):
    make_corpus.write(tmp_path, 60, seed=4)
    assert {path.name: path.read_text(encoding="utf-8") for path in tmp_path.iterdir()} != corpus


@pytest.mark.parametrize("count", [1, 7, 60])
def test_writes_the_requested_number_of_articles(tmp_path, count):
    assert len(make_corpus.write(tmp_path, count, seed=1)) == count
    assert len(list(tmp_path.iterdir())) == count


def test_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SystemExit):
        make_corpus.write(tmp_path, 3, seed=1)


def test_reads_only_the_development_articles_and_seeds():
    names = [path.name for path in make_corpus.real_files()]
    assert names and not any("blind" in name for name in names)
    assert {name for name in names if name.startswith("dev-")} == {
        path.name for path in (make_corpus.ROOT / "corpus" / "real" / "articles").glob("dev-*.txt")}


def test_quotes_are_carried_by_several_articles_whole_and_cut(corpus):
    found = quotations(corpus)
    printings = defaultdict(set)
    for name, quotes in found.items():
        for quote in quotes:
            printings[quote].add(name)
    assert any(len(names) > 1 for names in printings.values()), "no quotation printed twice word for word"
    cuts = [(short, long_) for short in printings for long_ in printings
            if len(short) >= 8 and len(short) < len(long_) and long_[:len(short)] == short]
    assert any(printings[short] - printings[long_] for short, long_ in cuts), "no quotation printed cut short"


def test_quotes_are_reprinted_with_other_punctuation(corpus):
    raw = defaultdict(set)
    for text in corpus.values():
        for quote in QUOTED.findall(text):
            raw[tuple(words(quote))].add(quote.rstrip(",.;"))
    assert any(len(forms) > 1 for forms in raw.values())


def test_the_most_quoted_person_recurs_under_full_and_family_name(corpus):
    star = make_corpus.Generator(60, seed=3).cast[0]  # the first of the cast is quoted most often
    in_full = [name for name, text in corpus.items() if star.full in text]
    by_family = [name for name, text in corpus.items()
                 if re.search(rf"(?<!{star.given} )\b{star.family}\b", text)]
    assert len(in_full) > 2
    assert by_family, f"{star.full} is never named by family name alone"


@pytest.mark.slow
def test_the_pipeline_sees_shared_quotes_and_the_recurring_cast(tmp_path):
    """What the generator means to make is what `dossier build` finds: quotes carried by several
    sources, and the most quoted person as one actor under full and family name."""
    seeds = tmp_path / "seeds"
    make_corpus.write(seeds, 30, seed=3)
    dossier = assemble(BuildConfig(seeds=seeds, curation=tmp_path / "none.yaml",
                                   ledger=tmp_path / "permalinks.yaml")).dossier
    assert any(len({o.source for o in quote.occurrences}) > 1 for quote in dossier.quotes)
    star = make_corpus.Generator(30, seed=3).cast[0]
    actor = next(actor for actor in dossier.actors if actor.name == star.full)
    assert star.family in actor.aliases
    assert sum(quote.speaker == actor.id for quote in dossier.quotes) > 2
