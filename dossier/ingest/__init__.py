"""Stage 1: seed files -> Articles, and a Problem for everything that could not be used.

Seeds come from scraped pages, copy-paste and contributors nobody knows, so this
stage reads them defensively and keeps whatever it can (nothing lost, nothing
interpreted). The rules, for the README:

Which files
    `*.txt` and `*.md` (any case) directly in the seeds folder, in file-name
    order. Hidden files and sub-folders are ignored silently; any other file
    gets a Problem. Symbolic links are never followed, wherever they point (a
    link outside the folder could expose private files), and neither are
    FIFOs or devices. Files over MAX_BYTES (8 MiB, far above the longest real long
    reads) are skipped, with their size in the warning.

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

Title
    The first line that is not boilerplate, unless it ends with a full stop: a
    headline has none, so that line is the lede and stays text (a stored page
    often starts at the lede), and the article is titled after its file name,
    reported, as when the file holds no line at all before the text.

Boilerplate (kept out of the body, and so out of every extraction)
    The title and repeated or truncated copies of it; a masthead, a newspaper's
    name alone as the first line above the headline ("Gateway Gazette"), or "The"
    and a name above a date line above it ("The Hippo"), either printed as its
    logo's text ("Gibraltar Chronicle Logo"), which gives the outlet;
    an institution's name (data: organizations.yaml's institutions) as the first line: above a
    headline a kicker ("Legislative Council of Hong Kong"), above the text the
    masthead of its own page, which gives the outlet; a date label glued onto
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
    alone ("Legal Correspondent") is the byline only when no name is found. A
    person's name in capitals alone right under the headline ("QUEEN MOSARWE")
    is the byline when none is labelled; a name opening with "The" is never one.
    "in Beijing" after a byline, "by admin" after a date, bracketed credits and
    a label left empty ("Author:", "• By") are metadata too.

Headings
    Short heading lines stay paragraphs (they are text the reader saw); emoji
    decorations and Markdown `#` marks at either end of any paragraph or title
    are removed, emoji inside a sentence are kept.

Dateline
    "MOSCOW -", "KYIV, Ukraine --", "Moscow:", "WASHINGTON, March 17 (Reuters) -",
    "RENO, Nev., March 17, 2025 /PRNewswire/ --", "New York CNN —"
    at the start of the first paragraph (or of the second or third, when an
    unrecognised caption or standfirst comes first; a summary's bullet points
    are passed over) becomes Article.dateline
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
    and is not counted; a byline ("By Xinhua") is the byline, not a credit, unless
    the reporters sign further down ("by Reuters" ... "By Jane Doe"). A wire's
    bureau signs as the wire ("AFP Brisbane": AFP).

Outlet
    Who publishes the page, from the text only, the first of: a masthead or logo
    line, a copyright line (of a syndicated story, the distributor: "Copyright ©
    2020 Coastline Newspaper ... Distributed by AllAfrica Global Media
    (allAfrica.com)" gives AllAfrica, cut to the words its site spells), an
    "originally published on" line, a comment disclaimer; then a credit naming
    the publisher anywhere (its photo's copyright, its file photo, "Follow X for
    live updates", its newsletter); last, a dateline's credit that names no wire
    service, the paper's or station's own ("TAIPEI (TVBS News) —"; of sister
    stations "(KNWA/KFTA)", the first). A wire's credit names the agency, whoever
    prints its report, and a press release's distributor ("(BUSINESS WIRE)",
    data: non_outlet_credits) publishes nothing, so neither gives an outlet; nor do
    a body's mentions ("told Newsweek"), which as often name another outlet. A
    name the outlets list writes with "The" is written so. Where nothing tells,
    the outlet stays empty: frontmatter `outlet:` sets it.

Dates
    ISO 8601 from "2025-03-17", "March 17, 2025" (or "Nov 23,2018"), "17 March 2025", "17.03.2025",
    "17/03/2025" or "03/17/2025" (day or month first, when one of the two is
    over 12: "03/04/2025" is ambiguous and gives no date); never invented (no
    year, "Published 12 January", "3 hours ago": no date) and never taken from
    the body text. A dateline that prints a full date gives it when no date line
    does ("FRANKFORT, Ky. (Oct. 28, 2021) –", "EDMONTON, AB (January 22, 2016):").

Duplicates and ids
    Two files with the same title and body (compared after normalisation) are
    one source: the first by file name is kept and the other reported. Ids are
    slugs of the file name, made unique with "-2", "-3"... in file-name order
    (reported, since renaming a file then changes ids).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from dossier.ingest.boilerplate import (Boilerplate, as_wire, classify, in_context, is_headline_under_standfirst,
                                        is_lede, is_list_item, is_title_copy, publisher, take_glued_date, without_author_bio,
                                        without_section_prefix)
from dossier.ingest.cues import wire_service
from dossier.ingest.dateline import DATELINE_WINDOW, credits_in, find_dateline
from dossier.ingest.decode import decode
from dossier.ingest.files import SeedError, is_seed, read_bytes
from dossier.ingest.frontmatter import split_frontmatter
from dossier.ingest.paragraphs import paragraph_candidates
from dossier.memo import Memo, call_key
from dossier.model import Article, Paragraph, Problem
from dossier.text import normalise, slugify, with_apostrophes

TITLE_MAX_CHARS = 300


# --------------------------------------------------------------------------
# folder and files


def read_seeds(seeds_dir: Path, parsed: Memo[tuple[Article, tuple[Problem, ...]]] | None = None
               ) -> tuple[list[Article], list[Problem]]:
    """Every usable seed as an Article, sorted by file name, and a Problem for each one skipped.
    `parsed` keeps what parse_seed made of each seed between builds (dossier.memo)."""
    if not seeds_dir.is_dir():
        return [], [Problem(str(seeds_dir), "seeds folder not found")]
    articles: list[Article] = []
    problems: list[Problem] = []
    first_by_digest: dict[str, str] = {}
    for path in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        try:
            if not is_seed(path, seeds_dir):
                continue
            article, file_problems = read_seed(path, parsed)
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


def read_seed(path: Path, parsed: Memo[tuple[Article, tuple[Problem, ...]]] | None = None
              ) -> tuple[Article, list[Problem]]:
    """One seed file as an Article; raises SeedError when the file is not usable text."""
    text, notes = decode(read_bytes(path))
    if not text.strip():
        raise SeedError("empty file: skipped")
    if parsed is None:
        article, problems = parse_seed(text, path.name)
    else:
        article, problems = parsed.get(call_key(path.name, text), lambda: _parsed(text, path.name))
    return article, [Problem(path.name, note) for note in notes] + list(problems)


def _parsed(text: str, file: str) -> tuple[Article, tuple[Problem, ...]]:
    article, problems = parse_seed(text, file)
    return article, tuple(problems)


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
        """Fill what is still unknown from a boilerplate line: the first mention wins, but for a byline naming
        only a wire service ("by Reuters" over the story), which gives way to one naming the reporters: the
        wire is then credited."""
        if self.byline and found.byline and wire_service(self.byline) and not wire_service(found.byline):
            self.credited.append(wire_service(self.byline))
            self.byline = None
        for name in ("date", "updated", "byline", "outlet", "desk", "dateline"):
            if getattr(self, name) is None:
                setattr(self, name, getattr(found, name))
        self.credited.extend(found.credited)


def parse_seed(text: str, file: str) -> tuple[Article, list[Problem]]:
    """One decoded seed as an Article (its id a slug of `file`; read_seeds makes ids unique), its
    apostrophes printed as right double marks mended (text.with_apostrophes)."""
    frontmatter, body_text = split_frontmatter(with_apostrophes(text))
    problems = [Problem(file, message) for message in frontmatter.problems]
    metadata = _Metadata()
    title = frontmatter.fields.get("title")
    body: list[str] = []
    candidates = paragraph_candidates(body_text)
    for at, (candidate, found) in enumerate(zip(candidates, in_context(candidates, [classify(c) for c in candidates]))):
        if found is None and not body:
            glued_date, candidate = take_glued_date(candidate)
            metadata.date = metadata.date or glued_date
        if found:
            metadata.take(found)
        elif title is not None and is_title_copy(candidate, title):
            continue
        elif title is None and len(candidate) <= TITLE_MAX_CHARS and (
                (not body and not is_lede(candidate)) or (len(body) == 1 and is_headline_under_standfirst(
                    body[0], candidate, candidates[at + 1] if at + 1 < len(candidates) else None))):
            title = without_section_prefix(candidate)
        else:
            body.append(candidate)
    byline = frontmatter.fields.get("author", metadata.byline and as_wire(metadata.byline) or metadata.desk)
    body = without_author_bio(body, byline)
    titled_from_file = title is None
    if titled_from_file:
        title = " ".join(re.sub(r"[_-]+", " ", Path(file).stem).split()) or file
        problems.append(Problem(file, f"no title line found: titled {title!r} after the file name"))
    if not body:
        problems.append(Problem(file, "no article text after the title"))
    dateline = None
    unlisted = [position for position, paragraph in enumerate(body) if not is_list_item(paragraph)]
    for position in unlisted[:DATELINE_WINDOW]:  # a summary's bullet points may come before the dateline
        paragraph = body[position]
        dateline = find_dateline(paragraph, opening=position == unlisted[0])
        if dateline:
            body[position:position + 1] = [dateline.rest] if dateline.rest else []  # "WASHINGTON (AP) —" alone
            break
    if byline is None and dateline and dateline.credited:
        byline = dateline.credited[0]  # "LONDON, Sept 28 (Reuters) –" and nobody signs: the wire is the byline
    credited = [*(dateline.credited if dateline else ()), *(c for p in body for c in credits_in(p)), *metadata.credited]
    fields = frontmatter.fields
    article = Article(
        id=slugify(Path(file).stem),
        file=file,
        title=title,
        paragraphs=tuple(Paragraph(index, paragraph) for index, paragraph in enumerate(body, start=1)),
        date=fields.get("date", metadata.date or (dateline.date if dateline else None)),
        updated=fields.get("updated", metadata.updated),
        byline=byline,
        credited=tuple(dict.fromkeys(credited)),
        dateline=dateline.place if dateline else metadata.dateline,
        outlet=fields.get("outlet", metadata.outlet or publisher(candidates) or (dateline and dateline.outlet)),
        url=fields.get("url"),
        language=fields.get("language"),
        digest=hashlib.sha256(normalise("\n".join([title, *body])).encode("utf-8")).hexdigest(),
        titled_from_file=titled_from_file,
    )
    return article, problems
