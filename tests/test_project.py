"""dossier outside this repository: the files `dossier new` writes (dossier/skeleton/) are this
repository's own where the two share them, and a wheel installed (not editable) in a fresh venv
makes a new project that builds: `dossier new my-dossier && cd my-dossier && dossier build &&
mkdocs build --strict`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from dossier import project
from tests.conftest import ROOT
from tests.render_fixtures import ZENSICAL, pagefind_pages


def test_the_skeleton_mkdocs_yml_and_docs_are_this_repositorys():
    """One source of truth: a change to mkdocs.yml, docs/index.md or docs/assets/ is copied into
    the skeleton by `make skeleton`, so new projects get it too."""
    repository, skeleton = project.repository_files(ROOT), project.shared_skeleton_files()
    differ = sorted(str(p) for p in repository.keys() | skeleton.keys() if repository.get(p) != skeleton.get(p))
    assert not differ, f"dossier/skeleton/ differs from the repository in {differ}: run `make skeleton`"


def test_the_skeleton_has_what_a_project_needs():
    files = {p.as_posix() for p in project.skeleton_files()}
    assert {"mkdocs.yml", "docs/index.md", "curation.yaml", "README.md", ".gitignore",
            ".github/workflows/publish.yml"} <= files
    assert any(f.startswith("seeds/") and f.endswith((".md", ".txt")) for f in files)
    readme = (project.SKELETON / "README.md").read_text(encoding="utf-8")
    assert "dossier build" in readme and "mkdocs build --strict" in readme and "dossier serve" in readme
    assert "dossier search-index" in readme
    ignored = (project.SKELETON / ".gitignore").read_text(encoding="utf-8").split()
    from dossier.render import GENERATED_SECTIONS
    assert {f"/docs/{section}/" for section in GENERATED_SECTIONS} <= set(ignored)
    assert "permalinks.yaml" not in ignored


def test_the_skeleton_curation_file_is_valid_and_empty():
    from dossier import curation

    loaded = curation.load(project.SKELETON / "curation.yaml")
    assert (loaded.actors, loaded.quotes) == ((), ())


@pytest.mark.parametrize(("direct_url", "expected"), [
    ('{"url": "https://github.com/o/dossier.git", "vcs_info": {"vcs": "git", "commit_id": "abc123"}}',
     "dossier @ git+https://github.com/o/dossier.git@abc123"),
    ('{"url": "https://example.org/dossier-0.1.0-py3-none-any.whl", "archive_info": {}}',
     "dossier @ https://example.org/dossier-0.1.0-py3-none-any.whl"),
    ('{"url": "file:///home/me/dossier-0.1.0-py3-none-any.whl", "archive_info": {}}', None),
    ('{"url": "file:///home/me/dossier", "dir_info": {"editable": true}}', None),
    (None, None),
])
def test_requirements_name_the_running_dossier_when_ci_can_reach_it(monkeypatch, direct_url, expected):
    class Distribution:
        def read_text(self, name):
            return direct_url if name == "direct_url.json" else None

    monkeypatch.setattr(project.metadata, "distribution", lambda name: Distribution())
    assert project.installed_requirement() == expected


# --------------------------------------------------------------------------
# from a wheel, in a fresh venv


def run(command: list[str] | str, cwd: Path, env: dict[str, str] | None = None, timeout: int = 900):
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
                          shell=isinstance(command, str), executable="/bin/bash" if isinstance(command, str) else None)
    assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """`pip wheel` of a copy of the package sources (the work tree stays clean)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "dossier", source / "dossier", ignore=shutil.ignore_patterns("__pycache__"))
    dist = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(source)], cwd=source)
    [built] = dist.glob("dossier-*.whl")
    return built


def test_the_wheel_carries_templates_data_and_the_whole_skeleton(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for relative in project.skeleton_files():
        assert f"dossier/skeleton/{relative.as_posix()}" in names, relative
    assert "dossier/templates/source.md.j2" in names and "dossier/templates/redirect.html.j2" in names
    assert "dossier/data/titles.yaml" in names
    assert not any("hook" in name for name in names)


@pytest.mark.slow
def test_a_wheel_in_a_fresh_venv_makes_a_project_that_builds_strictly(wheel, tmp_path):
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    python = venv / "bin" / "python"
    run([str(python), "-m", "pip", "install", "--quiet", "--require-hashes", "-r", str(ROOT / "requirements.lock")],
        cwd=tmp_path)
    run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)], cwd=tmp_path)
    run([str(python), "-m", "pip", "check"], cwd=tmp_path)
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "PYTHONHOME", "DOSSIER_NO_CACHE")}  # as a user runs it, with the cache
    env.update(PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}", VIRTUAL_ENV=str(venv),
               NO_MKDOCS_2_WARNING="1")
    where = run([str(python), "-c", "import dossier; print(dossier.__file__)"], cwd=tmp_path, env=env).stdout
    assert Path(where.strip()).is_relative_to(venv), where  # the installed copy, not this work tree
    work = tmp_path / "work"
    work.mkdir()
    run("dossier new my-dossier && cd my-dossier && dossier build && mkdocs build --strict && dossier search-index",
        cwd=work, env=env)
    made = work / "my-dossier"
    assert (made / "site" / "index.html").is_file() and (made / "permalinks.yaml").is_file()
    assert list((made / "site" / "quotes").glob("*/index.html"))
    assert (made / ".github" / "workflows" / "publish.yml").is_file()
    assert list((made / ".dossier-cache").glob("*.json"))  # the installed package fingerprints its own code
    assert_searchable(made / "site")  # the installed command indexed each of the project's bundles
    if ZENSICAL.is_file():  # the same project with the second renderer, then its search index
        run([str(ZENSICAL), "build", "--strict", "--clean"], cwd=made, env={**env, "PATH": os.environ.get("PATH", "")})
        run("dossier search-index", cwd=made, env=env)
        assert_searchable(made / "site")


def assert_searchable(site: Path) -> None:
    """The site has Pagefind's bundle, which indexes its pages and not the 404 page."""
    indexed = pagefind_pages(site)
    assert "/sources/example-sea-wall/" in indexed and any(url.startswith("/quotes/") for url in indexed)
    assert "/404.html" not in indexed
    assert (site / "pagefind" / "pagefind-component-ui.js").is_file()
