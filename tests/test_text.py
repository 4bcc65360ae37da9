"""Text normalisation and slugs: the ground every id stands on."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from dossier.text import (DASHES, QUOTE_MARKS, ends_sentence, http_url, normalise, printable, slugify,
                          with_apostrophes, words)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("“NATO—and” ‘x’", "\"NATO-and\" 'x'"),
        ("«Non» dit-il", '"Non" dit-il'),
        ("a \n\t b", "a b"),
        ("ﬁne", "fine"),  # NFKC folds the ligature
    ],
)
def test_normalise(raw, expected):
    assert normalise(raw) == expected


def normalised_in_full(text: str) -> str:
    """normalise as the module docstring defines it: NFKC, the two tables, whitespace folded."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).translate(QUOTE_MARKS).translate(DASHES)).strip()


# What normalise treats apart: the marks of both tables, whitespace (ASCII and not), what NFKC changes
# ("ﬁ", a full-width quote mark, a compatibility space), a combining mark, plain letters.
MARKED = st.text(alphabet=st.sampled_from([*map(chr, QUOTE_MARKS), *map(chr, DASHES), " ", "\t", "\n", "\x1f",
                                           "\x85", "\u00a0", "\u2009", "\u3000", "\ufb01", "\uff02", "\u2024",
                                           "\u0301", "e", "A", "'", '"', "-", "\u00e9", "\u4e2d"]))


@given(st.text() | st.text(alphabet=st.characters(max_codepoint=127)) | MARKED)
@example("Grushko")
@example("x\x1f")  # a control character: whitespace to the regex, though ASCII
@example("\u00a0")
@example("\u201cNo\u201d \u2014 \u2018no\u2019\u3000")
def test_normalise_takes_its_short_cuts_only_where_the_full_form_is_the_same(text):
    assert normalise(text) == normalised_in_full(text)


def test_normalise_gives_the_full_form_for_every_character():
    """Every code point once, between letters and after a space: the marks replaced one by one, and
    whitespace folded by str.split, give what the tables and the regular expression give."""
    every = "".join(f"a{chr(c)}b {chr(c)}" for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert normalise(every) == normalised_in_full(every)


def test_words_ignore_marks_and_case():
    assert words("“We will,” he said.") == words('"we WILL" he said')


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Alexander Grushko", "alexander-grushko"),
        ("Zelenskyy’s Push!", "zelenskyys-push"),
        ("São Tomé", "sao-tome"),
        ("Index", "index-page"),  # index.md would be the section's own page
        ("  ", None),
        ("Путин", None),
    ],
)
def test_slugify_is_url_safe_never_empty_and_never_index(text, slug):
    result = slugify(text)
    assert result.replace("-", "").isalnum() and result.isascii()
    assert result != "index"
    if slug is not None:
        assert result == slug


def test_non_latin_names_get_distinct_slugs():
    assert slugify("Путин") != slugify("Лавров")


@pytest.mark.parametrize(("url", "allowed"), [
    ("https://example.org/a?b=c#d", True),
    ("HTTP://EXAMPLE.ORG", True),
    ("https://example.org/l'article", True),
    ("javascript:alert(1)", False),
    ("JaVaScRiPt:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("//example.org/protocol-relative", False),
    ("https://", False),
    ("https://:80/no-host", False),
    ('https://example.org/"onmouseover="alert(1)', False),
    ("https://example.org/<b>", False),
    ("https://exa mple.org", False),
    ("ftp://example.org/file", False),
    ("/relative/path", False),
    ("https://user:secret@example.org/", False),  # shows as example.org, logs in elsewhere
    ("https://trusted.example@evil.example/", False),
    ("https://example.org/\u202egpj.exe", False),  # right-to-left override: displays reversed
    ("https://exa\u200bmple.org/", False),  # zero-width space
    ("https://example.org/\x1b[31m", False),
])
def test_only_plain_http_urls_may_become_links(url, allowed):
    assert (http_url(url) == url) is allowed


@pytest.mark.parametrize(("name", "shown"), [
    ("plain name.txt", "plain name.txt"),
    ("статья.txt", "статья.txt"),
    ("a\nwarning: forged.txt", "a\\nwarning: forged.txt"),
    ("x\n::error::pwned.txt", "x\\n::error::pwned.txt"),
    ("\x1b[2J\x1b[31mred.txt", "\\x1b[2J\\x1b[31mred.txt"),
    ("evil\u202etxt.exe", "evil\\u202etxt.exe"),
    ("back\\slash.txt", "back\\\\slash.txt"),
    ("cr\rover.txt", "cr\\rover.txt"),
])
def test_printable_escapes_whatever_could_move_the_cursor_or_forge_a_line(name, shown):
    assert printable(name) == shown
    assert printable(name).isprintable()


@pytest.mark.parametrize("text, ends", [
    ("The talks ended.", True),
    ("Will they return?", True),
    ('He said: "We will win."', True),  # closing marks after the full stop
    ("The talks ended.) ", True),
    ("会谈结束。", True),
    ("And then there was silence…", True),
    ("Russia Seeks Talks", False),  # a headline
    ('He called it "a disgrace"', False),
    ("More on this story:", False),  # a colon leads in; whoever asks says whether that counts
    ("", False),
])
def test_what_ends_like_a_sentence(text, ends):
    assert ends_sentence(text) is ends


@pytest.mark.parametrize("printed, mended", [
    ("If you don\u201dt, that\u201ds nonsense", "If you don\u2019t, that\u2019s nonsense"),
    ("I\u201dm calling, they\u201dre here, we\u201dve gone, he\u201dll see, she\u201dd go",
     "I\u2019m calling, they\u2019re here, we\u2019ve gone, he\u2019ll see, she\u2019d go"),
    ("the directors rejected Gunther\u201ds motion", "the directors rejected Gunther\u2019s motion"),
    # a closing mark: after a word and before a space, a stop, or a word that is no contraction's end
    ("\u201cWe said no,\u201d she said.", "\u201cWe said no,\u201d she said."),
    ("\u201cWe said no\u201dand left", "\u201cWe said no\u201dand left"),
    ("\u201cthe last word\u201ds", "\u201cthe last word\u2019s"),
    ("a 5\u2033 screen, \u201c1990\u201ds", "a 5\u2033 screen, \u201c1990\u201ds"),  # a number, not a word
    ("don\u2019t and don't stay as they are", "don\u2019t and don't stay as they are"),
])
def test_apostrophes_printed_as_right_double_marks_are_mended(printed, mended):
    assert with_apostrophes(printed) == mended
    assert len(with_apostrophes(printed)) == len(printed)
