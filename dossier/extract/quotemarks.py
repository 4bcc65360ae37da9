"""Which quotation marks pair up, which are apostrophes, and what they enclose.

News text mixes “curly”, "straight", ‘single’, «guillemet» and „German“ marks, often
in one article, and uses the same character for a closing single quote and an
apostrophe (NATO’s, countries’). A mark's role is read from what stands on either
side of it (like CommonMark's flanking rules), its shape only breaking ties. An
opening mark that is never closed is reported and skipped, so it cannot swallow
the rest of the article; a quotation left open at the end of a paragraph carries
on when the next paragraph opens with a mark of the same kind (the news
convention for quotations of several paragraphs), or, for a statement whose inner
paragraphs lost their opening marks, when a later paragraph closes it before any
other double mark stands between (`_unmarked_run`). One that neither carries on nor
is closed ends where its paragraph's words end when only its closing mark was lost
(`_closed_where_its_paragraph_ends`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

DOUBLE = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033')
SINGLE = frozenset("'\u2018\u2019\u201a\u201b\u2039\u203a")
LEANS_OPEN = frozenset("\u201c\u201e\u201f\u00ab\u2018\u201a\u201b\u2039")
LEANS_CLOSE = frozenset("\u201d\u00bb\u2019\u203a\u2033")
GUILLEMETS = frozenset("\u00ab\u00bb\u2039\u203a")
APOSTROPHE_ONLY_OPENING = frozenset("\u2019")  # ’em, ’90s: a right single mark never opens
OPENING_CONTEXT = frozenset("([{\u2014\u2013-/:;,")
CLOSING_CONTEXT = frozenset(".,;:!?)]}\u2014\u2013-/\u2026")
POSSESSIVE_REACH = 2000  # how far on a closing mark may still come for "countries’" to be an apostrophe
MAX_UNMARKED_RUN = 6  # paragraphs a statement may run on with no mark before the one that closes it
ENDS_A_SENTENCE = tuple(".!?\u2026")
ENDS_A_CLAUSE = (*ENDS_A_SENTENCE, ",")


@dataclass(frozen=True)
class Part:
    """Words between quotation marks within one paragraph (0-based paragraph position)."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Quotation:
    """A top-level quotation: its words, paragraph by paragraph, and where its marks stand."""

    parts: tuple[Part, ...]
    open_at: int  # offset of the opening mark in the first part's paragraph
    close_at: int  # offset just past the closing mark in the last part's paragraph
    unmarked_run: bool = False  # carried on through paragraphs that print no mark (`_unmarked_run`)

    @property
    def paragraph(self) -> int:
        return self.parts[0].paragraph

    @property
    def end_paragraph(self) -> int:
        return self.parts[-1].paragraph

    def text(self, paragraphs: Sequence[str]) -> str:
        return " ".join(paragraphs[p.paragraph][p.start:p.end].strip() for p in self.parts)


@dataclass(frozen=True)
class Unclosed:
    """An opening mark no closing mark answers: reported, never extended to the article's end."""

    paragraph: int
    offset: int
    mark: str


def family(mark: str) -> str:
    return "double" if mark in DOUBLE else "single"


def _role(text: str, i: int, stack: list[_Open]) -> str | None:
    """'open', 'close' or None (an apostrophe, or a mark with no clear role) for the mark at text[i]."""
    mark = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        if mark in DOUBLE and mark in LEANS_OPEN | LEANS_CLOSE:
            return "open" if mark in LEANS_OPEN else "close"  # said“We, a missing space
        return None  # it's, NATO’s, 5"x7"
    can_open = not after.isspace() and after not in CLOSING_CONTEXT and (
        before.isspace() or before in OPENING_CONTEXT or before in DOUBLE or before in SINGLE)
    can_close = not before.isspace() and (
        after.isspace() or after in CLOSING_CONTEXT or after in DOUBLE or after in SINGLE)
    if mark in SINGLE:
        if can_open and (mark in APOSTROPHE_ONLY_OPENING or _starts_decade(text, i + 1)):
            return None
    if (mark in GUILLEMETS or mark in DOUBLE) and not can_open and not can_close:
        can_open, can_close = mark in LEANS_OPEN, mark in LEANS_CLOSE  # French « spaced », a loose “ a b ”
    if can_open and can_close:
        if mark in LEANS_OPEN:
            return "open"
        if mark in LEANS_CLOSE:
            return "close"
        return "close" if any(o.family == family(mark) for o in stack) else "open"
    if can_open:
        return "open"
    if can_close:
        return "close"
    return None


def _starts_decade(text: str, i: int) -> bool:
    """’90s, '24: an apostrophe standing for dropped digits."""
    return text[i:i + 2].isdigit() and (i + 2 >= len(text) or not text[i + 2].isdigit())


def _is_plural_possessive(text: str, i: int, stack: list[_Open]) -> bool:
    """countries’ refusal: a single closing mark after an s that a later mark could close instead."""
    if text[i - 1:i] not in ("s", "S") or not text[i + 1:i + 2].isspace():
        return False
    if not text[i + 2:i + 3].isalpha():
        return False
    for j in range(i + 1, min(len(text), i + POSSESSIVE_REACH)):
        if text[j] in SINGLE:
            role = _role(text, j, stack)
            if role == "close":
                return True
            if role == "open":
                return False
    return False


@dataclass
class _Open:
    family: str
    paragraph: int
    offset: int  # offset of the opening mark
    parts: list[Part]  # parts in earlier paragraphs of a quotation continuing here


def _scan(text: str, paragraph: int, stack: list[_Open], closed: list[Quotation]) -> None:
    for i, mark in enumerate(text):
        if mark not in DOUBLE and mark not in SINGLE:
            continue
        role = _role(text, i, stack)
        kind = family(mark)
        if role == "open":
            stack.append(_Open(kind, paragraph, i, []))
        elif role == "close":
            depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d].family == kind), None)
            if depth is None:
                continue  # a stray closing mark, or a possessive with nothing open
            if kind == "single" and (depth != len(stack) - 1 or _is_plural_possessive(text, i, stack)):
                continue  # an apostrophe inside a double-quoted passage
            opened = stack[depth]
            del stack[depth:]
            start = opened.offset + 1 if opened.paragraph == paragraph else 0
            parts = (*opened.parts, Part(paragraph, start, i))
            open_at = opened.parts[0].start - 1 if opened.parts else opened.offset
            closed.append(Quotation(parts, open_at, i + 1, unmarked_run=opened.offset < 0))


def find_quotations(paragraphs: Sequence[str]) -> tuple[list[Quotation], list[Unclosed]]:
    """Top-level quotations of an article in reading order, and the opening marks never closed.

    Quotations nested in another stay inside it; when the outer one is never closed,
    the ones it held are kept as quotations of their own.
    """
    closed: list[Quotation] = []
    unclosed: list[Unclosed] = []
    stack: list[_Open] = []
    index = 0
    while index < len(paragraphs):
        text = paragraphs[index]
        if stack:
            reopened = _reopening_mark(text)
            outer = stack[0]
            start = outer.offset + 1 if outer.paragraph == index - 1 else 0
            carried = [*outer.parts, Part(index - 1, start, len(paragraphs[index - 1]))]
            if reopened is not None and family(text[reopened]) == outer.family:
                stack[:] = [_Open(outer.family, index, reopened, carried)]
                _scan_from(text, index, reopened + 1, stack, closed)
                index += 1
                continue
            closing = _unmarked_run(stack, paragraphs, index)
            if closing is not None:
                carried += [Part(k, 0, len(paragraphs[k])) for k in range(index, closing)]
                stack[:] = [_Open(outer.family, closing, -1, carried)]  # no mark: its words start the paragraph
                _scan(paragraphs[closing], closing, stack, closed)
                index = closing + 1
                continue
            lost = _closed_where_its_paragraph_ends(stack, paragraphs, last=False)
            if lost is not None:
                closed.append(lost)
            else:
                unclosed.extend(_unclosed(stack, paragraphs))
            stack.clear()
        _scan(text, index, stack, closed)
        index += 1
    cut = _closed_where_its_paragraph_ends(stack, paragraphs, last=True)
    if cut is not None:
        closed.append(cut)
    else:
        unclosed.extend(_unclosed(stack, paragraphs))
    return _top_level(closed), unclosed


def _closed_where_its_paragraph_ends(stack: list[_Open], paragraphs: Sequence[str], last: bool) -> Quotation | None:
    """The quotation left open in the paragraph before the one being read (or in the article's last
    paragraph when `last`), closed where its words end; None when its end is unsure.

    Its closing mark is lost in two ways: a copy of a page that stops after its last whole paragraph
    cuts off a quotation that ran on (each paragraph of it opened by a mark, the last one never
    closed), and a page that prints one opening mark after 'said:' and none to close it ('Bishop
    John Inge said: 'The PM's defence ... of others.' and a new paragraph). Only one open quotation,
    whose words end a sentence at its paragraph's end, is such a quotation, and only when its mark
    follows a colon ('said: “...') or a sentence's end ('... regressing. “More than ...'), or opens
    the article's last paragraph; a mark opening a paragraph in the middle of an article stays
    unsure (‘Eua, an island's name, prints the same character). Any other mark left open is reported."""
    if len(stack) != 1:
        return None
    opened = stack[0]
    if last and opened.paragraph != len(paragraphs) - 1:
        return None
    text = paragraphs[opened.paragraph]
    end = len(text.rstrip())
    lead = text[:max(opened.offset, 0)].rstrip()
    follows_a_colon_or_a_sentence = lead.endswith((":", *ENDS_A_SENTENCE))
    if not text[:end].endswith(ENDS_A_SENTENCE) or not (follows_a_colon_or_a_sentence or (last and not lead)):
        return None
    open_at = opened.parts[0].start - 1 if opened.parts else opened.offset
    return Quotation((*opened.parts, Part(opened.paragraph, opened.offset + 1, end)), open_at, end)


def _unmarked_run(stack: list[_Open], paragraphs: Sequence[str], index: int) -> int | None:
    """The paragraph whose closing mark ends a quotation left open before paragraph `index`, which
    carries on through paragraphs that print no mark; None when it is not such a quotation.

    A statement printed over several paragraphs often keeps only its first opening mark and its
    last closing one (“We are sorry ... costs. / The original artists were ... / ... who were
    supposed to play.”). Taken as one only when a single double quotation is open, opening its
    paragraph (or following its colon) and ending a sentence there; no double mark stands in the
    paragraphs after it; and the first one of the paragraph that ends the run closes it, after
    words that end a sentence or a clause. Anything else stays an unclosed mark, as before."""
    if len(stack) != 1 or stack[0].family != "double" or stack[0].offset < 0:
        return None
    opened = stack[0]
    first = paragraphs[opened.paragraph]
    lead = first[:opened.offset].rstrip()
    if (lead and not lead.endswith(":")) or not first.rstrip().endswith(tuple(".!?\u2026")):
        return None
    for closing in range(index, min(len(paragraphs), index + MAX_UNMARKED_RUN + 1)):
        text = paragraphs[closing]
        mark = next((i for i, c in enumerate(text) if c in DOUBLE), None)
        if mark is None:
            continue
        if _role(text, mark, stack) == "close" and text[:mark].rstrip().endswith(ENDS_A_CLAUSE):
            return closing
        return None
    return None


def _scan_from(text: str, paragraph: int, offset: int, stack: list[_Open], closed: list[Quotation]) -> None:
    """Scan a continuation paragraph past its reopening mark, keeping offsets true to `text`."""
    masked = " " * offset + text[offset:]
    _scan(masked, paragraph, stack, closed)


def _reopening_mark(text: str) -> int | None:
    stripped = len(text) - len(text.lstrip())
    if stripped < len(text) and text[stripped] in DOUBLE | SINGLE and _role(text, stripped, []) == "open":
        return stripped
    return None


def _unclosed(stack: list[_Open], paragraphs: Sequence[str]) -> list[Unclosed]:
    first = stack[0] if stack else None
    if first is None:
        return []
    paragraph = first.parts[0].paragraph if first.parts else first.paragraph
    offset = first.parts[0].start - 1 if first.parts else first.offset
    return [Unclosed(paragraph, offset, paragraphs[paragraph][offset])]


def _top_level(closed: list[Quotation]) -> list[Quotation]:
    """The quotations no other closed quotation holds (marks pair like brackets: spans nest or part)."""
    top: list[Quotation] = []
    reached = (-1, -1)
    for q in sorted(closed, key=lambda q: ((q.paragraph, q.open_at), (-q.end_paragraph, -q.close_at))):
        if (q.paragraph, q.open_at) >= reached:
            top.append(q)
            reached = (q.end_paragraph, q.close_at)
    return top
