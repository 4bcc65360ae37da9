"""Extraction quality on the seeds against the editor's gold file.

    python bench/quality.py [--seeds seeds] [--gold ../shared/gold/seeds.yaml] [--json]

Runs ingest -> extract -> link -> ids in memory (nothing is written) and prints
precision / recall for sources, quotes, speakers, clusters, actors and positions.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from dossier.build import BuildConfig, assemble
from dossier.model import Dossier
from dossier.text import normalise

ROOT = Path(__file__).resolve().parent.parent


def run_pipeline(seeds: Path) -> Dossier:
    """The build's own pipeline, with no ledger (fresh content ids) and the repository's curation."""
    assembly = assemble(BuildConfig(seeds=seeds, curation=ROOT / "curation.yaml", ledger=Path("/nonexistent")))
    assembly.dossier.problems[:] = assembly.problems
    return assembly.dossier


def _same_words(a: str, b: str) -> bool:
    """Gold keeps or drops a final period where the build may differ: compare without it."""
    return normalise(a).rstrip(".,").lower() == normalise(b).rstrip(".,").lower()


def score_sources(dossier: Dossier, gold: dict) -> dict:
    by_file = {a.file: a for a in dossier.sources}
    titles = dates = 0
    for expected in gold["sources"]:
        article = by_file.get(expected["file"])
        if article is None:
            continue
        titles += normalise(article.title) == normalise(expected["title"])
        want_date = expected.get("date")
        dates += article.date == (str(want_date) if want_date else None)
    return {"sources": f"{len(by_file)}/{len(gold['sources'])}", "titles right": titles, "dates right": dates}


def score_quotes(dossier: Dossier, gold: dict) -> dict:
    files = {a.id: a.file for a in dossier.sources}
    actor_names = {a.id: a.name for a in dossier.actors}
    found = []  # (file, text, speaker name, quote id)
    for quote in dossier.quotes:
        for occurrence in quote.occurrences:
            speaker = actor_names.get(quote.speaker, quote.speaker_name)
            found.append((files[occurrence.source], occurrence.text, speaker, quote.id))
    matched, speakers_right, cluster_ids = 0, 0, {}
    unmatched = list(found)
    for expected in gold["quotes"]:
        hit = next((f for f in unmatched if f[0] == expected["file"] and _same_words(f[1], expected["text"])), None)
        if hit is None:
            continue
        unmatched.remove(hit)
        matched += 1
        speakers_right += hit[2] == expected["speaker"]
        cluster_ids.setdefault(expected["cluster"], set()).add(hit[3])
    minor = {(m["file"], normalise(m["text"]).lower()) for m in gold.get("minor_quotes", [])}
    extra = [f for f in unmatched if (f[0], normalise(f[1]).lower()) not in minor]
    clusters_right = sum(len(v) == 1 for v in cluster_ids.values())
    gold_clusters = {q["cluster"] for q in gold["quotes"]}
    pages_for_gold = {qid for v in cluster_ids.values() for qid in v}
    return {
        "occurrences found": f"{matched}/{len(gold['quotes'])}",
        "speaker right": f"{speakers_right}/{len(gold['quotes'])}",
        "clusters one page each": f"{clusters_right}/{len(gold_clusters)}",
        "quote pages": len(dossier.quotes),
        "pages of gold clusters": len(pages_for_gold),
        "extra occurrences": [f"{f[0]}: {f[1][:60]}" for f in extra],
    }


def score_actors(dossier: Dossier, gold: dict) -> dict:
    by_name = {a.name: a for a in dossier.actors}
    found = kinds = 0
    alias_total = alias_hit = 0
    missing_aliases = []
    for expected in gold["actors"]:
        actor = by_name.get(expected["name"])
        if actor is None:
            continue
        found += 1
        kinds += actor.kind == expected["kind"]
        have = {a.lower() for a in actor.aliases} | {actor.name.lower()}
        for alias in expected["aliases"]:
            alias_total += 1
            if alias.lower() in have:
                alias_hit += 1
            else:
                missing_aliases.append(f"{expected['name']}: {alias}")
    gold_names = {a["name"] for a in gold["actors"]}
    outlets = {o.lower() for o in gold.get("outlets", [])}
    not_actors = {n.lower() for n in gold.get("not_actors", [])}
    others = sorted(a.name for a in dossier.actors if a.name not in gold_names and a.name.lower() not in outlets)
    return {
        "actors found": f"{found}/{len(gold['actors'])}",
        "kind right": f"{kinds}/{len(gold['actors'])}",
        "aliases merged": f"{alias_hit}/{alias_total}",
        "missing aliases": missing_aliases,
        "not_actors present": sorted(a.name for a in dossier.actors if a.name.lower() in not_actors),
        "outlets as actors": sorted(a.name for a in dossier.actors if a.name.lower() in outlets),
        "other actors": others,
    }


def score_positions(dossier: Dossier, gold: dict) -> dict:
    actor_names = {a.id: a.name for a in dossier.actors}
    topic_titles = {t.id: t.title.lower() for t in dossier.topics}
    built = [(actor_names.get(p.actor, p.actor), topic_titles.get(p.topic, p.topic), p.stance) for p in dossier.positions]

    def matches(g: dict, b: tuple) -> bool:
        return b[0] == g["actor"] and b[2] == g["stance"] and any(k in b[1] for k in g["topic_keywords"])

    recall = sum(any(matches(g, b) for b in built) for g in gold["positions"])
    precision = sum(any(matches(g, b) for g in gold["positions"]) for b in built)
    return {
        "positions recalled": f"{recall}/{len(gold['positions'])}",
        "positions correct": f"{precision}/{len(built)}",
        "topics": sorted(topic_titles.values()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold" / "seeds.yaml")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    args = parser.parse_args(argv)
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))
    dossier = run_pipeline(args.seeds)
    report = {
        "sources": score_sources(dossier, gold),
        "quotes": score_quotes(dossier, gold),
        "actors": score_actors(dossier, gold),
        "positions": score_positions(dossier, gold),
        "problems": [str(p) for p in dossier.problems],
    }
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    for section, values in report.items():
        print(f"== {section}")
        if isinstance(values, list):
            values = {"": values}
        for key, value in values.items():
            if isinstance(value, list):
                print(f"  {key}: {len(value)}")
                for item in value:
                    print(f"      {item}")
            else:
                print(f"  {key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
