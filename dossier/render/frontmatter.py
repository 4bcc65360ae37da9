"""Page frontmatter: the YAML block that opens every generated page, and the page itself."""

from __future__ import annotations

from collections.abc import Mapping

import yaml

from dossier.render.escape import html_title


class _FrontmatterDumper(yaml.SafeDumper):
    """safe_dump, but any string with a line break or unprintable character is double-quoted with
    escapes, so every key stays on one line and no value can close the frontmatter block."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None if value.isprintable() else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_FrontmatterDumper.add_representer(str, _represent_str)


def frontmatter(meta: Mapping[str, object]) -> str:
    """The `---` block that opens every generated page; keys keep the order given."""
    dumped = yaml.dump(dict(meta), Dumper=_FrontmatterDumper, allow_unicode=True, sort_keys=False,
                       default_flow_style=False, width=1_000_000)
    return f"---\n{dumped}---\n"


def page(meta: dict, body: str) -> str:
    """A generated page: its frontmatter (the title HTML-escaped, see html_title), then its Markdown body."""
    return frontmatter({**meta, "title": html_title(meta["title"])}) + "\n" + body.strip("\n") + "\n"
