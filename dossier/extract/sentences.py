"""Sentences: the one splitter every stage reads an article's sentences with.

A sentence never breaks inside a quotation, so that a quotation of several sentences stays
in the sentence that attributes it ("He said: "We will fight. We will win."" is one), nor
after an abbreviation (speech_verbs.yaml: "Mr.", "U.S."); a transcript's speaker label
("LEE:") is a sentence of its own. Spans are (start, end) character offsets in a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dossier.extract.quotemarks import Quotation, find_quotations
from dossier.lexicon import lexicon

_BOUNDARY = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*\s+(?=[\"'\u201c\u2018\u00ab(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([A-Za-z]+)\.?$")
_SPEAKER_LABEL = re.compile(r"[A-Z][A-Z.' -]*(?:\([A-Z][A-Z.' -]*\))?(?:, [A-Z][A-Z ]*)?:\s+")  # "LEE:", "HOST (SARAH LEE):"


def split(text: str, quoted: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans of `text`, never breaking inside the quoted (start, end) spans, so that a
    quotation of several sentences stays in the sentence that attributes it."""
    masked = list(text)
    for start, end in quoted:
        inner = text[start:end].rstrip()
        keep = len(inner) - 1 if inner[-2:-1] in ".!?" else len(inner)  # ".”" still ends a sentence
        for i in range(start + 2, start + keep - 1):  # the first word's capital still starts one
            masked[i] = "x"
    masked_text = "".join(masked)
    label = _SPEAKER_LABEL.match(text)  # a transcript's speaker label is no part of what follows it
    spans, start = ([(0, label.end())], label.end()) if label else ([], 0)
    for match in _BOUNDARY.finditer(masked_text):
        before = masked_text[start:match.start() + 1]
        word = _LAST_WORD.search(before)
        if word and (word.group(1).lower() in lexicon().speech_verbs.abbreviations or len(word.group(1)) == 1) \
                and not before.endswith((" a.m.", " p.m.")):
            continue  # Mr. Smith, U.S. President (but "ends at 7 a.m. Asked why, she laughed.")
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def quoted_spans(paragraphs: Sequence[str], quotations: Sequence[Quotation]) -> list[list[tuple[int, int]]]:
    """(start, end) of every quotation's marks and words, by paragraph, in reading order: a
    quotation over several paragraphs quotes each from its reopening mark to the paragraph's end."""
    quoted: list[list[tuple[int, int]]] = [[] for _ in paragraphs]
    for q in quotations:
        for i, part in enumerate(q.parts):
            start = q.open_at if i == 0 else part.start - 1
            end = q.close_at if i == len(q.parts) - 1 else len(paragraphs[part.paragraph])
            quoted[part.paragraph].append((start, end))
    return [sorted(spans) for spans in quoted]


def article_sentences(paragraphs: Sequence[str],
                      quotations: Sequence[Quotation] | None = None) -> list[list[tuple[int, int]]]:
    """The sentence spans of every paragraph of an article, around its quotations (found here when not given)."""
    quotations = quotations if quotations is not None else find_quotations(paragraphs)[0]
    return [split(text, quoted) for text, quoted in zip(paragraphs, quoted_spans(paragraphs, quotations))]
