"""bench/parse_share.py --stages: each stage is charged its own CPU, never what the staged functions it
calls take, and every stage names a function the build still calls by that name."""

from __future__ import annotations

import itertools

import pytest

from bench import parse_share


def test_every_stage_names_a_function_the_build_has():
    for place in (place for places in parse_share.STAGES.values() for place in places):
        owner, name = parse_share.resolve(place)
        assert callable(getattr(owner, name)), place


@pytest.mark.parametrize("calls, charged", [
    # (what the staged "outer" does between its clock readings, the CPU each stage is charged)
    ([], {"outer": 1}),
    (["inner"], {"outer": 2, "inner": 1}),  # inner's reading pair is its own, outer keeps the two around it
    (["inner", "inner"], {"outer": 3, "inner": 2}),
    (["middle"], {"outer": 2, "middle": 2, "inner": 1}),  # nested twice: each level its own share
])
def test_a_stage_is_charged_its_own_cpu_only(calls, charged):
    ticks = itertools.count()  # a clock that advances one second at every reading
    clock = parse_share.StageClock(clock=lambda: float(next(ticks)))
    inner = clock.wrap("inner", lambda: None)
    middle = clock.wrap("middle", lambda: inner())
    staged = {"inner": inner, "middle": middle}
    outer = clock.wrap("outer", lambda: [staged[name]() for name in calls])
    outer()
    assert dict(clock.seconds) == charged
