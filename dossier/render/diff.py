"""Word-level comparison of a quote's wordings, and finding a quote's words in a paragraph."""

from __future__ import annotations

import difflib
import re
import unicodedata

from dossier.text import DASHES, QUOTE_MARKS, normalise, words

_TOKEN = re.compile(r"\S+")
# What is not its own normal form: anything beyond printable ASCII, and a space that does not follow a
# printable character (one at the start, or after another space or a character beyond ASCII, may fold away).
_NOT_PLAIN = re.compile(r"[^\x20-\x7e]|(?<![\x21-\x7e]) ")


def word_diff(canonical: str, variant: str) -> list[tuple[str, str]]:
    """How `variant` differs from `canonical`, word by word: [("same"|"del"|"ins", words)].
    Words compare as dossier.text.words sees them, so case and punctuation alone are no change."""
    old, new = _TOKEN.findall(canonical), _TOKEN.findall(variant)

    def key(token: str) -> str:
        return " ".join(words(token)) or token

    matcher = difflib.SequenceMatcher(None, [key(t) for t in old], [key(t) for t in new], autojunk=False)
    parts: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(("same", " ".join(new[j1:j2])))
            continue
        if i2 > i1:
            parts.append(("del", " ".join(old[i1:i2])))
        if j2 > j1:
            parts.append(("ins", " ".join(new[j1:j2])))
    return parts


def _char_normalised(text: str) -> tuple[str, list[int]]:
    """normalise(text) built character by character, with each output character's offset in `text`.
    Printable ASCII, each space right after a printable character included, is its own normal form,
    so runs of it are copied whole and only the rest (other whitespace, anything beyond ASCII) is
    normalised one character at a time: a source page locates every quote it prints, and a
    character loop over each paragraph (or each word) was most of that."""
    out: list[str] = []
    offsets: list[int] = []
    last, done = "", 0  # the last character out; where the text not yet looked at starts
    for match in _NOT_PLAIN.finditer(text):
        i = match.start()
        if i > done:
            out.append(text[done:i])
            offsets.extend(range(done, i))
            last = text[i - 1]
        for piece in unicodedata.normalize("NFKC", text[i]).translate(QUOTE_MARKS).translate(DASHES):
            if piece.isspace():
                if last in ("", " "):
                    continue
                piece = " "
            out.append(piece)
            offsets.append(i)
            last = piece
        done = i + 1
    out.append(text[done:])
    offsets.extend(range(done, len(text)))
    return "".join(out), offsets


def locate(text: str, needle: str) -> tuple[int, int] | None:
    """Where `needle` (compared after normalise) is printed in `text`, as offsets into `text`.
    A quote that runs on into the next paragraph matches from its start to the end of `text`."""
    wanted = normalise(needle)
    if not wanted:
        return None
    flat, offsets = _char_normalised(text)
    start = flat.find(wanted)
    if start >= 0:
        return offsets[start], offsets[start + len(wanted) - 1] + 1
    head = wanted[:20]
    start = flat.find(head)
    while start >= 0:
        if wanted.startswith(flat[start:].rstrip()):
            return offsets[start], len(text.rstrip())
        start = flat.find(head, start + 1)
    return None
