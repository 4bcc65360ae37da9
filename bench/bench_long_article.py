"""One long article: does the time to build it grow linearly with its length?

    python bench/bench_long_article.py [--sizes 0.5,1,2,4] [--runs 1] [--build]

Each article is real prose: paragraphs of the real-article corpus's development part
(corpus/real/articles/dev-*; the blind batches are kept for scoring), else of the seeds and tests/corpus,
drawn in a fixed pseudo-random order until the article has the size asked for (MB of text). The
development part holds about 45 KB of such paragraphs, so each recurs some 20 times per MB: its quotes
and names recur far more often than a real long read's, which is what a pathological input does.
For each size it runs the build's stages one after the other in this process and reports the
median over `--runs` of each stage's CPU and wall-clock seconds: spaCy's parse of every paragraph,
dossier's own extraction rules given those parses (actors, quotes, stances), and the rest of the
build (ingest, link, ids, render, export, writing docs/); then, for each doubling of size, how many
times longer each took (linear is 2.0). With `--build` it also times `dossier build` of a folder
holding only that article (wall-clock: its worker processes are not this process's children).
CPU seconds are disturbed far less than wall-clock ones by a shared, loaded machine: `uptime` is
printed before and after.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from dossier import curation, export, ids, ingest, link, nlp, publish, render
from dossier.build import BuildConfig, build
from dossier.extract.actors import extract_actors
from dossier.extract.quotes import extract_quotes
from dossier.extract.stances import extract_stances
from dossier.model import Extraction

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


def timed(work) -> tuple[float, float]:
    """(CPU, wall-clock) seconds `work` takes, CPU counted in this process and its children."""
    start, wall = os.times(), time.perf_counter()
    work()
    end = os.times()
    cpu = sum(getattr(end, f) - getattr(start, f) for f in ("user", "system", "children_user", "children_system"))
    return cpu, time.perf_counter() - wall


def measure(text: str, whole_build: bool) -> dict[str, tuple[float, float]]:
    """{stage: (CPU, wall)} for one article, each stage given the previous one's output."""
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        (project / "seeds").mkdir()
        (project / "seeds" / "long.txt").write_text(text, encoding="utf-8")
        config = BuildConfig(seeds=project / "seeds", docs=project / "docs", curation=project / "curation.yaml",
                             ledger=project / "permalinks.yaml", mkdocs_yml=project / "mkdocs.yml")
        found: dict = {}
        times = {"ingest": timed(lambda: found.update(article=ingest.read_seeds(config.seeds)[0][0]))}
        article = found["article"]
        times["parse"] = timed(lambda: found.update(docs=list(nlp.load().pipe(p.text for p in article.paragraphs))))

        def rules() -> None:
            actors = extract_actors(article, found["docs"])
            quotes, problems = extract_quotes(article, found["docs"])
            found["extraction"] = Extraction(article=article, quotes=tuple(quotes), actors=tuple(actors),
                                             stances=tuple(extract_stances(article, found["docs"], actors)),
                                             problems=tuple(problems))

        def rest() -> None:
            edits, ledger = curation.load(config.curation), ids.load_ledger(config.ledger)
            dossier, new_ledger = ids.reconcile(link.link([found["extraction"]], edits), ledger, edits)
            pages = render.render(dossier)
            publish.write({**pages, **export.files(dossier)}, config.docs, ids.dump_ledger(new_ledger), config.ledger)

        times["rules"] = timed(rules)
        times["rest"] = timed(rest)
        times["rest"] = tuple(a + b for a, b in zip(times.pop("ingest"), times["rest"]))
        times["total"] = tuple(sum(t[k] for t in times.values()) for k in (0, 1))
        if whole_build:
            shutil.rmtree(config.docs)
            config.ledger.unlink()
            times["dossier build"] = timed(lambda: build(config))
        return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.5,1,2,4", help="article sizes in MB, comma-separated")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--build", action="store_true", help="also time `dossier build` of each article")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    paragraphs = prose_paragraphs()
    nlp.load()("warm up")
    print("load:", os.getloadavg(), "on", os.cpu_count(), "cores", flush=True)
    rows = []
    for size in sizes:
        text = long_article(size, paragraphs)
        runs = [measure(text, args.build) for _ in range(args.runs)]
        row = {key: tuple(statistics.median(r[key][k] for r in runs) for k in (0, 1)) for key in runs[0]}
        rows.append((size, row))
        print(f"{size:5.2f} MB  " + "  ".join(f"{key} {cpu:6.1f} CPU s {wall:6.1f} wall s" for key, (cpu, wall) in row.items())
              + f"  (load {os.getloadavg()[0]:.1f})", flush=True)
    for (small, a), (large, b) in zip(rows, rows[1:]):
        ratios = "  ".join(f"{key} x{b[key][0] / a[key][0]:.2f} (wall x{b[key][1] / a[key][1]:.2f})" for key in a)
        print(f"{small:g} -> {large:g} MB: {ratios}")


if __name__ == "__main__":
    main()
