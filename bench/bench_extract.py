"""Quote extraction throughput, in articles per second on one core.

    python bench/bench_extract.py [--copies 10] [--runs 5]

The corpus is the seeds and the quote test corpus, each article repeated `--copies`
times under new ids. Three figures, each the median of `--runs` runs: the whole quote
extraction with spaCy's parse, the extraction given the parses (what extract_quotes
itself costs), and the pairing of quotation marks alone; then how many times the parse
costs more than the extraction.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: the figure is per core
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

from dossier import ingest, nlp  # noqa: E402
from dossier.extract.quotemarks import find_quotations  # noqa: E402
from dossier.extract.quotes import extract_quotes  # noqa: E402
from dossier.model import Article  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "seeds", ROOT / "tests" / "corpus")


def corpus(copies: int) -> list[Article]:
    articles = [a for folder in SOURCES for a in ingest.read_seeds(folder)[0]]
    return [replace(a, id=f"{a.id}-{k}") for k in range(copies) for a in articles]


def median_rate(articles: list[Article], runs: int, work: Callable[[Article], object]) -> tuple[float, list[float]]:
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        for article in articles:
            work(article)
        seconds.append(time.perf_counter() - start)
    return len(articles) / statistics.median(seconds), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    articles = corpus(args.copies)
    pipeline = nlp.load()
    pipeline("warm up")

    def parse(article: Article) -> list:
        return list(pipeline.pipe(p.text for p in article.paragraphs))

    parses = {a.id: parse(a) for a in articles}
    quotes = sum(len(extract_quotes(a, parses[a.id])[0]) for a in articles)
    distinct = len(articles) // args.copies
    print(f"corpus: {len(articles)} articles ({distinct} distinct x {args.copies}), {quotes} quotes, one thread")
    figures = [
        ("with the spaCy parse", lambda a: extract_quotes(a, parse(a))),
        ("parses given", lambda a: extract_quotes(a, parses[a.id])),
        ("quotation marks only", lambda a: find_quotations([p.text for p in a.paragraphs])),
    ]
    rates = {}
    for label, work in figures:
        rate, seconds = median_rate(articles, args.runs, work)
        rates[label] = rate
        runs = ", ".join(f"{s:.2f}" for s in seconds)
        print(f"{label:>22}: {rate:9.1f} articles/s per core  (median of {args.runs} runs; seconds: {runs})")
    ratio = rates["parses given"] / rates["with the spaCy parse"]
    print(f"{'ratio':>22}: extraction alone is {ratio:.1f}x faster than with the parse "
          f"(spaCy is {100 * (1 - 1 / ratio):.0f}% of the time)")


if __name__ == "__main__":
    main()
