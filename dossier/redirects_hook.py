"""MkDocs hook: serve every redirect in the permalinks ledger through the mkdocs-redirects plugin.

mkdocs.yml:

    plugins:
      - redirects
    hooks:
      - dossier/redirects_hook.py

The ledger (permalinks.yaml beside mkdocs.yml) is what `dossier build` pinned: each id that
now belongs to another page maps to it. Redirects written by hand in mkdocs.yml's
`redirect_maps` win over the ledger's.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from dossier.ids import LedgerError, load_ledger, redirect_maps

LEDGER = "permalinks.yaml"

log = logging.getLogger("mkdocs.hooks.dossier")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    ledger_path = Path(config.config_file_path).parent / LEDGER
    try:
        redirects = redirect_maps(load_ledger(ledger_path))
    except LedgerError as error:
        raise PluginError(str(error)) from error
    if not redirects:
        return config
    plugin = config.plugins.get("redirects")
    if plugin is None:
        raise PluginError(f"{ledger_path.name} has {len(redirects)} redirect(s) but mkdocs.yml lacks the "
                          "`redirects` plugin (mkdocs-redirects) under `plugins:`")
    plugin.config["redirect_maps"] = {**redirects, **(plugin.config.get("redirect_maps") or {})}
    log.debug("serving %d redirect(s) from %s", len(redirects), ledger_path)
    return config
