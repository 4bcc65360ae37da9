"""Quote extraction quality: precision, recall and speaker accuracy against expected quotes.

    python bench/quotes_quality.py [FOLDER ...]

Scores the seeds against the gold file, then each FOLDER (default: the test corpus) of
NN-name.txt articles with NN-name.expected.yaml sidecars. Articles go through the real
ingest; a quote matches when its normalised words equal the expected ones (the final
period optional).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from dossier import ingest, nlp
from dossier.extract.quotes import extract_quotes
from dossier.text import normalise

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "seeds.yaml"


def wording(text: str) -> str:
    return normalise(text).rstrip(".,")


def extracted(folder: Path) -> dict[str, list]:
    """File name -> its QuoteMentions."""
    articles, _ = ingest.read_seeds(folder)
    return {a.file: extract_quotes(a, list(nlp.load().pipe(p.text for p in a.paragraphs)))[0] for a in articles}


def score(found: dict[str, list], expected: dict[str, list[dict]]) -> dict[str, int]:
    counts = dict(extracted=0, expected=0, matched=0, speaker=0, method=0)
    for file in sorted(set(found) | set(expected)):
        got = list(found.get(file, []))
        counts["extracted"] += len(got)
        for want in expected.get(file, []):
            counts["expected"] += 1
            hit = next((m for m in got if wording(m.text) == wording(want["text"])), None)
            if hit is None:
                print(f"  missed {file}: {want['text'][:70]}")
                continue
            got.remove(hit)
            counts["matched"] += 1
            counts["speaker"] += hit.speaker == want["speaker"]
            counts["method"] += "method" not in want or hit.method == want["method"]
            if hit.speaker != want["speaker"]:
                print(f"  speaker {file}: {hit.speaker!r} for {want['speaker']!r}: {want['text'][:50]}")
        for m in got:
            print(f"  extra {file}: {m.text[:70]}")
    return counts


def report(label: str, c: dict[str, int]) -> None:
    def share(a: int, b: int) -> str:
        return f"{a}/{b} = {100 * a / b:.1f}%" if b else "n/a"

    print(f"{label}: precision {share(c['matched'], c['extracted'])}, recall {share(c['matched'], c['expected'])}, "
          f"speaker right {share(c['speaker'], c['matched'])} of found ({share(c['speaker'], c['expected'])} of all), "
          f"method right {share(c['method'], c['matched'])}")


def main(folders: list[str]) -> None:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    expected: dict[str, list[dict]] = {}
    for q in gold["quotes"]:
        expected.setdefault(q["file"], []).append(q)
    report("seeds vs gold", score(extracted(ROOT / "seeds"), expected))
    for folder in map(Path, folders or [ROOT / "tests" / "corpus"]):
        wanted = {p.name.replace(".expected.yaml", ".txt"): yaml.safe_load(p.read_text(encoding="utf-8"))["quotes"]
                  for p in sorted(folder.glob("*.expected.yaml"))}
        report(str(folder), score(extracted(folder), wanted))


if __name__ == "__main__":
    main(sys.argv[1:])
