"""Paragraph candidates that are no body text (bylines, dates, labels, teasers, captions), and the
metadata they carry; the rules are in the package docstring, the cue words in data/ingest.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.ingest.cues import TRAILING_CONNECTORS, cues, wire_service, wires_in
from dossier.ingest.dateline import find_dateline, is_place
from dossier.ingest.dates import DAY, MONTH, find_date, only_times, parse_date
from dossier.ingest.paragraphs import DECORATION_SPAN, undecorated
from dossier.text import QUOTE_MARKS, ends_sentence, normalise

BOILERPLATE_MAX_CHARS = 600


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
_UNSPACED_SCRIPT = re.compile(r"[\u0e00-\u0eff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")  # Thai, Lao, kana, CJK: one "word"
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*|\d{1,4}\b|&|,")  # "FRANCE 24": a number after a word
_NAME_LIST = re.compile(r"(?:\s*+(?:[^\W\d_][\w.'’-]*+|\d{1,4}\b|&|,))++\s*+")
_LIST_ITEM = re.compile(r"[\u2022\u25aa\u25cf*]\s")  # "• ", "* ": a bullet a page prints
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
            return Boilerplate("disclaimer", outlet=_outlet(match))
    for pattern in c.credit_lines:
        match = pattern.search(text)
        if match:
            return Boilerplate("credit", credited=wires_in(_name_group(match, "names") or ""))
    if len(text.split()) == 1 and not ends_sentence(text) and not _UNSPACED_SCRIPT.search(text):
        return Boilerplate("stray")
    return None


def publisher(candidates: list[str]) -> str | None:
    """The outlet a credit in the text names as the page's publisher (data/ingest.yaml:
    publisher_patterns), the first found; never a wire service, whose credit names its agency, nor a
    company ("Examiner Echo Group Limited"), which owns the outlet a reader cites."""
    for candidate in candidates:
        for pattern in cues().publishers:
            match = pattern.search(candidate)
            name = _outlet(match) if match else None
            if name and not wire_service(name):
                return name
    return None


def _outlet(match: re.Match) -> str | None:
    """The outlet a credit names, unless it names a company ("© Examiner Echo Group Limited"): the owner,
    not the outlet a reader cites. A name followed by its web site's is cut to the words that spell the
    site ("AllAfrica Global Media (allAfrica.com)" -> "AllAfrica"), and one the outlets list knows with
    "The" before it is written so ("Asahi Shimbun" -> "The Asahi Shimbun"). A year after the name is the
    copyright's ("Copyright © PA Business 2008")."""
    name = _YEARS_AFTER.sub("", _name_group(match, "outlet") or "")
    if not name or name.split()[-1].casefold() in cues().company_words:
        return None
    site = _OWN_SITE.match(match.string, match.end("outlet"))
    name = spelled_by_site(name, site["site"]) if site else name
    return cues().outlets.get("the " + name.casefold(), name)


_YEARS_AFTER = re.compile(r"\s+(?:19|20)\d\d(?:\s*[-\u2013]\s*(?:19|20)\d\d)?$")
_OWN_SITE = re.compile(r"\s*\((?:www\.)?(?P<site>[\w-]{2,63})(?:\.[a-z]{2,12}){1,2}\)", re.IGNORECASE)


def spelled_by_site(name: str, site: str) -> str:
    """The first words of `name` that spell the site's name ("AllAfrica" of "AllAfrica Global Media" and
    "allafrica"), or the whole name when none do."""
    words, spelled = name.split(), _letters_only(site)
    for end in range(1, len(words) + 1):
        if _letters_only("".join(words[:end])) == spelled:
            return " ".join(words[:end])
    return name


def _letters_only(text: str) -> str:
    return re.sub(r"[\W_]", "", text).casefold()


def _name_group(match: re.Match, group: str) -> str | None:
    name = match.groupdict().get(group)
    return TRAILING_CONNECTORS.sub("", name).strip() if name else None



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
_PARTIAL_DATE = re.compile(rf"{DAY}\s+(?:of\s+)?{MONTH}|{MONTH.replace('<month>', '<month2>')}\s+{DAY.replace('<day>', '<day2>')}",
                           re.IGNORECASE)
_PLACE_AND_DATE = re.compile(r"(?P<place>[A-Z][\w.'’-]{1,30}(?:\s[A-Z][\w.'’-]{1,30}){0,2}),\s+(?P<date>.{4,40})")
_FILED_IN = re.compile(r"(?P<date>.{6,60}?)\s+in\s+[A-Z][\w&'’-]{0,30}(?:\s+[A-Z][\w&'’-]{0,30}){0,2}")
_FUNCTION_WORDS = frozenset({"to", "for", "from", "on", "in", "at", "with", "about", "by", "of", "and", "or"})
_DETERMINERS = frozenset({"the", "a", "an", "our", "my", "your", "his", "her", "their", "this", "that"})  # open no role, no name


def _metadata_part(part: str) -> dict | None:
    c = cues()
    label = c.date_label.match(part)
    if label:
        rest = part[label.end():]
        kind = "updated" if " ".join(label["label"].casefold().split()) in c.updated_labels else "date"
        iso = parse_date(rest)
        if iso:
            return {kind: iso}
        if label["colon"] or only_times(rest) or _partial_date_only(rest):  # "Published 12 January"
            return {}
    iso = parse_date(part)
    if iso:
        return {"date": iso}
    dated = _section_and_date(part)
    if dated is not None:
        return dated
    filed = _FILED_IN.fullmatch(part)  # "February 27, 2024 @ 15:55 in National": the date, then its section
    if filed and (iso := parse_date(filed["date"])):
        return {"date": iso}
    listed = _listed_date(part)
    if listed:
        return listed
    place = _SHOUTED_PLACE.match(part)
    if place and is_place(place["place"]) and parse_date(part[place.end():]):  # "NEW DELHI March 17, 2025"
        return {"date": parse_date(part[place.end():]), "dateline": place["place"].title()}
    place = _PLACE_AND_DATE.fullmatch(part)  # "Margao, November 28" alone: a dateline, its year never completed
    if place and is_place(place["place"]) and not only_times(place["place"]):
        iso = parse_date(place["date"])
        if iso or _PARTIAL_DATE.fullmatch(place["date"]):
            return {"date": iso, "dateline": place["place"]}
    if only_times(part) and any(character.isdigit() for character in part):
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
    if names != part and _is_bare_name(names):  # "Lillian Hanly, Political reporter": a job title shows the byline
        return {"byline": names}
    if (part.rstrip(":").casefold() in c.section_labels or _BYLINE_PLACE_LINE.fullmatch(part)
            or c.empty_byline.match(part) or any(p.search(part) for p in c.label_patterns)):  # "Views: 3437"
        return {}  # "Author:" left empty beside "Posttime:2013-06-25" names nobody
    if _is_role(_HANDLE.sub("", part)):  # "Legal Correspondent", "Political correspondent @janedoe"
        return {"desk": _HANDLE.sub("", part)}
    return None


def _section_and_date(part: str) -> dict | None:
    """A section's label and the date it files the story under, on one line: "News 13 March 2025", or
    "news 13 Dec 17", whose two-digit year no date form reads (the line is still no headline)."""
    words = part.split()
    for end in range(1, min(len(words), 3)):
        if " ".join(words[:end]).casefold() in cues().section_labels:
            rest = " ".join(words[end:])
            iso = parse_date(rest)
            if iso or _partial_date_only(rest):
                return {"date": iso}
    return None


def _partial_date_only(text: str) -> bool:
    """Whether `text` is a day and month without a year ("12 January", "13 Dec 17"), with nothing else but
    times: a date never completed, read as none."""
    partial = _PARTIAL_DATE.search(text)
    return partial is not None and only_times(text[:partial.start()] + " " + text[partial.end():])


def _listed_date(part: str) -> dict | None:
    """A date among a place and who publishes the page, a comma between each: "7:15 pm GMT+12, 15/04/2018,
    Port Vila" (a time may come first), "Radio & TV Harbour, Port Vila, 28/02/2019" (the outlet first,
    unless a person's or a wire's name, a job title or one word, which may be a place, stands there; before
    a country, "Nairobi, Kenya, 28/02/2019", it is the place)."""
    pieces = [piece for piece in _COMMA.split(part) if not only_times(piece)]
    dates = [parse_date(piece) for piece in pieces]
    names = [piece for piece, iso in zip(pieces, dates) if not iso]
    if len(pieces) - len(names) != 1 or not 1 <= len(names) <= 2 or not all(map(_is_listed_name, names)):
        return None
    if len(names) == 2 and names[-1].casefold() in cues().regions:  # "Nairobi, Kenya, 28/02/2019"
        return {"date": next(filter(None, dates)), "dateline": names[0]}
    found = {"date": next(filter(None, dates)), "dateline": names[-1]}
    outlet = names[0] if len(names) == 2 and dates[-1] and len(names[0].split()) > 1 else None
    if outlet and not (_is_bare_name(outlet) or _is_role(outlet) or wire_service(outlet)):
        found["outlet"] = outlet
    return found


_COMMA = re.compile(r",\s+")


def _is_listed_name(text: str) -> bool:
    """ "Port Vila", "Radio & TV Harbour": up to five capitalised words, "&" or "of" between them."""
    words = text.split()
    return 1 <= len(words) <= 5 and words[0][0].isupper() and all(
        word[0].isupper() or word in ("&", "of", "and") for word in words) and is_place(words[0])


def _without_role_or_employer(names: str) -> tuple[str, dict]:
    """Names without a job title, wire service or outlet after a comma, and the wire ("credited") or
    outlet ("outlet") found there: "Jane Doe, Reuters", "Jane Doe, CNN", "Jane Doe, Staff Writer"."""
    with_wire = _WITH_WIRE.search(names)
    if with_wire and wire_service(with_wire["wire"]):  # "Jane Doe with AP"
        return names[:with_wire.start()].strip(), {"credited": (wire_service(with_wire["wire"]),)}
    names = cues().role_before_name.sub("", names)  # "Jane Doe, Political Editor and John Roe, ..."
    head, comma, tail = names.rpartition(",")
    if not comma or not head.strip():
        return names, {}
    wire, outlet = wire_service(tail), cues().outlets.get(" ".join(tail.split()).casefold())
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
    return bool(cues().role.fullmatch(text.strip())) and words[0] not in _DETERMINERS and not _FUNCTION_WORDS & set(words)


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
    if len(text) > len(title) + DECORATION_SPAN:
        return False
    candidate, title = _comparable(text), _comparable(title)
    if not candidate or not title:
        return False
    if candidate == title or title.startswith(candidate + " "):
        return True
    rest = candidate[len(title):]
    return candidate.startswith(title) and bool(re.match(r"\s*[|:–—-]\s", rest)) and len(rest.split()) <= 7


def _comparable(text: str) -> str:
    return normalise(undecorated(text)).casefold().rstrip(" .:!?")


HEADER_LINES = 10  # bylines, dates and labels come before the article, within its first lines
TEASER_MAX_CHARS = 120
STANDFIRST_MAX_CHARS = 300  # the one or two sentences between a headline and its byline
BIO_WINDOW = 3  # an author's bio is one of the last paragraphs
_TEASER_END = frozenset(".!:;,\"”’»)")
_CLOSING_MARKS = "\"'”’»)]"  # after a sentence's final stop: '... she said.”'
_BIO = re.compile(r"\s+(?:is|was|writes|covers|reports)\b")


def in_context(candidates: list[str], found: list[Boilerplate | None]) -> list[Boilerplate | None]:
    """`found` with what only context tells: a bare name beside a date or a job title in the header is the
    byline ("Jane Doe" over "Tue 4 Jun 2024"); a newspaper's name as the first line, above a headline, is
    the masthead: who publishes the page ("Gateway Gazette"), not the title; the headline-like lines after a
    list label ("More on this story", "Explore more on these topics") are teasers and tags, until a line
    reads as text again."""
    found = list(found)
    for i, candidate in enumerate(candidates[:HEADER_LINES]):
        if any(f and (f.byline or f.desk) for f in found[:i]):
            break
        if found[i] is None and _is_bare_name(candidate) and any(
                n and n.kind == "metadata" and (n.date or n.updated or n.desk or not n.byline)
                for n in (_nearest_line(found, i, -1), _nearest_line(found, i, 1))):
            found[i] = Boilerplate("metadata", byline=candidate)
    first = _next_text(found, 0)
    if first is not None and first < HEADER_LINES:
        twice = first + 1 < len(found) and found[first + 1] is None and candidates[first + 1] == candidates[first]
        found[first] = _above_headline(candidates, found, first, twice)
        if twice and found[first] is not None:
            found[first + 1] = found[first]  # the logo's text, then the name: one masthead
    under = _name_under_headline(candidates, found, _next_text(found, 0))
    if under is not None:
        found[under] = Boilerplate("metadata", byline=candidates[under])
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


def _next_text(found: list[Boilerplate | None], start: int) -> int | None:
    """The position of the first line from `start` on that is no boilerplate."""
    return next((i for i in range(start, len(found)) if found[i] is None), None)


def _above_headline(candidates: list[str], found: list[Boilerplate | None], first: int,
                    twice: bool) -> Boilerplate | None:
    """What the page's first text line is when it is not the headline, by its shape and the lines after it:
    a newspaper's name above a headline is the masthead, who publishes the page ("Gateway Gazette"), and so is
    a name with an article above a date line above one ("The Hippo" over "Apr 17, 2014"), any name printed
    as its logo's text ("Gibraltar Chronicle Logo", "The messenger logo"), and a name printed `twice`, its
    logo's text and then itself ("Harbour Health Review" twice); an institution's
    name above a headline is a kicker ("Legislative Council of Hong Kong"), above the text itself the
    masthead of its own page ("National Parliament of Solomon Islands" over its statement)."""
    logo = _logo_name(candidates[first])
    line = logo or candidates[first]
    after = _next_text(found, first + (2 if twice else 1))
    if after is None:
        return None
    headline = not is_lede(candidates[after])
    if headline and not _is_masthead(candidates[after]) and (logo or _is_masthead(line) or (twice and _is_name_line(line)) or (
            _is_paper_name(line) and after > first + 1 and found[first + 1].kind == "metadata" and found[first + 1].date)):
        return Boilerplate("credit", outlet=line)
    if _is_institution(line) and not _is_institution(candidates[after]):
        return Boilerplate("label") if headline else Boilerplate("credit", outlet=line)
    return None


def _logo_name(text: str) -> str | None:
    """The name a logo's image text gives, which names the page's publisher whatever its words: "Gibraltar
    Chronicle Logo" -> "Gibraltar Chronicle", "The messenger logo" -> "The Messenger" (alt text is often
    written in lower case). Up to four words before the logo's: a longer line is a headline about a logo."""
    name, _, last = text.rpartition(" ")
    if not name or last not in cues().logo_words or len(name.split()) > 4:
        return None
    return " ".join(word[:1].upper() + word[1:] if word.islower() else word for word in name.split())


def _is_name_line(text: str) -> bool:
    """A name's shape: two to five capitalised words of letters ("of", "the", "and" between them)."""
    words = text.split()
    return 2 <= len(words) <= 5 and _capitalised(words) and all(word.isalpha() for word in words)


def _capitalised(words: list[str]) -> bool:
    """Every word capitalised, but for "of", "the" and "and" between them: a name's or an institution's shape."""
    return all(word[0].isupper() or word in ("of", "the", "and") for word in words)


def _is_paper_name(text: str) -> bool:
    """ "The Hippo": an article and up to three capitalised words, a title's shape, no person's."""
    words = text.split()
    return 2 <= len(words) <= 4 and words[0] == "The" and all(word[0].isupper() and word.isalpha() for word in words)


def _is_institution(text: str) -> bool:
    """An institution's name alone: up to seven capitalised words ("of", "the", "and" between them), one of
    them an institution's word (cues().institution_words: organizations.yaml's
    institutions and government nouns, and ingest.yaml's institution_words) that ends the name or comes before
    "of" ("Legislative Council of Hong Kong", "Ministry of Health", "Cabinet Office")."""
    words = text.split()
    if not 1 < len(words) <= 7 or not _capitalised(words):
        return False
    heads = [i for i, word in enumerate(words) if word.casefold() in cues().institution_words]
    return any(i == len(words) - 1 or words[i + 1] == "of" for i in heads)


def _name_under_headline(candidates: list[str], found: list[Boilerplate | None], title: int | None) -> int | None:
    """The line that is the byline when none is labelled: a person's name alone right under the headline
    ("QUEEN MOSARWE", "Namrata Tripathi"), or under the headline's standfirst, one short sentence or two
    ("After boycotting parliament ... next week." over "Dusica Tomovic")."""
    if title is None or is_lede(candidates[title]) or any(f and (f.byline or f.desk) for f in found):
        return None
    for line in (title + 1, title + 2):
        if line >= len(found) or found[line] is not None:
            return None
        if _is_name_alone(candidates[line]) and not is_title_copy(candidates[line], candidates[title]):
            return line  # not "Russia Seeks", a copy of the headline cut short
        if not is_lede(candidates[line]) or len(candidates[line]) > STANDFIRST_MAX_CHARS:
            return None
    return None


def _is_name_alone(text: str) -> bool:
    """A person's name as a line of its own, in capitals or capitalised ("QUEEN MOSARWE", "’Marafaele
    Mohloboli"): two or three words of letters, none of them a label's, a place's, an institution's or a
    desk's; three only when the first is no title ("Premier Michael Dunkley" captions a photo)."""
    name = text.lstrip("’'\u2018")
    words = name.split()
    folded = name.casefold()
    c = cues()
    return (2 <= len(words) <= 3 and all(len(word) > 1 and word.isalpha() for word in words)
            and (all(word.isupper() for word in words) or all(word[0].isupper() and word[1:].islower() for word in words))
            and folded not in c.section_labels | c.list_labels | c.non_places | c.regions
            and not any(word.casefold() in c.institution_words | c.masthead_words | c.desk_words for word in words)
            and not (len(words) == 3 and words[0].casefold() in c.title_words)
            and _is_bare_name(name.title()))


def _is_masthead(text: str) -> bool:
    """A newspaper's name alone ("Gateway Gazette", "The Evening Standard"): up to five capitalised words,
    "the" or "of" among them, ending in a word that ends such names (data/ingest.yaml: masthead_words)."""
    words = text.split()
    return 1 < len(words) <= 5 and words[-1].casefold() in cues().masthead_words and all(
        word[0].isupper() or word in ("of", "the") for word in words)


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
    """Two to four capitalised words that read as a person's name (not "The Hippo")."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(word[0].isupper() for word in words) and _is_name_list(text) and not any(
        word in ("&", ",") or word.endswith(",") for word in words) and words[0].casefold() not in _DETERMINERS


def as_wire(byline: str) -> str:
    """A wire service's bureau signs as the wire: "AFP Brisbane" -> "AFP" (its place is no person's name)."""
    words = byline.split()
    for end in range(len(words) - 1, 0, -1):
        wire, place = wire_service(" ".join(words[:end])), " ".join(words[end:])
        if wire and len(words) - end <= 3 and is_place(place) and place.casefold() not in cues().desk_words:
            return wire
    return byline


def without_author_bio(body: list[str], byline: str | None) -> list[str]:
    """The body without "Jane Doe is a reporter covering..." among its last paragraphs."""
    if not byline:
        return body
    names = [name.strip() for name in re.split(r",|\band\b|&", byline) if len(name.split()) >= 2]
    start = max(0, len(body) - BIO_WINDOW)
    return body[:start] + [
        paragraph for paragraph in body[start:]
        if len(paragraph) > BOILERPLATE_MAX_CHARS
        or not any(paragraph.startswith(name) and _BIO.match(paragraph, len(name)) for name in names)]


def is_lede(text: str) -> bool:
    """A first line that ends with a full stop is the article's opening sentence, not its headline:
    headlines carry no final period, ledes do ("Shares in Rolls-Royce topped the FTSE 100, ...
    doubled."). Taken for the headline, a lede and every name and quotation in it would be lost
    to extraction. So is one that opens with a wire dateline in capitals ("SPRINGFIELD- Assistant
    Majority Leader ... released the following statement:"), and a list item ("• The deadline has
    been extended") is no headline either."""
    end = text.rstrip().rstrip(_CLOSING_MARKS)
    if end.endswith(".") and not end.endswith(".."):
        return True
    first = text.split(maxsplit=1)[0].rstrip(",-\u2013\u2014")
    return is_list_item(text) or (  # "ICYMI:", "WATCH:" open headlines: no colon
        len(first) > 1 and first.isupper() and first[-1] != ":" and find_dateline(text, opening=True) is not None)


def is_headline_under_standfirst(standfirst: str, line: str, below: str | None) -> bool:
    """Whether `line`, right under the page's first text line `standfirst` and above `below`, is the headline
    a summary was printed above ("On Wednesday, Boeing's CEO described ... once more." over "Boeing CEO pledges
    to streamline business"): the first line a lede of one or two sentences, this one a headline's shape: three
    words or more, no final stop, no colon introducing what follows, not a quotation, and not printed again
    right below it, as a photo's caption and its alt text are ("Home Secretary Theresa May (PA)" twice)."""
    words = line.split()
    return (is_lede(standfirst) and len(standfirst) <= STANDFIRST_MAX_CHARS and len(words) >= 3
            and (below is None or not is_title_copy(below, line))
            and not is_lede(line) and line.rstrip()[-1] not in ":;," and line.lstrip()[0].translate(QUOTE_MARKS) not in "\"'")


def is_list_item(text: str) -> bool:
    """A bulleted line ("• Army tanker drivers to be deployed"): a summary's point, no headline or dateline."""
    return _LIST_ITEM.match(text) is not None


def without_section_prefix(title: str) -> str:
    """The title without a section label before a bar: "Opinion | Why rates must hold" -> "Why rates must hold"."""
    label, bar, rest = title.partition("|")
    if bar and rest.strip() and label.strip().casefold() in cues().section_labels:
        return rest.strip()
    return title
