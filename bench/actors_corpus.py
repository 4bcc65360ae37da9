"""Actor quality on the test articles in tests/corpus/actors/ (written for the tests, never seen
by the rules' authors as seeds): precision and recall per case and overall.

    python bench/actors_corpus.py [case ...]

Recall: expected actors found under their name and kind; aliases, roles and affiliations as
expected. Precision (cases marked `complete: true` only): actors that are expected or tolerated,
out of all actors the build gives. Absent: names or aliases the case says no actor may have.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.test_actors_corpus import CASES, CORPUS, build  # noqa: E402


def score(case: str) -> dict:
    expected = yaml.safe_load((CORPUS / case / "expected.yaml").read_text(encoding="utf-8"))
    _, actors, _ = build(CORPUS / case / "seeds")
    by_name = {a.name: a for a in actors}
    wanted = expected["actors"]
    found = [w for w in wanted if w["name"] in by_name and by_name[w["name"]].kind == w["kind"]]
    aliases = [(w["name"], alias) for w in wanted for alias in w.get("aliases", [])]
    roles = [(w["name"], role) for w in wanted for role in w.get("roles", [])]
    affiliations = [w for w in wanted if "affiliation" in w]
    listed = {w["name"] for w in wanted} | set(expected.get("tolerated", []))
    names = {a.name.lower() for a in actors}
    all_aliases = {x.lower() for a in actors for x in a.aliases}
    return {
        "actors": (len(found), len(wanted)),
        "aliases": (sum(n in by_name and a in by_name[n].aliases for n, a in aliases), len(aliases)),
        "roles": (sum(r in {x for x, _ in by_name[n].roles} for n, r in roles if n in by_name), len(roles)),
        "affiliations": (sum(w["name"] in by_name and by_name[w["name"]].affiliation == w["affiliation"]
                             for w in affiliations), len(affiliations)),
        "precise": (sum(a.name in listed for a in actors), len(actors)) if expected.get("complete") else None,
        "unexpected": sorted(a.name for a in actors if a.name not in listed) if expected.get("complete") else [],
        "absent present": sorted({n for n in expected.get("absent", []) if n.lower() in names}
                                 | {n for n in expected.get("unaliased", []) if n.lower() in all_aliases}),
    }


def main(cases: list[str]) -> None:
    totals: dict[str, list[int]] = {}
    for case in cases:
        result = score(case)
        print(f"== {case}")
        for key, value in result.items():
            if isinstance(value, tuple):
                print(f"  {key}: {value[0]}/{value[1]}")
                totals.setdefault(key, [0, 0])
                totals[key][0] += value[0]
                totals[key][1] += value[1]
            elif value:
                print(f"  {key}: {value}")
    print("== overall")
    for key, (right, total) in totals.items():
        print(f"  {key}: {right}/{total} = {right / total:.0%}" if total else f"  {key}: -")


if __name__ == "__main__":
    main(sys.argv[1:] or CASES)
