"""The words that cue a stance or a quotation's speaker, found by the shapes the data files give them.

Each shape of data/stances.yaml and data/speech_verbs.yaml is a list of spaCy DependencyMatcher
patterns over the file's own words and lists, so that what counts as a cue ("a verb listed under
verbs", "a predicate adjective", "a preposition after a copula", "according to") is data;
dossier.extract.stances and dossier.extract.attribution read each word found with the rule named
like its shape.

The patterns are matched here as spaCy's DependencyMatcher would match them (tests/test_cues.py holds
the two equal on real articles), not by it: its token Matcher calls every `IN` list of every node as a
Python predicate at every word of a paragraph, a dozen calls a word for each file. Here a paragraph's
attributes are read once as arrays of string ids, each word is looked up once per attribute in an
index of the patterns' cue nodes, and only the words found there go on to the other nodes, which are
tried only at the words their relation reaches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import cache, cached_property
from typing import NamedTuple

from spacy.strings import get_string_id
from spacy.tokens import Doc

from dossier.lexicon import Patterned, PatternNode, lexicon

# What a node's RIGHT_ATTRS may test, in spaCy's keys; a cue node is indexed by the last it tests (a word
# narrows more than a tag: "a VERB whose LEMMA is listed" is looked up by its lemma).
ATTRIBUTES = ("POS", "TAG", "DEP", "LEMMA", "LOWER", "ORTH")


class Cue(NamedTuple):
    """A word a shape fits, as its first pattern node (the cue word)."""

    shape: str
    last: int  # the index of the last word the pattern matched, in the doc: where the cue ends


Cues = dict[int, tuple[Cue, ...]]  # token index -> the shapes it fits, in the data file's order


def stance_cues(doc: Doc) -> Cues:
    return _cues(doc, "stances")


def speech_cues(doc: Doc) -> Cues:
    return _cues(doc, "speech_verbs")


def column(doc: Doc, attribute: str) -> list[int]:
    """One attribute of every word of a parsed paragraph, by index: one of ATTRIBUTES as string ids, or
    "SENT_START" (1 where a sentence starts, as `Token.is_sent_start` is true). Read from the paragraph's arrays
    (`_Parse.of`), made once for every step that reads them (the actor scan, both files' cues), no Token made."""
    parse = _Parse.of(doc)
    return parse.sentence_starts if attribute == "SENT_START" else parse.attributes[ATTRIBUTES.index(attribute)]


@cache
def string_ids(words: frozenset[str]) -> frozenset[int]:
    """The string ids of `words`, as `column` gives them: `token.lower_ in words` is `lower in string_ids(words)`."""
    return frozenset(map(get_string_id, words))


def words_where(doc: Doc, attribute: str, wanted: Callable[[str], bool]) -> list[int]:
    """The words of a parsed paragraph whose `attribute` (one of ATTRIBUTES: "LEMMA", "LOWER", ...) is
    `wanted`, by index (`column`), each value the paragraph holds asked once."""
    values = column(doc, attribute)
    strings = doc.vocab.strings
    found = {value for value in set(values) if wanted(strings[value])}
    return [i for i, value in enumerate(values) if value in found] if found else []


class _Test(NamedTuple):
    """One attribute of a node: its string id must be (`IN`) or must not be (`NOT_IN`) one of `values`."""

    attribute: int  # index into ATTRIBUTES
    values: frozenset[int]
    wanted: bool


class _Node(NamedTuple):
    tests: tuple[_Test, ...]
    relation: str | None  # REL_OP from its parent: "<" (the parent's head), ">" (a child), "." (the next word)
    children: tuple[int, ...]  # the nodes hung on this one, by index in the pattern


class _Pattern(NamedTuple):
    shape: str
    nodes: tuple[_Node, ...]  # the cue first


class _Shapes(NamedTuple):
    """A data file's patterns, with their cue nodes indexed by an attribute each must have."""

    order: dict[str, int]  # shape -> its place in the file
    index: tuple[dict[int, list[_Pattern]], ...]  # per attribute: string id -> the patterns whose cue needs it
    anywhere: tuple[_Pattern, ...]  # patterns whose cue node only excludes values: tried at every word


_PARSE_KEY = ("dossier", "cue arrays")  # no extension attribute's key (theirs begin "._.")


class _Parse:
    """What matching reads of one parsed paragraph, as lists of ints (one `Doc.to_array` each)."""

    @classmethod
    def of(cls, doc: Doc) -> _Parse:
        """The paragraph's arrays, read once for both files' cues (kept in the Doc's `user_data`)."""
        parse = doc.user_data.get(_PARSE_KEY)
        if parse is None:
            parse = doc.user_data[_PARSE_KEY] = cls(doc)
        return parse

    def __init__(self, doc: Doc):
        columns = doc.to_array([*ATTRIBUTES, "HEAD", "SENT_START"]).T
        self.attributes = columns[:len(ATTRIBUTES)].tolist()
        offsets, self.sentence_starts = columns[len(ATTRIBUTES):].view("int64").tolist()  # signed, unlike string ids
        self.heads = [i + offset for i, offset in enumerate(offsets)]

    @cached_property
    def children(self) -> list[list[int]]:
        found: list[list[int]] = [[] for _ in self.heads]
        for i, head in enumerate(self.heads):
            if head != i:
                found[head].append(i)
        return found

    @cached_property
    def sentences(self) -> list[int]:
        """Each word's sentence, numbered."""
        number = 0
        found = []
        for i, start in enumerate(self.sentence_starts):
            number += i > 0 and start == 1
            found.append(number)
        return found

    @cached_property
    def roots(self) -> list[int]:
        """Each word's tree, by the word at its root (spaCy's DependencyMatcher matches within one tree)."""
        found: list[int | None] = [None] * len(self.heads)
        for i in range(len(self.heads)):
            path = []
            k = i
            while found[k] is None and self.heads[k] != k:
                path.append(k)
                k = self.heads[k]
            root = found[k] if found[k] is not None else k
            for j in (*path, k):
                found[j] = root
        return found

    def related(self, i: int, relation: str) -> Iterator[int]:
        """The words `relation` reaches from word i, as spaCy's DependencyMatcher defines its operators."""
        if relation == "<":
            if self.heads[i] != i:
                yield self.heads[i]
        elif relation == ">":
            yield from self.children[i]
        elif relation == ".":
            j = i + 1
            if j < len(self.heads) and self.sentences[j] == self.sentences[i] and self.roots[j] == self.roots[i]:
                yield j

    def fits(self, i: int, tests: tuple[_Test, ...]) -> bool:
        for attribute, values, wanted in tests:
            if (self.attributes[attribute][i] in values) != wanted:
                return False
        return True

    def last(self, pattern: _Pattern, node: int, i: int) -> int | None:
        """The last word of the matches of `pattern` from `node` down when that node is word i; None when none.
        Nodes hung on different parents are matched independently, as in spaCy's product of candidates."""
        last = i
        for child in pattern.nodes[node].children:
            below = pattern.nodes[child]
            ends = [end for j in self.related(i, below.relation) if self.fits(j, below.tests)
                    if (end := self.last(pattern, child, j)) is not None]
            if not ends:
                return None
            last = max(last, *ends)
        return last


def _cues(doc: Doc, name: str) -> Cues:
    shapes = _shapes(name)
    parse = _Parse.of(doc)
    found: dict[int, dict[str, int]] = defaultdict(dict)
    for i, patterns in _candidates(parse, shapes):
        for pattern in patterns:
            if parse.fits(i, pattern.nodes[0].tests) and (last := parse.last(pattern, 0, i)) is not None:
                fits = found[i]
                fits[pattern.shape] = max(fits.get(pattern.shape, i), last)
    return {i: tuple(Cue(shape, last) for shape, last in sorted(fits.items(), key=lambda item: shapes.order[item[0]]))
            for i, fits in sorted(found.items())}


def _candidates(parse: _Parse, shapes: _Shapes) -> Iterator[tuple[int, list[_Pattern] | tuple[_Pattern, ...]]]:
    """(word, patterns whose cue node it may be): each word looked up once per attribute an index needs."""
    for attribute, index in enumerate(shapes.index):
        if index:
            for i, value in enumerate(parse.attributes[attribute]):
                if value in index:
                    yield i, index[value]
    if shapes.anywhere:
        for i in range(len(parse.heads)):
            yield i, shapes.anywhere


@cache
def _shapes(name: str) -> _Shapes:
    words: Patterned = getattr(lexicon(), name)
    index: tuple[dict[int, list[_Pattern]], ...] = tuple({} for _ in ATTRIBUTES)
    anywhere = []
    for shape, cue in words.shapes.items():
        for nodes in cue.patterns:
            pattern = _Pattern(shape, _nodes(nodes, words, f"{name}.yaml, shapes.{shape}"))
            key = max((test for test in pattern.nodes[0].tests if test.wanted), key=lambda test: test.attribute,
                      default=None)
            if key is None:
                anywhere.append(pattern)
                continue
            for value in key.values:
                index[key.attribute].setdefault(value, []).append(pattern)
    return _Shapes({shape: k for k, shape in enumerate(words.shapes)}, index, tuple(anywhere))


def _nodes(pattern: tuple[PatternNode, ...], words: Patterned, where: str) -> tuple[_Node, ...]:
    ids = {node.RIGHT_ID: k for k, node in enumerate(pattern)}
    children: dict[int, list[int]] = defaultdict(list)
    for k, node in enumerate(pattern[1:], start=1):
        children[ids[node.LEFT_ID]].append(k)
    return tuple(_Node(_tests(_lists(node.RIGHT_ATTRS, words), f"{where}, node {node.RIGHT_ID!r}"), node.REL_OP,
                       tuple(children[k]))
                 for k, node in enumerate(pattern))


def _tests(attrs: dict, where: str) -> tuple[_Test, ...]:
    """A node's RIGHT_ATTRS (lists given in full) as tests on string ids; a value alone is a list of one."""
    tests = []
    for key, value in attrs.items():
        if key not in ATTRIBUTES:
            raise ValueError(f"{where}: {key!r} is not an attribute cues can test ({', '.join(ATTRIBUTES)})")
        operators = value if isinstance(value, dict) else {"IN": [value]}
        for operator, values in operators.items():
            if operator not in ("IN", "NOT_IN"):
                raise ValueError(f"{where}: {key} takes a word, IN or NOT_IN, not {operator!r}")
            tests.append(_Test(ATTRIBUTES.index(key), frozenset(map(get_string_id, values)), operator == "IN"))
    return tuple(tests)


def _lists(attrs: dict, words: Patterned, cased: bool = False) -> dict:
    """`attrs` with each named list given in full; a LEMMA's words in every case a lemma comes in."""
    found = {}
    for key, value in attrs.items():
        if key == "LEMMA" and not isinstance(value, dict):
            value = {"IN": [value]}
        if isinstance(value, dict):
            value = _lists(value, words, cased=key == "LEMMA")
        elif key in ("IN", "NOT_IN"):
            value = list(words.listed(value)) if isinstance(value, str) else value
            value = [form for word in value for form in dict.fromkeys(_cases(word))] if cased else value
        found[key] = value
    return found


def _cases(word: str) -> tuple[str, ...]:
    """A lemma as spaCy may give it: "support", and at a sentence's start or in a headline in capitals
    "Support", "SUPPORT" (the data files list lemmas in lower case)."""
    return (word, word.capitalize(), word.upper())
