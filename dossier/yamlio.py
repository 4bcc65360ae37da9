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

The safe representer turns the data into nodes one Python call after another (aliases, types,
styles) and a second walk asked which emitter writes it; `_tree` makes the same nodes in one walk
that also tells the emitter, for the types pages and the ledger hold (str, bool, int, None, lists,
tuples, dicts). Anything else goes through the representer and the pure-Python emitter as before.

`dump` can also keep what it wrote in a memo (dossier.memo), keyed by the data as JSON, so a
build writes again only the values that changed.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping

import yaml

from dossier.memo import Memo, call_key


class _Dumper(yaml.SafeDumper):
    """safe_dump, with unprintable strings double-quoted (see the module docstring)."""


class _LibyamlDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """_Dumper with libyaml's emitter, for data it writes alike (`_tree`)."""


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
    tree = _tree(dict(data))
    if tree is None:  # a float, a date, ...: the representer's, written as PyYAML writes it
        return yaml.dump(dict(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
                         width=width)
    root, dumper_class = tree
    stream = io.StringIO()
    dumper = dumper_class(stream, allow_unicode=True, sort_keys=False, default_flow_style=False, width=width)
    try:
        dumper.open()
        dumper.serialize(root)
        dumper.close()
    finally:
        dumper.dispose()
    return stream.getvalue()


class _NotPlain(Exception):
    """A value of a type `_tree` leaves to the representer."""


_SCALAR_TAGS = {bool: "tag:yaml.org,2002:bool", int: "tag:yaml.org,2002:int", type(None): "tag:yaml.org,2002:null"}


def _tree(data: dict) -> tuple[yaml.Node, type[yaml.SafeDumper]] | None:
    """The nodes `yaml.dump` makes of `data` with `_Dumper`'s representer (tags, styles, flow style off,
    one node for an object met twice, which the serializer anchors), and the dumper that writes them:
    libyaml's when every string is printable and in the BMP and no key is empty (libyaml writes those
    byte for byte as PyYAML does), else the pure-Python one. None when `data` holds a value of another
    type than str, bool, int, None, list, tuple and dict."""
    alike = True
    made: dict[int, yaml.Node] = {}  # id -> node, as the representer's represented_objects

    def node(value: object) -> yaml.Node:
        nonlocal alike
        kind = type(value)
        if kind is str:
            if not value.isprintable():
                alike = False
                return yaml.ScalarNode("tag:yaml.org,2002:str", value, style='"')
            if value and max(value) >= "\U00010000":
                alike = False
            return yaml.ScalarNode("tag:yaml.org,2002:str", value)
        if kind in _SCALAR_TAGS:
            text = "null" if value is None else ("true" if value else "false") if kind is bool else str(value)
            return yaml.ScalarNode(_SCALAR_TAGS[kind], text)
        if kind not in (dict, list, tuple):
            raise _NotPlain
        if kind is tuple and not value:  # the one collection the representer gives no alias
            return yaml.SequenceNode("tag:yaml.org,2002:seq", [], flow_style=False)
        if id(value) in made:
            return made[id(value)]
        if kind is dict:
            pairs: list = []
            made[id(value)] = yaml.MappingNode("tag:yaml.org,2002:map", pairs, flow_style=False)
            for key, item in value.items():
                alike = alike and type(key) is str and key != ""
                pairs.append((node(key), node(item)))
        else:
            items: list = []
            made[id(value)] = yaml.SequenceNode("tag:yaml.org,2002:seq", items, flow_style=False)
            items.extend(map(node, value))
        return made[id(value)]

    try:
        root = node(data)
    except _NotPlain:
        return None
    return root, _LibyamlDumper if alike else _Dumper
