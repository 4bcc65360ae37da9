"""The one YAML writer: page frontmatter and the ledger are dumped by the same rules.

PyYAML's safe dumper, with one change: a string that is not printable as it stands (a line break,
a tab, a control character, U+2028, U+0085, ...) is double-quoted with escapes. Plain or
single-quoted, PyYAML writes some of these bare, and reading them back folds them into spaces or
lets a value run over lines; double-quoted, every string reads back as it was written, on one line.
The same seeds must give the same bytes on every machine, with or without libyaml, and the two
emitters differ: libyaml escapes characters outside the Basic Multilingual Plane that PyYAML writes
as they are, folds double-quoted strings elsewhere, and writes an empty key plainly. So libyaml
writes only data in which every string is printable and in the BMP and no key is empty, where
the two write the same bytes (tests/test_yamlio.py holds them to it), and PyYAML's pure-Python
emitter all the rest (a few pages in a thousand). The pure-Python emitter cost a tenth of a
whole build; libyaml's a fifth of that.

`dump` can also keep what it wrote in a memo (dossier.memo), keyed by the data as JSON, so a
build writes again only the values that changed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

import yaml

from dossier.memo import Memo, call_key


class _Dumper(yaml.SafeDumper):
    """safe_dump, with unprintable strings double-quoted (see the module docstring)."""


class _LibyamlDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """_Dumper with libyaml's emitter, for data it writes alike (`_libyaml_writes_alike`)."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=None if value.isprintable() else '"')


for _dumper in (_Dumper, _LibyamlDumper):
    _dumper.add_representer(str, _represent_str)


def dump(data: Mapping[str, object], width: int = 1_000_000, memo: Memo[str] | None = None) -> str:
    """`data` as block-style YAML, keys in the order given, non-ASCII text as it is. `width` is where
    PyYAML may fold a long plain string over lines (never inside a word). `memo` keeps the text
    between builds; JSON tells apart every value the safe dumper writes differently."""
    if memo is None:
        return _dump(data, width)
    return memo.get(call_key(str(width), json.dumps(data, ensure_ascii=False)), lambda: _dump(data, width))


def _dump(data: Mapping[str, object], width: int) -> str:
    dumper = _LibyamlDumper if _libyaml_writes_alike(data) else _Dumper
    return yaml.dump(dict(data), Dumper=dumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
                     width=width)


def _libyaml_writes_alike(value: object) -> bool:
    """Whether libyaml writes `value` byte for byte as PyYAML does: every string printable (so plain
    or single-quoted, never double-quoted) and in the BMP, no key empty."""
    if isinstance(value, str):
        return value.isprintable() and (not value or max(value) < "\U00010000")
    if isinstance(value, Mapping):
        return all(isinstance(key, str) and key and _libyaml_writes_alike(key) and _libyaml_writes_alike(item)
                   for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return all(map(_libyaml_writes_alike, value))
    return value is None or isinstance(value, (bool, int))
