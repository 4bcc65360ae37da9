"""dossier.trace: the facts a view reads are recorded at the level the view calls them, and a fact is
found changed exactly when its value is, whatever process computes its digest."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dossier.model import Actor, Mention, Quote
from dossier.trace import Recorder, fact


class Owner:
    owner = "site"

    def __init__(self, recorder: Recorder, quotes: dict[str, Quote]) -> None:
        self.recorder = recorder
        self.quotes = quotes
        recorder.own(self.owner, self)

    @fact
    def quote(self, quote_id: str) -> Quote | None:
        return self.quotes.get(quote_id)

    @fact
    def speaker_of(self, quote_id: str) -> str | None:
        quote = self.quote(quote_id)
        return quote.speaker if quote else None

    @fact
    def quotes_by(self, speaker: str, *, limit: int = 10) -> list[Quote]:
        return [q for q in self.quotes.values() if q.speaker == speaker][:limit]


def quote(quote_id: str, text: str = "We will not accept this.", speaker: str = "anna-berg") -> Quote:
    return Quote(id=quote_id, text=text, speaker=speaker, speaker_name="Anna Berg")


def test_only_the_facts_a_view_calls_are_recorded_not_those_a_fact_calls():
    site = Owner(Recorder(), {"q1": quote("q1")})
    with site.recorder.recording() as reads:
        assert site.speaker_of("q1") == "anna-berg"
        site.quotes_by("anna-berg", limit=1)
    assert reads == {'["site", "speaker_of", ["q1"], {}]', '["site", "quotes_by", ["anna-berg"], {"limit": 1}]'}
    site.quote("q1")  # not recording: nothing noted
    assert len(reads) == 2


@pytest.mark.parametrize(("change", "changed"), [
    (lambda quotes: None, set()),
    (lambda quotes: quotes["q2"].occurrences.append(quotes["q1"].occurrences), {"quotes_by", "quote q2"}),
    (lambda quotes: quotes.update(q1=quote("q1", text="Other words.")), {"quotes_by", "quote q1"}),
    (lambda quotes: quotes.update(q1=quote("q1", speaker="someone-else")), {"quotes_by", "quote q1", "speaker_of"}),
    (lambda quotes: quotes.pop("q2"), {"quotes_by", "quote q2"}),
    (lambda quotes: quotes.update(q3=quote("q3")), {"quotes_by"}),
])
def test_a_fact_is_changed_exactly_when_its_value_is(change, changed):
    names = {'["site", "quotes_by", ["anna-berg"], {}]': "quotes_by", '["site", "quote", ["q1"], {}]': "quote q1",
             '["site", "quote", ["q2"], {}]': "quote q2", '["site", "speaker_of", ["q1"], {}]': "speaker_of"}
    before = Owner(Recorder(), {"q1": quote("q1"), "q2": quote("q2")})
    with before.recorder.recording() as reads:
        before.quotes_by("anna-berg"), before.quote("q1"), before.quote("q2"), before.speaker_of("q1")
    known = {key: before.recorder.digest(key) for key in reads}
    quotes = {"q1": quote("q1"), "q2": quote("q2")}  # equal values in new objects, as the next build has them
    change(quotes)
    after = Owner(Recorder(), quotes)
    assert {names[key] for key in after.recorder.changed(known)} == changed


def test_a_fact_the_code_no_longer_has_is_changed():
    known = {'["site", "gone", ["q1"], {}]': "0" * 24, '["nobody", "quote", ["q1"], {}]': "0" * 24}
    assert Owner(Recorder(), {}).recorder.changed(known) == set(known)


DIGEST = """
from dossier.model import Actor, Mention
from dossier.trace import Recorder
actor = Actor(id="anna-berg", name="Anna Berg", kind="person", aliases=["Berg"],
              mentions=[Mention("a", 1), Mention("b", 2)])
recorder = Recorder()
print(recorder.digest_of([actor, {"k": (1, None, "é")}, Mention("a", 1)]))
"""


def test_a_digest_is_the_same_in_every_process():
    digests = {subprocess.run([sys.executable, "-c", DIGEST], capture_output=True, text=True, check=True,
                              env={"PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    actor = Actor(id="anna-berg", name="Anna Berg", kind="person", aliases=["Berg"],
                  mentions=[Mention("a", 1), Mention("b", 2)])
    assert digests == {Recorder().digest_of([actor, {"k": (1, None, "é")}, Mention("a", 1)]) + "\n"}


def test_one_recorder_digests_a_value_the_same_whatever_it_digested_before():
    actor = Actor(id="anna-berg", name="Anna Berg", kind="person", mentions=[Mention("a", 1)])
    values = [actor, [actor, Mention("a", 1)], {"k": (1, None, "é")}, [Mention("a", 1), Mention("a", 1)], "x" * 10_000,
              quote("q1"), None]
    alone = [Recorder().digest_of(value) for value in values]  # each by a recorder of its own
    shared = Recorder()
    assert [shared.digest_of(value) for value in values] == alone
    assert [shared.digest_of(value) for value in reversed(values)] == alone[::-1]
    assert len(set(alone)) == len(alone)


class Scalars:
    owner = "site"

    def __init__(self) -> None:
        self.recorder = Recorder()

    @fact
    def echo(self, *args, **kwargs) -> str:
        return repr((args, kwargs))


@pytest.mark.parametrize("calls", [
    [((1,), {}), ((True,), {}), ((1.0,), {}), ((-0.0,), {}), ((0.0,), {})],  # equal in Python, not as JSON
    [(("q1",), {}), (("q1", None), {}), ((), {"actor": "q1"}), ((), {"topic": "q1"}), ((), {"actor": "q1", "topic": None})],
    [((["q1"],), {}), ((("q1",),), {}), (({"k": 1},), {}), ((["q1"],), {})],  # not text: no kept key
    [(("é\u2028",), {}), (("e",), {"limit": 2}), ((), {"limit": 2, "actor": "e"}), ((), {"actor": "e", "limit": 2})],
])
def test_a_fact_read_again_is_recorded_under_the_key_its_arguments_give_as_json(calls):
    site = Scalars()
    with site.recorder.recording() as reads:
        for _ in range(2):  # the second time from the kept keys
            for args, kwargs in calls:
                site.echo(*args, **kwargs)
    assert reads == {json.dumps(["site", "echo", list(args), kwargs], ensure_ascii=False, sort_keys=True)
                     for args, kwargs in calls}
