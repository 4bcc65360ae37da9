"""One long article: does the time to build it grow linearly with its length?

    python bench/bench_long_article.py [--sizes 0.5,1,2,4] [--runs 1]

Each article is real prose: paragraphs of the real-article corpus's development part
(corpus/real/articles/dev-*; the blind batches are kept for scoring), else of the seeds and tests/corpus, drawn in a fixed pseudo-random order until the article
has the size asked for (MB of text). For each size it reports the median over `--runs`
of: spaCy's parse of every paragraph, dossier's own extraction rules given those parses
(actors, quotes and stances), and the whole `dossier build` of a folder holding only that
article; then, for each doubling of size, how many times longer each took (linear is 2.0).
Times are CPU seconds (this process's and its children's), which a shared, loaded machine
disturbs far less than wall-clock time.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
from pathlib import Path

from dossier import ingest, nlp
from dossier.build import BuildConfig, build
from dossier.extract.actors import extract_actors
from dossier.extract.quotes import extract_quotes
from dossier.extract.stances import extract_stances

ROOT = Path(__file__).resolve().parent.parent
PROSE = ROOT / "corpus" / "real" / "articles"
FALLBACK_PROSE = (ROOT / "seeds", ROOT / "tests" / "corpus")
MIN_PARAGRAPH = 200  # characters: body text, not bylines and captions


def prose_paragraphs() -> list[str]:
    files = sorted(PROSE.glob("dev-*.txt")) or sorted(p for f in FALLBACK_PROSE for p in f.glob("*.txt"))
    paragraphs = []
    for path in files:
        paragraphs.extend(p.strip() for p in path.read_text(encoding="utf-8").split("\n\n")
                          if len(p.strip()) >= MIN_PARAGRAPH)
    return paragraphs


def long_article(megabytes: float, paragraphs: list[str], seed: int = 1) -> str:
    rng = random.Random(seed)
    wanted, size, body = int(megabytes * 1_000_000), 0, []
    while size < wanted:
        paragraph = rng.choice(paragraphs)
        body.append(paragraph)
        size += len(paragraph) + 2
    return "A long read assembled for the benchmark\n\n" + "\n\n".join(body) + "\n"


def timed(work) -> float:
    """CPU seconds `work` takes, in this process and in any worker processes it waits for."""
    start = os.times()
    work()
    end = os.times()
    return sum(getattr(end, f) - getattr(start, f) for f in ("user", "system", "children_user", "children_system"))


def measure(text: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        (project / "seeds").mkdir()
        (project / "seeds" / "long.txt").write_text(text, encoding="utf-8")
        article = ingest.read_seeds(project / "seeds")[0][0]
        docs: list = []
        parse = timed(lambda: docs.extend(nlp.load().pipe(p.text for p in article.paragraphs)))

        def rules() -> None:
            actors = extract_actors(article, docs)
            extract_quotes(article, docs)
            extract_stances(article, docs, actors)

        config = BuildConfig(seeds=project / "seeds", docs=project / "docs", curation=project / "curation.yaml",
                             ledger=project / "permalinks.yaml", mkdocs_yml=project / "mkdocs.yml")
        return {"parse": parse, "rules": timed(rules), "build": timed(lambda: build(config))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.5,1,2,4", help="article sizes in MB, comma-separated")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    paragraphs = prose_paragraphs()
    nlp.load()("warm up")
    rows = []
    for size in sizes:
        text = long_article(size, paragraphs)
        runs = [measure(text) for _ in range(args.runs)]
        row = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        rows.append((size, row))
        print(f"{size:5.2f} MB  parse {row['parse']:7.1f} s  rules {row['rules']:7.1f} s  "
              f"build {row['build']:7.1f} s  (CPU)", flush=True)
    for (small, a), (large, b) in zip(rows, rows[1:]):
        ratios = "  ".join(f"{key} x{b[key] / a[key]:.2f}" for key in a)
        print(f"{small:g} -> {large:g} MB: {ratios}")


if __name__ == "__main__":
    main()
