"""What each page's view read of the dossier, so that the next build views again only the pages whose reads changed.

An entity's page (a source, an actor, a quote, a topic, a position, a tombstone) and the parts of its long
lists are one *unit*; so is each part of a list across the dossier. A unit's view reads the dossier only
through *facts*: methods of the catalogue and the story marked `@fact`, each a pure function of the
dossier and of plain arguments (ids, numbers, text). While a unit is viewed, `Recorder.recording` notes
every fact called from the view (not the facts a fact calls itself), and render keeps, between builds, the
facts each unit read and the digest of each fact's value (dossier.render.reuse). The next build takes the
digest of every kept fact again (`Recorder.changed`): a unit none of whose facts changed would get the same
view, so it is neither viewed nor rendered, and its pages are read back from docs/. A fact's digest covers
its whole value, the entities in it whole.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from dossier.model import Actor, Article, Position, Quote, Tombstone, Topic

F = TypeVar("F", bound=Callable)

# What a fact's value may hold whole: digested once a build each, however many facts hold them.
ENTITIES = (Article, Actor, Quote, Topic, Position, Tombstone)


def fact(method: F) -> F:
    """Mark a method of an object with a `recorder` and an `owner` name as a fact: its calls are recorded
    while a view is recorded, and the next build calls it again by name to see whether its value changed.
    Its arguments must be plain values, as JSON keeps them."""
    name = method.__name__

    @functools.wraps(method)
    def read(self, *args, **kwargs):
        recorder = self.recorder
        reads = recorder.reads
        if reads is None:
            return method(self, *args, **kwargs)
        recorder.reads = None  # what a fact reads is its own business: its value is what counts
        try:
            value = method(self, *args, **kwargs)
        finally:
            recorder.reads = reads
        reads.add(recorder.read(self.owner, name, args, kwargs, value))
        return value

    return read  # type: ignore[return-value]


class Recorder:
    """The facts read while a unit is viewed, and each fact's value digested by its key."""

    def __init__(self) -> None:
        self.owners: dict[str, object] = {}
        self.reads: set[str] | None = None
        self._digests: dict[str, str] = {}
        self._digester = _Digester()
        self._keys: dict[tuple, str] = {}  # a fact call with text arguments -> its key

    def read(self, owner: str, name: str, args: tuple, kwargs: dict, value: object) -> str:
        """The key of a fact call that gave `value` ([owner, name, args, kwargs] as JSON), its value's digest kept
        the first time. Views read the same few facts over and over (at 1,000 articles 271,000 reads of 29,000
        facts, mostly by id), so a call whose arguments are all strings or None, which are equal exactly when
        their JSON is, keeps its key, and one kept has its digest: the rest of its reads cost a look-up. It is
        looked up first: what equals a string or None is one (facts take plain values, and no number equals a
        string), so only a call not kept yet has its arguments' types looked at."""
        call = (owner, name, args, *kwargs.items())
        try:
            key = self._keys.get(call)
        except TypeError:  # a list or a dict among the arguments: no text
            call = None
            key = None
        if key is None:
            key = _call_key(owner, name, args, kwargs)
            if key not in self._digests:
                self._digests[key] = self.digest_of(value)
            if call is not None and all(type(arg) in _TEXT for arg in (*args, *kwargs.values())):
                self._keys[call] = key
        return key

    def own(self, name: str, owner: object) -> None:
        """Let the facts of `owner` (a catalogue, a story) be called again by name."""
        self.owners[name] = owner

    @contextmanager
    def recording(self) -> Iterator[set[str]]:
        reads: set[str] = set()
        self.reads = reads
        try:
            yield reads
        finally:
            self.reads = None

    def digest(self, key: str) -> str:
        """The digest of the value of a fact read in this build."""
        return self._digests[key]

    def changed(self, known: dict[str, str]) -> set[str]:
        """The facts (keys) whose value in this build does not have the digest `known` gives it."""
        calls = json.loads("[" + ",".join(known) + "]")  # one parse for all: a key is a JSON list
        for key, (owner, name, args, kwargs) in zip(known, calls):
            if key not in self._digests:
                try:
                    value = getattr(self.owners[owner], name)(*args, **kwargs)
                except (KeyError, AttributeError, TypeError, ValueError):  # gone with its entity, or with the code
                    self._digests[key] = ""
                else:
                    self._digests[key] = self.digest_of(value)
        return {key for key, digest in known.items() if self._digests[key] != digest}

    def digest_of(self, value: object) -> str:
        """A fact's value digested: its pickle, each entity in it standing as its own digest (`_Digester`)."""
        return self._digester.digest(value)


class _Digester(pickle.Pickler):
    """Pickles a fact's value for its digest, each entity in it as the digest of its own pickle, taken once a build
    (`entities`: id -> the entity, kept alive so that its id stays its own, and its digest). The rest is pickled by
    pickle's C code: only entities reach Python (through the pickler's `dispatch_table`, looked up by exact type),
    not the lists, tuples, dicts, strings, numbers and other objects around them. One pickler serves every value
    (`fast`: it keeps no memo between them). A pickle is the same in every process for the values facts return,
    which hold no set (a set's order follows the process's hash seed: a fact returning one would be found changed
    in every build)."""

    def __init__(self) -> None:
        self.out = io.BytesIO()
        self.entities: dict[int, tuple[object, bytes]] = {}
        self.dispatch_table = dict.fromkeys(ENTITIES, self._entity)  # read by Pickler.__init__
        super().__init__(self.out, protocol=5)
        self.fast = True  # no memo: equal values give equal bytes whatever objects they share

    def digest(self, value: object) -> str:
        out = self.out
        out.seek(0)
        out.truncate()
        self.dump(value)
        return hashlib.blake2b(out.getvalue(), digest_size=12).hexdigest()

    def _entity(self, value: object) -> tuple:
        known = self.entities.get(id(value))
        if known is None:
            known = self.entities[id(value)] = (value, hashlib.blake2b(pickled(value), digest_size=16).digest())
        return _Entity, (known[1],)


class _Entity(bytes):
    """An entity in a fact's pickle: its digest."""


def _call_key(owner: str, name: str, args: tuple, kwargs: dict) -> str:
    return json.dumps([owner, name, args, kwargs], ensure_ascii=False, sort_keys=True)


_TEXT = frozenset({str, type(None)})  # not numbers: True == 1 == 1.0 and -0.0 == 0.0, but not as JSON


def pickled(value: object) -> bytes:
    """Pickled without its memo, so that equal values give equal bytes whatever objects they share (an
    entity's own digest: faster than its repr; a page's key, dossier.render.reuse)."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=5)
    pickler.fast = True
    pickler.dump(value)
    return out.getvalue()
