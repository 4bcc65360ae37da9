"""The editor's corrections: one YAML file, `curation.yaml` at the repository root, applied on every build.

Nothing generated is ever edited by hand: when extraction gets an actor wrong,
the editor says so here, and every later build (with more or fewer seeds)
applies the same correction. The file is optional.

    actors:
      alexander-grushko:            # an actor id (the last part of its page URL) or its exact name
        name: Alexander V. Grushko  # rename: the page moves to the new name's id, the old URL redirects
        kind: person                # person | organization | country | government | group
        description: Russia's deputy foreign minister.
        links: [https://en.wikipedia.org/wiki/Alexander_Grushko]   # http(s) only
        merge: [grushko-a, A. Grushko]   # other actors (ids or names) that are this one; their URLs redirect
        split: [the diplomat]       # aliases that are someone else: each becomes an actor of its own...
      vladimir-putin:
        split: {Mr President: Donald Trump}   # ...or joins the actor named (an existing one or a new one)
      some-false-positive:
        hide: true                  # no page, no links, no quotes attributed to it
    quotes:
      k3xq7a2bce:                   # a published quote id
        merge: [p2jw4ddm5e]         # quotes that are the same utterance: their ids redirect to this one
        speaker: vladimir-putin     # who said it (an actor id or exact name), checked by the editor:
                                    # published as fact even where extraction was unsure (story/review),
                                    # with the stances its words state (dossier.review.respoken);
                                    # `speaker: null` publishes it with no speaker
    positions:
      russia--peacekeeping-forces:  # a published position id (actor id--topic id)
        stance: oppose              # support | oppose | conditional | open, checked by the editor: published
                                    # as fact even where extraction was unsure (story/review);
                                    # `stance: null` publishes no position

Order of application: split, then merge, then rename, kind, description, links,
then hide. Any unknown key, a malformed value or an id that names no actor is an
error that names the line: `curation.yaml:12: unknown actor 'grushkoo'`. So is a
rename onto a name another actor has (it would pour one actor into the other: say
`merge` instead), a merge cycle, a quote or position id outside the id grammar and
an unknown stance.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import get_args

import yaml

from dossier.errors import InputError, yaml_problem
from dossier.lexicon import Stance
from dossier.text import http_url, is_id, slugify

KINDS = ("person", "organization", "country", "government", "group")
ACTOR_KEYS = ("name", "kind", "description", "links", "merge", "split", "hide")
QUOTE_KEYS = ("merge", "speaker")
POSITION_KEYS = ("stance",)
STANCES = get_args(Stance)
SECTIONS = ("actors", "quotes", "positions")


class CurationError(InputError):
    """A mistake in the curation file; the message starts with "FILE:LINE:"."""


@dataclass(frozen=True)
class ActorEdit:
    """What the editor says about one actor; `line` numbers point back into the file for errors."""

    key: str  # actor id or name
    line: int
    name: str | None = None
    kind: str | None = None
    description: str | None = None
    links: tuple[str, ...] = ()
    merge: tuple[tuple[str, int], ...] = ()  # (actor id or name, line)
    split: tuple[tuple[str, str | None, int], ...] = ()  # (alias, actor it belongs to or None, line)
    hide: bool = False


@dataclass(frozen=True)
class QuoteEdit:
    id: str
    line: int
    merge: tuple[tuple[str, int], ...] = ()  # (quote id, line)
    speaker: tuple[str | None, int] | None = None  # (actor id or name, None: nobody; line); None: not given


@dataclass(frozen=True)
class PositionEdit:
    id: str  # the position's id: "<actor id>--<topic id>"
    line: int
    stance: str | None  # the stance the editor checked; None: the actor takes none on the topic


@dataclass(frozen=True)
class Curation:
    """Parsed curation.yaml; empty when the file does not exist."""

    actors: tuple[ActorEdit, ...] = ()
    quotes: tuple[QuoteEdit, ...] = ()
    positions: tuple[PositionEdit, ...] = ()
    path: str = "curation.yaml"

    def error(self, line: int, message: str) -> CurationError:
        """An error pointing at `line` of the file, for stages that check ids only they know."""
        return CurationError(f"{self.path}:{line}: {message}")

    @property
    def renames(self) -> dict[str, str]:
        """Old actor id -> new actor id for every rename and merge: the pages the ids stage must redirect."""
        moved: dict[str, str] = {}
        for edit in self.actors:
            target = slugify(edit.name or edit.key)
            for old in [edit.key, *(key for key, _ in edit.merge)]:
                if slugify(old) != target:
                    moved[slugify(old)] = target
        return dict(sorted(moved.items()))


def load(path: Path) -> Curation:
    """Read and check the curation file; a missing file is an empty curation."""
    path = Path(path)
    if not path.exists():
        return Curation(path=path.name)
    return parse(path.read_text(encoding="utf-8"), path.name)


def parse(text: str, filename: str = "curation.yaml") -> Curation:
    reader = _Reader(filename)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        line, reason = yaml_problem(error)
        raise CurationError(f"{filename}:{line or 1}: not valid YAML ({reason})") from None
    if root is None:
        return Curation(path=filename)
    sections = reader.mapping(root, "the file")
    for key, (key_node, _) in sections.items():
        if key not in SECTIONS:
            raise reader.error(key_node, f"unknown section '{key}' (expected one of: {', '.join(SECTIONS)})")
    actors = tuple(reader.actor(k, node, v) for k, (node, v) in reader.mapping_of("actors", sections).items())
    quotes = tuple(reader.quote(k, node, v) for k, (node, v) in reader.mapping_of("quotes", sections).items())
    positions = tuple(reader.position(k, node, v) for k, (node, v) in reader.mapping_of("positions", sections).items())
    return Curation(actors=actors, quotes=quotes, positions=positions, path=filename)


class _Reader:
    """Walks the YAML node tree so that every complaint can name its line."""

    def __init__(self, filename: str):
        self.filename = filename

    def error(self, node, message: str) -> CurationError:
        return CurationError(f"{self.filename}:{node.start_mark.line + 1}: {message}")

    def mapping(self, node, what: str) -> dict:
        """{key: (key node, value node)}, in file order."""
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, f"{what} must be a mapping of keys to values")
        result = {}
        for key_node, value_node in node.value:
            key = self.text(key_node, "a key")
            if key in result:
                raise self.error(key_node, f"'{key}' is given twice")
            result[key] = (key_node, value_node)
        return result

    def mapping_of(self, section: str, sections: dict) -> dict:
        if section not in sections or _is_null(sections[section][1]):
            return {}
        return self.mapping(sections[section][1], f"'{section}'")

    def text(self, node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or _is_null(node) or not str(node.value).strip():
            raise self.error(node, f"{what} must be a non-empty text")
        return str(node.value).strip()

    def texts(self, node, what: str) -> tuple[tuple[str, int], ...]:
        """A text or a list of texts, each with its line."""
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        return tuple((self.text(item, what), item.start_mark.line + 1) for item in items)

    def fields(self, what: str, node, allowed: tuple[str, ...]) -> dict:
        """The mapping of `what` ("actor 'x'"), each key one of `allowed`."""
        fields = self.mapping(node, what)
        for name, (name_node, _) in fields.items():
            if name not in allowed:
                raise self.error(name_node, f"unknown key '{name}' for {what} (expected one of: {', '.join(allowed)})")
        return fields

    def actor(self, key: str, key_node, node) -> ActorEdit:
        fields = self.fields(f"actor '{key}'", node, ACTOR_KEYS)
        values = {name: self._actor_value(name, value) for name, (_, value) in fields.items()}
        return ActorEdit(key=key, line=key_node.start_mark.line + 1, **values)

    def _actor_value(self, name: str, node):
        if name in ("name", "description"):
            return self.text(node, f"'{name}'")
        if name == "kind":
            kind = self.text(node, "'kind'")
            if kind not in KINDS:
                raise self.error(node, f"unknown kind '{kind}' (expected one of: {', '.join(KINDS)})")
            return kind
        if name == "links":
            links = self.texts(node, "a link")
            for link, line in links:
                if http_url(link) is None:
                    raise CurationError(f"{self.filename}:{line}: link '{link}' is not an http(s) URL with a host")
            return tuple(link for link, _ in links)
        if name == "merge":
            return self.texts(node, "an actor to merge")
        if name == "split":
            if isinstance(node, yaml.MappingNode):
                return tuple((alias, self.text(value, "an actor name"), key_node.start_mark.line + 1)
                             for alias, (key_node, value) in self.mapping(node, "'split'").items())
            return tuple((alias, None, line) for alias, line in self.texts(node, "an alias to split"))
        if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool")):
            raise self.error(node, "'hide' must be true or false")
        return str(node.value).lower() in ("true", "yes", "on")

    def quote(self, key: str, key_node, node) -> QuoteEdit:
        fields = self.fields(f"quote '{key}'", node, QUOTE_KEYS)
        merge = self.texts(fields["merge"][1], "a quote id") if "merge" in fields else ()
        for quote_id, line in [(key, key_node.start_mark.line + 1), *merge]:
            if not is_id(quote_id):
                raise CurationError(f"{self.filename}:{line}: quote id {quote_id!r} is not an id")
        speaker = None
        if "speaker" in fields:
            name_node, value = fields["speaker"]
            speaker = (None if _is_null(value) else self.text(value, "'speaker'"), name_node.start_mark.line + 1)
        return QuoteEdit(id=key, line=key_node.start_mark.line + 1, merge=merge, speaker=speaker)

    def position(self, key: str, key_node, node) -> PositionEdit:
        fields = self.fields(f"position '{key}'", node, POSITION_KEYS)
        if not is_id(key):
            raise self.error(key_node, f"position id {key!r} is not an id")
        if "stance" not in fields:
            raise self.error(key_node, f"position '{key}' needs 'stance' (one of: {', '.join(STANCES)}, or null)")
        value = fields["stance"][1]
        stance = None if _is_null(value) else self.text(value, "'stance'")
        if stance is not None and stance not in STANCES:
            raise self.error(value, f"unknown stance '{stance}' (expected one of: {', '.join(STANCES)}, or null)")
        return PositionEdit(id=key, line=key_node.start_mark.line + 1, stance=stance)


def _is_null(node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")
