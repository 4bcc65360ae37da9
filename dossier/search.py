"""The site's search: Pagefind, run on the built site, as an MkDocs plugin (`dossier/search`).

Material's own search loads its whole index before the first result: 12.8 MB and 8-21 s at 1,000
articles, growing with every page. Pagefind writes a chunked index next to the site and a reader's
browser fetches only the chunks for the words typed (bench/README.md, Scale, has the numbers).

What is indexed, with which weights and filters, is said in the pages themselves (overrides/main.html
and dossier's templates), and Pagefind's few settings are in pagefind.yml beside mkdocs.yml, so the
command is the same for any renderer: `python -m pagefind` in the project folder. The plugin runs it
at the end of every MkDocs build, `mkdocs serve`'s rebuilds included (they build into a temporary
folder, so indexing must follow each of them). Zensical runs no MkDocs plugin: `make zensical`
runs the command after it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

log = get_plugin_logger(__name__)


class SearchPlugin(BasePlugin):
    """Indexes the site with Pagefind (the `pagefind[bin]` wheel, its binary inside: nothing is
    downloaded) into site/pagefind/, after the build, with the pagefind.yml beside mkdocs.yml."""

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        project = Path(config.config_file_path).parent
        done = subprocess.run([sys.executable, "-m", "pagefind", "--site", config.site_dir, "--quiet"],
                              cwd=project, capture_output=True, text=True)
        said = [line.strip() for line in (done.stdout + done.stderr).splitlines() if line.strip()]
        if done.returncode != 0:
            raise PluginError(f"Pagefind could not index {config.site_dir}: {' '.join(said)}")
        for line in said:  # --quiet: only warnings are left, and `mkdocs build --strict` fails on them
            log.warning(line)
