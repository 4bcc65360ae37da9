"""The committed permalinks.yaml is current for the committed seeds (the lock-file rule, also in CI)."""

from __future__ import annotations

from dossier.build import BuildConfig, build
from tests.conftest import ROOT, SEEDS, TEMPLATES


def test_the_committed_ledger_pins_everything_the_seeds_publish(tmp_path):
    ledger = ROOT / "permalinks.yaml"
    assert ledger.is_file(), "permalinks.yaml is missing: run `make docs` and commit it"
    result = build(BuildConfig(seeds=SEEDS, docs=tmp_path / "docs", templates=TEMPLATES,
                               curation=ROOT / "curation.yaml", ledger=ledger, mkdocs_yml=ROOT / "mkdocs.yml"),
                   write=False)
    assert not result.ledger_stale, "permalinks.yaml is stale: run `make docs` and commit it with the seeds"
    assert not (tmp_path / "docs").exists(), "--check must write nothing"
