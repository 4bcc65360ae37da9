"""bench/check_corpus.py: the committed corpus passes, and each kind of broken file is caught."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bench.check_corpus import CORPUS, check, main

ARTICLE = 'Ministers met on Monday.\n\n"We will not sign this deal," said Jane Roe, the minister.\n'
INDEX = {
    "id": "dev-x01-deal", "url": "https://example.org/deal", "outlet": "Example News", "date": "2025-03-17",
    "kind": "politics", "batch": "dev", "removed": "nothing", "reuse": "press release", "retrieved": "2026-12-06",
}
GOLD = {
    "file": "dev-x01-deal.txt", "title": None, "date": None, "outlet": "Example News", "byline": None,
    "quotes": [{"text": "We will not sign this deal", "speaker": "Jane Roe"}],
    "actors": [{"name": "Jane Roe", "kind": "person", "aliases": ["Jane Roe", "the minister"]}],
    "positions": [{"actor": "Jane Roe", "topic": "the deal", "topic_keywords": ["deal"], "stance": "oppose"}],
}


def write_corpus(root: Path, article: str = ARTICLE, index: object = INDEX, gold: object = GOLD, stem: str = "dev-x01-deal") -> Path:
    for folder in ("articles", "index", "gold"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "articles" / f"{stem}.txt").write_text(article, encoding="utf-8")
    for folder, data in (("index", index), ("gold", gold)):
        text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
        (root / folder / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return root


def changed(data: dict, path: str, value: object) -> dict:
    """A deep copy of `data` with the value at a dotted path ("quotes.0.text") replaced (deleted when the value is `...`)."""
    data = yaml.safe_load(yaml.safe_dump(data))
    *parents, last = path.split(".")
    target = data
    for key in parents:
        target = target[int(key)] if isinstance(target, list) else target[key]
    last = int(last) if isinstance(target, list) else last
    if value is ...:
        del target[last]
    else:
        target[last] = value
    return data


def test_the_committed_corpus_passes():
    assert check(CORPUS) == []


def test_a_well_formed_corpus_passes(tmp_path):
    assert check(write_corpus(tmp_path)) == []
    assert main([str(tmp_path)]) == 0


BROKEN = [  # the file, the dotted path changed in it, the new value (... deletes it), what is reported
    ("index", "id", "dev-x02-other", "id 'dev-x02-other' is not the file name"),
    ("index", "kind", "gossip", "kind 'gossip' is not one of"),
    ("index", "batch", "blind-x", "batch 'blind-x' is not one of"),
    ("index", "batch", "blind-1", "does not start with its batch 'blind-1'"),
    ("index", "date", "17 March 2025", "is not an ISO 8601 date"),
    ("index", "url", "ftp://example.org/x", "is not an http(s) address"),
    ("index", "reuse", ..., "index lacks reuse"),
    ("index", "colour", "blue", "index has unknown keys colour"),
    ("gold", "file", "other.txt", "file 'other.txt' is not 'dev-x01-deal.txt'"),
    ("gold", "byline", ..., "gold lacks byline"),
    ("gold", "date", "March 2025", "is not an ISO 8601 date"),
    ("gold", "quotes.0.text", "We will sign this deal", "quote 1 occurs 0 times in the article, not once"),
    ("gold", "quotes.0.text", "e", "quote 1 occurs 8 times in the article, not once"),
    ("gold", "quotes.0.speaker", "John Doe", "speaker 'John Doe' is not one of the gold actors"),
    ("gold", "quotes.0.said", "yes", "quote 1 has unknown keys said"),
    ("gold", "actors.0.kind", "minister", "kind 'minister' is not one of"),
    ("gold", "actors.0.aliases", ["Jane Roe", "Ms Roe"], "alias 'Ms Roe' is not printed in the article"),
    ("gold", "positions.0.stance", "against", "stance 'against' is not one of"),
    ("gold", "positions.0.actor", "Janet Roe", "actor 'Janet Roe' is not one of the gold actors"),
    ("gold", "positions.0.topic_keywords", [], "topic_keywords must be a non-empty list"),
    ("gold", "quotes", {"text": "x"}, "quotes must be a list"),
    ("gold", "actors", ["Jane Roe"], "actors item 1 is not a mapping"),
]


@pytest.mark.parametrize(("folder", "path", "value", "message"), BROKEN)
def test_a_broken_file_is_reported(tmp_path, folder, path, value, message):
    valid = {"index": INDEX, "gold": GOLD}
    data = valid | {folder: changed(valid[folder], path, value)}
    problems = check(write_corpus(tmp_path, **data))
    assert any(p.startswith(f"{folder}/dev-x01-deal.yaml: ") and message in p for p in problems), problems


def test_unparsable_yaml_and_missing_or_orphaned_files_are_reported(tmp_path):
    root = write_corpus(tmp_path, gold="file: [unclosed\n")
    (root / "index" / "dev-x01-deal.yaml").unlink()
    shutil.copy(root / "gold" / "dev-x01-deal.yaml", root / "gold" / "dev-x02-orphan.yaml")
    problems = check(root)
    assert "articles/dev-x01-deal.txt: no index file index/dev-x01-deal.yaml" in problems
    assert "gold/dev-x02-orphan.yaml: no article dev-x02-orphan.txt" in problems
    assert any(p.startswith("gold/dev-x01-deal.yaml: not valid YAML") for p in problems)
    assert main([str(root)]) == 1


def test_every_problem_is_listed_not_only_the_first(tmp_path, capsys):
    gold = changed(changed(GOLD, "quotes.0.text", "absent words here"), "positions.0.stance", "maybe")
    assert main([str(write_corpus(tmp_path, gold=gold))]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 2 and "quote 1 occurs 0 times" in printed[0] and "stance 'maybe'" in printed[1]
