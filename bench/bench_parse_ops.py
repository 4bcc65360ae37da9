"""The spaCy parse on thinc's own NumpyOps (blis) against dossier's MatmulOps (numpy's BLAS).

    python bench/bench_parse_ops.py [--megabytes 0.25] [--runs 3]

Parses the same real prose (bench_long_article's paragraphs of the corpus's development part) with
both, one component at a time, alternating the two for --runs rounds so that a change in the
machine's load falls on both alike. Prints the median CPU seconds of each component and their ratio,
and whether every annotation a later step reads came out the same. If a later blis or thinc
multiplies as fast as OpenBLAS here, the ratio says so and MatmulOps can go.
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_long_article import long_article, prose_paragraphs  # noqa: E402
from dossier import nlp  # noqa: E402


def parse_by_component(model, paragraphs: list[str]) -> tuple[dict[str, float], list[tuple]]:
    """CPU seconds of each component over `paragraphs`, and what the parse annotated."""
    seconds = {}
    started = time.process_time()
    docs = [model.make_doc(p) for p in paragraphs]
    seconds["tokenizer"] = time.process_time() - started
    for name, component in model.pipeline:
        started = time.process_time()
        docs = list(component.pipe(docs))
        seconds[name] = time.process_time() - started
    annotations = [(t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.lemma_, t.is_sent_start)
                   for doc in docs for t in doc]
    return seconds, annotations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=0.25)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    paragraphs = long_article(args.megabytes, prose_paragraphs()).split("\n\n")
    models = {"blis (thinc's NumpyOps)": importlib.import_module(nlp.MODEL_PACKAGE).load(),
              "matmul (dossier's MatmulOps)": nlp.load()}
    print(f"{args.megabytes} MB, {len(paragraphs)} paragraphs; load average {os.getloadavg()[0]:.1f}")
    runs = {label: [] for label in models}
    parses = {}
    for _ in range(args.runs):
        for label, model in models.items():
            seconds, parses[label] = parse_by_component(model, paragraphs)
            runs[label].append(seconds)
    medians = {label: {part: statistics.median(run[part] for run in results) for part in results[0]}
               for label, results in runs.items()}
    (blis, matmul) = medians.values()
    print(f"{'component':<16}{'blis CPU s':>12}{'matmul CPU s':>14}{'ratio':>8}")
    for part in [*blis, "total"]:
        before = sum(blis.values()) if part == "total" else blis[part]
        after = sum(matmul.values()) if part == "total" else matmul[part]
        print(f"{part:<16}{before:>12.2f}{after:>14.2f}{after / before:>8.2f}")
    on_blis, on_matmul = parses.values()
    print("every annotation the same:", on_blis == on_matmul, f"({len(on_blis):,} tokens)")
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
