"""`dossier new`: a ready dossier project, the way `mkdocs new` makes a MkDocs one.

The project's files are package data in dossier/skeleton/: mkdocs.yml, pagefind.yml, the theme
overrides (the search UI), the hand-written part of docs/ (home page, stylesheet), an example
article in seeds/, a commented curation.yaml, the GitHub Pages workflow, a README with the two
commands and a .gitignore. This repository's own copies of the first four are the same files
(tests/test_project.py checks they agree; `make skeleton` copies them over after an edit).
requirements.txt, what the workflow installs, is written here: it names the dossier that made
the project.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

SKELETON = Path(__file__).resolve().parent / "skeleton"
REQUIREMENTS = "requirements.txt"

_PLACEHOLDER = """\
# What the publish workflow installs (pip install -r requirements.txt).
# dossier is not on PyPI (a different project owns that name there): name the dossier you use, e.g.
#   dossier @ git+https://github.com/OWNER/dossier@COMMIT
# or a wheel you host, then commit this file.
"""


class ProjectExists(FileExistsError):
    """The folder already holds a project: `dossier new` never overwrites one."""


@dataclass
class NewProject:
    root: Path
    created: list[Path] = field(default_factory=list)  # relative to root, in the order written
    kept: list[Path] = field(default_factory=list)  # files that were already there, left alone
    requirement: str | None = None  # what requirements.txt names, None when it is a placeholder


def skeleton_files() -> list[Path]:
    """Every file of the skeleton, relative to it, sorted."""
    return sorted(p.relative_to(SKELETON) for p in SKELETON.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def new_project(directory: Path) -> NewProject:
    """Write a new dossier project into `directory` (created if needed). Files already there are
    kept, not overwritten; a folder that already has an mkdocs.yml is refused (ProjectExists)."""
    root = Path(directory)
    if root.exists() and not root.is_dir():
        raise ProjectExists(f"{root} exists and is not a folder")
    if (root / "mkdocs.yml").exists():
        raise ProjectExists(f"{root / 'mkdocs.yml'} exists: {root} is already a project")
    result = NewProject(root=root, requirement=installed_requirement())
    files = {relative: (SKELETON / relative).read_bytes() for relative in skeleton_files()}
    files[Path(REQUIREMENTS)] = (f"{result.requirement}\n" if result.requirement else _PLACEHOLDER).encode("utf-8")
    for relative, data in files.items():
        target = root / relative
        if target.exists():
            result.kept.append(relative)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        result.created.append(relative)
    return result


def installed_requirement() -> str | None:
    """A pip requirement for the dossier that is running, when it was installed from somewhere a
    CI machine can reach too (a VCS URL or an http(s) archive, PEP 610's direct_url.json); None
    for a local wheel, folder or editable install."""
    try:
        direct = json.loads(metadata.distribution("dossier").read_text("direct_url.json") or "null")
    except (metadata.PackageNotFoundError, ValueError):
        return None
    if not isinstance(direct, dict) or not str(direct.get("url", "")).startswith(("https://", "http://")):
        return None
    vcs = direct.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") and vcs.get("commit_id"):
        return f"dossier @ {vcs['vcs']}+{direct['url']}@{vcs['commit_id']}"
    if isinstance(direct.get("archive_info"), dict):
        return f"dossier @ {direct['url']}"
    return None


# What a project's site is made of besides what `dossier build` writes: the site's configuration,
# Pagefind's, the theme overrides (the search UI) and the hand-written part of docs/.
SHARED = ("mkdocs.yml", "pagefind.yml", "overrides", "docs")


def repository_files(repository: Path) -> dict[Path, bytes]:
    """What a repository shares with the skeleton (SHARED, less the sections of docs/ that
    `dossier build` owns, pages and data files), as {relative path: bytes}."""
    from dossier.publish import OWNED_SECTIONS

    files = {}
    for path in sorted(p for name in SHARED for p in [repository / name, *(repository / name).rglob("*")]):
        relative = path.relative_to(repository)
        owned = relative.parts[0] == "docs" and len(relative.parts) > 1 and relative.parts[1] in OWNED_SECTIONS
        if path.is_file() and not owned and "__pycache__" not in relative.parts:
            files[relative] = path.read_bytes()
    return files


def shared_skeleton_files() -> dict[Path, bytes]:
    """The skeleton's files in SHARED, as {relative path: bytes}."""
    return {p: (SKELETON / p).read_bytes() for p in skeleton_files() if p.parts[0] in SHARED}


def sync_skeleton(repository: Path) -> list[Path]:
    """`make skeleton`: make the skeleton's SHARED files the repository's; returns what changed."""
    wanted, present = repository_files(repository), shared_skeleton_files()
    for relative in present.keys() - wanted.keys():
        (SKELETON / relative).unlink()
    for relative, data in wanted.items():
        if present.get(relative) != data:
            (SKELETON / relative).parent.mkdir(parents=True, exist_ok=True)
            (SKELETON / relative).write_bytes(data)
    return sorted(p for p in wanted.keys() | present.keys() if wanted.get(p) != present.get(p))
