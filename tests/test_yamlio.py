"""dossier.yamlio, the one YAML writer of page frontmatter and the ledger: whatever a string holds,
`yaml.safe_load` reads back exactly what was written, and in frontmatter every value stays on its
key's line, so that no text can end the `---` block or start a key of its own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
import yaml

from dossier import yamlio
from dossier.ids import LEDGER_WIDTH
from dossier.render import frontmatter

HOSTILE = [
    "key: value",
    "a # comment",
    "#hash first",
    "*alias",
    "&anchor",
    "!tag",
    "!!python/object/apply:os.system ['true']",
    "---",
    "...",
    "--- closing\n---\ntitle: injected",
    "- a list item",
    "? complex key",
    "[flow, seq]",
    "{flow: map}",
    "| literal",
    "> folded",
    "%YAML 1.1",
    "@reserved",
    "`backtick",
    "'single' and \"double\"",
    "yes", "No", "on", "null", "~", "1e3", "0x1F", "0o17", ".inf", "-.nan", "2025-03-17", "12:30:00",
    " leading and trailing ",
    "tab\there",
    "bell\x07 escape\x1b[31m backspace\x08 delete\x7f",
    "line\nbreak",
    "carriage\rreturn",
    "next line\x85 line separator\u2028 paragraph separator\u2029",
    "bidi \u202e override \u200b zero width \ufeff bom",
    "non-BMP 😀 𝔘 \U0010fffd",
    "é ü ß 中文 العربية",
    "word " * 2_000,  # a very long line
    "x" * 5_000,  # a very long word
    "",
]


@pytest.mark.parametrize("width", [1_000_000, LEDGER_WIDTH])
@pytest.mark.parametrize("text", HOSTILE)
def test_every_string_reads_back_as_written(text, width):
    data = {"title": text, "sources": [text, "plain"], "nested": {text: [text]}}
    assert yaml.safe_load(yamlio.dump(data, width=width)) == data


@pytest.mark.parametrize("text", HOSTILE)
def test_frontmatter_keeps_every_value_on_its_line(text):
    block = frontmatter({"type": "quote", "text": text, "tags": [text]})
    lines = block.split("\n")
    assert lines[0] == "---" and lines[-2:] == ["---", ""]
    assert [line.split(":", 1)[0] for line in lines[1:-2] if not line.startswith("- ")] == ["type", "text", "tags"]
    assert yaml.safe_load(block.split("---\n", 2)[1]) == {"type": "quote", "text": text, "tags": [text]}


def test_keys_keep_their_order_and_text_its_characters():
    assert yamlio.dump({"b": "é", "a": [1, None]}) == "b: é\na:\n- 1\n- null\n"


# Strings as pages and the ledger hold them (printable, YAML's indicators among words, which libyaml writes),
# and every kind of character the two emitters could treat apart (which PyYAML writes).
PRINTABLE = st.lists(st.sampled_from([*"abcXYZ019 é中:#-'\"?!,.[]{}&*|>%@`~\\/", "yes", "null", "---", "...", "word "]),
                     max_size=30).map("".join)
TEXT = PRINTABLE | st.text(st.characters(codec="utf-8") | st.sampled_from([*"\t\n\r\x85\u2028\xa0\ufeff😀"]),
                           max_size=60) | st.sampled_from(HOSTILE)
VALUE = st.recursive(st.none() | st.booleans() | st.integers() | TEXT,
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4), max_leaves=12)


def _pure_python(data: dict, width: int) -> str:
    return yaml.dump(data, Dumper=yamlio._Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
                     width=width)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(TEXT, VALUE, min_size=1, max_size=5), st.sampled_from([1_000_000, LEDGER_WIDTH, 20]))
def test_the_same_bytes_with_or_without_libyaml(data, width):
    assert yamlio.dump(data, width=width) == _pure_python(data, width)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml: every dump is pure Python")
@pytest.mark.parametrize("data, libyaml", [
    ({"title": "Court blocks bank merger", "tags": ["Tom Hale", "é ü ß 中文"], "count": {"quotes": 3}, "x": None}, True),
    ({"title": "it's: #1 - [yes]"}, True),
    ({"title": "non-BMP 😀"}, False),
    ({"title": "tab\there"}, False),
    ({"title": "no-break\xa0space"}, False),
    ({"nested": {"": "an empty key"}}, False),
    ({"ratio": 0.5}, False),
])
def test_libyaml_writes_what_it_writes_alike(data, libyaml):
    tree = yamlio._tree(data)
    assert (tree is not None and tree[1] is yamlio._LibyamlDumper) is libyaml
    assert yamlio.dump(data) == _pure_python(data, 1_000_000)


SHARED_LIST, SHARED_MAP, EMPTY = ["Tom Hale", "x"], {"name": "Tom Hale", "roles": [1, 2]}, []


@pytest.mark.parametrize("data", [
    {"a": SHARED_LIST, "b": SHARED_LIST},  # one object twice: an anchor and an alias
    {"a": SHARED_MAP, "b": [SHARED_MAP, SHARED_MAP]},
    {"a": EMPTY, "b": EMPTY},  # an empty list is aliased too
    {"a": (), "b": ()},  # ...an empty tuple never
    {"a": ("x", 1), "b": ("y", None, True)},
    {"a": {1: "x", None: "z"}, "b": {"": True}},  # keys that are no strings: PyYAML's emitter
    {"a": [0.5], "b": SHARED_LIST, "c": SHARED_LIST},  # a float: the representer, as before
])
def test_the_same_bytes_as_the_representer_for_shared_objects_tuples_and_other_keys(data):
    assert yamlio.dump(data) == _pure_python(data, 1_000_000)


# Strings PyYAML's emitter writes plain or single-quoted by their first characters, their last, or what is
# within (Emitter.analyze_scalar), and strings that read back as another type unless quoted.
BLOCK_STRINGS = ["plain words", "-", "- item", "-dash", "?", "? x", "?x", ":", ": x", ":x", "a:", "a: b", "a:b",
                 "a #b", "a#b", "#a", "---x", "...x", "--x", "..x", "[x", "x]", "x, y", "{x}", "&x", "*x", "!x", "|x",
                 ">x", "'x", "x'", '"x', "%x", "@x", "`x", "x ", " x", "it's", "yes", "Yes", "no", "ON", "off", "y",
                 "null", "Null", "~", "", "1", "-1", "1.5", "1e3", ".inf", "0x1F", "0o17", "1_000", "12:30:00",
                 "2025-03-17", "2025-03-17 10:00", "<<", "=", "é ü 中文", "😀 non-BMP", "x" * 127, "x" * 128]


@pytest.mark.parametrize("text", BLOCK_STRINGS)
def test_the_block_writer_quotes_a_string_where_pyyaml_does(text):
    data = {"title": text, "tags": [text, 1, None, True], "filters": {"actor": [text], "topic": []},
            "evidence": [{"source": text, "paragraph": 3}], "search": {"exclude": False}}
    assert yamlio._block(data, 1_000_000) == _pure_python(data, 1_000_000)


def test_the_block_writer_writes_page_frontmatter_itself():
    """The shapes pages and the ledger hold take `_block`, not the emitters (whose output it is held to above)."""
    meta = {"type": "source", "id": "s1", "title": "Court blocks: merger", "date": "2025-03-17", "updated": None,
            "credited": [], "tags": ["Ana Ruiz", "yes"], "filters": {"type": ["Sources"], "actor": [], "outlet": ["X"]},
            "evidence": [{"source": "s1", "paragraph": 2}], "search": {"exclude": True}, "count": 3}
    assert yamlio._block(meta, 1_000_000) == _pure_python(meta, 1_000_000)
    assert yamlio._block({"actors": {"a1": {"title": "word " * 30}}}, LEDGER_WIDTH) is None  # PyYAML folds it


@pytest.mark.parametrize("data", [{"a": SHARED_LIST, "b": SHARED_LIST}, {"a": EMPTY, "b": EMPTY}, {"a": [["x"]]},
                                  {"a": "tab\there"}, {"": 1}, {"x" * 128: 1}, {1: "x"}, {"a": 0.5}, {}])
def test_the_block_writer_leaves_aliases_nested_lists_escapes_and_complex_keys_to_pyyaml(data):
    assert yamlio._block(data, 1_000_000) is None


SHAPES = st.recursive(st.none() | st.booleans() | st.integers() | PRINTABLE,
                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(PRINTABLE, inner, max_size=3),
                      max_leaves=10)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(PRINTABLE, SHAPES, min_size=1, max_size=5), st.sampled_from([1_000_000, LEDGER_WIDTH, 20, 4]))
def test_the_block_writer_writes_what_pyyaml_writes(data, width):
    written = yamlio._block(data, width)
    assert written is None or written == _pure_python(data, width)
