"""The optional YAML block at the top of a seed, read as strings only (see the package docstring)."""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass, field

import yaml

from dossier.errors import yaml_problem
from dossier.ingest.dates import parse_date
from dossier.text import http_url

FRONTMATTER_KEYS = ("title", "date", "updated", "author", "outlet", "url", "language")
FRONTMATTER_MAX_CHARS = 64 * 1024


class _FrontmatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A SafeLoader (libyaml's parser where installed) that reads every scalar as the text written and refuses
    what expands.

    Without implicit resolvers nothing turns into a number, a boolean, null or a timestamp
    (".inf", "0x1F", "1_000", a 5,000-digit title stay text; dates are parsed by `parse_date`).
    Aliases and merge keys are refused: eight nested levels of `<<: [*a, *a, ...]` in 600 bytes
    expand to millions of entries. The composed document holds an alias as a second reference to the
    node it names, so aliases are found by walking it once before anything is constructed. A repeated
    key keeps its first value and is noted in `duplicates` as (key, line, first line), 1-based within
    the block.
    """

    yaml_implicit_resolvers: dict = {}

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[str, int, int]] = []

    def construct_document(self, node: yaml.Node):
        _refuse_aliases(node)
        return super().construct_document(node)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[object, int] = {}
        unique = []
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise yaml.constructor.ConstructorError(None, None, "merge keys (<<) are not allowed in frontmatter",
                                                        key_node.start_mark)
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            if isinstance(key, Hashable) and key in seen:
                self.duplicates.append((str(key), line, seen[key]))
                continue
            if isinstance(key, Hashable):
                seen[key] = line
            unique.append((key_node, value_node))
        node.value = unique
        return super().construct_mapping(node, deep=deep)


def _refuse_aliases(root: yaml.Node) -> None:
    """A ComposerError at the first node reached twice: an alias (*name) of an anchored node."""
    seen: set[int] = set()
    unvisited = [root]
    while unvisited:
        node = unvisited.pop()
        if id(node) in seen:
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in frontmatter",
                                              node.start_mark)
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            unvisited.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            unvisited.extend(item for pair in node.value for item in pair)


_FRONTMATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)??(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}")


@dataclass
class Frontmatter:
    fields: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def split_frontmatter(text: str) -> tuple[Frontmatter, str]:
    """The checked frontmatter fields and the article text after them."""
    match = _FRONTMATTER.match(text)
    if not match:
        return Frontmatter(), text
    source = match["yaml"] or ""
    if len(source) > FRONTMATTER_MAX_CHARS:
        return Frontmatter(problems=["frontmatter is too long to be metadata: read as article text"]), text
    loader = _FrontmatterLoader(source)
    try:
        data = loader.get_single_data()
    except (yaml.YAMLError, RecursionError) as error:
        reason = " ".join(yaml_problem(error)[1].split())
        return Frontmatter(problems=[f"frontmatter is not valid YAML ({reason}): read as article text"]), text
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return Frontmatter(problems=["frontmatter is not a mapping of keys to values: read as article text"]), text
    frontmatter = _checked_frontmatter(data)
    # The block starts on the file's second line, after the opening "---".
    frontmatter.problems[:0] = [f"line {line + 1}: frontmatter key {key!r} repeats line {first + 1}: ignored"
                                for key, line, first in loader.duplicates]
    return frontmatter, text[match.end():]


def _checked_frontmatter(data: dict) -> Frontmatter:
    frontmatter = Frontmatter()
    unknown = sorted(str(key) for key in data if key not in FRONTMATTER_KEYS)
    if unknown:
        frontmatter.problems.append(f"unknown frontmatter key(s) {', '.join(map(repr, unknown))} ignored "
                                    f"(known: {', '.join(FRONTMATTER_KEYS)})")
    for key in FRONTMATTER_KEYS:
        if key not in data or data[key] is None:
            continue
        value = data[key]
        if not isinstance(value, str):  # only an explicit tag (!!int, !!seq, [..]) gives anything else
            frontmatter.problems.append(f"frontmatter {key!r} must be text, not {type(value).__name__}: ignored")
            continue
        text = " ".join(value.split())
        checked, reason = _check_field(key, text)
        if checked:
            frontmatter.fields[key] = checked
        elif reason:
            frontmatter.problems.append(f"frontmatter {key} {_shorten(text)!r} {reason}: ignored")
    return frontmatter


def _check_field(key: str, text: str) -> tuple[str | None, str | None]:
    """The field's checked value, or None and why not (no reason for an empty value)."""
    if not text:
        return None, None
    if key in ("date", "updated"):
        iso = parse_date(text)
        return iso, None if iso else "is not a valid date (use YYYY-MM-DD)"
    if key == "url":
        return (text, None) if http_url(text) else (None, "is not an http(s) URL")
    if key == "language":
        return (text, None) if _LANGUAGE_TAG.fullmatch(text) else (None, "is not a language tag such as 'en'")
    return text, None


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
