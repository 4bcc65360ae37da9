"""Actor extraction: quality against the gold file, and throughput in articles per second on one core.

    python bench/bench_actors.py [--copies 5] [--runs 5] [--gold ../shared/gold/seeds.yaml]

Quality (seeds only): actor pages that are gold actors (precision), gold actors found under
their canonical name and kind (recall), gold aliases listed on the right actor, and gold
aliases the Resolver maps to the right actor in every source that prints them.

Throughput (seeds and tests/corpus/actors, each article repeated `--copies` times): the
spaCy parse, extract_actors given the parses (the rules alone), both together, and
link_actors over the whole corpus; each the median of `--runs` runs.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: the figure is per core
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

import yaml  # noqa: E402

from dossier import ingest, nlp  # noqa: E402
from dossier.curation import Curation  # noqa: E402
from dossier.extract.actors import extract_actors  # noqa: E402
from dossier.link.actors import link_actors  # noqa: E402
from dossier.model import Article, Extraction  # noqa: E402
from dossier.text import normalise  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT / "tests" / "corpus" / "actors"


def extractions(articles: list[Article]) -> list[Extraction]:
    pipeline = nlp.load()
    return [
        Extraction(a, actors=tuple(extract_actors(a, list(pipeline.pipe(p.text for p in a.paragraphs)))))
        for a in articles
    ]


def quality(gold: dict) -> dict:
    articles, _ = ingest.read_seeds(SEEDS)
    linked = extractions(articles)
    actors, resolve = link_actors(linked, Curation())
    by_name = {a.name: a for a in actors}
    found = [g for g in gold["actors"] if g["name"] in by_name and by_name[g["name"]].kind == g["kind"]]
    listed = total = resolved = printed = 0
    for g in found:
        aliases = {normalise(x).lower() for x in by_name[g["name"]].aliases}
        for alias in g["aliases"]:
            total += 1
            listed += normalise(alias).lower() in aliases
            for article in articles:
                pattern = rf"(?<!\w){re.escape(normalise(alias))}(?!\w)"
                if any(re.search(pattern, normalise(p.text)) for p in article.paragraphs):
                    printed += 1
                    resolved += resolve(article.id, alias) == by_name[g["name"]].id
    outlets = {o.lower() for o in gold["outlets"]}
    return {
        "actor pages": len(actors),
        "precision (pages that are gold actors)": f"{len(found)}/{len(actors)} = {len(found) / len(actors):.2f}",
        "recall (gold actors, name and kind)": f"{len(found)}/{len(gold['actors'])}",
        "gold aliases listed": f"{listed}/{total}",
        "gold aliases resolved where printed": f"{resolved}/{printed}",
        "other pages": sorted(a.name for a in actors if a.name not in {g["name"] for g in gold["actors"]}),
        "outlets as actors": sorted(a.name for a in actors if a.name.lower() in outlets),
        "not_actors present": sorted(a.name for a in actors if a.name in gold["not_actors"]),
    }


def median_seconds(runs: int, work) -> float:
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


def throughput(copies: int, runs: int) -> dict:
    folders = [SEEDS, *sorted(p / "seeds" for p in CORPUS.iterdir() if (p / "seeds").is_dir())]
    base = [a for folder in folders for a in ingest.read_seeds(folder)[0]]
    articles = [replace(a, id=f"{a.id}-{k}") for k in range(copies) for a in base]
    pipeline = nlp.load()
    pipeline("warm up")
    docs = [list(pipeline.pipe(p.text for p in a.paragraphs)) for a in articles]
    parse = median_seconds(runs, lambda: [list(pipeline.pipe(p.text for p in a.paragraphs)) for a in articles])
    rules = median_seconds(runs, lambda: [extract_actors(a, d) for a, d in zip(articles, docs)])
    linked = [Extraction(a, actors=tuple(extract_actors(a, d))) for a, d in zip(articles, docs)]
    link = median_seconds(runs, lambda: link_actors(linked, Curation()))
    n = len(articles)
    return {
        "articles": n,
        "spaCy parse, articles/s": round(n / parse, 1),
        "extract_actors without the parse, articles/s": round(n / rules, 1),
        "parse + extract_actors, articles/s": round(n / (parse + rules), 1),
        "the parse costs x the rules": round(parse / rules, 2),
        "link_actors over all, articles/s": round(n / link, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold" / "seeds.yaml")
    args = parser.parse_args()
    report = {}
    if args.gold.exists():
        report["quality on the seeds"] = quality(yaml.safe_load(args.gold.read_text(encoding="utf-8")))
    report["throughput"] = throughput(args.copies, args.runs)
    print(yaml.safe_dump(report, sort_keys=False, allow_unicode=True), end="")


if __name__ == "__main__":
    main()
