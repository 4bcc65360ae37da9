"""Scores kept between builds (dossier/memo.py): what was computed comes back without computing it,
and a memo made by other code or damaged is ignored whole (quote clustering's kept pairs:
tests/test_quotes_kept.py)."""

from __future__ import annotations

import shutil
from dataclasses import asdict

import pytest

from dossier import ids, ingest, memo, yamlio
from dossier.memo import Memo, call_key
from dossier.model import Article, Problem, StanceSetting
from tests.conftest import ROOT

FINGERPRINT = memo.fingerprint("dossier.link.quotes", ["rapidfuzz"])
YAML = memo.fingerprint("dossier.yamlio", ["PyYAML"])


def counted(values: dict[str, float]):
    """compute(key) for Memo.get, and the keys it was called for."""
    calls: list[str] = []
    return (lambda k: lambda: calls.append(k) or values[k]), calls


def test_a_saved_value_comes_back_without_computing_it(tmp_path):
    compute, calls = counted({"a": 0.5, "b": 0.0})
    first = Memo(tmp_path, "scores", FINGERPRINT)
    assert [first.get(k, compute(k)) for k in ("a", "b", "a")] == [0.5, 0.0, 0.5]
    assert calls == ["a", "b"]
    first.save()
    again = Memo(tmp_path, "scores", FINGERPRINT)
    assert [again.get(k, compute(k)) for k in ("a", "b")] == [0.5, 0.0]
    assert calls == ["a", "b"]


@pytest.mark.parametrize("damage", [
    lambda path: path.write_text("{not json", encoding="utf-8"),
    lambda path: path.write_text('{"fingerprint": "other code", "values": {"a": 0.25}}', encoding="utf-8"),
    lambda path: path.write_text('{"fingerprint": "%s", "values": {"a": "0.25"}}' % FINGERPRINT, encoding="utf-8"),
    lambda path: path.write_bytes(b"\xff\xfe"),
])
def test_a_damaged_or_foreign_memo_is_ignored_whole(tmp_path, damage):
    damage(tmp_path / "scores.json")
    compute, calls = counted({"a": 0.5})
    table = Memo(tmp_path, "scores", FINGERPRINT)
    assert table.get("a", compute("a")) == 0.5 and calls == ["a"]
    table.save()
    assert Memo(tmp_path, "scores", FINGERPRINT).known == {"a": 0.5}


def test_only_the_entries_a_build_used_are_kept_and_an_unchanged_memo_is_not_rewritten(tmp_path):
    compute, _ = counted({"a": 0.5, "b": 0.25, "c": 1.0})
    first = Memo(tmp_path, "scores", FINGERPRINT)
    for k in ("a", "b"):
        first.get(k, compute(k))
    first.save()
    second = Memo(tmp_path, "scores", FINGERPRINT)
    for k in ("b", "c"):
        second.get(k, compute(k))
    second.save()
    assert Memo(tmp_path, "scores", FINGERPRINT).known == {"b": 0.25, "c": 1.0}
    before = (tmp_path / "scores.json").stat().st_mtime_ns
    third = Memo(tmp_path, "scores", FINGERPRINT)
    for k in ("b", "c"):
        third.get(k, compute(k))
    third.save()
    assert (tmp_path / "scores.json").stat().st_mtime_ns == before


def test_entries_kept_in_one_pass_are_used_as_get_would_use_them_one_by_one(tmp_path):
    compute, calls = counted({"a": 0.5, "b": 0.25, "c": 1.0})
    first = Memo(tmp_path, "scores", FINGERPRINT)
    for k in ("a", "b", "c"):
        first.get(k, compute(k))
    first.save()
    by_keep, by_get = Memo(tmp_path, "scores", FINGERPRINT), Memo(tmp_path, "scores", FINGERPRINT)
    by_keep.put("c", 2.0)  # a value this build updated stays this build's
    by_get.put("c", 2.0)
    by_keep.keep(["a", "c", "a"])
    for k in ("a", "c"):
        by_get.get(k, compute(k))
    assert by_keep.used == by_get.used == {"a": 0.5, "c": 2.0}
    assert calls == ["a", "b", "c"]  # nothing computed again
    by_keep.save()
    assert Memo(tmp_path, "scores", FINGERPRINT).known == {"a": 0.5, "c": 2.0}


def test_no_folder_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    table = Memo()
    table.get("a", lambda: 0.5)
    table.save()
    assert list(tmp_path.iterdir()) == []


def test_the_fingerprint_changes_with_the_code_it_names():
    assert memo.fingerprint("dossier.link.quotes") != memo.fingerprint("dossier.link.positions")
    assert memo.fingerprint("dossier.link.quotes") != FINGERPRINT  # rapidfuzz's version is part of it


def test_call_keys_tell_arguments_apart():
    assert len({call_key("ab", "c"), call_key("a", "bc"), call_key("c", "ab"), call_key("abc")}) == 4
    assert len({call_key(b"ab", b"c"), call_key(b"a", b"bc"), call_key(b"abc")}) == 3  # bytes too: a pickle, a page


def test_text_is_keyed_as_its_utf8_bytes():
    """One digest for both kinds: a page's text read back from docs/ (bytes) and the text just rendered."""
    assert call_key("\u00e9t\u00e9 \U0001f600") == call_key("\u00e9t\u00e9 \U0001f600".encode("utf-8"))
    assert call_key("a\ud800b") == call_key("a\ud800b".encode("utf-8", "surrogatepass"))


# --------------------------------------------------------------------------
# YAML text kept between builds: the ledger and page frontmatter


LONG = "We will talk, " * 30 + "and then: \"we'll see\" \u2014 \u00e9t\u00e9 \U0001f600 # not a comment"
HOSTILE_LEDGER = ids.Ledger(
    quotes={"k3xq7": ids.Entry(text=LONG, speaker="Anna Berg", sources=("a", "b")),
            "zz9": ids.Entry(text="line\nbreak\u2028and\x85more\ttab", removed=True),
            "a0": ids.Entry(text="yes", speaker="null", redirect="k3xq7")},
    positions={"anna-berg--talks": ids.Entry(title="Anna Berg on talks", stances=(
        StanceSetting("support", "a", "2025-01-02"), StanceSetting("oppose", None, None)))},
)


def whole_dump(ledger: ids.Ledger) -> str:
    """The ledger dumped as one YAML document: what dump_ledger's entry by entry text must equal."""
    defaults = asdict(ids.Entry())
    data: dict = {name: {key: {k: (list(v) if isinstance(v, tuple) else v) for k, v in sorted(asdict(entry).items())
                               if v != defaults[k]}
                         for key, entry in sorted(ledger.section(name).items())}
                  for name in sorted(ids.SECTIONS)}
    data["version"] = ids.LEDGER_VERSION
    data["count"] = {name: len(ledger.section(name)) for name in sorted(ids.SECTIONS)}
    return ids.HEADER + yamlio.dump(data, width=ids.LEDGER_WIDTH)


@pytest.mark.parametrize("ledger", [ids.Ledger(), HOSTILE_LEDGER, ids.load_ledger(ROOT / "permalinks.yaml")],
                         ids=["empty", "hostile", "committed"])
def test_the_ledger_dumped_entry_by_entry_is_the_whole_documents_text_with_or_without_a_memo(tmp_path, ledger):
    expected = whole_dump(ledger)
    assert ids.dump_ledger(ledger) == expected
    texts = Memo(tmp_path, "yaml", YAML, str)
    assert ids.dump_ledger(ledger, texts) == expected
    texts.save()
    again = Memo(tmp_path, "yaml", YAML, str)
    assert ids.dump_ledger(ledger, again) == expected
    assert again.used == again.known  # every entry came from the memo


def test_a_value_in_the_memo_is_the_one_dumped_for_that_data_and_no_other(tmp_path):
    texts = Memo(tmp_path, "yaml", YAML, str)
    values = [{"a": "1"}, {"a": 1}, {"a": 1.0}, {"a": True}, {"a": "true"}, {"a": None}, {"a": "null"},
              {"a": ["x"]}, {"a": {"x": 1}}, {"b": "1"}, {"a": "1", "b": "2"}, {"b": "2", "a": "1"}]
    dumped = [yamlio.dump(value, memo=texts) for value in values]
    assert dumped == [yamlio.dump(value) for value in values]
    assert len(set(dumped)) == len(values)
    assert yamlio.dump({"a": LONG}, width=40, memo=texts) == yamlio.dump({"a": LONG}, width=40) != yamlio.dump({"a": LONG})


# --------------------------------------------------------------------------
# seeds read with what an earlier build parsed


PARSED = tuple[Article, tuple[Problem, ...]]


@pytest.mark.parametrize("folder", [ROOT / "seeds", ROOT / "tests" / "fixtures" / "hostile"], ids=["seeds", "hostile"])
def test_seeds_read_with_an_earlier_builds_parses_are_read_afresh_and_parse_only_what_changed(tmp_path, monkeypatch,
                                                                                             folder):
    seeds = shutil.copytree(folder, tmp_path / "seeds", symlinks=True)
    fingerprint = memo.fingerprint("dossier.ingest")
    earlier = Memo(tmp_path / "cache", "ingest", fingerprint, PARSED)
    expected = ingest.read_seeds(seeds)
    assert ingest.read_seeds(seeds, earlier) == expected
    earlier.save()
    parsed = []
    real = ingest.parse_seed
    monkeypatch.setattr(ingest, "parse_seed", lambda text, file: parsed.append(file) or real(text, file))
    changed = sorted(p for p in seeds.iterdir()
                     if p.suffix == ".txt" and not p.is_symlink() and p.stat().st_size > 200)[0]
    changed.write_text(changed.read_text(encoding="utf-8", errors="replace") + "\n\nA paragraph added later.\n",
                       encoding="utf-8")
    with_memo = ingest.read_seeds(seeds, Memo(tmp_path / "cache", "ingest", fingerprint, PARSED))
    reparsed = list(parsed)
    parsed.clear()
    assert with_memo == ingest.read_seeds(seeds)
    assert reparsed == [changed.name]  # with the memo: only the changed seed
    assert len(parsed) > 1  # without it: every seed
