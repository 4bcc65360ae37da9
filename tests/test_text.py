"""Text normalisation and slugs: the ground every id stands on."""

from __future__ import annotations

import pytest

from dossier.text import normalise, slugify, words


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
