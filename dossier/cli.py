"""The `dossier` command line: a thin layer over dossier.build."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dossier.build import BuildConfig, build
from dossier.errors import InputError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dossier")
def main() -> None:
    """Turn a folder of news articles into a cross-linked explainer site.

    \b
    Example:
        dossier build && mkdocs build --strict
    """


@main.command("build")
@click.option("--seeds", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("seeds"), show_default=True,
              help="Folder of articles (.txt or .md, optional YAML frontmatter).")
@click.option("--docs", type=click.Path(file_okay=False, path_type=Path), default=Path("docs"), show_default=True,
              help="MkDocs docs folder; dossier owns only the sections it generates there.")
@click.option("--templates", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of Jinja2 templates that override the shipped ones, file by file "
                   "[default: templates/ when it exists].")
@click.option("--curation", type=click.Path(dir_okay=False, path_type=Path), default=Path("curation.yaml"),
              show_default=True, help="Editor's corrections applied on every build (optional).")
@click.option("--ledger", type=click.Path(dir_okay=False, path_type=Path), default=Path("permalinks.yaml"),
              show_default=True, help="Committed ledger of published ids.")
@click.option("-f", "--config-file", "mkdocs_yml", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("mkdocs.yml"), show_default=True, help="MkDocs config: site_url and site_name for permalinks.")
@click.option("--strict", is_flag=True, help="Exit non-zero when any article raised a warning.")
@click.option("--check", is_flag=True, help="Write nothing; exit non-zero when the ledger is stale.")
@click.option("--forget", multiple=True, metavar="SECTION/ID",
              help="Drop a published id that no longer has content (e.g. quotes/k3xq7a2b) from the ledger: "
                   "its URL then 404s. Repeatable. Without it the ledger only grows.")
def build_command(seeds: Path, docs: Path, templates: Path | None, curation: Path, ledger: Path, mkdocs_yml: Path,
                  strict: bool, check: bool, forget: tuple[str, ...]) -> None:
    """Extract sources, actors, quotes, topics and positions from SEEDS and write pages into DOCS.

    \b
    Examples:
        dossier build
        dossier build --seeds articles/ --docs docs/ --strict
        dossier build --check      # in CI: fail when permalinks.yaml needs committing
        dossier build --forget quotes/k3xq7a2b   # a tombstone that must go (e.g. a legal takedown)
    """
    if templates is None and Path("templates").is_dir():
        templates = Path("templates")
    config = BuildConfig(seeds=seeds, docs=docs, templates=templates, curation=curation, ledger=ledger,
                         mkdocs_yml=mkdocs_yml, forget=forget)
    try:
        result = build(config, write=not check)
    except InputError as error:
        raise click.ClickException(str(error)) from error
    for problem in result.problems:
        click.secho(f"warning: {problem}", fg="yellow", err=True)
    if check and result.ledger_stale:
        raise click.ClickException(f"{ledger} is stale: run `dossier build` and commit it")
    if strict and result.problems:
        raise click.ClickException(f"{len(result.problems)} problem(s) and --strict is set")
    verb = "would write" if check else ("wrote" if result.changed else "unchanged:")
    click.echo(f"dossier: {verb} {result.pages} pages into {docs}/", err=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
