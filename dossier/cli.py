"""The `dossier` command line: a thin layer over dossier.build, dossier.project and dossier.serve."""

from __future__ import annotations

import logging
import sys
from contextlib import nullcontext
from pathlib import Path

import click

from dossier import executor as executors
from dossier import progress
from dossier.build import ARTICLE_TIMEOUT, CACHE_DIR, LONG_READ, BuildConfig, BuildResult, build
from dossier.errors import InputError
from dossier.text import printable


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dossier")
def main() -> None:
    """Turn a folder of news articles into a cross-linked explainer site.

    \b
    Example:
        dossier new my-dossier && cd my-dossier
        dossier build && mkdocs build --strict && dossier search-index
    """


# --------------------------------------------------------------------------
# options shared by the commands


def verbosity(command):
    """-v/--verbose and -q/--quiet, resolved into one level: 1 normal, 2 verbose, 0 quiet."""
    command = click.option("-q", "--quiet", "verbosity", flag_value=0, help="Print errors only.")(command)
    command = click.option("-v", "--verbose", "verbosity", flag_value=2,
                           help="Also print the traceback of an article whose extraction failed.")(command)
    return click.option("--verbosity", "verbosity", flag_value=1, default=True, hidden=True)(command)


def project_options(command):
    """Where a project's inputs are: the options `build` and `serve` share."""
    for option in reversed([
        click.option("--seeds", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("seeds"),
                     show_default=True, help="Folder of articles (.txt or .md, optional YAML frontmatter)."),
        click.option("--templates", type=click.Path(file_okay=False, path_type=Path), default=None,
                     help="Folder of Jinja2 templates that override the shipped ones, file by file "
                          "[default: templates/ when it exists]."),
        click.option("--curation", type=click.Path(dir_okay=False, path_type=Path), default=Path("curation.yaml"),
                     show_default=True, help="Editor's corrections applied on every build (optional)."),
        click.option("--ledger", type=click.Path(dir_okay=False, path_type=Path), default=Path("permalinks.yaml"),
                     show_default=True, help="Committed ledger of published ids."),
        click.option("-f", "--config-file", "mkdocs_yml", type=click.Path(dir_okay=False, path_type=Path),
                     default=Path("mkdocs.yml"), show_default=True,
                     help="MkDocs config: site_url and site_name for permalinks."),
        click.option("--cache-dir", "cache_dir", type=click.Path(file_okay=False, path_type=Path), default=CACHE_DIR,
                     show_default=True, help="Where each article's extraction is kept, so that a rebuild parses only "
                                             "new or changed articles."),
        click.option("--no-cache", is_flag=True, envvar="DOSSIER_NO_CACHE",
                     help="Extract every article afresh, and keep nothing [env: DOSSIER_NO_CACHE]."),
    ]):
        command = option(command)
    return command


def _config(docs: Path, seeds: Path, templates: Path | None, curation: Path, ledger: Path,
            mkdocs_yml: Path, cache_dir: Path, no_cache: bool, forget: tuple[str, ...] = (), jobs: int | None = None,
            article_timeout: float = ARTICLE_TIMEOUT, executor: str = executors.LOCAL) -> BuildConfig:
    if templates is None and Path("templates").is_dir():
        templates = Path("templates")
    return BuildConfig(seeds=seeds, docs=docs, templates=templates, curation=curation, ledger=ledger,
                       mkdocs_yml=mkdocs_yml, forget=forget, jobs=jobs, article_timeout=article_timeout,
                       executor=executor, cache=None if no_cache else cache_dir)


def _executor(context: click.Context, parameter: click.Parameter, value: str) -> str:
    if not executors.valid(value):
        raise click.BadParameter(printable(f"{value!r} is neither 'local' nor 'dask://HOST:PORT'"))
    if value != executors.LOCAL and context.params.get("jobs") is not None:
        raise click.BadParameter("--jobs counts local processes; a Dask cluster runs as many articles at once "
                                 "as its workers have threads")
    return value


def _report(result: BuildResult, level: int, *, strict: bool = False, check: bool = False, ledger: Path | None = None,
            docs: Path | None = None) -> None:
    """Print what a build found and did; raise ClickException for what makes it fail."""
    failing = strict and result.problems
    for problem in result.problems:
        if level or failing:
            click.secho(f"{'error' if failing else 'warning'}: {printable(str(problem))}", fg="red" if failing else "yellow",
                        err=True)
        if level >= 2 and problem.detail:
            click.echo(problem.detail.rstrip("\n"), err=True)
    if check and result.pending_ledger:
        raise click.ClickException(printable(f"{ledger} is stale: a killed build left its new ledger in "
                                             f"{result.pending_ledger}; run `dossier build` to finish it, then "
                                             "commit the ledger"))
    if check and result.ledger_stale:
        raise click.ClickException(printable(f"{ledger} is stale: run `dossier build` and commit it"))
    if failing:
        raise click.ClickException(f"{len(result.problems)} problem(s) and --strict is set")
    if level:
        verb = "would write" if check else ("wrote" if result.changed else "unchanged:")
        click.echo(printable(f"dossier: {verb} {result.pages} pages into {docs}/"), err=True)


# --------------------------------------------------------------------------
# commands


@main.command("build")
@project_options
@click.option("--docs", type=click.Path(file_okay=False, path_type=Path), default=Path("docs"), show_default=True,
              help="MkDocs docs folder; dossier owns only the sections it generates there.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, is_eager=True,
              help="Extraction processes [default: one per core]; the output is the same for any number.")
@click.option("--executor", default=executors.LOCAL, show_default=True, callback=_executor,
              metavar="local|dask://HOST:PORT",
              help="Where articles are extracted: worker processes here, or the workers of a running Dask "
                   "scheduler (pip install 'dossier[dask]'); the output is the same.")
@click.option("--article-timeout", type=click.FloatRange(min=0, min_open=True), default=ARTICLE_TIMEOUT,
              show_default=True, metavar="SECONDS",
              help=f"Time one article's extraction may take, per {LONG_READ / 1e6:g} MB of its text; an "
                   "article over it is built without findings, with a warning.")
@click.option("--strict", is_flag=True, help="Exit non-zero when any article raised a warning.")
@click.option("--check", is_flag=True, help="Write nothing; exit non-zero when the ledger is stale.")
@click.option("--forget", multiple=True, metavar="SECTION/ID",
              help="Drop a published id that no longer has content (e.g. quotes/k3xq7a2b) from the ledger: "
                   "its URL then 404s. Repeatable. Without it the ledger only grows.")
@verbosity
def build_command(seeds: Path, templates: Path | None, curation: Path, ledger: Path, mkdocs_yml: Path,
                  cache_dir: Path, no_cache: bool, docs: Path, jobs: int | None, executor: str, article_timeout: float,
                  strict: bool, check: bool, forget: tuple[str, ...], verbosity: int) -> None:
    """Extract sources, actors, quotes, topics and positions from SEEDS and write pages into DOCS.

    \b
    Examples:
        dossier build
        dossier build --seeds articles/ --docs docs/ --strict
        dossier build --check      # in CI: fail when permalinks.yaml needs committing
        dossier build -v           # with the traceback of an article whose extraction failed
        dossier build --forget quotes/k3xq7a2b   # a tombstone that must go (e.g. a legal takedown)
        dossier build --executor dask://scheduler.example:8786   # on a Dask cluster
    """
    config = _config(docs, seeds, templates, curation, ledger, mkdocs_yml, cache_dir, no_cache, forget, jobs,
                     article_timeout, executor)
    try:
        with progress.reporter(sys.stderr) if verbosity else nullcontext() as report:
            result = build(config, write=not check, progress=report,
                           waiting=_say_waiting)
    except InputError as error:
        # One line per problem the file has (data files list several); each line escaped.
        raise click.ClickException("\n".join(map(printable, str(error).split("\n")))) from error
    except OSError as error:  # a read-only or full disk: the previous build is still in place
        where = f"{error.filename}: " if error.filename else ""
        raise click.ClickException(printable(f"{where}{error.strerror or error}")) from error
    _report(result, verbosity, strict=strict, check=check, ledger=ledger, docs=docs)


@main.command("search-index")
@click.option("-f", "--config-file", "mkdocs_yml", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("mkdocs.yml"), show_default=True,
              help="MkDocs config: the search bundles (extra.search_bundles) and site_dir.")
@click.option("--site", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="The built site [default: mkdocs.yml's site_dir].")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def search_index_command(mkdocs_yml: Path, site: Path | None, quiet: bool) -> None:
    """Index the built site for search: each of mkdocs.yml's search bundles by a Pagefind process of
    its own, one after another (run it after `mkdocs build` or `zensical build`).

    \b
    Example:
        dossier build && mkdocs build --strict && dossier search-index
    """
    from mkdocs.config import load_config

    from dossier import search

    config = load_config(config_file=str(mkdocs_yml))  # as MkDocs reads it: INHERIT, !ENV, site_dir
    site = site or Path(config.site_dir)
    if not site.is_dir():
        raise click.ClickException(f"{site}: no built site to index (build it first: mkdocs build)")
    try:
        for bundle in search.bundles(config):
            indexed = search.index_bundle(site, bundle, mkdocs_yml.parent)
            for line in indexed.warnings:
                click.secho(printable(f"warning: {bundle.folder}: {line}"), fg="yellow", err=True)
            if not quiet:
                click.echo(f"{bundle.folder}/: {indexed.pages:,} pages ({bundle.pages})", err=True)
    except search.SearchIndexError as error:
        raise click.ClickException(printable(str(error))) from error


@main.command("new")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def new_command(directory: Path, quiet: bool) -> None:
    """Make a new dossier project in DIRECTORY: mkdocs.yml, docs/, seeds/ with an example article,
    curation.yaml, a GitHub Pages workflow and a README. Existing files are kept.

    \b
    Example:
        dossier new my-dossier && cd my-dossier && dossier build && mkdocs build --strict && dossier search-index
    """
    from dossier.project import ProjectExists, new_project

    try:
        made = new_project(directory)
    except ProjectExists as error:
        raise click.ClickException(str(error)) from error
    if quiet:
        return
    for relative in made.created:
        click.echo(f"created {directory / relative}", err=True)
    for relative in made.kept:
        click.echo(f"kept {directory / relative} (already there)", err=True)
    if made.requirement is None:
        click.secho("note: requirements.txt (what the publish workflow installs) needs the dossier you use: "
                    "see the comment in it", fg="yellow", err=True)
    click.echo(f"Next: cd {directory} && dossier build && mkdocs build --strict && dossier search-index"
               "   (or: dossier serve)", err=True)


@main.command("serve")
@project_options
@click.option("-a", "--dev-addr", metavar="IP:PORT", default=None,
              help="Address to serve on [default: mkdocs.yml's dev_addr, 127.0.0.1:8000].")
@click.option("-o", "--open", "open_in_browser", is_flag=True, help="Open the site in a browser.")
@verbosity
def serve_command(seeds: Path, templates: Path | None, curation: Path, ledger: Path, mkdocs_yml: Path,
                  cache_dir: Path, no_cache: bool, dev_addr: str | None, open_in_browser: bool, verbosity: int) -> None:
    """Build, serve the site with live reload, and rebuild whenever SEEDS, CURATION or TEMPLATES change.

    Pages go into mkdocs.yml's docs_dir, which MkDocs' server watches with mkdocs.yml itself.

    \b
    Example:
        dossier serve              # then open the address it prints, and edit seeds/
        dossier serve -a 127.0.0.1:8001
    """
    from dossier import render, serve

    if not mkdocs_yml.is_file():
        raise click.ClickException(f"{mkdocs_yml} not found: serve runs in a dossier project (make one with `dossier new`)")
    docs_dir = str(render.load_mkdocs_yml(mkdocs_yml).get("docs_dir") or "docs")
    config = _config(mkdocs_yml.parent / docs_dir, seeds, templates, curation, ledger, mkdocs_yml, cache_dir, no_cache)
    _mkdocs_logging(verbosity)

    def report(result: BuildResult | None, error: BaseException | None) -> None:
        if error is not None:
            click.secho(printable(f"error: {error}" if isinstance(error, InputError) else
                                  f"error: the build failed: {type(error).__name__}: {error}"), fg="red", err=True)
            return
        try:
            _report(result, verbosity, docs=config.docs)
        except click.ClickException as failure:  # pragma: no cover - only --strict/--check raise
            failure.show()

    serve.serve(config, report, dev_addr=dev_addr, open_in_browser=open_in_browser, waiting=_say_waiting)


def _say_waiting(message: str) -> None:
    """That this build waits for another one on the project's lock, on stderr."""
    click.echo(printable(message), err=True)


def _mkdocs_logging(level: int) -> None:
    """MkDocs' own messages ("Serving on ...", "Building documentation...") on stderr, as its CLI prints them."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_dossier", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._dossier = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel({0: logging.ERROR, 1: logging.INFO, 2: logging.DEBUG}[level])
    logger.propagate = False


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
