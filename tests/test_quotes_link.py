"""One Quote per utterance: the sameness rule tested both ways, and what cluster_quotes builds."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from dossier.ids import content_id
from dossier.link import quotes as linking
from dossier.link.quotes import cluster_quotes, same_utterance
from dossier.memo import Memo
from dossier.model import Article, Extraction, QuoteMention
from dossier.text import slugify, words
from dossier.wording import _may_be_slips_apart, _meaning, is_typo_fix, one_slip_apart

BASE = "We will demand that ironclad security guarantees become part of this agreement"


@pytest.mark.parametrize("a, b, same", [
    (BASE, "\u201cWe will demand that ironclad security guarantees become part of this agreement.\u201d", True),
    (BASE, "We will demand that firm security guarantees become part of this agreement", True),  # one word
    (BASE, "We shall demand that firm security guarantees become part of this agreement", True),  # two of 12
    (BASE, "They shall demand that firm security assurances become part of this agreement", False),  # four
    (BASE, "We will demand that ironclad security guarantees", True),  # cut short
    (BASE, "ironclad security guarantees become part", True),  # a middle stretch, four words
    (BASE, "We will not demand that ironclad security guarantees become part of this agreement", False),
    (BASE, "We won't demand that ironclad security guarantees become part of this agreement", False),
    ("a 30-day ceasefire must hold across the front line", "a 60-day ceasefire must hold across the front line", False),
    ("reviewed every two years to make sure promises become action",
     "reviewed every three years to make sure promises become action", False),
    # cut short and a word changed: allowed for a long stretch, not a short one
    (BASE, "We will demand that firm security guarantees become part of", True),
    (BASE, "We will demand that firm security guarantees", False),
    (BASE, "The weather in Moscow was cold and grey all week long", False),
])
def test_same_utterance_both_ways(a, b, same):
    assert (same_utterance(words(a), words(b)) > 0) == same
    assert (same_utterance(words(b), words(a)) > 0) == same


def extraction(source: str, *quotes: tuple[str, str | None]) -> Extraction:
    article = Article(id=source, file=f"{source}.txt", title=source, paragraphs=())
    mentions = tuple(
        QuoteMention(source=source, paragraph=k, text=text, speaker=speaker,
                     method="explicit" if speaker else "unattributed", cue="said" if speaker else None)
        for k, (text, speaker) in enumerate(quotes, start=1)
    )
    return Extraction(article=article, quotes=mentions)


def no_actor(source: str, name: str) -> None:
    return None


def test_one_quote_per_utterance_with_every_printing():
    extractions = [
        extraction("a", ("NATO and peacekeeping are entirely incompatible", "Alexander Grushko"),
                   ("We will demand that ironclad security guarantees become part of this agreement", "Alexander Grushko")),
        extraction("b", ("NATO and peacekeeping are entirely incompatible.", "Grushko")),
        extraction("c", ("We will demand that ironclad security guarantees", None)),
    ]
    resolve = {"Alexander Grushko": "alexander-grushko", "Grushko": "alexander-grushko"}.get
    quotes = cluster_quotes(extractions, lambda source, name: resolve(name))
    assert [(q.text, q.speaker, q.speaker_name) for q in quotes] == [
        ("NATO and peacekeeping are entirely incompatible.", "alexander-grushko", "Alexander Grushko"),
        (BASE, "alexander-grushko", "Alexander Grushko"),
    ]
    assert [[(o.source, o.index) for o in q.occurrences] for q in quotes] == [[("a", 1), ("b", 1)], [("a", 2), ("c", 1)]]
    assert [q.id for q in quotes] == [content_id(q.text) for q in quotes]
    assert quotes[1].occurrences[1].method == "unattributed"  # each printing keeps how its source attributed it


def test_same_words_from_different_speakers_stay_apart():
    extractions = [extraction("a", ("a turning point for the planet", "William Ruto")),
                   extraction("b", ("a turning point for the planet", None)),
                   extraction("c", ("a turning point for the planet", "Tom Okello"))]
    quotes = cluster_quotes(extractions, no_actor)
    assert sorted(q.speaker for q in quotes) == ["tom-okello", "william-ruto"]
    assert sum(len(q.occurrences) for q in quotes) == 3


def test_clusters_do_not_depend_on_input_order():
    extractions = [extraction("a", (BASE, "X"), ("The talks will resume in Geneva next week", "Y")),
                   extraction("b", ("We will demand that firm security guarantees become part of this agreement", "X")),
                   extraction("c", ("The talks will resume in Geneva next week, officials said", None))]
    forward = cluster_quotes(extractions, no_actor)
    backward = cluster_quotes(extractions[::-1], no_actor)
    assert forward == backward
    assert len(forward) == 2


def test_speaker_is_the_resolved_actor_else_the_name_slug_and_actors_are_the_names_resolved():
    actors = {"Grushko": "alexander-grushko", "NATO": "nato", "Ukraine": "ukraine"}
    quotes = cluster_quotes([extraction("a", ("NATO must keep out of Ukraine for good", "Grushko")),
                             extraction("b", ("The talks will resume in Geneva next week", "Jane Doe"))],
                            lambda source, name: actors.get(name))
    assert [(q.speaker, q.speaker_name, q.actors) for q in quotes] == [
        ("alexander-grushko", "Grushko", ["nato", "ukraine"]),
        ("jane-doe", "Jane Doe", []),
    ]


def test_an_utterance_printed_many_times_is_one_quote_compared_once(monkeypatch):
    """More printings than COMMON_PAIR (a long article repeating itself, a wire story in hundreds of
    outlets) are still one quote, and each distinct wording pair is scored once, however many printings."""
    from dossier.link import quotes as linking

    calls = []
    monkeypatch.setattr(linking, "same_utterance", lambda a, b: calls.append((a, b)) or same_utterance(a, b))
    cut = "We will demand that ironclad security guarantees"
    extractions = [extraction(f"s{k:03}", (BASE, "X"), (cut, None)) for k in range(linking.COMMON_PAIR + 50)]
    quotes = cluster_quotes(extractions, no_actor)
    assert [(q.text, len(q.occurrences)) for q in quotes] == [(BASE, 2 * (linking.COMMON_PAIR + 50))]
    assert len(calls) == 1


INCOMPATIBLE = "NATO and peacekeeping are entirely incompatible."

# Two printings by one speaker in two sources, and whether the linker makes them one quote. A slip
# (the ledger's rule, dossier.wording.is_typo_fix) joins them however short the quote, even when
# no word pair of one is in the other; a change to a negation, a number (meaning.yaml) or a name never does.
SLIPS = [
    (INCOMPATIBLE, "NATO andpeacekeeping are entirely incompatible.", True),  # 2 word edits in 6
    (INCOMPATIBLE, "NATO and peace keeping are entirely incompatible.", True),
    ("Peace keeping works.", "Peacekeeping works.", True),  # no word pair in common
    ("We wil win.", "We will win.", True),
    ("Absolutely not.", "Absolutley not.", True),  # two letters swapped
    ("Nonsense.", "Nonsense!", True),  # one word: no word pair at all
    ("We will not accept.", "We will now accept.", False),  # a negation
    ("We want 500 more.", "We want 600 more.", False),  # a number
    ("Hundreds of people came to the square today to protest.",
     "Thousands of people came to the square today to protest.", False),  # number words of meaning.yaml
    ("They attacked Iran.", "They attacked Iraq.", False),  # a name
    ("We will win.", "We will lose.", False),  # another word
]


@pytest.mark.parametrize("a, b, same", SLIPS)
def test_printings_one_slip_apart_are_one_quote(a, b, same):
    for first, second in [(a, b), (b, a)]:
        quotes = cluster_quotes([extraction("a", (first, "Alexander Grushko")),
                                 extraction("b", (second, "Alexander Grushko"))], no_actor)
        assert len(quotes) == (1 if same else 2)
        assert sorted(o.text for q in quotes for o in q.occurrences) == sorted([a, b])


def test_a_slip_never_joins_two_speakers():
    quotes = cluster_quotes([extraction("a", (INCOMPATIBLE, "Alexander Grushko")),
                             extraction("b", ("NATO andpeacekeeping are entirely incompatible.", "Helen Okafor"))],
                            no_actor)
    assert sorted(q.speaker for q in quotes) == ["alexander-grushko", "helen-okafor"]


BORDER = "We will talk to them about the border crossings"
BUDGET = "We will talk to them about the budget and the taxes for farmers next year"
SHORT = "We will talk to them"

# Printings (text, speaker), each in its own source, and the quotes they must make (each a set of
# texts). A printing cut short fits inside every longer quote that starts the same way; it joins
# the one it fits best (the nearest in length) and never makes two unlike quotes one.
CHAINS = [
    ([(BORDER, None), (BUDGET, None)], [{BORDER}, {BUDGET}]),
    ([(BORDER, None), (SHORT, None), (BUDGET, None)], [{BORDER, SHORT}, {BUDGET}]),
    ([(BUDGET, None), (SHORT, None), (BORDER, None)], [{BORDER, SHORT}, {BUDGET}]),  # order of sources aside
    ([(SHORT, None), (f"{SHORT}.", None), (BORDER, None), (BUDGET, None)],  # two printings of the cut: one wording
     [{BORDER, SHORT, f"{SHORT}."}, {BUDGET}]),
    ([(BORDER, "X"), (SHORT, "Y"), (BUDGET, "Y")], [{BORDER}, {BUDGET, SHORT}]),  # the nearest fit has another speaker
    ([(BASE, None), ("We will demand that ironclad security guarantees", None),  # cuts of one quote, and a cut
      ("ironclad security guarantees become part", None), ("We will demand that", None)],  # of a cut: all one
     [{BASE, "We will demand that ironclad security guarantees", "ironclad security guarantees become part",
       "We will demand that"}]),
    ([(BASE, None), ("We will demand that firm security guarantees become part of this agreement", None),
      ("We will demand that ironclad security guarantees", None)],  # whole wordings unite, the cut joins them
     [{BASE, "We will demand that firm security guarantees become part of this agreement",
       "We will demand that ironclad security guarantees"}]),
]


@pytest.mark.parametrize("printings, expected", CHAINS)
def test_a_printing_cut_short_joins_one_quote_and_never_bridges_two(printings, expected):
    quotes = cluster_quotes([extraction(f"s{k}", printing) for k, printing in enumerate(printings)], no_actor)
    assert sorted(({o.text for o in q.occurrences} for q in quotes), key=sorted) == sorted(expected, key=sorted)


# --------------------------------------------------------------------------
# the shortcuts of the comparison: the same answers as comparing without them

VOCABULARY = ["we", "will", "not", "talk", "to", "them", "now", "30", "border", "talks"]
wording = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=14)


@settings(max_examples=400, deadline=None)
@given(long_=wording, cut=st.tuples(st.integers(0, 13), st.integers(1, 14)), edits=st.lists(
    st.tuples(st.integers(0, 13), st.sampled_from([*VOCABULARY, "others"])), max_size=2))
def test_same_utterance_with_its_shortcuts_answers_as_comparing_every_stretch(long_, cut, edits):
    """A stretch is compared only when `long_` holds enough of the short wording's words (linking._shared), and
    containment tested only when it holds all of them: a short wording cut from the long one with an edit or
    two lands on both sides of every threshold."""
    start, length = cut
    short = long_[start:start + length] or long_[:1]
    for position, replacement in edits:
        short = [replacement if k == position % len(short) else word for k, word in enumerate(short)]
    answers = [same_utterance(short, long_), same_utterance(long_, short)]
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(linking, "_shared", lambda short, long_: len(short))  # every stretch compared
        monkeypatch.setattr(linking, "_at_best", lambda length, shared: 1.0)
        assert [same_utterance(short, long_), same_utterance(long_, short)] == answers


def test_the_stretch_shortcut_keeps_a_stretch_exactly_at_the_threshold():
    long_ = words("they said we will not talk to them about the border now at all")
    short = words("we will not talk to them about a border now")  # ten words, one changed: 0.9, SAME_CUT_WORDING
    assert linking._shared(short, long_) == 9
    assert same_utterance(short, long_) > 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles=st.lists(st.lists(st.tuples(st.sampled_from(
    ["we will not talk to them about the border now", "we wil talk to them about 500 talks now",
     "talk to them about the border", "we will talk"]),
    st.sampled_from([None, "Anna Berg", "Tom Hale"])), min_size=1, max_size=3), min_size=1, max_size=6),
    cap=st.sampled_from([2, 3, linking.COMMON_PAIR]))
def test_the_pairs_compared_from_scratch_are_every_pair_sharing_a_key_not_too_common(articles, cap):
    """Candidates are gathered per wording from the postings of its keys, once a pair, and not at all for two
    speakers never joined: the scores are those of comparing every pair of wordings that shares such a key."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(linking, "COMMON_PAIR", cap)
        printings = [linking._Printing(m, k, tuple(words(m.text)), m.speaker and slugify(m.speaker))
                     for n, quotes in enumerate(articles) for k, m in enumerate(extraction(f"s{n}", *quotes).quotes, 1)]
        first = list({(p.words, p.speaker): p for p in reversed(printings)}.values())[::-1]
        keys = [linking._keys(p.words) for p in first]
        holders = Counter(key for found in keys for key in found)
        expected = {(i, j): score for i, j in itertools.combinations(range(len(first)), 2)
                    if any(holders[key] <= cap for key in keys[i] & keys[j])
                    and (score := linking._likeness(first[i], first[j])) > 0}
        assert linking._alike_pairs(first, Memo(kind=linking.Alike)) == expected


# `one_slip_apart` makes `is_typo_fix`'s first test (`_may_be_slips_apart`) once for both ways round: that test is
# the same both ways, and holds wherever either way is a typo fix, so the answer is that of asking both ways.
ONE_WAY_ONLY = ("The peace keeping force will stay in the region for a year.",  # 12 words: two slips allowed
                "The peacekeeping force will stay in the regoin for a year.")  # 11: one slip allowed
PRINTINGS = [printing for pair in SLIPS for printing in pair[:2]] + list(ONE_WAY_ONLY) + [
    "We will win.", "We will will win.", "NATO and peacekeeping are incompatible.", "Peace keeping works today.",
    "We wil not win.", "Absolutely not, he said.", "Nonsense, absolutely not."]


def test_one_way_only_is_a_typo_fix_one_way():
    assert is_typo_fix(*reversed(ONE_WAY_ONLY)) and not is_typo_fix(*ONE_WAY_ONLY)


@pytest.mark.parametrize("a, b", list(itertools.product(PRINTINGS, repeat=2)))
def test_one_slip_apart_is_a_typo_fix_either_way(a, b):
    either = is_typo_fix(a, b) or is_typo_fix(b, a)
    assert one_slip_apart(a, b) is either
    one, other = _meaning(a), _meaning(b)
    assert _may_be_slips_apart(one, other) is _may_be_slips_apart(other, one)
    assert _may_be_slips_apart(one, other) or not either
