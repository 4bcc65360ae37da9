"""One Quote per utterance, however many outlets carried it.

Outlets reprint the same words with other quotation marks and punctuation, a word
changed or dropped, or cut short. Two printings are one utterance when their words
(dossier.text.words) are nearly the same, when one is the other with slips corrected
(the ledger's rule, dossier.wording), or when one is the other cut short; they are
never one when their speakers differ, or when the words that differ carry the
meaning: a negation ("will" / "will not") or a number ("30-day" / "60-day").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from rapidfuzz.distance import Levenshtein

from dossier.ids import content_id
from dossier.link.actors import Resolver
from dossier.memo import Memo, call_key
from dossier.model import Extraction, Occurrence, Quote, QuoteMention
from dossier.text import slugify, words
from dossier.wording import carries_meaning, one_slip_apart, slip_keys

SAME_WORDING = 0.8  # share of words kept (1 - word edits / longer length): "a word or two changed"
SAME_CUT_WORDING = 0.9  # the same for a shortened printing, against the stretch of the longer one it matches
MIN_FUZZY_CUT = 8  # a shortened printing must be this long before its words may differ at all
COMMON_PAIR = 200  # a word pair (or slip key) in more wordings than this says nothing about sameness
KEPT = "alike"  # the one entry of the memo that keeps clustering's pairs between builds (`Alike`)
NAME = re.compile(r"\b[A-Z][\w'\u2019.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'\u2019.-]*)*")


@dataclass(frozen=True)
class _Printing:
    """One QuoteMention with what linking needs: where it stands and whose words they are."""

    mention: QuoteMention
    index: int  # 1-based position among its source's quotations
    words: tuple[str, ...]
    speaker: str | None  # actor id


@dataclass(frozen=True)
class Alike:
    """What clustering keeps of one build for the next (dossier.memo): the wordings it saw, the keys too
    common to pair on (`COMMON_PAIR`), and every candidate pair of wordings alike at all, with its score.
    A wording is named by its first printing's text and its speaker, which decide its pairs' scores."""

    wordings: tuple[str, ...] = ()
    common: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str, float], ...] = ()


def cluster_quotes(extractions: Sequence[Extraction], resolve: Resolver,
                   kept: Memo[Alike] | None = None) -> list[Quote]:
    """Group QuoteMentions carrying the same utterance into Quotes, speakers resolved to actor ids.
    `kept` holds the alike pairs of the last build (`Alike`): one new article costs the pairs of its own
    wordings, and the clusters are those of a build that compared every candidate pair."""
    printings = [
        _Printing(m, k, tuple(words(m.text)), _speaker_id(m, resolve))
        for e in extractions
        for k, m in enumerate(e.quotes, start=1)
    ]
    printings.sort(key=lambda p: (p.mention.source, p.index))
    clusters = _cluster(printings, kept or Memo(kind=Alike))
    quotes = [_quote([printings[i] for i in members], resolve) for members in clusters]
    return sorted(quotes, key=lambda q: (q.occurrences[0].source, q.occurrences[0].index))


def same_utterance(a: Sequence[str], b: Sequence[str]) -> float:
    """How surely two wordings are one utterance: 0 when they are not, else the share of words kept."""
    if not a or not b:
        return 0.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    whole = Levenshtein.normalized_similarity(a, b)
    if whole >= SAME_WORDING and not _meaning_differs(a, b):
        return whole
    shared = _shared(short, long_)
    if shared == len(short) and _contains(long_, short):
        return len(short) / len(long_) * SAME_WORDING  # below any whole match: prefer like with like
    if len(short) >= MIN_FUZZY_CUT and _at_best(len(short), shared) >= SAME_CUT_WORDING:
        for start in range(len(long_) - len(short) + 1):
            window = long_[start:start + len(short)]
            if Levenshtein.normalized_similarity(short, window) >= SAME_CUT_WORDING and not _meaning_differs(short, window):
                return len(short) / len(long_) * SAME_WORDING
    return 0.0


def _shared(short: Sequence[str], long_: Sequence[str]) -> int:
    """How many of `short`'s words `long_` holds, each as often as both have it: no stretch of `long_` holds more,
    so a stretch as long as `short` is at least len(short) - shared word edits from it."""
    counts = _counts(tuple(long_))
    return sum(min(n, counts[word]) for word, n in _counts(tuple(short)).items() if word in counts)


@lru_cache(maxsize=8192)
def _counts(words: tuple[str, ...]) -> Counter:
    """How often each word stands in a wording. Cached: the linker compares each wording with every candidate."""
    return Counter(words)


def _at_best(length: int, shared: int) -> float:
    """The highest normalized similarity a stretch of `length` words sharing at most `shared` of them can have with
    `length` words (rapidfuzz's 1 - edits / length), raised by a hair so that rounding never hides a candidate."""
    return 1 - (length - shared) / length + 1e-9


def _contains(long_: Sequence[str], short: Sequence[str]) -> bool:
    n = len(short)
    return any(tuple(long_[i:i + n]) == tuple(short) for i in range(len(long_) - n + 1))


def _meaning_differs(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether the words that differ between two wordings include a negation or a number."""
    for op in Levenshtein.opcodes(list(a), list(b)):
        if op.tag == "equal":
            continue
        for word in (*a[op.src_start:op.src_end], *b[op.dest_start:op.dest_end]):
            if carries_meaning(word):
                return True
    return False


def _cluster(printings: list[_Printing], kept: Memo[Alike]) -> list[list[int]]:
    """Union the most alike pairs first, never joining two groups with different speakers.

    Printings of the same words given to the same speaker are one utterance; they are compared
    as one wording, so an utterance printed n times costs one comparison, not n * n.

    Likeness is not transitive through a printing cut short: "we will talk" fits inside two
    unlike longer quotes, and uniting both pairs would make them one. So whole wordings (alike
    from end to end, scored SAME_WORDING or more, which sorts them first) are united freely, then
    each group of them cut short joins the one group it fits best, and never bridges a second."""
    wordings: dict[tuple[tuple[str, ...], str | None], list[int]] = defaultdict(list)  # in order of first printing
    for i, p in enumerate(printings):
        wordings[(p.words, p.speaker)].append(i)
    keys = list(wordings)
    first = [printings[wordings[key][0]] for key in keys]  # each wording as first printed
    pairs = [(-score, i, j) for (i, j), score in _alike_pairs(first, kept).items()]
    parent = list(range(len(keys)))
    speakers: dict[int, set[str]] = {i: {speaker} if speaker else set() for i, (_, speaker) in enumerate(keys)}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    whole: list[int] | None = None  # each wording's group of whole wordings, once all whole pairs are united
    placed: set[int] = set()  # the groups of whole wordings that, cut short, have joined a longer one
    for score, i, j in sorted(pairs):
        if whole is None and -score < SAME_WORDING:
            whole = [root(k) for k in range(len(keys))]
        cut = None if whole is None else whole[min(i, j, key=lambda k: len(first[k].words))]
        if cut in placed:
            continue
        a, b = root(i), root(j)
        if a != b and len(speakers[a] | speakers[b]) > 1:
            continue
        if cut is not None:
            placed.add(cut)
        if a != b:
            low, high = min(a, b), max(a, b)
            parent[high] = low
            speakers[low] |= speakers.pop(high)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        groups[root(i)].extend(wordings[key])
    return [sorted(groups[k]) for k in sorted(groups)]


def _alike_pairs(first: list[_Printing], kept: Memo[Alike]) -> dict[tuple[int, int], float]:
    """{(i, j): score} of every candidate pair of wordings (i < j) alike at all (score > 0).

    Candidates are the pairs that share a word pair or a slip key held by at most COMMON_PAIR wordings:
    any two wordings of one utterance do. The pairs the last build found (`kept`) stand while both
    wordings are still here; only three kinds of pair are compared afresh: those with a new wording,
    those sharing a key that was too common and is no longer (a wording left), and, of the pairs kept,
    those sharing a key that has just become too common, which stay only if another key still pairs
    them. So the pairs, and the clusters, are those of comparing every candidate from scratch."""
    names = [call_key(p.mention.text, *([] if p.speaker is None else [p.speaker])) for p in first]
    keys_of = [_keys(p.words) for p in first]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, keys in enumerate(keys_of):
        for key in keys:
            postings[key].append(i)
    common = {key for key, members in postings.items() if len(members) > COMMON_PAIR}
    last = kept.peek(KEPT) or Alike()
    index = {name: i for i, name in enumerate(names)}
    scores = {tuple(sorted((index[a], index[b]))): score for a, b, score in last.pairs if a in index and b in index}
    crowded = set().union(*(postings[key] for key in common.difference(last.common)))
    for i, j in [(i, j) for i, j in scores if i in crowded and j in crowded]:
        if not keys_of[i] & keys_of[j] - common:
            del scores[i, j]
    todo = {pair for key in set(last.common) - common for pair in combinations(postings.get(key, ()), 2)}
    seen = set(last.wordings)
    new = [name not in seen for name in names]
    for i in (i for i, is_new in enumerate(new) if is_new):
        # every wording sharing a key with it, once however many keys it shares; a pair of two new wordings
        # from the first of them only
        near = set().union(*(postings[key] for key in keys_of[i] - common))
        speaker = first[i].speaker
        todo.update((i, j) if i < j else (j, i) for j in near
                    if (j > i or (j < i and not new[j])) and not _apart(speaker, first[j].speaker))
    for i, j in todo - scores.keys():
        score = _likeness(first[i], first[j])
        if score > 0:
            scores[i, j] = score
    kept.put(KEPT, Alike(tuple(names), tuple(sorted(common)),
                         tuple((names[i], names[j], score) for (i, j), score in sorted(scores.items()))))
    return scores


def _keys(found: tuple[str, ...]) -> set[str]:
    """A wording's word pairs (two words and a space) and slip keys (letters, no space): never the same."""
    return {*(f"{a} {b}" for a, b in zip(found, found[1:])), *slip_keys(found)}


def _likeness(a: _Printing, b: _Printing) -> float:
    """same_utterance, except that printings one slip apart are always one utterance (never less
    alike than a word changed): the ledger keeps one id for them, so they must be one quote."""
    if _apart(a.speaker, b.speaker):
        return 0.0  # never joined: not worth comparing
    score = same_utterance(a.words, b.words)
    if score < SAME_WORDING and one_slip_apart(a.mention.text, b.mention.text):
        return SAME_WORDING
    return score


def _apart(a: str | None, b: str | None) -> bool:
    """Whether printings of these speakers are never one utterance: both attributed, to different actors."""
    return bool(a and b and a != b)


def _speaker_id(mention: QuoteMention, resolve: Resolver) -> str | None:
    """The speaker's actor id; until actors knows the name, its slug, so the quote stays attributed."""
    if mention.speaker is None:
        return None
    return resolve(mention.source, mention.speaker) or slugify(mention.speaker)


def _quote(printings: list[_Printing], resolve: Resolver) -> Quote:
    canonical = min(printings, key=lambda p: (-len(p.words), -len(p.mention.text), p.mention.source, p.index))
    counts = Counter(p.speaker for p in printings if p.speaker)
    speaker = max(counts, key=lambda s: (counts[s], -next(k for k, p in enumerate(printings) if p.speaker == s)),
                  default=None)
    names = sorted({p.mention.speaker for p in printings if p.speaker == speaker and p.mention.speaker},
                   key=lambda n: (-len(n), n))
    # one outlet naming the speaker outright makes the attribution sure, however the others found them
    sureness = [p.mention.confidence for p in printings if p.speaker == speaker and p.mention.confidence]
    return Quote(
        id=content_id(canonical.mention.text),
        text=canonical.mention.text,
        speaker=speaker,
        speaker_name=names[0] if names else None,
        occurrences=[
            Occurrence(source=p.mention.source, paragraph=p.mention.paragraph, text=p.mention.text,
                       sentence=p.mention.sentence, method=p.mention.method, cue=p.mention.cue, index=p.index,
                       confidence=p.mention.confidence)
            for p in printings
        ],
        speaker_confidence=max(sureness, key=lambda c: c.rank, default=None) if speaker else None,
        actors=_mentioned_actors(printings, resolve, speaker),
    )


def _mentioned_actors(printings: list[_Printing], resolve: Resolver, speaker: str | None) -> list[str]:
    """Actors named in the quoted words, as each source's own usage resolves them."""
    found = set()
    for p in printings:
        for match in NAME.finditer(p.mention.text):
            actor = resolve(p.mention.source, match.group(0))
            if actor is not None and actor != speaker:
                found.add(actor)
    return sorted(found)
