"""The command line: help with examples, --strict, python -m, clean errors."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from dossier.cli import main
from tests.conftest import ROOT, SEEDS, TEMPLATES


@pytest.fixture
def project(tmp_path):
    """A copy of the five seeds and the templates, built into tmp_path/docs."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    return tmp_path


def invoke(project, *args):
    return CliRunner().invoke(
        main,
        ["build", "--seeds", str(project / "seeds"), "--docs", str(project / "docs"),
         "--templates", str(project / "templates"), "--curation", str(project / "curation.yaml"),
         "--ledger", str(project / "permalinks.yaml"), *args],
        catch_exceptions=False,
    )


@pytest.mark.parametrize("command", [[], ["build"]])
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert "dossier build" in result.output


def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "dossier", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert "build" in result.stdout


def test_build_writes_pages_and_a_second_build_changes_nothing(project):
    first = invoke(project)
    assert first.exit_code == 0, first.output
    assert "wrote" in first.output
    pages = sorted(p.relative_to(project / "docs") for p in (project / "docs").rglob("*.md"))
    assert any(str(p).startswith("sources/") for p in pages)
    second = invoke(project)
    assert second.exit_code == 0
    assert "unchanged" in second.output


def test_strict_fails_on_a_broken_article_and_names_it(project):
    (project / "seeds" / "broken.txt").write_bytes(b"")
    lenient = invoke(project)
    assert lenient.exit_code == 0
    assert "broken.txt" in lenient.output
    strict = invoke(project, "--strict")
    assert strict.exit_code != 0
    assert "broken.txt" in strict.output
    assert "--strict" in strict.output


def test_a_missing_seeds_folder_is_a_clear_error(project):
    result = CliRunner().invoke(main, ["build", "--seeds", str(project / "nope"), "--docs", str(project / "docs")])
    assert result.exit_code != 0
    assert "nope" in result.output


@pytest.mark.parametrize(
    ("file_name", "content", "expected"),
    [
        ("curation.yaml", "actors:\n  nobody-at-all:\n    kind: person\n", "curation.yaml:2"),
        ("permalinks.yaml", "quotes: [unclosed\n", "permalinks.yaml"),
    ],
)
def test_a_broken_project_file_is_a_clean_error_naming_it_and_nothing_is_written(project, file_name, content,
                                                                                   expected):
    (project / file_name).write_text(content, encoding="utf-8")
    result = invoke(project)
    assert result.exit_code == 1
    assert expected in result.output
    assert "Traceback" not in result.output
    assert not (project / "docs").exists()
    assert (project / file_name).read_text(encoding="utf-8") == content
