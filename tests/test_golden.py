"""Golden output, like pelican's tests/output/basic: a small sample built byte for byte.

tests/golden/seeds/ is built with the real pipeline and compared with tests/golden/docs/.
A difference is either a regression or an intended change: review it, then run
`make golden` to accept it.
"""

from __future__ import annotations

import difflib

from dossier.build import BuildConfig, build
from tests.conftest import ROOT, TEMPLATES

GOLDEN = ROOT / "tests" / "golden"


def golden_config(docs):
    return BuildConfig(seeds=GOLDEN / "seeds", docs=docs, templates=TEMPLATES,
                       curation=GOLDEN / "curation.yaml", ledger=docs.parent / "permalinks.yaml",
                       mkdocs_yml=ROOT / "mkdocs.yml")


def tree(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_sample_builds_exactly_the_golden_docs(tmp_path):
    result = build(golden_config(tmp_path / "docs"))
    assert result.problems == []
    built, expected = tree(tmp_path / "docs"), tree(GOLDEN / "docs")
    assert sorted(built) == sorted(expected), "pages added or missing: run `make golden` if intended"
    for name in sorted(expected):
        if built[name] != expected[name]:
            diff = "\n".join(difflib.unified_diff(expected[name].decode().splitlines(), built[name].decode().splitlines(),
                                                  f"golden/{name}", f"built/{name}", lineterm="", n=1))
            raise AssertionError(f"{name} differs from the golden output (run `make golden` if intended):\n{diff}")
