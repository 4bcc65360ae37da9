"""The hand-written corpus (tests/corpus/NN-name.txt + NN-name.expected.yaml), table-driven.

Each article exercises one or more quote rules and their failure cases; its sidecar says
what a careful editor extracts: every quote in order, its speaker and how the speaker was
found, and which printings across articles are one utterance (`cluster`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dossier.link.quotes import cluster_quotes
from tests.quotes_support import CORPUS, corpus_article, expected_path, extract, slug_resolver, wording

CASES = sorted(CORPUS.glob("*.txt"))


def expected(path: Path) -> dict:
    return yaml.safe_load(expected_path(path).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def extractions() -> dict:
    return {path.name: extract(corpus_article(path)) for path in CASES}


def test_corpus_covers_every_rule():
    assert len(CASES) >= 15
    wanted = [q for path in CASES for q in expected(path)["quotes"]]
    methods = {q["method"] for q in wanted}
    assert methods == {"explicit", "pronoun", "role", "carried", "second-hand", "unattributed"}
    assert any(expected(path).get("problems") for path in CASES)
    assert any(q.get("end_paragraph") for q in wanted)
    assert any("\u2026" in q["text"] for q in wanted)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_quotes_speakers_and_methods(path, extractions):
    want = expected(path)["quotes"]
    got = extractions[path.name].quotes
    assert [(wording(m.text), m.speaker, m.method) for m in got] == [
        (wording(q["text"]), q["speaker"], q["method"]) for q in want
    ]
    for mention, q in zip(got, want):
        for key in ("cue", "paragraph", "end_paragraph"):
            if key in q:
                assert getattr(mention, key) == q[key], (key, mention)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_problems_name_the_file_and_paragraph(path, extractions):
    want = expected(path).get("problems") or []
    problems = extractions[path.name].problems
    assert len(problems) == len(want), problems
    for problem, fragment in zip(problems, want):
        assert problem.file == path.name
        assert fragment in problem.message


def test_clusters_across_outlets(extractions):
    """Printings with one `cluster` label are one Quote; different labels are never merged."""
    labels = {}
    for path in CASES:
        source = corpus_article(path).id
        for index, q in enumerate(expected(path)["quotes"], start=1):
            labels[(source, index)] = q.get("cluster", f"{source}#{index}")
    quotes = cluster_quotes(list(extractions.values()), slug_resolver)
    quote_of = {(o.source, o.index): quote.id for quote in quotes for o in quote.occurrences}
    assert set(quote_of) == set(labels)
    by_label: dict[str, set[str]] = {}
    for key, label in labels.items():
        by_label.setdefault(label, set()).add(quote_of[key])
    assert all(len(ids) == 1 for ids in by_label.values()), by_label
    assert len(quotes) == len(by_label)
