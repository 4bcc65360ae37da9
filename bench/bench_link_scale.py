"""Linking actors across many articles: does link_actors grow (near) linearly with the corpus?

    python bench/bench_link_scale.py [--sizes 250,500,1000,2000] [--runs 3]

Each corpus is generated (no parse): every article names four people in full, drawn from a
pool of two per article, and two of them again by surname alone, so that surnames join
their full names across articles the way news reports do. For each size it reports the
median over `--runs` of link_actors, then for each doubling how many times longer it took
(linear is 2.0; comparing every name with every other was about 4).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from dossier.curation import Curation
from dossier.link.actors import link_actors
from dossier.model import ActorMention, Article, Extraction

GIVEN = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kofi", "Lena",
         "Marta", "Nils", "Olga", "Pavel", "Rosa", "Sven", "Tariq", "Ulla"]


def corpus(articles: int, rng: random.Random) -> list[Extraction]:
    def surname() -> str:
        return "".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3)).capitalize()

    people = [f"{rng.choice(GIVEN)} {surname()}" for _ in range(articles * 2)]
    extractions = []
    for n in range(articles):
        names = rng.sample(people, 4)
        names += [name.split()[-1] for name in names[:2]]
        source = f"s{n}"
        mentions = tuple(ActorMention(source, k, name, name, "person") for k, name in enumerate(names, start=1))
        extractions.append(Extraction(Article(source, f"{source}.txt", "T", ()), actors=mentions))
    return extractions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,500,1000,2000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    link_actors(corpus(5, random.Random(0)), Curation())  # load the language model before timing
    medians = {}
    for size in map(int, args.sizes.split(",")):
        extractions = corpus(size, random.Random(size))
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            link_actors(extractions, Curation())
            times.append(time.perf_counter() - start)
        medians[size] = statistics.median(times)
        print(f"{size:6d} articles: link_actors {medians[size]:.2f} s", flush=True)
    sizes = sorted(medians)
    for small, large in zip(sizes, sizes[1:]):
        print(f"{small} -> {large}: x{medians[large] / medians[small]:.2f} for x{large / small:.1f} articles")


if __name__ == "__main__":
    main()
