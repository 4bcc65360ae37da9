"""The site's search: Pagefind bundles, each indexed by a process of its own, merged in the reader's browser.

Material's own search loads its whole index before the first result: 12.8 MB and 8-21 s at 1,000
articles, growing with every page. Pagefind writes a chunked index next to the site and a reader's
browser fetches only the chunks for the words typed (bench/README.md, Scale, has the numbers).

Pagefind holds every word it indexes until it writes its bundle, about 400 bytes a word: one bundle
of a 10,000-article site (7.5 M words) took 3.5 GB. So the site is indexed as several bundles, each
a folder of the site with the pages a glob matches, listed in mkdocs.yml (`extra: search_bundles:`),
indexed by one `python -m pagefind` after another; the reader's browser merges them (Pagefind's
`mergeIndex`, set up in overrides/main.html from the same list). `pagefind/` holds Pagefind's
scripts and the pages no other bundle has.

`dossier search-index` indexes a built site, whatever built it (MkDocs, Zensical), once the
builder has exited: MkDocs itself holds about 1 GB at the end of a 10,000-article build, which
would come on top of Pagefind's if the indexing ran inside it. `mkdocs serve` builds into a
temporary folder no later step reaches, so there this module's MkDocs plugin (`dossier/search`)
indexes after every rebuild. What is indexed, with which weights and filters, is said in the pages
(overrides/main.html and dossier's templates), Pagefind's few settings in pagefind.yml.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

log = get_plugin_logger(__name__)

MAIN = "pagefind"  # the bundle whose scripts the pages load; the others are merged into it
_FOLDER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")  # a folder right under the site, emptied before indexing


class SearchIndexError(Exception):
    """The search bundles are misconfigured, or Pagefind could not index one of them."""


@dataclass(frozen=True)
class Bundle:
    folder: str  # in the site, e.g. "pagefind-sources"
    pages: str  # a glob from the site's root, e.g. "sources/**/*.html"


@dataclass(frozen=True)
class Indexed:
    pages: int  # as Pagefind counts them in the bundle's entry file
    warnings: tuple[str, ...]  # what Pagefind said with --quiet and an exit status of 0


def bundles(settings: Mapping) -> list[Bundle]:
    """The bundles mkdocs.yml lists under `extra: search_bundles:` ({folder: glob}), the main one first."""
    listed = (settings.get("extra") or {}).get("search_bundles")
    where = "mkdocs.yml, extra.search_bundles"
    if not isinstance(listed, Mapping) or MAIN not in listed:
        raise SearchIndexError(f"{where}: expected a mapping of folder -> glob of pages, with {MAIN!r} among them")
    for folder, pages in listed.items():
        if not isinstance(folder, str) or not _FOLDER.fullmatch(folder):
            raise SearchIndexError(f"{where}: {folder!r} is no plain folder name (letters, digits, '-', '_')")
        if not isinstance(pages, str) or not pages.strip():
            raise SearchIndexError(f"{where}: {folder}: expected a glob of pages, got {pages!r}")
    return [Bundle(MAIN, listed[MAIN])] + [Bundle(folder, pages) for folder, pages in listed.items() if folder != MAIN]


def index_bundle(site: Path, bundle: Bundle, project: Path) -> Indexed:
    """Index one bundle with `python -m pagefind` run in `project` (where pagefind.yml is), into an
    emptied folder: Pagefind leaves the files of an earlier index that it no longer needs."""
    shutil.rmtree(site / bundle.folder, ignore_errors=True)
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--glob", bundle.pages,
                           "--output-subdir", bundle.folder, "--quiet"],
                          cwd=project, capture_output=True, text=True)
    said = [line.strip() for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    if done.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {site / bundle.folder} (pages {bundle.pages}): "
                               f"{' '.join(said)}")
    entry = json.loads((site / bundle.folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    return Indexed(sum(language["page_count"] for language in entry["languages"].values()), tuple(said))


class SearchPlugin(BasePlugin):
    """Indexes the site after every `mkdocs serve` rebuild; after `mkdocs build`, `dossier search-index` does."""

    serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.serving:
            log.info("Search: index the built site with `dossier search-index`")
            return
        try:
            for bundle in bundles(config):
                for line in index_bundle(Path(config.site_dir), bundle, Path(config.config_file_path).parent).warnings:
                    log.warning(line)
        except SearchIndexError as error:
            raise PluginError(str(error)) from error
