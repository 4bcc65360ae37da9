"""Check the real-article corpus: every file parses, matches its schema, and agrees with its article.

    python bench/check_corpus.py [CORPUS]        # default corpus/real; exit status 1 on any problem

The layout (corpus/real/articles/<id>.txt, index/<id>.yaml, gold/<id>.yaml) and the gold format are
described in corpus/real/README.md. Gold is only worth scoring against when every quote it lists can be
found in its article, exactly once, and every alias it lists is printed there: this script proves it,
and lists every problem rather than stopping at the first.
"""

from __future__ import annotations

import datetime
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "real"

KINDS = frozenset({
    "politics", "courts", "business", "labour", "health", "science", "sport", "local-government",
    "culture", "disaster", "wire", "press-release", "interview", "live-blog",
    "agriculture", "crime", "education", "environment", "religion", "transport", "technology",
})
BATCHES = frozenset({"dev", "blind-1", "blind-2", "blind-3", "blind-4", "blind-5", "blind-6", "blind-7", "blind-8", "blind-9", "blind-10", "blind-11", "blind-12", "blind-13", "blind-14", "blind-15", "blind-16"})
ACTOR_KINDS = frozenset({"person", "organization", "country", "government", "group"})
STANCES = frozenset({"support", "oppose", "conditional", "open"})

INDEX_KEYS = frozenset({"id", "url", "outlet", "date", "kind", "batch", "removed", "reuse", "retrieved"})
GOLD_REQUIRED = frozenset({"file", "title", "date", "outlet", "byline", "quotes", "actors", "positions"})
GOLD_OPTIONAL = frozenset({"minor_quotes", "outlets", "not_actors"})
QUOTE_KEYS = (frozenset({"text", "speaker"}), frozenset({"cluster"}))
ACTOR_KEYS = (frozenset({"name", "kind", "aliases"}), frozenset())
POSITION_KEYS = (frozenset({"actor", "topic", "topic_keywords", "stance"}), frozenset())

_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def check(corpus: Path = CORPUS) -> list[str]:
    """Every problem in the corpus, one line each, naming the file."""
    articles = {p.stem: p for p in sorted((corpus / "articles").glob("*.txt"))}
    problems = []
    for folder in ("index", "gold"):
        for path in sorted((corpus / folder).glob("*.yaml")):
            if path.stem not in articles:
                problems.append(f"{_rel(path, corpus)}: no article {path.stem}.txt")
    for stem, article in articles.items():
        text = article.read_text(encoding="utf-8")
        for folder, check_one in (("index", _check_index), ("gold", _check_gold)):
            path = corpus / folder / f"{stem}.yaml"
            if not path.exists():
                problems.append(f"{_rel(article, corpus)}: no {folder} file {folder}/{stem}.yaml")
                continue
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
            except yaml.YAMLError as error:
                problems.append(f"{_rel(path, corpus)}: not valid YAML: {' '.join(str(error).split())}")
                continue
            if not isinstance(data, dict):
                problems.append(f"{_rel(path, corpus)}: not a mapping")
                continue
            problems.extend(f"{_rel(path, corpus)}: {p}" for p in check_one(stem, data, text))
    return problems


def _check_index(stem: str, index: dict, text: str) -> Iterator[str]:
    yield from _keys("index", index, INDEX_KEYS, frozenset())
    if index.get("id") != stem:
        yield f"id {index.get('id')!r} is not the file name {stem!r}"
    if index.get("kind") not in KINDS:
        yield f"kind {index.get('kind')!r} is not one of {sorted(KINDS)}"
    if index.get("batch") not in BATCHES:
        yield f"batch {index.get('batch')!r} is not one of {sorted(BATCHES)}"
    elif not stem.startswith(index["batch"].replace("-", "")):
        yield f"id {stem!r} does not start with its batch {index['batch']!r}"
    if not str(index.get("url", "")).startswith(("http://", "https://")):
        yield f"url {index.get('url')!r} is not an http(s) address"
    yield from _date("date", index.get("date"))


def _check_gold(stem: str, gold: dict, text: str) -> Iterator[str]:
    yield from _keys("gold", gold, GOLD_REQUIRED, GOLD_OPTIONAL)
    if gold.get("file") != f"{stem}.txt":
        yield f"file {gold.get('file')!r} is not {stem + '.txt'!r}"
    yield from _date("date", gold.get("date"))
    for key in ("quotes", "actors", "positions", *sorted(GOLD_OPTIONAL)):
        items = gold.get(key, [])
        if not isinstance(items, list):
            yield f"{key} must be a list"
        elif key in ("quotes", "actors", "positions"):
            yield from (f"{key} item {n} is not a mapping" for n, i in enumerate(items, 1) if not isinstance(i, dict))
    for key in ("title", "outlet", "byline"):
        if gold.get(key) is not None and not isinstance(gold[key], str):
            yield f"{key} must be text or null, not {gold[key]!r}"
    actors = _items(gold, "actors")
    names = {a.get("name") for a in actors}
    for n, quote in enumerate(_items(gold, "quotes"), 1):
        yield from _keys(f"quote {n}", quote, *QUOTE_KEYS)
        quoted = quote.get("text")
        if not isinstance(quoted, str) or not quoted:
            yield f"quote {n} has no text"
            continue
        count = text.count(quoted)
        if count != 1:
            yield f"quote {n} occurs {count} times in the article, not once: {quoted[:60]!r}"
        if quote.get("speaker") is not None and quote["speaker"] not in names:
            yield f"quote {n}: speaker {quote['speaker']!r} is not one of the gold actors"
    for n, actor in enumerate(actors, 1):
        yield from _keys(f"actor {n}", actor, *ACTOR_KEYS)
        if actor.get("kind") not in ACTOR_KINDS:
            yield f"actor {actor.get('name')!r}: kind {actor.get('kind')!r} is not one of {sorted(ACTOR_KINDS)}"
        aliases = actor.get("aliases")
        if not isinstance(aliases, list):
            yield f"actor {actor.get('name')!r}: aliases must be a list"
            continue
        for alias in aliases:
            if not isinstance(alias, str) or alias not in text:
                yield f"actor {actor.get('name')!r}: alias {alias!r} is not printed in the article"
    for n, position in enumerate(_items(gold, "positions"), 1):
        yield from _keys(f"position {n}", position, *POSITION_KEYS)
        if position.get("actor") not in names:
            yield f"position {n}: actor {position.get('actor')!r} is not one of the gold actors"
        if position.get("stance") not in STANCES:
            yield f"position {n}: stance {position.get('stance')!r} is not one of {sorted(STANCES)}"
        keywords = position.get("topic_keywords")
        if not isinstance(keywords, list) or not keywords:
            yield f"position {n}: topic_keywords must be a non-empty list"


def _keys(what: str, data: dict, required: frozenset, optional: frozenset) -> Iterator[str]:
    if missing := sorted(required - data.keys()):
        yield f"{what} lacks {', '.join(missing)}"
    if unknown := sorted(data.keys() - required - optional):
        yield f"{what} has unknown keys {', '.join(map(str, unknown))}"


def _items(gold: dict, key: str) -> list[dict]:
    """The mappings listed under `key` (what is not a mapping is reported once, in _check_gold)."""
    items = gold.get(key)
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _date(key: str, value: object) -> Iterator[str]:
    if value is None or isinstance(value, datetime.date):
        return
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        yield f"{key} {value!r} is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY) or null"


def _rel(path: Path, corpus: Path) -> str:
    return str(path.relative_to(corpus))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    corpus = Path(args[0]) if args else CORPUS
    problems = check(corpus)
    for problem in problems:
        print(problem)
    count = len(list((corpus / "articles").glob("*.txt")))
    print(f"{count} articles, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
