"""Pages the last build rendered, reused when nothing they show has changed.

A page's text is decided by its view (dossier.render.views), its frontmatter and its template, and
by the code that renders them. Each build keeps in a memo (dossier.memo), `pages.json` in the cache
folder, the digest of every page's text by the key of what decided it (`key`). The next build
computes the keys again: where a key is known and the page's file in docs/ still has that digest,
the file's text is the page and Jinja does not run. docs/ itself is the store, so the memo holds a
digest a page, and a page edited or lost in docs/ is rendered again. A file is not even read when the
stamp of the last build that wrote docs/ (dossier.stamp) gives it that digest and the size and mtime
it still has: such a page's text is None, and publish keeps the file as it is.

A *unit* (an entity's page with the parts of its lists, or one part of a list across the dossier) is
not even viewed when none of the facts its view read has changed (dossier.trace) and nothing else that
decides it (a part's items) has: `views.json` keeps each unit's facts, that other input and its pages'
keys and digests, `facts.json` the digest of every fact's value.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable, Mapping
from pathlib import Path

from pydantic import BaseModel

from dossier import memo
from dossier.render.templates import PACKAGE_TEMPLATES
from dossier.trace import Recorder, pickled


class Unit(BaseModel):
    """What the last build kept of a unit: the facts its view read (by their places in `facts.json`, which
    is sorted by key: a unit reads ~40 of ~270,000 facts at 10k, and names them in a few bytes each), what
    else decided it (`inputs`, a digest), and each page's key and digest."""

    facts: list[int]
    inputs: str
    pages: dict[str, tuple[str, str]]


TABLE = ""  # the entry of views.json that holds the digest of the facts table its places count in


def fingerprint(templates: Path | None, *settings: str) -> str:
    """What decides every page's text besides its view: the render code and libraries, and the
    templates (a project's overrides and the shipped ones); with `settings`, what decides a unit's
    view besides its facts (mkdocs.yml's site_url and site_name)."""
    digest = hashlib.sha256(memo.fingerprint("dossier.render.pages", ["Jinja2", "MarkupSafe", "PyYAML"]).encode())
    digest.update(json.dumps(settings).encode())
    for folder in [f for f in (templates, PACKAGE_TEMPLATES) if f is not None and f.is_dir()]:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
        digest.update(b"\1")
    return digest.hexdigest()


def key(template: str, depth: int, meta: dict | None, view: dict) -> str:
    """The key of one page: its template, how deep it sits, its frontmatter and its view, pickled (a third of
    the cost of their JSON; equal values give equal bytes in every process, and unlike JSON a tuple is no list
    and a Markup no str, which can only tell apart what JSON would have found the same)."""
    return memo.call_key(pickled((template, depth, meta, view)))


def _table_digest(facts: list[str]) -> str:
    return hashlib.blake2b("\0".join(facts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class Reuse:
    """Renders a page, or takes it from docs/ when its key and the file say it is the same; keeps the
    units whose facts have not changed. Without memos or a docs folder every page is viewed and rendered."""

    def __init__(self, digests: memo.Memo[str] | None = None, docs: Path | None = None,
                 units: memo.Memo[Unit] | None = None, facts: memo.Memo[str] | None = None,
                 written: Mapping[str, tuple[int, int, str]] | None = None) -> None:
        """`written`: the pages of docs/ as the last build that wrote them left them, (size, mtime in ns,
        digest) by path (dossier.stamp.written)."""
        self.digests = digests
        self.docs = docs
        self.written = written or {}
        self.made: dict[str, str] = {}  # every page of this build: the digest of its text, by path
        self._texts: dict[str, str] = {}  # the pages read back from docs/ and not yet handed on
        self.units = units if digests is not None and facts is not None else None  # units need all three memos
        self.facts = facts
        self.rendered: list[str] = []  # the pages Jinja rendered in this build
        self.reused: list[str] = []  # the pages taken from docs/, as they are there
        self.viewed: list[str] = []  # the units whose view was built in this build
        self._table = list(facts.known) if facts is not None else []  # the kept facts, where Unit.facts counts
        if self.units is not None and self.units.known.get(TABLE) != Unit(facts=[], inputs=_table_digest(self._table),
                                                                          pages={}):
            self.units.known = {}  # its places count in another table (or none): no unit can be read
        self._changed: set[int] | None = None  # the places of the kept facts whose value is not what it was
        self._kept: dict[str, Unit] = {}  # the units taken as the last build left them (their facts by place)
        self._read_facts: dict[str, list[str]] = {}  # each unit viewed in this build: the facts it read

    def page(self, path: str, page_key: str, render: Callable[[], str]) -> str | None:
        """The page's text; None for one docs/ holds as the last build wrote it, unread (see the module docstring)."""
        if self.digests is None:
            self.rendered.append(path)
            return render()
        known = self.digests.peek(page_key)
        if known is not None and self._holds(path, known):
            self.digests.get(page_key, lambda: known)
            self.reused.append(path)
            self.made[path] = known
            return self._texts.pop(path, None)
        text = render()
        self.rendered.append(path)
        self.made[path] = self.digests.get(page_key, lambda: memo.call_key(text.encode("utf-8")))
        return text

    def unit(self, path: str, recorder: Recorder, inputs: str = "") -> dict[str, str | None] | None:
        """The pages of the unit at `path` as the last build wrote them (as `page` gives them), when no fact
        its view read has changed since, its other `inputs` are the same and docs/ still holds them; None
        when it must be viewed (then `remember` it)."""
        kept = self.units.peek(path) if self.units is not None and path != TABLE else None
        if kept is None or kept.inputs != inputs:
            return None
        if self._changed is None:  # each kept fact's value digested once, whichever units read it
            changed = recorder.changed(self.facts.known)
            self._changed = {place for place, fact in enumerate(self._table) if fact in changed}
        if not self._changed.isdisjoint(kept.facts):
            return None
        if not all(self._holds(page_path, known) for page_path, (_, known) in kept.pages.items()):
            for page_path in kept.pages:
                self._texts.pop(page_path, None)
            return None
        for page_path, (page_key, known) in kept.pages.items():
            self.digests.get(page_key, lambda: known)
            self.made[page_path] = known
        self._kept[path] = kept
        self.reused.extend(kept.pages)
        return {page_path: self._texts.pop(page_path, None) for page_path in kept.pages}

    def remember(self, path: str, recorder: Recorder, facts: set[str], keys: dict[str, str], inputs: str = "") -> None:
        """Keep what the unit at `path` read (`facts`, and `inputs`) and its pages' keys, which `page` was given."""
        self.viewed.append(path)
        if self.units is None:
            return
        for fact in facts:
            self.facts.put(fact, recorder.digest(fact))
        self._read_facts[path] = sorted(facts)
        self.units.put(path, Unit(facts=[], inputs=inputs, pages={p: (k, self.digests.peek(k)) for p, k in keys.items()}))

    def save(self) -> None:
        """Keep the pages' digests, the facts and the units, each unit naming its facts by their places
        among the facts kept (facts.json, sorted by key as dossier.memo writes it). A unit kept as it was
        keeps the digests of its facts, which have not changed, and its places, unless facts came or went
        before them in the table."""
        if self.units is not None:
            read = set().union(*(kept.facts for kept in self._kept.values()))
            self.facts.keep(self._table[place] for place in read)
            table = sorted(self.facts.used)
            place = {fact: i for i, fact in enumerate(table)}
            moved = None if table == self._table else [place.get(fact) for fact in self._table]
            for path, kept in self._kept.items():
                self.units.put(path, kept if moved is None else Unit.model_construct(
                    facts=[moved[p] for p in kept.facts], inputs=kept.inputs, pages=kept.pages))
            for path, facts in self._read_facts.items():
                self.units.put(path, self.units.peek(path).model_copy(update={"facts": [place[f] for f in facts]}))
            self.units.put(TABLE, Unit(facts=[], inputs=_table_digest(table), pages={}))
        for kept in (self.digests, self.facts, self.units):
            if kept is not None:
                kept.save()

    def _holds(self, path: str, known: str) -> bool:
        """Whether the page's file in docs/ has digest `known`: unread when the last build that wrote docs/
        left it with that digest and it still has the size and mtime it had then, else read (its text kept
        in `_texts` for `page` and `unit` to hand on)."""
        if self.docs is None:
            return False
        file = os.path.join(self.docs, path)  # a Path a page costs more than reading it
        written = self.written.get(path)
        if written is not None and written[2] == known:
            try:
                status = os.stat(file, follow_symlinks=False)
            except OSError:
                return False
            if stat.S_ISREG(status.st_mode) and (status.st_size, status.st_mtime_ns) == written[:2]:
                return True
        try:
            with open(file, "rb") as opened:
                data = opened.read()
        except OSError:
            return False
        if memo.call_key(data) != known:
            return False
        self._texts[path] = data.decode("utf-8")
        return True
