"""The one YAML writer: page frontmatter and the ledger are dumped by the same rules.

PyYAML's safe dumper, with one change: a string that is not printable as it stands (a line break,
a tab, a control character, U+2028, U+0085, ...) is double-quoted with escapes. Plain or
single-quoted, PyYAML writes some of these bare, and reading them back folds them into spaces or
lets a value run over lines; double-quoted, every string reads back as it was written, on one line.
The pure-Python dumper is used even where libyaml is present: libyaml escapes characters outside
the Basic Multilingual Plane that PyYAML writes as they are, and the same seeds must give the
same bytes on every machine.

The pure-Python dumper is slow (a tenth of a build): `dump` can keep what it wrote in a memo
(dossier.memo), keyed by the data as JSON, so a build writes again only the values that changed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

import yaml

from dossier.memo import Memo, call_key


class _Dumper(yaml.SafeDumper):
    """safe_dump, with unprintable strings double-quoted (see the module docstring)."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=None if value.isprintable() else '"')


_Dumper.add_representer(str, _represent_str)


def dump(data: Mapping[str, object], width: int = 1_000_000, memo: Memo[str] | None = None) -> str:
    """`data` as block-style YAML, keys in the order given, non-ASCII text as it is. `width` is where
    PyYAML may fold a long plain string over lines (never inside a word). `memo` keeps the text
    between builds; JSON tells apart every value the safe dumper writes differently."""
    if memo is None:
        return _dump(data, width)
    return memo.get(call_key(str(width), json.dumps(data, ensure_ascii=False)), lambda: _dump(data, width))


def _dump(data: Mapping[str, object], width: int) -> str:
    return yaml.dump(dict(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
                     width=width)
