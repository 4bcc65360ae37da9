"""Datelines ("MOSCOW -", "WASHINGTON, March 17 (Reuters) -") and the wire services a report credits."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.ingest.cues import cues, wire_service, wires_in
from dossier.ingest.dates import MONTH, only_times, parse_date

_DAY_FIRST_MONTH = MONTH.replace("<month>", "<day_first_month>")  # "Maputo, 13 Jan (AIM) –"
_DATELINE = re.compile(
    rf"""(?:\*\*|__)?(?P<place>[^\W\d_][\w.'’-]{{0,30}}(?:\s+[^\W\d_][\w.'’-]{{0,30}}){{0,3}})?(?:\*\*|__)?
    (?:(?:\s+\([^()\n]{{1,30}}\))?\s+\[[^\[\]\n]{{1,30}}\])?  # ANI's "Kozhikode (Kerala) [India]"
    (?:,\s+(?P<region>[^\W\d_][\w.'’-]{{0,30}}(?:\s+[^\W\d_][\w.'’-]{{0,30}}){{0,2}}))??
    (?P<date>(?:,\s+|/)(?:(?i:{MONTH})\s+\d{{1,2}}(?:,\s+\d{{4}})?|\d{{1,2}}\s+(?i:{_DAY_FIRST_MONTH})(?:\s+\d{{4}})?))?  # "DENVER/Jan. 9, 2024 –": a release's
    (?:\s{{0,3}}\((?P<credit>[^()\n]{{1,40}})\)|\s{{1,3}}/(?P<release_wire>[^/\n]{{1,40}})/)?
    (?(date)/?)\s{{0,3}}(?P<separator>-{{1,2}}|[–—]|:)(?:\s{{1,3}}(?=\S)|\s*\Z)  # a release's "2017/ --"
    """,
    re.VERBOSE,
)


_POSSESSIVE = re.compile(r"['’]s$")
DATELINE_WINDOW = 3  # a leftover caption or standfirst may come before the dateline paragraph


@dataclass(frozen=True)
class Dateline:
    place: str | None
    credited: tuple[str, ...]
    rest: str  # the paragraph without its dateline
    date: str | None = None  # ISO, when it prints one in full: "EDMONTON, AB (January 22, 2016):"
    outlet: str | None = None  # a credit naming no wire service: the page's own ("TAIPEI (TVBS News) —")


def find_dateline(paragraph: str, opening: bool = True) -> Dateline | None:
    """The dateline starting a paragraph ("MOSCOW -", "Moscow:", "PARIS (AFP) --", "Doha, Qatar –"), or
    alone on its line ("WASHINGTON (AP) —"). Only the opening paragraph may have a place before a
    colon without a wire credit: later, "Moscow's ask:" is a heading and "DANIEL ORTEGA:" a speaker."""
    match = _DATELINE.match(paragraph)
    if not match or not (match["place"] or match["credit"]):
        return _dated_first(paragraph)
    place, credit = match["place"], match["credit"] or match["release_wire"]
    date = parse_date(match["date"].lstrip(", /")) if match["date"] else None
    if credit and not date and (date := parse_date(credit)):
        credit = None  # "(January 22, 2016)": a press release's date, no wire
    if place and not credit:
        place, credit = _place_and_outlet(place)
    credited = wires_in(credit) if credit else ()
    outlet = own_credit(credit) if credit and not (credited or match["release_wire"]) else None
    dash = match["separator"] != ":"
    if not paragraph[match.end():] and not (credit or dash):
        return None  # "KEY POINTS:" alone is a heading
    if place:
        if not is_place(place):
            return None
        shouting = place.isupper() and sum(ch.isalpha() for ch in place) >= 4 and (opening or dash)
        with_region = dash and (match["region"] or "").casefold() in cues().regions  # "Doha, Qatar –"
        titled = not place.isupper() and ((opening and not dash) or credit or with_region)
        if not (shouting or titled):
            return None
        place = place.title() if place.isupper() else place
    elif not (credited or outlet):
        return None
    return Dateline(place=place, credited=credited, rest=paragraph[match.end():], date=date, outlet=outlet)


def _dated_first(paragraph: str) -> Dateline | None:
    """A dateline that prints its date first and its place in parentheses, the story running on after it
    ("July 31, 2017 (Koror, Palau) A Senate press release ..."): read only when the date is a whole date and
    the place's first part is a place's name."""
    match = _DATE_FIRST.match(paragraph)
    if not match or not (date := parse_date(match["date"])):
        return None
    place = match["place"].split(",")[0].strip()
    if not is_place(place) or only_times(place) or wires_in(place):  # "(Monday)", "(Reuters)": no place
        return None
    return Dateline(place=place, credited=(), rest=paragraph[match.end():], date=date)


_DATE_FIRST = re.compile(r"(?P<date>[^()\n]{8,40}?)\s{0,3}\((?P<place>[^()\n\d]{2,40})\)\s{0,3}(?:(?:-{1,2}|[–—:])\s{0,3})?(?=\S)")


def own_credit(credit: str) -> str | None:
    """The outlet a dateline's credit names when it names no wire service: a broadcaster or paper credits its
    own report ("TAIPEI (TVBS News) —"; of sister stations, "(KNWA/KFTA)", the first). A wire's credit
    names the agency, whoever prints its report, so it names no outlet; nor does a press release's
    distributor ("(BUSINESS WIRE)"), a generic credit ("(Wire)"), a place ("(Kerala)", "(Ill.)") or a date."""
    name = " ".join(credit.split("/")[0].split())
    if not (name[:1].isupper() or name[:1].isdigit()) or name.endswith(".") or sum(c.isalpha() for c in name) < 2:
        return None
    folded = name.casefold()
    if wire_service(name) or folded in cues().regions or folded in cues().non_outlet_credits or parse_date(name):
        return None
    return name


def _place_and_outlet(words: str) -> tuple[str, str | None]:
    """ "New York CNN" -> ("New York", "CNN"): a broadcaster's dateline names it without parentheses."""
    words = words.split()
    for start in range(1, len(words)):
        tail = " ".join(words[start:])
        if wire_service(tail) or tail.casefold() in cues().outlets:
            return " ".join(words[:start]), tail
    return " ".join(words), None


def is_place(name: str) -> bool:
    words = name.split()
    return (name.casefold() not in cues().non_places and all(word[0].isupper() for word in words)
            and not any(_POSSESSIVE.search(word) for word in words))


def credits_in(paragraph: str) -> tuple[str, ...]:
    """Wire services a body paragraph credits for the report ("..., Xinhua news agency reported")."""
    names = []
    for match in cues().wire_report.finditer(paragraph):
        name = re.sub(r"^the\s+", "", match["name"], flags=re.IGNORECASE)
        wire = wire_service(name)
        if wire or match["prefix"] or match["agency"]:
            names.append(wire or name)
    return tuple(dict.fromkeys(names))
