"""Stage 4: ids that never break.

A quote's id is a digest of its words, so two machines building the same seeds
agree with no shared state. Once an id is published it is pinned in the ledger
(permalinks.yaml, committed next to the seeds). Every later build matches what
it found against the ledger, so that:

- a quote that gained an outlet, lost one, or had a typo corrected keeps its id
  (exact match on any printed wording, else a fuzzy match within a shared source);
- a published id that now belongs to the same utterance as another one (the
  clusterer joined them, or the curation file said so) redirects to it;
- a published id whose content is gone stays as a tombstone page, never a 404;
- an id is never given to different words: a collision gets a longer digest.

Actors, topics, sources and positions keep their readable slugs; when one
disappears its old id redirects to the item that took its place (a renamed
actor, a renamed seed file with the same text), or else becomes a tombstone.
The ledger never forgets an id.

The ledger is a lock file: `dossier build` updates it, and CI runs `dossier build
--check`, which writes nothing and fails when the committed ledger would change.
Whoever adds or edits seeds commits permalinks.yaml with them, so every id
change is visible in review; a workflow committing the ledger back instead would
need write access to the repository and could race with people pushing.
"""

from __future__ import annotations

import base64
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from dossier import publish, review, yamlio
from dossier.errors import InputError, yaml_problem
from dossier.curation import Curation
from dossier.memo import Memo, call_key
from dossier.weighing import settle
from dossier.model import (Actor, Article, Confidence, Dossier, Position, Problem, Quote, StanceSetting, Tombstone,
                           Topic)
from dossier.text import is_id, words
from dossier.wording import is_typo_fix

# Ledger sections, and the page section each kind lives in.
SECTIONS = ("quotes", "actors", "sources", "topics", "positions")
KIND = {"quotes": "quote", "actors": "actor", "sources": "source", "topics": "topic", "positions": "position"}

HEADER = """\
# permalinks.yaml: every id this site has ever published, so that no URL breaks.
# Written by `dossier build`; commit it with the seeds. `dossier build --check`
# (run in CI) fails when it is stale. An entry with `redirect` is served as a
# redirect to that id; one with `removed: true` as a tombstone page. `count` at the
# end says how many ids each section holds: a ledger cut short is refused, never
# rewritten. No id ever leaves it but by `dossier build --forget SECTION/ID`.
"""
# 2 ends with `count`; 3 keeps each position's `stances`. Versions 1 and 2 are still read (and
# rewritten as 3: a position's stance history starts with the stance it has at that build).
LEDGER_VERSION = 3
LEDGER_WIDTH = 100  # long titles and quotes fold over lines: the ledger stays readable in a diff
# libyaml parses a large ledger several times faster; duplicate keys are caught on its node tree.
LedgerLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LedgerError(InputError):
    """The ledger cannot be read: the build stops before writing anything, so the file survives."""


@dataclass(frozen=True)
class Entry:
    """What the ledger remembers of one published id: enough to match it again and to tombstone it."""

    title: str = ""  # actor name, source/topic title, position "<actor> on <topic>"
    text: str = ""  # a quote's words as last published
    speaker: str | None = None  # a quote's speaker name as last published
    sources: tuple[str, ...] = ()  # source ids it was published with
    digest: str = ""  # a source's text digest: finds it again under a new file name
    redirect: str | None = None  # the id of the page this one now redirects to
    removed: bool = False  # every source of it is gone: served as a tombstone
    stances: tuple[StanceSetting, ...] = ()  # a position's stances, oldest first: what "What changed" tells

    @property
    def live(self) -> bool:
        return self.redirect is None and not self.removed


@dataclass(frozen=True)
class Ledger:
    quotes: dict[str, Entry] = field(default_factory=dict)
    actors: dict[str, Entry] = field(default_factory=dict)
    sources: dict[str, Entry] = field(default_factory=dict)
    topics: dict[str, Entry] = field(default_factory=dict)
    positions: dict[str, Entry] = field(default_factory=dict)

    def section(self, name: str) -> dict[str, Entry]:
        return getattr(self, name)


# --------------------------------------------------------------------------
# ids


@lru_cache(maxsize=1 << 16)
def _words_key(text: str) -> str:
    """The form wordings are compared and hashed in: punctuation, case and quote marks do not count.
    Cached: pinning asks it of each quote's text and each printing's several times a build."""
    return " ".join(words(text))


def content_id(text: str, *context: str, size: int = 5) -> str:
    """A short id from the words of `text`: two machines building the same seeds agree with no shared state.

    `context` (speaker, sources) and a larger `size` derive a different, still deterministic id
    when the short one is already taken by different words.
    """
    material = "\n".join((_words_key(text), *context))
    digest = hashlib.blake2b(material.encode("utf-8"), digest_size=size).digest()
    return base64.b32encode(digest).decode("ascii").rstrip("=").lower()


# --------------------------------------------------------------------------
# reading and writing the ledger


def load_ledger(path: Path, known: Memo[Ledger] | None = None) -> Ledger:
    """The committed ledger; empty when the file does not exist yet. Raises LedgerError naming the
    file and line when it cannot be trusted: not YAML, a key given twice, an alias, a bad id or
    entry, or fewer entries than its `count` (cut short, emptied).

    `known` (dossier.memo) holds ledgers by their text, as `remember` left them: a text dossier wrote
    itself is not parsed again (at 10,000 articles the YAML parse of the ledger took seconds)."""
    if not path.exists():
        return Ledger()
    text = path.read_text(encoding="utf-8")
    if known is None:
        return _parsed(text, path)
    return known.get(call_key(text), lambda: _parsed(text, path))


def remember(known: Memo[Ledger], ledger: Ledger, text: str) -> None:
    """Keep that `text`, which dump_ledger made of `ledger`, reads back as `ledger`."""
    known.get(call_key(text), lambda: ledger)


def _parsed(text: str, path: Path) -> Ledger:
    loader = LedgerLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise LedgerError(f"{path}: empty: a ledger once written never is; restore it from git, "
                              "or delete the file to start a new ledger")
        _refuse_repeats(root, path)
        data = loader.construct_document(root)
    except yaml.YAMLError as error:
        line, reason = yaml_problem(error)
        where = f"{path}:{line}" if line else str(path)
        raise LedgerError(f"{where}: not valid YAML ({reason})") from error
    finally:
        loader.dispose()
    return _ledger_from(data, root, path)


def _refuse_repeats(root: yaml.Node, path: Path) -> None:
    """A key given twice (YAML keeps the last one, silently dropping an entry), and aliases or merge
    keys (which a ledger written by dossier never has, and which can make reading it explode)."""
    seen: set[int] = set()
    stack = [(root, root.start_mark.line + 1)]  # a node, and the line it is used at (an alias's own)
    while stack:
        node, line = stack.pop()
        if id(node) in seen:
            raise LedgerError(f"{path}:{line}: an alias: the ledger repeats nothing")
        seen.add(id(node))
        children = []
        if isinstance(node, yaml.SequenceNode):
            children = [(item, line) for item in node.value]
        elif isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                line = key.start_mark.line + 1
                if key.tag == "tag:yaml.org,2002:merge":
                    raise LedgerError(f"{path}:{line}: a merge key: the ledger repeats nothing")
                if isinstance(key, yaml.ScalarNode) and key.value in first:
                    raise LedgerError(f"{path}:{line}: {key.value!r} is given twice (first at line {first[key.value]})")
                if isinstance(key, yaml.ScalarNode):
                    first[key.value] = line
                children += [(key, line), (value, line)]
        stack.extend(reversed(children))  # in document order: the second use of a node is the alias


def _ledger_from(data: object, root: yaml.Node | None, path: Path) -> Ledger:
    def fail(node: yaml.Node | None, message: str) -> LedgerError:
        line = f":{node.start_mark.line + 1}" if node is not None else ""
        return LedgerError(f"{path}{line}: {message}")

    if not isinstance(data, dict):
        raise fail(root, "expected a mapping of sections (quotes, actors, sources, topics, positions)")
    nodes = _child_nodes(root)
    unknown = sorted(set(data) - set(SECTIONS) - {"version", "count"})
    if unknown:
        raise fail(nodes.get(unknown[0]), f"unknown section {unknown[0]!r}")
    if data.get("version", LEDGER_VERSION) not in (1, 2, LEDGER_VERSION):
        raise fail(nodes.get("version"), f"unsupported ledger version {data['version']!r}")
    sections = {}
    for name in SECTIONS:
        section = data.get(name) or {}
        if not isinstance(section, dict):
            raise fail(nodes.get(name), f"section {name!r} must map ids to entries")
        key_nodes, entry_nodes = _child_nodes(nodes.get(name), keys=True), _child_nodes(nodes.get(name))
        entries = {}
        for key, raw in section.items():
            if not is_id(str(key)):
                raise fail(key_nodes.get(key), f"{name} id {str(key)!r} is not an id (letters, digits, '.', '_', '-')")
            try:
                entries[str(key)] = _entry_from(raw)
            except (TypeError, ValueError) as error:
                raise fail(entry_nodes.get(key, nodes.get(name)), f"{name} entry {key!r}: {error}") from None
        sections[name] = entries
    if "version" not in data:
        raise fail(None, "no version at the end: the ledger was cut short; restore it from git")
    if data["version"] >= 2:
        _check_counts(data.get("count"), nodes.get("count"), sections, fail)
    return Ledger(**sections)


def _check_counts(counts: object, node: yaml.Node | None, sections: dict[str, dict], fail) -> None:
    """The ledger holds as many ids as its `count` says: entries cut or deleted are noticed."""
    if counts is None:
        raise fail(None, "no count at the end: the ledger was cut short; restore it from git")
    if not isinstance(counts, dict) or set(counts) != set(SECTIONS):
        raise fail(node, f"count must give the number of ids of each section ({', '.join(sorted(SECTIONS))})")
    count_nodes = _child_nodes(node)
    for name in sorted(SECTIONS):
        if counts[name] != len(sections[name]):
            raise fail(count_nodes.get(name, node), f"count says {counts[name]} {name}, but {len(sections[name])} "
                                                    "are listed: entries were cut or deleted; restore it from git "
                                                    "(`dossier build --forget SECTION/ID` removes an id)")


def _child_nodes(node: yaml.Node | None, *, keys: bool = False) -> dict:
    """Key -> value node (or key node) of a YAML mapping node: lets errors name the line of the bad entry."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: key if keys else value for key, value in node.value}


_ENTRY_FIELDS = {f.name for f in fields(Entry)}


def _entry_from(raw: object) -> Entry:
    if not isinstance(raw, dict):
        raise TypeError("expected a mapping")
    unknown = sorted(set(raw) - _ENTRY_FIELDS)
    if unknown:
        raise ValueError(f"unknown field {unknown[0]!r}")
    for name in ("title", "text", "digest"):
        if not isinstance(raw.get(name, ""), str):
            raise TypeError(f"{name} must be text")
    for name in ("speaker", "redirect"):
        if raw.get(name) is not None and not isinstance(raw[name], str):
            raise TypeError(f"{name} must be text")
    sources = raw.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise TypeError("sources must be a list of source ids")
    for what, key in [("redirect", raw.get("redirect")), *(("source", s) for s in sources)]:
        if key is not None and not is_id(key):
            raise ValueError(f"{what} {key!r} is not an id")
    if not isinstance(raw.get("removed", False), bool):
        raise TypeError("removed must be true or false")
    return Entry(**{**raw, "sources": tuple(sources), "stances": _stances_from(raw.get("stances", []))})


_SETTING_FIELDS = {f.name for f in fields(StanceSetting)}


def _stances_from(raw: object) -> tuple[StanceSetting, ...]:
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise TypeError("stances must be a list of {stance, source, date}")
    settings = []
    for item in raw:
        unknown = sorted(set(item) - _SETTING_FIELDS)
        if unknown:
            raise ValueError(f"stances: unknown field {unknown[0]!r}")
        if not isinstance(item.get("stance"), str):
            raise TypeError("stances: stance must be text")
        if item.get("source") is not None and not (isinstance(item["source"], str) and is_id(item["source"])):
            raise ValueError(f"stances: source {item['source']!r} is not an id")
        if item.get("date") is not None and not isinstance(item["date"], str):
            raise TypeError("stances: date must be text (YYYY-MM-DD)")
        settings.append(StanceSetting(**item))
    return tuple(settings)


def dump_ledger(ledger: Ledger, texts: Memo[str] | None = None) -> str:
    """The ledger as deterministic YAML text: sorted, defaults left out, no machine-dependent bits.

    A block mapping's text is its entries' texts one after another, so each entry is dumped on its
    own, under its section's key (which sets its indent, and where long values fold): `texts`
    (dossier.memo) keeps each between builds, and a build dumps only the entries that changed."""
    parts = [HEADER]
    for name in sorted(SECTIONS):
        dumped = [yamlio.dump({name: {key: _entry_data(entry)}}, width=LEDGER_WIDTH, memo=texts)
                  for key, entry in sorted(ledger.section(name).items())]
        parts.append(dumped[0] if dumped else yamlio.dump({name: {}}, width=LEDGER_WIDTH))
        parts.extend(text.partition("\n")[2] for text in dumped[1:])  # without the section's key
    count = {name: len(ledger.section(name)) for name in sorted(SECTIONS)}
    parts.append(yamlio.dump({"version": LEDGER_VERSION, "count": count}, width=LEDGER_WIDTH))  # last: a cut loses it
    return "".join(parts)


_ENTRY_DEFAULTS = sorted((f.name, f.default) for f in fields(Entry))


def _entry_data(entry: Entry) -> dict:
    """What the ledger writes of an entry: its fields that differ from the defaults, sorted, tuples as
    lists. Field by field rather than through asdict, whose deep copy of every entry was most of the dump."""
    data = {}
    for name, default in _ENTRY_DEFAULTS:
        value = getattr(entry, name)
        if value == default:
            continue
        if name == "stances":
            value = [asdict(stance) for stance in value]
        data[name] = list(value) if isinstance(value, tuple) else value
    return data


def save_ledger(ledger: Ledger, path: Path) -> bool:
    """Write the ledger when its text differs from the file's; True when it did."""
    text = dump_ledger(ledger)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    publish.write_atomically(path, text.encode("utf-8"))
    return True


# --------------------------------------------------------------------------
# reconcile: pin this build's ids against the ledger


def reconcile(dossier: Dossier, ledger: Ledger, edits: Curation | None = None, forget: Iterable[str] = ()
              ) -> tuple[Dossier, Ledger]:
    """Give every item its pinned id and every vanished id a redirect or a tombstone.

    `edits` is the curation file: its quote merges join published quotes, its actor renames and
    merges say where an old actor id now lives. Raises CurationError for a quote id never published.
    `forget` ("quotes/k3xq7a2b", `dossier build --forget`) are ids to drop from the ledger on purpose:
    the only way one leaves it. Raises LedgerError when one cannot go, or when an id would be lost.
    """
    edits = edits or Curation()
    forget = tuple(forget)
    ledger = _forget(ledger, forget)
    problems: list[Problem] = []
    source_entries = _pin_named(ledger.sources, _source_entries(dossier.sources), _source_successor(dossier.sources))
    moved = {key: _final(source_entries, key) or key for key in ledger.sources}  # a renamed seed's new id
    quotes, quote_entries = _pin_quotes(dossier.quotes, ledger.quotes, moved)
    quotes = _apply_merges(quotes, quote_entries, edits, problems)
    quotes, named = _apply_speakers(quotes, quote_entries, edits, dossier.actors, problems)
    actor_entries = _pin_named(
        ledger.actors, _actor_entries(dossier.actors), _actor_successor(dossier.actors, edits.renames, ledger.actors)
    )
    positions = review.respoken(dossier.positions, [q for q in quotes if q.id in named], dossier.actors)
    positions = _apply_stances(positions, edits, problems)
    positions, topics, doubts = review.sure_positions(positions, dossier.actors, dossier.topics)
    topic_entries = _pin_named(ledger.topics, _topic_entries(topics, positions), _topic_successor(topics))
    position_entries = _pin_named(
        ledger.positions,
        _position_entries(positions, dossier.actors, topics, dossier.sources, ledger.positions),
        _position_successor(positions, actor_entries, topic_entries),
    )
    new_ledger = Ledger(
        quotes=quote_entries, actors=actor_entries, sources=source_entries, topics=topic_entries,
        positions=position_entries,
    )
    _refuse_losses(ledger, new_ledger, forget)
    redirects = redirect_maps(new_ledger, problems)
    tombstones = [  # what was removed, and any redirect the ledger cannot serve (a hand-made loop)
        _tombstone(name, key, entry)
        for name in SECTIONS
        for key, entry in sorted(new_ledger.section(name).items())
        if (entry.removed or entry.redirect is not None) and f"{name}/{key}.md" not in redirects
    ]
    positions = [replace(p, history=position_entries[p.id].stances) for p in positions]
    return replace(
        dossier, quotes=quotes, positions=positions, topics=topics, redirects=redirects, tombstones=tombstones,
        problems=[*dossier.problems, *problems], doubts=[*dossier.doubts, *doubts]
    ), new_ledger


def _forget(ledger: Ledger, forget: tuple[str, ...]) -> Ledger:
    """The ledger without the ids named "SECTION/ID"; none may be the target of a redirect kept."""
    sections = {name: dict(ledger.section(name)) for name in SECTIONS}
    for key in forget:
        name, _, gone = key.partition("/")
        if gone not in sections.get(name, {}):
            raise LedgerError(f"--forget {key}: no such id in the ledger (give SECTION/ID, e.g. quotes/k3xq7a2b)")
        del sections[name][gone]
    for name, section in sections.items():
        for key, entry in sorted(section.items()):
            if f"{name}/{entry.redirect}" in forget:
                raise LedgerError(f"--forget {name}/{entry.redirect}: {name}/{key} redirects to it (forget it too)")
    return Ledger(**sections)


def _refuse_losses(ledger: Ledger, new_ledger: Ledger, forget: tuple[str, ...]) -> None:
    """The ledger only grows: a forgotten id this build publishes again, or a published id the new
    ledger lacks, stops the build naming it."""
    for key in forget:
        name, _, gone = key.partition("/")
        if gone in new_ledger.section(name):
            raise LedgerError(f"--forget {key}: this build still publishes it (remove it from the seeds first)")
    lost = [f"{name}/{key}" for name in SECTIONS for key in sorted(ledger.section(name))
            if key not in new_ledger.section(name)]
    if lost:
        raise LedgerError(f"this build would drop {len(lost)} published id(s): {', '.join(lost)}; the ledger "
                          "only grows (`dossier build --forget SECTION/ID` removes an id on purpose)")


def redirect_maps(ledger: Ledger, problems: list[Problem] | None = None) -> dict[str, str]:
    """Every redirecting id as {"quotes/old.md": "quotes/new.md"}: render writes a redirect page for each.

    Chains are followed to their end, so each old page points straight at a page that exists.
    """
    maps = {}
    for name in SECTIONS:
        section = ledger.section(name)
        for key, entry in sorted(section.items()):
            if entry.redirect is None:
                continue
            target = _final(section, key)
            if target is None:
                if problems is not None:
                    problems.append(Problem("permalinks.yaml", f"{name} {key!r} redirects in a loop or to an unknown id"))
                continue
            maps[f"{name}/{key}.md"] = f"{name}/{target}.md"
    return maps


def _final(section: Mapping[str, Entry], key: str) -> str | None:
    """The id `key` ends up at after following redirects; None for a loop or an unknown id."""
    seen = set()
    while key in section and section[key].redirect is not None:
        if key in seen:
            return None
        seen.add(key)
        key = section[key].redirect
    return key if key in section else None


def _tombstone(name: str, key: str, entry: Entry) -> Tombstone:
    kind = KIND[name]
    if kind == "quote":
        title = f"Quote by {entry.speaker}" if entry.speaker else "Unattributed quote"
    else:
        title = entry.title or key
    return Tombstone(kind=kind, id=key, title=title, text=entry.text, sources=list(entry.sources))


# --------------------------------------------------------------------------
# quotes


@dataclass(frozen=True)
class _Claim:
    """A current quote's claim on a published id; sorting by `rank` puts the best first."""

    quote: int  # index into the build's quotes
    id: str
    live: bool  # the id is a page of its own now (not a redirect or a tombstone)
    exact: bool  # one of the quote's wordings has the published words
    verbatim: bool  # the quote's canonical wording is the published text, character for character
    same_speaker: bool
    shared_sources: float  # Jaccard overlap of source ids
    similarity: float
    fresh: bool  # the id is the content id of the quote's canonical wording

    @property
    def rank(self) -> tuple:
        return (not self.live, not self.exact, not self.verbatim, not self.same_speaker, -self.shared_sources, -self.similarity,
                not self.fresh, self.id, self.quote)


def _pin_quotes(quotes: list[Quote], published: dict[str, Entry], moved: Mapping[str, str]
                ) -> tuple[list[Quote], dict[str, Entry]]:
    """Each quote keeps the published id it matches best; a published id that no other quote
    wants but this one also matches (the clusterer joined two pages) redirects to it."""
    claims = sorted(_quote_claims(quotes, published, moved), key=lambda c: c.rank)
    primary: dict[int, str] = {}
    holder: dict[str, int] = {}
    for claim in claims:
        if claim.quote not in primary and claim.id not in holder:
            primary[claim.quote] = claim.id
            holder[claim.id] = claim.quote
    claimants: dict[str, list[int]] = defaultdict(list)
    for claim in claims:
        if claim.id not in holder:
            claimants[claim.id].append(claim.quote)
    joined = {}  # a published id no quote holds -> the quote it redirects to: the one it did, if it still can
    for key, quotes_claiming in claimants.items():
        kept = holder.get(published[key].redirect or "")
        joined[key] = kept if kept in quotes_claiming else quotes_claiming[0]

    entries = dict(published)
    pinned: list[Quote] = []
    for index, quote in enumerate(quotes):
        key = primary.get(index) or _unused_id(quote, entries)
        entries[key] = _quote_entry(quote)
        pinned.append(replace(quote, id=key))
    for key, index in joined.items():
        entries[key] = replace(published[key], redirect=pinned[index].id, removed=False)
    for key, entry in published.items():
        if key not in holder and key not in joined and entry.live:
            entries[key] = replace(entry, removed=True)
    return pinned, entries


def _quote_claims(quotes: list[Quote], published: dict[str, Entry], moved: Mapping[str, str]) -> list[_Claim]:
    """Every (current quote, published id) pair that may be the same utterance. A published
    quote's sources are read under their ids now (`moved`: a renamed seed), so a typo fixed in a
    renamed seed is found whether the rename came in an earlier build or in this one."""
    by_words: dict[str, list[str]] = defaultdict(list)
    for key, entry in published.items():
        by_words[_words_key(entry.text)].append(key)
    by_source: dict[str, list[int]] = defaultdict(list)
    wordings: list[dict[str, str]] = []  # per quote: each wording's words -> its text (case tells names)
    for index, quote in enumerate(quotes):
        texts = [quote.text, *(o.text for o in quote.occurrences)]
        wordings.append({_words_key(text): text for text in reversed(texts)})
        for source in _quote_sources(quote):
            by_source[source].append(index)

    def claim(index: int, key: str, exact: bool, similarity: float) -> _Claim:
        quote, entry = quotes[index], published[key]
        mine, theirs = set(_quote_sources(quote)), {moved.get(s, s) for s in entry.sources}
        return _Claim(
            quote=index, id=key, live=entry.live, exact=exact, verbatim=quote.text == entry.text,
            fresh=key == content_id(quote.text),
            same_speaker=quote.speaker_name is not None and quote.speaker_name == entry.speaker,
            shared_sources=len(mine & theirs) / len(mine | theirs) if mine | theirs else 0.0,
            similarity=similarity,
        )

    claims = []
    exactly_claimed = set()
    for index, keys in enumerate(wordings):
        for key in sorted({k for wording in keys for k in by_words.get(wording, ())}):
            found = claim(index, key, True, 100.0)
            if found.shared_sources or found.same_speaker:
                claims.append(found)
                exactly_claimed.add(key)
    for key, entry in sorted(published.items()):
        if key in exactly_claimed:
            continue
        target = _words_key(entry.text)
        for index in sorted({i for source in entry.sources for i in by_source.get(moved.get(source, source), ())}):
            fixed = [wording for wording, text in wordings[index].items() if is_typo_fix(entry.text, text)]
            if fixed:
                claims.append(claim(index, key, False, max(fuzz.ratio(target, wording) for wording in fixed)))
    return claims


def _unused_id(quote: Quote, entries: Mapping[str, Entry]) -> str:
    """The content id, or, when different words already hold it, a longer deterministic one."""
    candidates = [
        content_id(quote.text),
        content_id(quote.text, quote.speaker_name or "", *_quote_sources(quote), size=8),
    ]
    for candidate in candidates:
        if candidate not in entries:
            return candidate
    counter = 2
    while f"{candidates[-1]}{counter}" in entries:
        counter += 1
    return f"{candidates[-1]}{counter}"


def _quote_sources(quote: Quote) -> tuple[str, ...]:
    return tuple(sorted({o.source for o in quote.occurrences}))


def _quote_entry(quote: Quote) -> Entry:
    return Entry(text=quote.text, speaker=quote.speaker_name, sources=_quote_sources(quote))


def _apply_merges(quotes: list[Quote], entries: dict[str, Entry], edits: Curation, problems: list[Problem]
                  ) -> list[Quote]:
    """Join the quotes the editor declared one utterance (`quotes: <id>: merge: [ids]`): each
    merged id redirects to the one it joined."""
    by_id = {quote.id: quote for quote in quotes}
    for edit in edits.quotes:
        if edit.id not in entries:
            raise edits.error(edit.line, f"unknown quote '{edit.id}' (not a published quote id)")
        for old, line in edit.merge:
            if old not in entries:
                raise edits.error(line, f"unknown quote '{old}' (not a published quote id)")
            source, target = _final(entries, old) or old, _final(entries, edit.id) or edit.id
            if source == target:
                continue
            if target not in by_id:
                problems.append(Problem(edits.path, f"line {edit.line}: quote '{edit.id}' is no longer in any "
                                                    f"source: '{old}' cannot join it"))
                continue
            if source in by_id:
                gone, keep = by_id.pop(source), by_id[target]
                by_id[target] = replace(
                    keep,
                    occurrences=sorted([*keep.occurrences, *gone.occurrences],
                                       key=lambda o: (o.source, o.paragraph, o.index)),
                    actors=sorted({*keep.actors, *gone.actors}),
                    topics=sorted({*keep.topics, *gone.topics}),
                )
                entries[target] = _quote_entry(by_id[target])
            entries[source] = replace(entries[source], redirect=target, removed=False)
    return [by_id[quote.id] for quote in quotes if quote.id in by_id]


def _apply_speakers(quotes: list[Quote], entries: dict[str, Entry], edits: Curation, actors: list[Actor],
                    problems: list[Problem]) -> tuple[list[Quote], set[str]]:
    """Give each quote the speaker the editor checked (`quotes: <id>: speaker: <actor>`, or null for
    nobody): a fact from then on, published even where extraction was unsure (dossier/review.py). Returns
    the quotes, and the ids of those the editor named a speaker for."""
    by_id = {quote.id: quote for quote in quotes}
    named = set()
    for edit in edits.quotes:
        if edit.speaker is None:
            continue
        key, line = edit.speaker
        actor = None if key is None else next((a for a in actors if key in (a.id, a.name)), None)
        if key is not None and actor is None:
            raise edits.error(line, f"unknown actor '{key}' (no actor has this id or name)")
        target = _final(entries, edit.id) or edit.id
        if target not in by_id:
            problems.append(Problem(edits.path, f"line {edit.line}: quote '{edit.id}' is no longer in any source: "
                                                "its speaker cannot be set"))
            continue
        by_id[target] = replace(by_id[target], speaker=actor and actor.id, speaker_name=actor and actor.name,
                                speaker_confidence=actor and Confidence.SURE)
        entries[target] = _quote_entry(by_id[target])
        named.add(target)
    return [by_id[quote.id] for quote in quotes], named


def _apply_stances(positions: list[Position], edits: Curation, problems: list[Problem]) -> list[Position]:
    """Settle each position the editor checked (`positions: <id>: stance: <stance>`, or null for none): a fact
    from then on, published even where extraction was unsure (dossier/review.py)."""
    found = {position.id for position in positions}
    for edit in edits.positions:
        if edit.id not in found:
            problems.append(Problem(edits.path, f"line {edit.line}: position '{edit.id}' is in no source: "
                                                "its stance cannot be set"))
    settled = {edit.id: edit.stance for edit in edits.positions}
    return [settle(p, settled[p.id]) if p.id in settled else p for p in positions
            if p.id not in settled or settled[p.id] is not None]


# --------------------------------------------------------------------------
# actors, topics, sources, positions: readable slugs that may change


Successor = Callable[[str, Entry], "str | None"]


def _pin_named(published: dict[str, Entry], current: dict[str, Entry], successor: Successor) -> dict[str, Entry]:
    """Current items as they are; every published id that vanished redirects to its successor or is removed."""
    entries = dict(current)
    for key, entry in published.items():
        if key in current:
            continue
        if entry.redirect is not None:
            entries[key] = entry
            continue
        target = successor(key, entry)
        entries[key] = replace(entry, redirect=target, removed=target is None)
    return entries


def _sorted_unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(values)))


def _actor_entries(actors: list[Actor]) -> dict[str, Entry]:
    return {a.id: Entry(title=a.name, sources=_sorted_unique(m.source for m in a.mentions)) for a in actors}


def _actor_successor(actors: list[Actor], renames: Mapping[str, str], published: Mapping[str, Entry]) -> Successor:
    """A renamed or merged actor: the one the curation file moves it (or an id it was renamed
    from) to; else an id it was renamed from, live again (the rename was undone); else the one
    that now carries the old name (as its name or an alias)."""
    current = {actor.id for actor in actors}
    by_name: dict[str, list[Actor]] = defaultdict(list)
    for actor in actors:
        for name in {actor.name, *actor.aliases}:
            by_name[name.casefold()].append(actor)
    earlier: dict[str, list[str]] = defaultdict(list)  # id -> the ids that redirected to it
    for key, entry in sorted(published.items()):
        if entry.redirect is not None:
            earlier[entry.redirect].append(key)

    def successor(key: str, entry: Entry) -> str | None:
        family = _reaching(key, earlier)
        moved = [renames[k] for k in family if renames.get(k) in current]
        if moved:
            return moved[0]
        restored = [k for k in family[1:] if k in current]
        if restored:
            return restored[0]
        candidates = by_name.get(entry.title.casefold(), [])
        return _best(candidates, entry, lambda a: {m.source for m in a.mentions})

    return successor


def _reaching(key: str, earlier: Mapping[str, list[str]]) -> list[str]:
    """`key`, then every id whose redirects led to it, nearest first: its earlier names."""
    found, queue = [key], [key]
    while queue:
        for older in earlier.get(queue.pop(0), ()):
            if older not in found:
                found.append(older)
                queue.append(older)
    return found


def _topic_entries(topics: list[Topic], positions: list[Position]) -> dict[str, Entry]:
    sources: dict[str, set[str]] = defaultdict(set)
    for position in positions:
        sources[position.topic].update(m.source for m in position.evidence)
    return {t.id: Entry(title=t.title, sources=_sorted_unique(sources[t.id])) for t in topics}


def _topic_successor(topics: list[Topic]) -> Successor:
    """A renamed topic: the one whose title or keywords carry the old title."""
    def successor(key: str, entry: Entry) -> str | None:
        title = entry.title.casefold()
        candidates = [t for t in topics if title in {t.title.casefold(), *(k.casefold() for k in t.keywords)}]
        return _best(candidates, entry, lambda t: set())

    return successor


def pin_sources(articles: list[Article], published: Mapping[str, Entry]) -> list[Article]:
    """Articles with ids that stay with the article, not with its file name.

    A seed's id is its file name's slug, unless the ledger gave that id to another article (its
    title and its text both differ): a new article under a removed article's file name must not
    take over the old one's page. It gets the slug and a digest of its title and text instead,
    and keeps that id (the ledger remembers it) however often it is built again.
    """
    current = {article.id for article in articles}
    taken = set(published) | current
    pinned = []
    for article in articles:
        entry = published.get(article.id)
        if entry is not None and not _same_article(entry, article):
            own = [key for key in sorted(published) if key.startswith(f"{article.id}-") and key not in current
                   and _same_article(published[key], article)]
            article = replace(article, id=own[0] if own else _fresh_source_id(article, taken))
            taken.add(article.id)
        pinned.append(article)
    return pinned


def _same_article(entry: Entry, article: Article) -> bool:
    """The same text, or the same title (an edited article): a ledger entry with neither cannot tell."""
    if not entry.digest and not entry.title:
        return True
    return entry.digest == article.digest or words(entry.title) == words(article.title)


def _fresh_source_id(article: Article, taken: set[str]) -> str:
    for size in (3, 5, 8):
        candidate = f"{article.id}-{content_id(article.title, article.digest, size=size)}"
        if candidate not in taken:
            return candidate
    raise LedgerError(f"{article.file}: no free source id for it (the ledger holds too many like {candidate})")


def _source_entries(sources: list[Article]) -> dict[str, Entry]:
    return {a.id: Entry(title=a.title, digest=a.digest) for a in sources}


def _source_successor(sources: list[Article]) -> Successor:
    """A renamed seed: the article with the same text, else the only one with the same title (a
    seed renamed and edited in one build is the same article as in two)."""
    def successor(key: str, entry: Entry) -> str | None:
        candidates = [a for a in sources if entry.digest and a.digest == entry.digest]
        titled = [a for a in sources if entry.title and words(a.title) == words(entry.title)]
        return _best(candidates or (titled if len(titled) == 1 else []), entry, lambda a: set())

    return successor


def _position_entries(positions: list[Position], actors: list[Actor], topics: list[Topic], sources: list[Article],
                      published: Mapping[str, Entry]) -> dict[str, Entry]:
    names = {a.id: a.name for a in actors}
    titles = {t.id: t.title for t in topics}
    dates = {s.id: s.date for s in sources}
    return {
        p.id: Entry(
            title=f"{names.get(p.actor, p.actor)} on {titles.get(p.topic, p.topic)}",
            sources=_sorted_unique(m.source for m in p.evidence),
            stances=_stance_history(p, published.get(p.id), dates),
        )
        for p in positions
    }


def _stance_history(position: Position, published: Entry | None, dates: Mapping[str, str | None]
                    ) -> tuple[StanceSetting, ...]:
    """The published stances, and this build's when it differs from the last of them.

    A first stance is dated by the earliest article stating it; a changed one by the latest of the
    articles that brought new evidence for it (the one that changed it), else by the latest
    stating it. Dates come from the articles, so the same seeds and ledger give the same history.
    """
    history = published.stances if published else ()
    if history and history[-1].stance == position.stance:
        return history
    stating = {m.source for m in position.evidence}
    if history:
        changing = stating - set(published.sources) or stating
        source = max(changing, key=lambda s: (dates.get(s) is not None, dates.get(s) or "", s), default=None)
    else:
        source = min(stating, key=lambda s: (dates.get(s) is None, dates.get(s) or "", s), default=None)
    return (*history, StanceSetting(position.stance, source, dates.get(source)))


def _position_successor(
    positions: list[Position], actors: Mapping[str, Entry], topics: Mapping[str, Entry]
) -> Successor:
    """A position whose actor or topic was renamed: the position of the renamed pair."""
    current = {p.id for p in positions}

    def successor(key: str, entry: Entry) -> str | None:
        actor, _, topic = key.partition("--")
        candidate = f"{_final(actors, actor) or actor}--{_final(topics, topic) or topic}"
        return candidate if candidate in current and candidate != key else None

    return successor


def _best(candidates: list, entry: Entry, sources_of: Callable[[object], set[str]]) -> str | None:
    """Of several successors, the one sharing most sources with the published entry, then the smallest id."""
    if not candidates:
        return None
    return min(candidates, key=lambda c: (-len(sources_of(c) & set(entry.sources)), c.id)).id

