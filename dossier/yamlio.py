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

Pages and the ledger hold a few shapes (a mapping of strings, numbers, None, lists of them, mappings of
those), whose block style is simple: `_block` writes them itself, line by line, each string plain or
single-quoted as PyYAML's emitter chooses for a printable one-line string (`_scalar`), and leaves the rest
(an unprintable string, a list in a list, an object met twice, a line longer than `width`, which PyYAML
would fold) to the nodes and emitters above. It writes the same bytes as they do (tests/test_yamlio.py
holds it to PyYAML's pure-Python emitter), in a tenth of libyaml's time.

`dump` can also keep what it wrote in a memo (dossier.memo), keyed by the data as JSON, so a
build writes again only the values that changed.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping
from functools import lru_cache

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
    text = _block(dict(data), width)
    if text is not None:
        return text
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


_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = _Dumper(io.StringIO())  # its `resolve`: the type a plain string would read back as
# What makes PyYAML's emitter quote a printable one-line string in block style (Emitter.analyze_scalar,
# choose_scalar_style): a document marker, a space or an indicator first ("-", "?" and ":" only before a space
# or the end), a space last, ": " or ":" at the end or " #" within.
_QUOTED_START = re.compile(r"---|\.\.\.|[ #,\[\]{}&*!|>'\"%@`]|[?:-](?: |$)")
_QUOTED_WITHIN = re.compile(r": |:$| #| $")
_SIMPLE_KEY = 128  # a key this long or longer is written as a complex key ("? ..."), which `_block` leaves


@lru_cache(maxsize=1 << 16)
def _scalar(text: str) -> str:
    """A printable one-line string as PyYAML's emitter writes it as a value or a simple key in block style:
    plain when nothing in it is an indicator there and it reads back as a string (not "yes", "null", "1e3",
    a date, ""), else single-quoted. Cached: pages and the ledger write the same ids and names many times."""
    if (_QUOTED_START.match(text) or _QUOTED_WITHIN.search(text)
            or _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) != _STR_TAG):
        return "'" + text.replace("'", "''") + "'"
    return text


def _block(data: dict, width: int) -> str | None:
    """`data` as `yaml.dump` writes it with `_Dumper` (block style, keys in order, allow_unicode), for the shapes
    pages and the ledger hold: mappings with string keys, lists and tuples, strings that are printable (one line,
    no escapes), bool, int and None. None for anything else (see the module docstring), and for a line longer
    than `width`, where PyYAML would fold a string."""
    lines: list[str] = []
    seen: set[int] = set()  # the collections written: one met twice is an alias in PyYAML's output

    def leaf(value: object) -> str:
        kind = type(value)
        if kind is str:
            if not value.isprintable():
                raise _NotPlain
            return _scalar(value)
        if value is None:
            return "null"
        if kind is bool:
            return "true" if value else "false"
        if kind is int:
            return str(value)
        if kind in (list, tuple, dict) and not value:
            if kind is not tuple:  # an empty tuple is the one collection PyYAML never aliases
                met(value)
            return "{}" if kind is dict else "[]"
        raise _NotPlain

    def met(value: object) -> None:
        if id(value) in seen:
            raise _NotPlain
        seen.add(id(value))

    def mapping(value: dict, first: str, indent: str) -> None:
        """The entries of a non-empty mapping, each at `indent`, the first after `first` ("- " in a list)."""
        met(value)
        for key, item in value.items():
            if type(key) is not str or not key or len(key) >= _SIMPLE_KEY:  # "" is written "? ''"
                raise _NotPlain
            head = f"{first}{leaf(key)}:"
            first = indent
            kind = type(item)
            if kind is dict and item:
                lines.append(head)
                mapping(item, indent + "  ", indent + "  ")
            elif kind in (list, tuple) and item:
                lines.append(head)
                sequence(item, indent)  # a list in a mapping is not indented
            else:
                lines.append(f"{head} {leaf(item)}")

    def sequence(value: list | tuple, indent: str) -> None:
        met(value)
        for item in value:
            kind = type(item)
            if kind is dict and item:
                mapping(item, indent + "- ", indent + "  ")
            elif kind in (list, tuple) and item:
                raise _NotPlain
            else:
                lines.append(f"{indent}- {leaf(item)}")

    if not data or width <= 4:  # an empty document is "{}"; PyYAML takes a width of 4 or less as 80
        return None
    try:
        mapping(data, "", "")
    except _NotPlain:
        return None
    if max(map(len, lines)) > width:
        return None
    return "\n".join(lines) + "\n"
