"""Quote clustering that keeps its pairs between builds (dossier.link.quotes.Alike in a dossier.memo):
articles added or removed one at a time give the clusters of clustering them all from scratch, and a
build compares only the pairs it has not seen."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from dossier import memo
from dossier.link import quotes as linking
from dossier.memo import Memo
from tests.test_quotes_link import BASE, BORDER, BUDGET, SHORT, extraction, no_actor

FINGERPRINT = memo.fingerprint("dossier.link.quotes", ["rapidfuzz"])


def kept(folder: Path) -> Memo[linking.Alike]:
    return Memo(folder, "quote-pairs", FINGERPRINT, linking.Alike)


def clustered(extractions, folder: Path):
    """Clustered with the pairs the last call kept in `folder` (read from and written to disk, as builds do)."""
    pairs = kept(folder)
    quotes = linking.cluster_quotes(extractions, no_actor, pairs)
    pairs.save()
    return quotes


def shape(quotes):
    return [(q.id, q.text, q.speaker, [(o.source, o.index) for o in q.occurrences]) for q in quotes]


# Stretches of two sentences, some with a slip: wordings alike by one shared word pair, or by several,
# that cross a small COMMON_PAIR as articles come and go.
SENTENCES = ["we will not talk to them about the border now", "we wil talk to them about 500 talks now"]
stretch = st.tuples(st.sampled_from(SENTENCES), st.integers(0, 8), st.integers(1, 4)).map(
    lambda s: " ".join(s[0].split()[s[1]:s[1] + s[2]]) or s[0])
article = st.lists(st.tuples(stretch, st.sampled_from([None, "Anna Berg", "Tom Hale"])), min_size=1, max_size=3)
# each step adds an article (its printings) or removes the one at an index
step = st.one_of(article, st.integers(min_value=0, max_value=20))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(step, min_size=3, max_size=12), cap=st.sampled_from([2, 3, 4, linking.COMMON_PAIR]))
def test_articles_added_and_removed_one_at_a_time_cluster_as_all_at_once(steps, cap):
    with pytest.MonkeyPatch.context() as monkeypatch, tempfile.TemporaryDirectory() as folder:
        monkeypatch.setattr(linking, "COMMON_PAIR", cap)
        present = []
        for k, change in enumerate(steps):
            if isinstance(change, int):
                if present:
                    present.pop(change % len(present))
            else:
                present.append(extraction(f"s{k:02}", *change))
            assert shape(clustered(present, Path(folder))) == shape(linking.cluster_quotes(present, no_actor))


# COMMON_PAIR: a key (word pair or slip key) in more wordings than the cap pairs none of them. These three
# share only the word pair "talk to"; with a cap of two, the third wording makes it too common, and the
# first two, alike by it alone, stop being one quote; when it goes, they are one again.
TALK, CUT, OTHER = "Then we talk to", "talk to", "talk to nobody at all"


@pytest.mark.parametrize("present, quotes", [
    ([TALK, CUT], [{TALK, CUT}]),
    ([TALK, CUT, OTHER], [{TALK}, {CUT}, {OTHER}]),
    ([TALK, CUT], [{TALK, CUT}]),
])
def test_a_key_too_common_pairs_nothing_and_the_kept_pairs_follow_it(tmp_path, monkeypatch, present, quotes):
    monkeypatch.setattr(linking, "COMMON_PAIR", 2)
    for previous in ([TALK, CUT], [TALK, CUT, OTHER]):  # built before with the key common, and without
        kept(tmp_path).path.unlink(missing_ok=True)
        clustered([extraction(f"s{k}", (text, None)) for k, text in enumerate(previous)], tmp_path)
        found = clustered([extraction(f"s{k}", (text, None)) for k, text in enumerate(present)], tmp_path)
        assert sorted(({o.text for o in q.occurrences} for q in found), key=sorted) == sorted(quotes, key=sorted)


EARLIER = [
    extraction("a", (BASE, "X"), (BORDER, None)),
    extraction("b", ("We will demand that firm security guarantees become part of this agreement", "X")),
    extraction("c", (BUDGET, None), ("We will demand that ironclad security guarantees", None)),
]
ADDED = extraction("b2", (SHORT, None), (f"{BASE}.", "X"), ("ironclad security guarantees become part", None))


def test_one_added_article_compares_only_pairs_with_its_own_wordings(tmp_path, monkeypatch):
    compared = []
    real = linking.same_utterance
    monkeypatch.setattr(linking, "same_utterance", lambda a, b: compared.append((a, b)) or real(a, b))
    clustered(EARLIER, tmp_path)
    compared.clear()
    full = shape(linking.cluster_quotes([*EARLIER, ADDED], no_actor))
    every_pair = len(compared)
    compared.clear()
    assert shape(clustered([*EARLIER, ADDED], tmp_path)) == full
    assert sorted(len(occurrences) for *_, occurrences in full) == [1, 2, 5]
    assert 0 < len(compared) < every_pair
    new = {tuple(linking.words(text)) for text in (SHORT, f"{BASE}.", "ironclad security guarantees become part")}
    assert all(set(pair) & new for pair in compared)  # every pair compared has a new wording in it
    compared.clear()
    before = kept(tmp_path).path.stat().st_mtime_ns
    assert shape(clustered([*EARLIER, ADDED], tmp_path)) == full
    assert compared == []  # nothing new: nothing compared, and the memo not written again
    assert kept(tmp_path).path.stat().st_mtime_ns == before
