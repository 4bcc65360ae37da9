"""Text -> paragraph candidates: blocks, lines, hard-wrapped lines joined, decorations removed."""

from __future__ import annotations

import re

from dossier.text import ends_sentence

_EMOJI = (
    "\U0001F000-\U0001FAFF"  # pictographs, emoticons, transport, flags, supplemental symbols
    "\u2190-\u21FF\u2300-\u23FF\u25A0-\u27BF\u2900-\u297F\u2B00-\u2BFF"  # arrows, technical, shapes, dingbats
    "\u3030\u303D\u3297\u3299\uFE0E\uFE0F\u200D\u20E3\U000E0020-\U000E007F"  # marks, selectors, joiner, tags
)
_LEADING_DECORATION = re.compile(rf"(?:[\s{_EMOJI}]|#{{1,6}}(?=\s))++")
_TRAILING_DECORATION = re.compile(rf"(?:[\s{_EMOJI}]|(?<=\s)#++)++\Z")
DECORATION_SPAN = 80  # decorations are short: looking further back only costs time on long paragraphs
_STRUCTURAL = re.compile(r"#{1,6}\s|[-*+•]\s|\d{1,3}[.)]\s|>")
_WRAP_MAX_WIDTH = 100
_RAGGED_MIN_LINES = 8
_RAGGED_SHARE = 2 / 3


def paragraph_candidates(text: str) -> list[str]:
    """Paragraphs as the text lays them out, before boilerplate is removed (see the module docstring)."""
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        line = line.strip()
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    width = _wrap_width(blocks)
    ragged = width is None and _is_ragged(blocks)
    candidates = []
    for block in filter(None, blocks):
        lines = [block[0]]
        for line in block[1:]:
            if (width and _is_wrapped(lines[-1], line, width)) or (ragged and _runs_on(lines[-1], line)):
                lines.append(line)
            else:
                candidates.append(undecorated(" ".join(lines)))
                lines = [line]
        candidates.append(undecorated(" ".join(lines)))
    return [candidate for candidate in candidates if candidate]


def undecorated(text: str) -> str:
    """`text` without emoji decorations or Markdown heading marks at either end."""
    leading = _LEADING_DECORATION.match(text)
    start = leading.end() if leading else 0
    trailing = _TRAILING_DECORATION.search(text, max(start, len(text) - DECORATION_SPAN))
    return text[start:trailing.start() if trailing else len(text)]


def _wrap_width(blocks: list[list[str]]) -> int | None:
    """The column a hard-wrapped file is wrapped at, or None when lines are paragraphs."""
    inner = sorted(len(line) for block in blocks for line in block[:-1])
    if len(inner) < 3:
        return None
    width = inner[int(0.9 * (len(inner) - 1))]
    lengths = [len(line) for block in blocks for line in block]
    overlong = sum(length > width + 10 for length in lengths)
    lines = [line for block in blocks for line in block[:-1]]
    mid_sentence = sum(map(_ends_mid_sentence, lines))
    # a line was wrapped because the next word did not fit: header lines ("By Jane Doe", "Share") have room left
    pairs = [(line, after) for block in blocks for line, after in zip(block, block[1:])]
    overflowing = sum(len(line) + 1 + len(after.split()[0]) > width for line, after in pairs)
    wrapped = (inner[len(inner) // 2] >= 0.6 * width and overlong <= 0.05 * len(lengths)
               and mid_sentence >= 0.5 * len(lines) and overflowing >= 0.7 * len(pairs))
    return width if wrapped and 30 <= width <= _WRAP_MAX_WIDTH else None


def _is_ragged(blocks: list[list[str]]) -> bool:
    """Whether lines break mid-sentence at no one width, where a page's markup broke them ("Labour" / "says
    the Housing Minister has been undermined by his leader" / "and colleagues following the announcement"):
    taken one line a paragraph, every quotation across a break was left out as never closed. Most lines
    end at a word with no full stop, and many of the lines after them go on in lower case: a page's
    header, labels and link lists end at words too, but the next line starts anew."""
    pairs = [(line, after) for block in blocks for line, after in zip(block, block[1:])]
    broken = [after for line, after in pairs if _ends_mid_sentence(line) and (line[-1].isalnum() or line[-1] == ",")]
    going_on = sum(after[0].islower() for after in broken)
    return len(pairs) >= _RAGGED_MIN_LINES and len(broken) >= _RAGGED_SHARE * len(pairs) and going_on >= len(broken) / 3


def _runs_on(previous: str, line: str) -> bool:
    """Whether `line` continues `previous` in a ragged file: `previous` ends no sentence."""
    return _ends_mid_sentence(previous) and not _STRUCTURAL.match(line) and not previous.startswith("#")


def _ends_mid_sentence(line: str) -> bool:
    return not ends_sentence(line) and line[-1] not in ":;)"


def _is_wrapped(previous: str, line: str, width: int) -> bool:
    """Whether `line` continues `previous`: its first word would not have fitted on it."""
    if _STRUCTURAL.match(line) or previous.startswith("#"):
        return False
    return len(previous) + 1 + len(line.split()[0]) > width
