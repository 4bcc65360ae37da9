"""dossier.yamlio, the one YAML writer of page frontmatter and the ledger: whatever a string holds,
`yaml.safe_load` reads back exactly what was written, and in frontmatter every value stays on its
key's line, so that no text can end the `---` block or start a key of its own."""

from __future__ import annotations

import pytest
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
