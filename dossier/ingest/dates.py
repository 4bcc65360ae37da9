"""Dates as ISO 8601, from the few forms articles print them in; never invented."""

from __future__ import annotations

import datetime
import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DATE_FORMS = tuple(
    re.compile(form, re.IGNORECASE)
    for form in (
        r"(?<!\d)(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})(?!\d)",
        rf"\b{MONTH}\s+{DAY}(?:,\s*|\s+)(?P<year>\d{{4}})(?!\d(?!\d?[:.]\d\d))",  # "20255:00 AM": year and time glued;
                                                                                # "Nov 23,2018": no space after the comma
        rf"(?<!\d){DAY}\s+(?:of\s+)?{MONTH},?\s+(?P<year>\d{{4}})(?!\d)",
        r"(?<!\d)(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?!\d)",
        r"(?<!\d)(?P<first>\d{1,2})([/-])(?P<second>\d{1,2})\2(?P<year>\d{4})(?!\d)",  # day or month first
    )
)
_TIME_TOKEN = re.compile(
    r"""(?:at|on|[-–—/|.@]|t?\d{1,2}[:.h]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:z|[ap]\.?m\.?|[+-]\d{2}:?\d{2})?|[ap]\.?m\.?|z
    |(?:utc|gmt)(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|et|ct|pt|est|edt|cst|cdt|mst|mdt|pst|pdt|bst|uk|cet|cest
    |eet|eest|msk|ist|jst|kst|hkt|sgt|aest|aedt|wib|hrs|\d{1,3}|ago|just|now|read|updated|(?:second|sec|minute|min|hour|hr|day|week)s?
    |(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)""",
    re.IGNORECASE | re.VERBOSE,
)
_TIME_SEPARATORS = re.compile(r"[\s,()]+")
_YEAR = re.compile(r"\d{4}")  # every form above prints a four-digit year


def find_date(text: str) -> tuple[str, re.Match] | None:
    """The first real calendar date in `text`, as ISO 8601, with its match."""
    if not _YEAR.search(text):  # most metadata parts and paragraphs asked: no form can match, none is tried
        return None
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


def only_times(text: str) -> bool:
    """Whether `text` holds nothing but times, weekdays, time zones and separators."""
    return all(_TIME_TOKEN.fullmatch(token) for token in _TIME_SEPARATORS.split(text) if token)


def parse_date(text: str) -> str | None:
    """`text` as an ISO date when it is a date (with an optional time) and nothing else."""
    found = find_date(text)
    if not found:
        return None
    iso, match = found
    return iso if only_times(text[:match.start()] + " " + text[match.end():]) else None
