"""The README is checked against the code it documents, like sqlite-utils' test_docs."""

from __future__ import annotations

import re
import shutil

import click
from click.testing import CliRunner
import pytest
import yaml

from dossier import curation
from dossier.build import BuildConfig, build
from dossier.cli import main
from tests.conftest import ROOT, SEEDS, TEMPLATES

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _readme_section(heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## )", README, re.S | re.M)
    assert match, f"README has no '## {heading}' section"
    return match.group(1)


def _option_table() -> dict[str, set[str]]:
    """The README's command-line table as {"--option": {"build", "serve"}}."""
    rows = re.findall(r"^\| `(--[\w-]+)` \| ([\w, -]+) \|", _readme_section("The command line"), re.M)
    return {option: {c.strip() for c in commands.split(",")} for option, commands in rows}


def _cli_options() -> dict[str, set[str]]:
    """Every visible long option of every command, from the click commands --help prints."""
    found: dict[str, set[str]] = {}
    for name, command in main.commands.items():
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                found.setdefault(next(o for o in param.opts if o.startswith("--")), set()).add(name)
    return found


def test_the_readme_command_table_is_what_help_offers():
    """Like sqlite-utils' test_docs: each option of each command is in the README's table with the
    commands that take it, and the table names nothing the commands do not take."""
    assert _option_table() == _cli_options()


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_is_in_the_readme_and_its_help_shows_its_options(command):
    section = _readme_section("The command line")
    assert re.search(rf"^dossier {command}\b", section, re.M), f"dossier {command} is not in the README"
    options = CliRunner().invoke(main, [command, "--help"]).output.partition("\nOptions:\n")[2]
    for option, commands in _option_table().items():
        listed = re.search(rf"^  (-\w, )?{re.escape(option)}\b", options, re.M) is not None
        assert listed == (command in commands), (command, option)


def test_the_readme_commands_are_make_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in re.findall(r"`?make (\w+)", README):
        assert re.search(rf"^{target}:", makefile, re.M), f"make {target} is in the README but not the Makefile"
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make site\nmake test$", run, re.M), ".ci/run runs the README's two commands, in order"


def _documented_keys() -> dict[str, set[str]]:
    table = _readme_section("Pages and their frontmatter (a public contract)")
    rows = re.findall(r"^\| `(\w+)` \| (.+) \|$", table, re.M)
    return {page_type: set(re.findall(r"`(\w+)`", keys)) for page_type, keys in rows}


@pytest.fixture(scope="module")
def built_docs(tmp_path_factory):
    project = tmp_path_factory.mktemp("docs-contract")
    shutil.copytree(SEEDS, project / "seeds")
    build(BuildConfig(seeds=project / "seeds", docs=project / "docs", templates=TEMPLATES,
                      curation=project / "curation.yaml", ledger=project / "permalinks.yaml",
                      mkdocs_yml=ROOT / "mkdocs.yml"))
    return project / "docs"


def _frontmatter(path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


def test_the_documented_frontmatter_is_what_every_page_carries(built_docs):
    documented = _documented_keys()
    assert set(documented) == {"source", "actor", "quote", "topic", "position", "index", "story", "part"}
    seen_types = set()
    for page in sorted(built_docs.rglob("*.md")):
        meta = _frontmatter(page)
        seen_types.add(meta["type"])
        assert set(meta) == {"type", "id", "title"} | documented[meta["type"]], page
    assert seen_types == set(documented) - {"part"}  # no list of the seeds is long enough to split


def test_a_part_of_a_long_list_carries_the_documented_keys():
    from dossier import render
    from tests.render_fixtures import synthetic

    parts = {path: text for path, text in render.render(synthetic(300), TEMPLATES).items()
             if path.endswith(".md") and path.count("/") == 2}
    assert parts
    for path, text in parts.items():
        meta = yaml.safe_load(text.split("---\n", 2)[1])
        assert set(meta) == {"type", "id", "title"} | _documented_keys()["part"], path
        assert meta["type"] == "part" and path == f"{path.split('/')[0]}/{meta['id']}.md"
        assert meta["search"] == {"exclude": True}


@pytest.mark.parametrize("kind", ["source", "actor", "quote", "topic", "position"])
def test_a_tombstone_carries_every_documented_key_of_its_type(kind):
    from dossier import render
    from dossier.model import Dossier, Tombstone

    pages = render.render(Dossier(sources=[], actors=[], quotes=[], tombstones=[
        Tombstone(kind=kind, id="gone", title="Gone", text="words", sources=["a"])]), TEMPLATES)
    meta = yaml.safe_load(pages[f"{kind}s/gone.md"].split("---\n", 2)[1])
    assert meta["tombstone"] is True and meta["type"] == kind
    assert {"type", "id", "title"} | _documented_keys()[kind] <= set(meta)


def test_the_curation_example_in_the_readme_is_valid(tmp_path):
    example = re.search(r"^## Curation\n.*?```yaml\n(.*?)```", README, re.S | re.M).group(1)
    path = tmp_path / "curation.yaml"
    path.write_text(example, encoding="utf-8")
    edits = curation.load(path)
    assert edits != curation.load(tmp_path / "missing.yaml")


def test_the_frontmatter_example_in_the_readme_is_read_as_documented(tmp_path):
    from dossier.ingest import read_seeds

    example = re.search(r"^## Adding articles\n.*?```yaml\n(.*?)```", README, re.S | re.M).group(1)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "court.md").write_text(example + "\nA judge blocked the merger on Monday.\n", encoding="utf-8")
    [article], problems = read_seeds(seeds)
    assert problems == []
    assert (article.title, article.date, article.updated, article.outlet, article.url, article.byline) == (
        "Court blocks bank merger", "2025-09-30", "2025-10-01", "The Ledger Review",
        "https://example.com/news/merger", "Tom Hale")
