"""Stage 1: seed files -> Articles, and a Problem for everything that could not be used.

Seeds come from scraped pages, copy-paste and contributors nobody knows, so this
stage reads them defensively and keeps whatever it can (nothing lost, nothing
interpreted). The rules, for the README:

Which files
    `*.txt` and `*.md` (any case) directly in the seeds folder, in file-name
    order. Hidden files and sub-folders are ignored silently; any other file
    gets a Problem. Symbolic links are never followed, wherever they point (a
    link outside the folder could expose private files), and neither are
    FIFOs or devices. Files over MAX_BYTES are skipped.

Decoding
    UTF-8, with or without a BOM; UTF-16 when it starts with a BOM. Bytes that
    are not UTF-8 are read one by one as Windows-1252, so a cp1252 file gets its
    curly quotes right while a UTF-8 file with one stray byte keeps its UTF-8;
    bytes that mean nothing in cp1252 either become U+FFFD. Both are reported.
    Binary files (NUL bytes, image/PDF/archive signatures, mostly unprintable)
    are skipped. Line ends become "\\n"; other control characters are dropped.

Frontmatter
    An optional YAML block between `---` lines at the very top, read with a
    safe loader (tags such as `!!python/object` are refused, never run) that
    reads every value as the text written (".inf", "0x1F", "yes" stay text;
    dates are parsed by dossier) and refuses aliases and merge keys, which can
    expand a few hundred bytes into gigabytes. Keys: title, date, updated,
    author, outlet, url, language; they override what the text says. Unknown
    keys, a repeated key (the first is kept), impossible dates and URLs that
    text.http_url refuses are reported and ignored. A block that is not valid
    YAML, or not a mapping, is reported and read as article text instead, so
    nothing is lost.

Paragraphs
    Blank lines separate blocks. Inside a block every line is a paragraph
    (scraped text puts one paragraph on each line) unless the file is visibly
    hard-wrapped (most lines end mid-sentence, near one width, because the next
    word did not fit), in which case wrapped lines are joined with one space. Every
    paragraph is therefore a verbatim piece of the decoded text, up to
    whitespace, and quotes found in it are verbatim too.

Boilerplate (kept out of the body, and so out of every extraction)
    The title and repeated or truncated copies of it; a date label glued onto
    the title line; Published/Updated lines; bylines and staff credits; section
    labels; photo captions; "ALSO READ"-style teasers; comment disclaimers,
    copyright and newsletter lines; wire credit lines ("-- Reuters");
    punctuation-only and one-word lines. Only short paragraphs (up to
    BOILERPLATE_MAX_CHARS) can be boilerplate. The cues are data, in
    dossier/data/ingest.yaml.
    Context adds three rules: after a list label ("More on this story",
    "Explore more on these topics") the short lines that do not end like a
    sentence are teasers or tags, until one does (a single such line before
    text is a heading and stays, unless it lists tags with commas); an author's bio ("Jane Doe
    is a reporter covering...") among the last BIO_WINDOW paragraphs goes when
    it starts with a name of the byline; a section label before "|" leaves the
    title ("Opinion | Why..."; "Exclusive: ..." stays, it is the headline).

Bylines
    "By", "by", "Posted by", "Written by", "Words by", "Story by", "Reporting by"
    (see byline_labels), alone or on a metadata line joined by "|", "•", ";",
    " / " or after a date ("Posted on 3 February 2024 by Marcus Hale"). A job
    title after a comma or bar is not the name ("By Jane Doe, Political
    Correspondent" -> "Jane Doe"; role_words); a wire service after a comma is
    credited, an outlet (data/outlets.yaml) is the outlet ("Jane Doe, Reuters",
    "Jane Doe, CNN"). A name with no label is the byline only beside a date:
    in the first HEADER_LINES lines, next to a date or job-title line (past
    buttons such as "Share" or "7 min read"), or on the date's own metadata
    line when it names a desk ("TOI News Desk") or starts with a known given
    name, so that "New Delhi | March 17, 2025" is not a byline. A job title
    alone ("Legal Correspondent") is the byline only when no name is found.
    "in Beijing" after a byline, "by admin" after a date and bracketed credits
    are metadata too.

Headings
    Short heading lines stay paragraphs (they are text the reader saw); emoji
    decorations and Markdown `#` marks at either end of any paragraph or title
    are removed, emoji inside a sentence are kept.

Dateline
    "MOSCOW -", "KYIV, Ukraine --", "Moscow:", "WASHINGTON, March 17 (Reuters) -",
    "RENO, Nev., March 17, 2025 /PRNewswire/ --", "New York CNN —"
    at the start of the first paragraph (or of the second or third, when an
    unrecognised caption or standfirst comes first) becomes Article.dateline
    ("Moscow") and is cut from the paragraph: it is metadata, like the byline,
    and would otherwise read as a mention of the place. A dateline alone on its
    line ("WASHINGTON (AP) —") is removed with it; a date line that starts
    with a place in capitals ("NEW DELHI March 17, 2025") gives the dateline
    when no paragraph does. A place in Title Case needs a
    wire or outlet credit, a colon in the very first paragraph, or a dash after
    a known country or US state ("Doha, Qatar –"), so that "Grushko - a
    diplomat -", "Trump, Biden –" and "Kyiv's Ask: ..." are not datelines.

Credited
    Wire services credited for the report: "(Reuters)" in the dateline,
    "..., Xinhua news agency reported", "Reuters said", "-- AFP" or "With inputs
    from PTI" lines. "according to Reuters" attributes one claim, not the report,
    and is not counted; a byline ("By Xinhua") is the byline, not a credit.

Dates
    ISO 8601 from "2025-03-17", "March 17, 2025", "17 March 2025", "17.03.2025",
    "17/03/2025" or "03/17/2025" (day or month first, when one of the two is
    over 12: "03/04/2025" is ambiguous and gives no date); never invented (no
    year, "Published 12 January", "3 hours ago": no date) and never taken from
    the body text.

Duplicates and ids
    Two files with the same title and body (compared after normalisation) are
    one source: the first by file name is kept and the other reported. Ids are
    slugs of the file name, made unique with "-2", "-3"... in file-name order
    (reported, since renaming a file then changes ids).
"""

from __future__ import annotations

import codecs
import datetime
import functools
import hashlib
import os
import re
import stat
from collections.abc import Hashable
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from dossier.errors import yaml_problem
from dossier.model import Article, Paragraph, Problem
from dossier.lexicon import lexicon
from dossier.text import http_url, normalise, slugify

SEED_SUFFIXES = (".txt", ".md")
MAX_BYTES = 10 * 1024 * 1024
BOILERPLATE_MAX_CHARS = 600
TITLE_MAX_CHARS = 300
FRONTMATTER_KEYS = ("title", "date", "updated", "author", "outlet", "url", "language")
FRONTMATTER_MAX_CHARS = 64 * 1024

BINARY_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive or office document",
    b"\x1f\x8b": "a gzip archive",
    b"RIFF": "a RIFF media file",
    b"\x7fELF": "an executable",
}


class SeedError(Exception):
    """Why a seed file cannot be used at all."""


# --------------------------------------------------------------------------
# folder and files


def read_seeds(seeds_dir: Path) -> tuple[list[Article], list[Problem]]:
    """Every usable seed as an Article, sorted by file name, and a Problem for each one skipped."""
    if not seeds_dir.is_dir():
        return [], [Problem(str(seeds_dir), "seeds folder not found")]
    articles: list[Article] = []
    problems: list[Problem] = []
    first_by_digest: dict[str, str] = {}
    for path in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        try:
            if not _is_seed(path, seeds_dir):
                continue
            article, file_problems = read_seed(path)
        except SeedError as error:
            problems.append(Problem(path.name, str(error)))
            continue
        except Exception as error:  # one broken seed must never take the rest of the site down
            problems.append(Problem(path.name, f"unexpected error, skipped: {type(error).__name__}: {error}"))
            continue
        problems.extend(file_problems)
        if article.digest in first_by_digest:
            problems.append(Problem(path.name, f"same article as {first_by_digest[article.digest]}: skipped"))
            continue
        first_by_digest[article.digest] = path.name
        articles.append(article)
    return _with_unique_ids(articles, problems), problems


def _is_seed(path: Path, seeds_dir: Path) -> bool:
    """Whether to read `path`; raises SeedError for files that look meant as seeds but are unusable."""
    if path.name.startswith("."):
        return False
    mode = path.lstat().st_mode
    if stat.S_ISLNK(mode):
        target = Path(os.path.realpath(path))
        where = "inside" if target.is_relative_to(seeds_dir.resolve()) else "outside"
        raise SeedError(f"symbolic link to {where} the seeds folder: not followed (seeds must be regular files)")
    if stat.S_ISDIR(mode):
        return False
    if path.suffix.lower() not in SEED_SUFFIXES:
        raise SeedError(f"not a {' or '.join(SEED_SUFFIXES)} file: ignored")
    if not stat.S_ISREG(mode):
        raise SeedError("not a regular file: skipped")
    return True


def read_seed(path: Path) -> tuple[Article, list[Problem]]:
    """One seed file as an Article; raises SeedError when the file is not usable text."""
    text, notes = decode(_read_bytes(path))
    if not text.strip():
        raise SeedError("empty file: skipped")
    article, problems = parse_seed(text, path.name)
    return article, [Problem(path.name, note) for note in notes] + problems


def _read_bytes(path: Path) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise SeedError(f"cannot be opened: {error.strerror}") from error
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise SeedError("not a regular file: skipped")
        data = file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise SeedError(f"larger than {MAX_BYTES:,} bytes: skipped")
    return data


def _with_unique_ids(articles: list[Article], problems: list[Problem]) -> list[Article]:
    """Slug ids, made unique in file-name order without ever taking another file's own slug."""
    slugs = [slugify(Path(article.file).stem) for article in articles]
    own_slugs = set(slugs)
    taken: set[str] = set()
    unique = []
    for article, slug in zip(articles, slugs):
        source_id, n = slug, 2
        while source_id in taken or (source_id != slug and source_id in own_slugs):
            source_id, n = f"{slug}-{n}", n + 1
        if source_id != slug:
            problems.append(Problem(article.file, f"id {slug!r} is taken by another seed; this source is "
                                                  f"{source_id!r} (rename the file to keep its id stable)"))
        taken.add(source_id)
        unique.append(replace(article, id=source_id))
    return unique


# --------------------------------------------------------------------------
# bytes -> text

_LINE_BREAKS = re.compile(r"\r\n?|[\v\f\x1c-\x1e\x85\u2028\u2029]")
_CONTROL_CHARACTERS = re.compile(r"\x1b\[[0-9;?]{0,20}[ -/]{0,4}[@-~]|[\x00-\x08\x0e-\x1b\x1f\x7f-\x9f\ufeff]")
_UNPRINTABLE_SHARE = 0.1


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("dossier-cp1252", _cp1252_fallback)


def decode(data: bytes) -> tuple[str, list[str]]:
    """The text of a seed and notes on how it was read; raises SeedError for binary data."""
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise SeedError(f"binary file ({kind}), not text: skipped")
    notes = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
        notes.append("UTF-16 text; convert it to UTF-8")
    elif b"\x00" in data:
        raise SeedError("binary file (contains NUL bytes), not text: skipped")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            text = data.decode("utf-8-sig", errors="dossier-cp1252")
            notes.append(_decoding_note(data, text, error))
    unprintable = len(_CONTROL_CHARACTERS.findall(text)) + text.count("\ufffd")
    if unprintable > _UNPRINTABLE_SHARE * len(text):
        raise SeedError("binary file (mostly unprintable characters), not text: skipped")
    return _CONTROL_CHARACTERS.sub("", _LINE_BREAKS.sub("\n", text)), notes


def _decoding_note(data: bytes, text: str, error: UnicodeDecodeError) -> str:
    note = (f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}): "
            "bytes that are not UTF-8 were read as Windows-1252")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    if replaced:
        note += f"; {replaced} undecodable byte(s) became U+FFFD"
    return note + "; save the file as UTF-8"


# --------------------------------------------------------------------------
# cues (data/ingest.yaml)

_NAME = r"(?-i:[A-Z0-9](?:[\w&'’-]|\.(?=\w)){0,40}(?:\s+(?:of|the|and|&|[A-Z0-9](?:[\w&'’-]|\.(?=\w)){0,40})){0,5})"
_TRAILING_CONNECTORS = re.compile(r"(?:\s+(?:of|the|and|&))+$")


@dataclass(frozen=True)
class Cues:
    """The compiled contents of data/ingest.yaml."""

    section_labels: frozenset[str]
    list_labels: frozenset[str]
    label_patterns: tuple[re.Pattern, ...]
    role: re.Pattern  # a job title ending in one of the role words: "Political Correspondent"
    desk_words: frozenset[str]
    role_before_name: re.Pattern  # ", Political Editor" before "and John Roe"
    given_names: frozenset[str]  # data/given_names.yaml: "Jane" in "Jane Doe | 17 March 2025" is a byline
    name_connectors: frozenset[str]  # "and", and the particles of data/names.yaml: "Ana de Souza and Jo Roe"
    outlets: dict[str, str]  # data/outlets.yaml, case-folded -> as written: "Jane Doe, CNN"
    regions: frozenset[str]  # countries and US states, case-folded: "Qatar" in "Doha, Qatar –"
    teaser: re.Pattern
    captions: tuple[re.Pattern, ...]
    disclaimers: tuple[re.Pattern, ...]
    credit_lines: tuple[re.Pattern, ...]
    byline: re.Pattern
    staff: re.Pattern
    date_label: re.Pattern
    metadata_separators: re.Pattern  # "|", "•", ";", " / ", the space before a capitalised date label or before
                                     # "by" after a date
    updated_labels: frozenset[str]
    non_places: frozenset[str]
    wires: dict[str, str]  # every way of naming a wire service, case-folded -> its canonical name
    wire_report: re.Pattern


def _alternation(phrases) -> str:
    """A regex alternation of literal phrases, longest first so that no phrase hides a longer one."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=lambda p: (-len(p), p)))


def _patterns(sources: list[str]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(source.replace("<NAME>", _NAME), re.IGNORECASE) for source in sources)


@functools.cache
def cues() -> Cues:
    data = lexicon().ingest
    wires = {alias.casefold(): name for name, aliases in data.wire_services.items() for alias in [name, *aliases]}
    labels = data.published_labels + data.updated_labels
    return Cues(
        section_labels=frozenset(label.casefold() for label in data.section_labels),
        list_labels=frozenset(label.casefold() for label in data.list_labels),
        label_patterns=_patterns(data.label_patterns),
        desk_words=frozenset(word.casefold() for word in data.desk_words),
        role_before_name=re.compile(rf",\s+(?:[\w&'’-]{{1,30}}\s+){{0,4}}(?:{_alternation(data.role_words)})s?"
                                    rf"(?=\s+(?:and|&)\s)", re.IGNORECASE),
        given_names=frozenset(lexicon().given_names.female + lexicon().given_names.male),
        name_connectors=_LIST_JOINERS | frozenset(lexicon().names.particles),
        outlets={outlet.casefold(): outlet for outlet in lexicon().outlets},
        regions=frozenset(name.casefold() for name in [*_countries(), *lexicon().places.us_states]),
        role=re.compile(rf"(?:[\w&'’-]{{1,30}}\s+){{0,4}}(?:{_alternation(data.role_words)})s?", re.IGNORECASE),
        teaser=re.compile(rf"^(?:{_alternation(data.teaser_prefixes)})\s*(?::|\||>|[-–—])", re.IGNORECASE),
        captions=_patterns(data.caption_patterns),
        disclaimers=_patterns(data.disclaimer_patterns),
        credit_lines=_patterns(data.credit_line_patterns),
        byline=re.compile(rf"^(?:{_alternation(data.byline_labels)})(?:\s*:\s*|\s+)(?P<names>.+)$", re.IGNORECASE),
        staff=re.compile(rf"^(?:{_alternation(data.staff_labels)})(?:\s*:\s*|\s+)(?P<names>.+)$", re.IGNORECASE),
        date_label=re.compile(rf"^(?P<label>{_alternation(labels)})\b\s*(?P<colon>:)?\s*", re.IGNORECASE),
        metadata_separators=re.compile(
            rf"\s*[|•·∙;]\s*|\s+/\s+|(?<=\d)\s+(?=[Bb]y\s)"
            rf"|(?:\s+|(?<=\d))(?=(?:{_alternation(label[0].upper() + label[1:] for label in labels)})\b)"),
        updated_labels=frozenset(" ".join(label.casefold().split()) for label in data.updated_labels),
        non_places=frozenset(word.casefold() for word in data.dateline_non_places),
        wires=wires,
        wire_report=re.compile(
            rf"(?P<prefix>(?i:news\s+agency)\s+)?(?<![\w'’])(?P<name>[A-Z][\w.&-]{{0,30}}(?:\s+[A-Z][\w.&-]{{0,30}}){{0,3}})"
            rf"(?P<agency>\s+(?i:news\s+agency))?\s{{0,3}},?\s{{1,3}}(?:reported|reports|said|says|quoted|cited|wrote)\b"),
    )


def _countries() -> list[str]:
    return [name for country, aliases in lexicon().countries.items() for name in [country, *aliases]]


def _wire(name: str) -> str | None:
    """The canonical name of a wire service, or None when `name` is not one."""
    return cues().wires.get(" ".join(name.split()).casefold())


# --------------------------------------------------------------------------
# dates

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DATE_FORMS = tuple(
    re.compile(form, re.IGNORECASE)
    for form in (
        r"(?<!\d)(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})(?!\d)",
        rf"\b{_MONTH}\s+{_DAY},?\s+(?P<year>\d{{4}})(?!\d(?!\d?[:.]\d\d))",  # "20255:00 AM": year and time glued
        rf"(?<!\d){_DAY}\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})(?!\d)",
        r"(?<!\d)(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?!\d)",
        r"(?<!\d)(?P<first>\d{1,2})([/-])(?P<second>\d{1,2})\2(?P<year>\d{4})(?!\d)",  # day or month first
    )
)
_TIME_TOKEN = re.compile(
    r"""(?:at|on|[-–—/]|t?\d{1,2}[:.h]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:z|[ap]\.?m\.?|[+-]\d{2}:?\d{2})?|[ap]\.?m\.?|z
    |(?:utc|gmt)(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|et|ct|pt|est|edt|cst|cdt|mst|mdt|pst|pdt|bst|uk|cet|cest
    |eet|eest|msk|ist|jst|kst|hkt|sgt|aest|aedt|wib|hrs|\d{1,3}|ago|just|now|read|updated|(?:second|sec|minute|min|hour|hr|day|week)s?
    |(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)""",
    re.IGNORECASE | re.VERBOSE,
)
_TIME_SEPARATORS = re.compile(r"[\s,()]+")


def find_date(text: str) -> tuple[str, re.Match] | None:
    """The first real calendar date in `text`, as ISO 8601, with its match."""
    found = []
    for form in _DATE_FORMS:
        for match in form.finditer(text):
            iso = _iso_date(match)
            if iso:
                found.append((match.start(), iso, match))
                break
    if not found:
        return None
    _, iso, match = min(found, key=lambda item: item[0])
    return iso, match


def _iso_date(match: re.Match) -> str | None:
    """The date `match` found; "17/03/2025" and "03/17/2025" are read, "03/04/2025" is ambiguous: None."""
    if "first" in match.re.groupindex:
        first, second = int(match["first"]), int(match["second"])
        if (first > 12) == (second > 12):
            return None
        day, month_number = (first, second) if first > 12 else (second, first)
    else:
        month = match["month"]
        month_number = int(month) if month.isdigit() else _MONTHS[month[:3].casefold()]
        day = int(match["day"])
    year = int(match["year"])
    try:
        return datetime.date(year, month_number, day).isoformat()
    except ValueError:
        return None


def _only_times(text: str) -> bool:
    """Whether `text` holds nothing but times, weekdays, time zones and separators."""
    return all(_TIME_TOKEN.fullmatch(token) for token in _TIME_SEPARATORS.split(text) if token)


def parse_date(text: str) -> str | None:
    """`text` as an ISO date when it is a date (with an optional time) and nothing else."""
    found = find_date(text)
    if not found:
        return None
    iso, match = found
    return iso if _only_times(text[:match.start()] + " " + text[match.end():]) else None


# --------------------------------------------------------------------------
# frontmatter


class _FrontmatterLoader(yaml.SafeLoader):
    """A SafeLoader that reads every scalar as the text written and refuses what expands.

    Without implicit resolvers nothing turns into a number, a boolean, null or a timestamp
    (".inf", "0x1F", "1_000", a 5,000-digit title stay text; dates are parsed by `parse_date`).
    Aliases and merge keys are refused: eight nested levels of `<<: [*a, *a, ...]` in 600 bytes
    expand to millions of entries. A repeated key keeps its first value and is noted in
    `duplicates` as (key, line, first line), 1-based within the block.
    """

    yaml_implicit_resolvers: dict = {}

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[str, int, int]] = []

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in frontmatter",
                                              self.peek_event().start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[object, int] = {}
        unique = []
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise yaml.constructor.ConstructorError(None, None, "merge keys (<<) are not allowed in frontmatter",
                                                        key_node.start_mark)
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            if isinstance(key, Hashable) and key in seen:
                self.duplicates.append((str(key), line, seen[key]))
                continue
            if isinstance(key, Hashable):
                seen[key] = line
            unique.append((key_node, value_node))
        node.value = unique
        return super().construct_mapping(node, deep=deep)


_FRONTMATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)??(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}")


@dataclass
class Frontmatter:
    fields: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def split_frontmatter(text: str) -> tuple[Frontmatter, str]:
    """The checked frontmatter fields and the article text after them."""
    match = _FRONTMATTER.match(text)
    if not match:
        return Frontmatter(), text
    source = match["yaml"] or ""
    if len(source) > FRONTMATTER_MAX_CHARS:
        return Frontmatter(problems=["frontmatter is too long to be metadata: read as article text"]), text
    loader = _FrontmatterLoader(source)
    try:
        data = loader.get_single_data()
    except (yaml.YAMLError, RecursionError) as error:
        reason = " ".join(yaml_problem(error)[1].split())
        return Frontmatter(problems=[f"frontmatter is not valid YAML ({reason}): read as article text"]), text
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return Frontmatter(problems=["frontmatter is not a mapping of keys to values: read as article text"]), text
    frontmatter = _checked_frontmatter(data)
    # The block starts on the file's second line, after the opening "---".
    frontmatter.problems[:0] = [f"line {line + 1}: frontmatter key {key!r} repeats line {first + 1}: ignored"
                                for key, line, first in loader.duplicates]
    return frontmatter, text[match.end():]


def _checked_frontmatter(data: dict) -> Frontmatter:
    frontmatter = Frontmatter()
    unknown = sorted(str(key) for key in data if key not in FRONTMATTER_KEYS)
    if unknown:
        frontmatter.problems.append(f"unknown frontmatter key(s) {', '.join(map(repr, unknown))} ignored "
                                    f"(known: {', '.join(FRONTMATTER_KEYS)})")
    for key in FRONTMATTER_KEYS:
        if key not in data or data[key] is None:
            continue
        value = data[key]
        if not isinstance(value, str):  # only an explicit tag (!!int, !!seq, [..]) gives anything else
            frontmatter.problems.append(f"frontmatter {key!r} must be text, not {type(value).__name__}: ignored")
            continue
        text = " ".join(value.split())
        checked, reason = _check_field(key, text)
        if checked:
            frontmatter.fields[key] = checked
        elif reason:
            frontmatter.problems.append(f"frontmatter {key} {_shorten(text)!r} {reason}: ignored")
    return frontmatter


def _check_field(key: str, text: str) -> tuple[str | None, str | None]:
    """The field's checked value, or None and why not (no reason for an empty value)."""
    if not text:
        return None, None
    if key in ("date", "updated"):
        iso = parse_date(text)
        return iso, None if iso else "is not a valid date (use YYYY-MM-DD)"
    if key == "url":
        return (text, None) if http_url(text) else (None, "is not an http(s) URL")
    if key == "language":
        return (text, None) if _LANGUAGE_TAG.fullmatch(text) else (None, "is not a language tag such as 'en'")
    return text, None


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------
# text -> paragraph candidates

_EMOJI = (
    "\U0001F000-\U0001FAFF"  # pictographs, emoticons, transport, flags, supplemental symbols
    "\u2190-\u21FF\u2300-\u23FF\u25A0-\u27BF\u2900-\u297F\u2B00-\u2BFF"  # arrows, technical, shapes, dingbats
    "\u3030\u303D\u3297\u3299\uFE0E\uFE0F\u200D\u20E3\U000E0020-\U000E007F"  # marks, selectors, joiner, tags
)
_LEADING_DECORATION = re.compile(rf"(?:[\s{_EMOJI}]|#{{1,6}}(?=\s))++")
_TRAILING_DECORATION = re.compile(rf"(?:[\s{_EMOJI}]|(?<=\s)#++)++\Z")
_DECORATION_SPAN = 80  # decorations are short: looking further back only costs time on long paragraphs
_STRUCTURAL = re.compile(r"#{1,6}\s|[-*+•]\s|\d{1,3}[.)]\s|>")
_WRAP_MAX_WIDTH = 100


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
    candidates = []
    for block in filter(None, blocks):
        lines = [block[0]]
        for line in block[1:]:
            if width and _is_wrapped(lines[-1], line, width):
                lines.append(line)
            else:
                candidates.append(_undecorated(" ".join(lines)))
                lines = [line]
        candidates.append(_undecorated(" ".join(lines)))
    return [candidate for candidate in candidates if candidate]


def _undecorated(text: str) -> str:
    """`text` without emoji decorations or Markdown heading marks at either end."""
    leading = _LEADING_DECORATION.match(text)
    start = leading.end() if leading else 0
    trailing = _TRAILING_DECORATION.search(text, max(start, len(text) - _DECORATION_SPAN))
    return text[start:trailing.start() if trailing else len(text)]


def _wrap_width(blocks: list[list[str]]) -> int | None:
    """The column a hard-wrapped file is wrapped at, or None when lines are paragraphs."""
    inner = sorted(len(line) for block in blocks for line in block[:-1])
    if len(inner) < 3:
        return None
    width = inner[int(0.9 * (len(inner) - 1))]
    lengths = [len(line) for block in blocks for line in block]
    overlong = sum(length > width + 10 for length in lengths)
    ends = [line[-1] for block in blocks for line in block[:-1]]
    mid_sentence = sum(end not in _SENTENCE_END and end not in ":;)" for end in ends)
    # a line was wrapped because the next word did not fit: header lines ("By Jane Doe", "Share") have room left
    pairs = [(line, after) for block in blocks for line, after in zip(block, block[1:])]
    overflowing = sum(len(line) + 1 + len(after.split()[0]) > width for line, after in pairs)
    wrapped = (inner[len(inner) // 2] >= 0.6 * width and overlong <= 0.05 * len(lengths)
               and mid_sentence >= 0.5 * len(ends) and overflowing >= 0.7 * len(pairs))
    return width if wrapped and 30 <= width <= _WRAP_MAX_WIDTH else None


def _is_wrapped(previous: str, line: str, width: int) -> bool:
    """Whether `line` continues `previous`: its first word would not have fitted on it."""
    if _STRUCTURAL.match(line) or previous.startswith("#"):
        return False
    return len(previous) + 1 + len(line.split()[0]) > width


# --------------------------------------------------------------------------
# boilerplate and metadata lines


@dataclass(frozen=True)
class Boilerplate:
    """A paragraph candidate that is not body text, and the metadata it carries."""

    kind: str  # "metadata" | "teaser" | "caption" | "disclaimer" | "credit" | "label" | "stray"
    date: str | None = None
    updated: str | None = None
    byline: str | None = None
    outlet: str | None = None
    credited: tuple[str, ...] = ()
    desk: str | None = None  # a byline that names a job, not a person ("Legal Correspondent"): the byline
                             # only when no name is found
    dateline: str | None = None  # "NEW DELHI March 17, 2025": the place on a date line


_METADATA_MAX_CHARS = 200
_SENTENCE_END = frozenset(".!?\"”’»。！？")
_UNSPACED_SCRIPT = re.compile(r"[\u0e00-\u0eff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")  # Thai, Lao, kana, CJK: one "word"
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*|\d{1,4}\b|&|,")  # "FRANCE 24": a number after a word
_NAME_LIST = re.compile(r"(?:\s*+(?:[^\W\d_][\w.'’-]*+|\d{1,4}\b|&|,))++\s*+")
_LIST_JOINERS = frozenset({"and", "&", ",", "y"})  # between names: "Jane Doe and John Roe"
_BYLINE_PLACE = re.compile(r"\s+in\s+[^\W\d_].*$")


def classify(text: str) -> Boilerplate | None:
    """What kind of boilerplate the paragraph candidate `text` is, or None for body text."""
    if not any(character.isalnum() for character in text):
        return Boilerplate("stray")
    if len(text) > BOILERPLATE_MAX_CHARS:
        return None
    c = cues()
    if text.rstrip(":").strip().casefold() in c.section_labels or any(p.search(text) for p in c.label_patterns):
        return Boilerplate("label")
    found = _metadata_line(text)
    if found:
        return found
    if c.teaser.match(text):
        return Boilerplate("teaser")
    if any(pattern.search(text) for pattern in c.captions):
        return Boilerplate("caption")
    for pattern in c.disclaimers:
        match = pattern.search(text)
        if match:
            return Boilerplate("disclaimer", outlet=_name_group(match, "outlet"))
    for pattern in c.credit_lines:
        match = pattern.search(text)
        if match:
            return Boilerplate("credit", credited=_wires_in(_name_group(match, "names") or ""))
    if len(text.split()) == 1 and text[-1] not in _SENTENCE_END and not _UNSPACED_SCRIPT.search(text):
        return Boilerplate("stray")
    return None


def _name_group(match: re.Match, group: str) -> str | None:
    name = match.groupdict().get(group)
    return _TRAILING_CONNECTORS.sub("", name).strip() if name else None


def _wires_in(names: str) -> tuple[str, ...]:
    wires = (_wire(name) for name in re.split(r"\s*(?:,|&|\band\b)\s*", names))
    return tuple(dict.fromkeys(wire for wire in wires if wire))


def _metadata_line(text: str) -> Boilerplate | None:
    """Published/Updated dates, bylines and labels, alone or joined by "|": all parts or nothing. A part
    that is only a name ("TOI News Desk", "EXAMPLE.COM") counts when another part is a date or byline."""
    if len(text) > _METADATA_MAX_CHARS:
        return None
    merged: dict = {}
    names = []
    if text.startswith("(") and text.endswith(")"):  # "(Reporting by Jane Doe; Editing by John Roe)"
        text = text[1:-1]
    for part in cues().metadata_separators.split(text.strip("|•·∙; ")):
        found = _metadata_part(part)
        if found is None:
            if not (_is_name_list(part) or _DOMAIN.fullmatch(part) or _USER_NAME.fullmatch(part)):
                return None
            names.append(part)
            continue
        for key, value in found.items():
            merged.setdefault(key, value)
    if names:
        if not {"date", "updated", "byline"} & merged.keys():
            return None
        bylines = [name for name in names if _names_a_byline(name)]
        if bylines:
            merged.setdefault("byline", bylines[0])
    return Boilerplate("metadata", **merged)


_USER_NAME = re.compile(r"by\s+[a-z0-9_.-]{2,30}", re.IGNORECASE)  # "January 12, 2025 by admin": no byline
_SHOUTED_PLACE = re.compile(r"(?P<place>[A-Z][A-Z.'’-]{1,30}(?:\s[A-Z][A-Z.'’-]{1,30}){0,2}),?\s+(?=\S)")
_WITH_WIRE = re.compile(r"\s+(?:with|and)\s+(?P<wire>[\w.-]{2,30}(?:\s[\w.-]{2,30}){0,2})\s*$")
_BYLINE_PLACE_LINE = re.compile(r"in\s+[A-Z][\w.'’-]{1,30}(?:,?\s[A-Z][\w.'’-]{1,30}){0,2}")  # "in Beijing"
_HANDLE = re.compile(r"\s+@\w{1,30}$")
_DOMAIN = re.compile(r"(?:[\w-]{1,63}\.){1,4}[a-z]{2,12}", re.IGNORECASE)
_PARTIAL_DATE = re.compile(rf"{_DAY}\s+(?:of\s+)?{_MONTH}|{_MONTH.replace('<month>', '<month2>')}\s+{_DAY.replace('<day>', '<day2>')}",
                           re.IGNORECASE)
_FUNCTION_WORDS = frozenset({"to", "for", "from", "on", "in", "at", "with", "about", "by", "of", "and", "or"})
_NOT_A_ROLE = frozenset({"the", "a", "an", "our", "my", "your", "his", "her", "their", "this", "that"})


def _metadata_part(part: str) -> dict | None:
    c = cues()
    label = c.date_label.match(part)
    if label:
        rest = part[label.end():]
        kind = "updated" if " ".join(label["label"].casefold().split()) in c.updated_labels else "date"
        iso = parse_date(rest)
        if iso:
            return {kind: iso}
        partial = _PARTIAL_DATE.search(rest)  # "Published 12 January": a date without its year, never completed
        if label["colon"] or _only_times(rest) or (partial and _only_times(rest[:partial.start()] + " " + rest[partial.end():])):
            return {}
    iso = parse_date(part)
    if iso:
        return {"date": iso}
    place = _SHOUTED_PLACE.match(part)
    if place and _is_place(place["place"]) and parse_date(part[place.end():]):  # "NEW DELHI March 17, 2025"
        return {"date": parse_date(part[place.end():]), "dateline": place["place"].title()}
    if _only_times(part) and any(character.isdigit() for character in part):
        return {}
    for pattern, key in ((c.byline, "byline"), (c.staff, None)):
        match = pattern.match(part)
        if match:
            names, employer = _without_role_or_employer(match["names"])
            if _is_name_list(names) or _names_a_desk(names):
                return ({key: _BYLINE_PLACE.sub("", names).strip(" ,"), **employer} if key else {})
    names, employer = _without_role_or_employer(part)
    if employer and _is_name_list(names):  # "Jane Doe, Reuters"
        return {"byline": names, **employer}
    if part.rstrip(":").casefold() in c.section_labels or _BYLINE_PLACE_LINE.fullmatch(part):
        return {}
    if _is_role(_HANDLE.sub("", part)):  # "Legal Correspondent", "Political correspondent @janedoe"
        return {"desk": _HANDLE.sub("", part)}
    return None


def _without_role_or_employer(names: str) -> tuple[str, dict]:
    """Names without a job title, wire service or outlet after a comma, and the wire ("credited") or
    outlet ("outlet") found there: "Jane Doe, Reuters", "Jane Doe, CNN", "Jane Doe, Staff Writer"."""
    with_wire = _WITH_WIRE.search(names)
    if with_wire and _wire(with_wire["wire"]):  # "Jane Doe with AP"
        return names[:with_wire.start()].strip(), {"credited": (_wire(with_wire["wire"]),)}
    names = cues().role_before_name.sub("", names)  # "Jane Doe, Political Editor and John Roe, ..."
    head, comma, tail = names.rpartition(",")
    if not comma or not head.strip():
        return names, {}
    wire, outlet = _wire(tail), cues().outlets.get(" ".join(tail.split()).casefold())
    if wire:
        return head.strip(), {"credited": (wire,)}
    if outlet:
        return head.strip(), {"outlet": outlet}
    return (head.strip(), {}) if _is_role(tail) else (names, {})


def _names_a_desk(name: str) -> bool:
    """ "The Kyiv Independent news desk", "Reuters staff": a byline although not all words are capitalised."""
    words = name.split()
    return 2 <= len(words) <= 6 and words[0][0].isupper() and words[-1].casefold() in cues().desk_words


def _names_a_byline(name: str) -> bool:
    """Whether a name alone beside a date on a metadata line is the byline: a desk ("TOI News Desk") or
    a person ("Jane Doe"), not a place ("New Delhi | March 17, 2025")."""
    words = name.split()
    return len(words) >= 2 and (_names_a_desk(name) or words[0] in cues().given_names)


def _is_role(text: str) -> bool:
    """A job title alone: "Political Correspondent", "Staff writer" (not "the reporter", "Notes to editors")."""
    words = text.casefold().split()
    return bool(cues().role.fullmatch(text.strip())) and words[0] not in _NOT_A_ROLE and not _FUNCTION_WORDS & set(words)


def _is_name_list(text: str) -> bool:
    """Whether `text` reads as people's names ("Jane Doe and John Roe", "Xinhua"), not a sentence."""
    text = _BYLINE_PLACE.sub("", text)
    tokens = _NAME_WORD.findall(text)
    if not _NAME_LIST.fullmatch(text) or len(tokens) > 12 or tokens[0].isdigit():
        return False
    connectors = cues().name_connectors
    return all(token.casefold() in connectors or token[0].isupper() or token.isdigit() for token in tokens) and any(
        token[0].isupper() for token in tokens)


def take_glued_date(text: str) -> tuple[str | None, str]:
    """A date label glued onto the title line ("date 2025-03-17 Title") and the rest of the line."""
    label = cues().date_label.match(text)
    if not label:
        return None, text
    rest = text[label.end():]
    found = find_date(rest)
    if not found or found[1].start() != 0 or not rest[found[1].end():].strip():
        return None, text
    return found[0], rest[found[1].end():].strip()


def is_title_copy(text: str, title: str) -> bool:
    """A repeated or truncated copy of the title, or the title with a site name after a separator."""
    if len(text) > len(title) + _DECORATION_SPAN:
        return False
    candidate, title = _comparable(text), _comparable(title)
    if not candidate or not title:
        return False
    if candidate == title or title.startswith(candidate + " "):
        return True
    rest = candidate[len(title):]
    return candidate.startswith(title) and bool(re.match(r"\s*[|:–—-]\s", rest)) and len(rest.split()) <= 7


def _comparable(text: str) -> str:
    return normalise(_undecorated(text)).casefold().rstrip(" .:!?")


# --------------------------------------------------------------------------
# datelines and credits


_DATELINE = re.compile(
    rf"""(?:\*\*|__)?(?P<place>[^\W\d_][\w.'’-]{{0,30}}(?:\s+[^\W\d_][\w.'’-]{{0,30}}){{0,3}})?(?:\*\*|__)?
    (?:,\s+(?P<region>[^\W\d_][\w.'’-]{{0,30}}(?:\s+[^\W\d_][\w.'’-]{{0,30}}){{0,2}}))??
    (?:,\s+(?i:{_MONTH})\s+\d{{1,2}}(?:,\s+\d{{4}})?)?
    (?:\s{{0,3}}\((?P<credit>[^()\n]{{1,40}})\)|\s{{1,3}}/(?P<release_wire>[^/\n]{{1,40}})/)?
    \s{{0,3}}(?P<separator>-{{1,2}}|[–—]|:)(?:\s{{1,3}}(?=\S)|\s*\Z)""",
    re.VERBOSE,
)


_POSSESSIVE = re.compile(r"['’]s$")
DATELINE_WINDOW = 3  # a leftover caption or standfirst may come before the dateline paragraph


@dataclass(frozen=True)
class Dateline:
    place: str | None
    credited: tuple[str, ...]
    rest: str  # the paragraph without its dateline


def find_dateline(paragraph: str, opening: bool = True) -> Dateline | None:
    """The dateline starting a paragraph ("MOSCOW -", "Moscow:", "PARIS (AFP) --", "Doha, Qatar –"), or
    alone on its line ("WASHINGTON (AP) —"). Only the opening paragraph may have a place before a
    colon without a wire credit: later, "Moscow's ask:" is a heading and "DANIEL ORTEGA:" a speaker."""
    match = _DATELINE.match(paragraph)
    if not match or not (match["place"] or match["credit"]):
        return None
    place, credit = match["place"], match["credit"] or match["release_wire"]
    if place and not credit:
        place, credit = _place_and_outlet(place)
    credited = _wires_in(credit) if credit else ()
    dash = match["separator"] != ":"
    if not paragraph[match.end():] and not (credit or dash):
        return None  # "KEY POINTS:" alone is a heading
    if place:
        if not _is_place(place):
            return None
        shouting = place.isupper() and sum(ch.isalpha() for ch in place) >= 4 and (opening or dash)
        with_region = dash and (match["region"] or "").casefold() in cues().regions  # "Doha, Qatar –"
        titled = not place.isupper() and ((opening and not dash) or credit or with_region)
        if not (shouting or titled):
            return None
        place = place.title() if place.isupper() else place
    elif not credited:
        return None
    return Dateline(place=place, credited=credited, rest=paragraph[match.end():])


def _place_and_outlet(words: str) -> tuple[str, str | None]:
    """ "New York CNN" -> ("New York", "CNN"): a broadcaster's dateline names it without parentheses."""
    words = words.split()
    for start in range(1, len(words)):
        tail = " ".join(words[start:])
        if _wire(tail) or tail.casefold() in cues().outlets:
            return " ".join(words[:start]), tail
    return " ".join(words), None


def _is_place(name: str) -> bool:
    words = name.split()
    return (name.casefold() not in cues().non_places and all(word[0].isupper() for word in words)
            and not any(_POSSESSIVE.search(word) for word in words))


def credits_in(paragraph: str) -> tuple[str, ...]:
    """Wire services a body paragraph credits for the report ("..., Xinhua news agency reported")."""
    names = []
    for match in cues().wire_report.finditer(paragraph):
        name = re.sub(r"^the\s+", "", match["name"], flags=re.IGNORECASE)
        wire = _wire(name)
        if wire or match["prefix"] or match["agency"]:
            names.append(wire or name)
    return tuple(dict.fromkeys(names))


# --------------------------------------------------------------------------
# text -> Article


@dataclass
class _Metadata:
    date: str | None = None
    updated: str | None = None
    byline: str | None = None
    outlet: str | None = None
    desk: str | None = None
    dateline: str | None = None
    credited: list[str] = field(default_factory=list)

    def take(self, found: Boilerplate) -> None:
        """Fill what is still unknown from a boilerplate line: the first mention wins."""
        for name in ("date", "updated", "byline", "outlet", "desk", "dateline"):
            if getattr(self, name) is None:
                setattr(self, name, getattr(found, name))
        self.credited.extend(found.credited)


HEADER_LINES = 10  # bylines, dates and labels come before the article, within its first lines
TEASER_MAX_CHARS = 120
BIO_WINDOW = 3  # an author's bio is one of the last paragraphs
_TEASER_END = frozenset(".!:;,\"”’»)")
_BIO = re.compile(r"\s+(?:is|was|writes|covers|reports)\b")


def _in_context(candidates: list[str], found: list[Boilerplate | None]) -> list[Boilerplate | None]:
    """`found` with what only context tells: a bare name beside a date or a job title in the header is the
    byline ("Jane Doe" over "Tue 4 Jun 2024"); the headline-like lines after a list label ("More on this
    story", "Explore more on these topics") are teasers and tags, until a line reads as text again."""
    found = list(found)
    for i, candidate in enumerate(candidates[:HEADER_LINES]):
        if any(f and (f.byline or f.desk) for f in found[:i]):
            break
        if found[i] is None and _is_bare_name(candidate) and any(
                n and n.kind == "metadata" and (n.date or n.updated or n.desk or not n.byline)
                for n in (_nearest_line(found, i, -1), _nearest_line(found, i, 1))):
            found[i] = Boilerplate("metadata", byline=candidate)
    in_list, run = False, []
    for i, candidate in enumerate([*candidates, None]):
        if candidate is not None and found[i] is None and in_list and _is_teaser(candidate):
            run.append(i)
            continue
        if len(run) >= 2 or (run and (candidate is None or found[i] or "," in candidates[run[0]])):
            # one line before text is a heading, unless it lists tags ("Pensions, State pension age")
            for j in run:
                found[j] = Boilerplate("teaser")
        run = []
        if candidate is not None and found[i] and found[i].kind in ("label", "metadata", "stray"):
            in_list = in_list or candidate.rstrip(":").strip().casefold() in cues().list_labels
        else:
            in_list = False
    return found


def _is_teaser(text: str) -> bool:
    return len(text) <= TEASER_MAX_CHARS and text[-1] not in _TEASER_END


def _nearest_line(found: list[Boilerplate | None], i: int, step: int) -> Boilerplate | None:
    """What the nearest line before or after line `i` is, passing over buttons and labels ("Follow",
    "Share", "7 min read") that page layouts put between a byline and its date."""
    j = i + step
    while 0 <= j < len(found) and found[j] and found[j].kind in ("stray", "label", "disclaimer") and abs(j - i) < 5:
        j += step
    return found[j] if 0 <= j < len(found) else None


def _is_bare_name(text: str) -> bool:
    """Two to four capitalised words that read as a person's name."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(word[0].isupper() for word in words) and _is_name_list(text) and not any(
        word in ("&", ",") or word.endswith(",") for word in words)


def _without_author_bio(body: list[str], byline: str | None) -> list[str]:
    """The body without "Jane Doe is a reporter covering..." among its last paragraphs."""
    if not byline:
        return body
    names = [name.strip() for name in re.split(r",|\band\b|&", byline) if len(name.split()) >= 2]
    start = max(0, len(body) - BIO_WINDOW)
    return body[:start] + [
        paragraph for paragraph in body[start:]
        if len(paragraph) > BOILERPLATE_MAX_CHARS
        or not any(paragraph.startswith(name) and _BIO.match(paragraph, len(name)) for name in names)]


def without_section_prefix(title: str) -> str:
    """The title without a section label before a bar: "Opinion | Why rates must hold" -> "Why rates must hold"."""
    label, bar, rest = title.partition("|")
    if bar and rest.strip() and label.strip().casefold() in cues().section_labels:
        return rest.strip()
    return title


def parse_seed(text: str, file: str) -> tuple[Article, list[Problem]]:
    """One decoded seed as an Article (its id a slug of `file`; read_seeds makes ids unique)."""
    frontmatter, body_text = split_frontmatter(text)
    problems = [Problem(file, message) for message in frontmatter.problems]
    metadata = _Metadata()
    title = frontmatter.fields.get("title")
    body: list[str] = []
    candidates = paragraph_candidates(body_text)
    for candidate, found in zip(candidates, _in_context(candidates, [classify(c) for c in candidates])):
        if found is None and not body:
            glued_date, candidate = take_glued_date(candidate)
            metadata.date = metadata.date or glued_date
        if found:
            metadata.take(found)
        elif title is not None and is_title_copy(candidate, title):
            continue
        elif title is None and not body and len(candidate) <= TITLE_MAX_CHARS:
            title = without_section_prefix(candidate)
        else:
            body.append(candidate)
    byline = frontmatter.fields.get("author", metadata.byline or metadata.desk)
    body = _without_author_bio(body, byline)
    if title is None:
        title = " ".join(re.sub(r"[_-]+", " ", Path(file).stem).split()) or file
        problems.append(Problem(file, f"no title line found: titled {title!r} after the file name"))
    if not body:
        problems.append(Problem(file, "no article text after the title"))
    dateline = None
    for position, paragraph in enumerate(body[:DATELINE_WINDOW]):
        dateline = find_dateline(paragraph, opening=position == 0)
        if dateline:
            body[position:position + 1] = [dateline.rest] if dateline.rest else []  # "WASHINGTON (AP) —" alone
            break
    credited = [*(dateline.credited if dateline else ()), *(c for p in body for c in credits_in(p)), *metadata.credited]
    fields = frontmatter.fields
    article = Article(
        id=slugify(Path(file).stem),
        file=file,
        title=title,
        paragraphs=tuple(Paragraph(index, paragraph) for index, paragraph in enumerate(body, start=1)),
        date=fields.get("date", metadata.date),
        updated=fields.get("updated", metadata.updated),
        byline=byline,
        credited=tuple(dict.fromkeys(credited)),
        dateline=dateline.place if dateline else metadata.dateline,
        outlet=fields.get("outlet", metadata.outlet),
        url=fields.get("url"),
        language=fields.get("language"),
        digest=hashlib.sha256(normalise("\n".join([title, *body])).encode("utf-8")).hexdigest(),
    )
    return article, problems
