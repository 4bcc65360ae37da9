"""mkdocs.yml read for the few settings dossier needs (site_url, site_name, docs_dir)."""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml_env_tag import construct_env_tag


class _SettingsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs would for plain settings, without running anything: `!ENV`
    resolves as in MkDocs, other tags (!!python/name, !relative) load as None."""


_SettingsLoader.add_constructor("!ENV", construct_env_tag)
_SettingsLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_mkdocs_yml(mkdocs_yml: Path) -> dict:
    """mkdocs.yml's settings as a dict; {} when it is missing or unreadable."""
    try:
        config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_SettingsLoader)
    except (OSError, yaml.YAMLError):
        return {}
    return config if isinstance(config, dict) else {}


def site_settings(mkdocs_yml: Path) -> tuple[str, str]:
    """(site_url, site_name) from mkdocs.yml, "" for each it does not set: what render() wants."""
    config = load_mkdocs_yml(mkdocs_yml)
    return str(config.get("site_url") or ""), str(config.get("site_name") or "")
