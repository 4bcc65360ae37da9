"""Long lists cut into pages of bounded size, so that no page grows with the number of articles.

A list that can grow with the dossier (its quotes, the sources that mention an actor, the
printings of a quote) is printed whole on its page while it has at most PAGE_SIZE items. Longer,
its page shows a summary (the latest or first SUMMARY items) and links to parts: one group per
stable key (the month of the item's date, "undated" for the rest; or a kind, or a letter), each
group cut into numbered parts of at most PAGE_SIZE items. An item keeps its month as articles are
added; only the part number inside a month can change.

A page's parts live in the folder named after it: `quotes/index.md` -> `quotes/index/2025-03.md`,
`actors/anna-petrova.md` -> `actors/anna-petrova/timeline-2025-03-2.md`. Page ids never contain a
slash, so these paths cannot meet a page's own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dossier import cite

PAGE_SIZE = 100  # items on one page: a list longer than this is split into parts
SUMMARY = 10  # items a split list still shows on its own page
UNDATED = "undated"


def month_of(date: str | None) -> str:
    """'2025-03-17' -> '2025-03'; UNDATED when there is no date."""
    day = cite.iso_date(date[:10]) if date else None
    return f"{day.year:04d}-{day.month:02d}" if day else UNDATED


def month_label(key: str) -> str:
    """'2025-03' -> 'March 2025'; 'Undated' for UNDATED."""
    if key == UNDATED:
        return "Undated"
    year, month = key.split("-")
    return f"{cite.MONTHS[int(month) - 1]} {year}"


@dataclass(frozen=True)
class Part:
    """One page of a split list: a group's items, or a numbered share of them."""

    label: str  # the group's name: "March 2025", "Person", "A"
    number: int  # 1-based within its group
    of: int  # how many parts its group has
    items: tuple
    path: str  # relative to docs/: "quotes/index/2025-03-2.md"

    @property
    def title(self) -> str:
        share = f"part {self.number} of {self.of}"
        return self.label if self.of == 1 else f"{self.label}, {share}" if self.label else share

    @property
    def href(self) -> str:
        """The link from a page in a section folder, as render writes every internal link."""
        return f"../{self.path}"


@dataclass(frozen=True)
class Group:
    label: str
    size: int  # items in the group, over all its parts
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class Listing:
    """A list as one page shows it: whole, or a summary and the parts that hold it all."""

    name: str  # the template that prints its items: listing/<name>.md.j2
    title: str  # what the list is, for its parts' titles: "Mentioned in"
    page: str  # the page it belongs to, relative to docs/: "actors/anna-petrova.md"
    items: tuple
    keys: tuple[str, ...]  # each item's group key
    groups: tuple[Group, ...]  # empty when the list fits on its page
    options: tuple[tuple[str, object], ...] = ()  # for its template: (("who", False),)
    row: Callable[[object], object] | None = None  # an item as its template reads it (its view)

    @property
    def whole(self) -> bool:
        return not self.groups

    @property
    def parts(self) -> list[Part]:
        return [part for group in self.groups for part in group.parts]

    @property
    def first(self) -> tuple:
        """The first SUMMARY items, for a list whose order is its ranking."""
        return self.items[:SUMMARY]

    @property
    def latest(self) -> tuple:
        """The last SUMMARY dated items, in list order: what happened most recently."""
        dated = [item for item, key in zip(self.items, self.keys) if key != UNDATED]
        return tuple(dated[-SUMMARY:])

    @property
    def option(self) -> dict[str, object]:
        return dict(self.options)

    def rows(self, items: Sequence) -> list:
        """`items` of this list as its template reads them: made only for the items a page prints."""
        return list(map(self.row, items)) if self.row else list(items)


def paginate(name: str, page: str, title: str, items: Sequence, key: Callable[[object], str] | None = None,
             label: Callable[[str], str] = month_label, stem: str = "", size: int = PAGE_SIZE,
             row: Callable[[object], object] | None = None, **options: object) -> Listing:
    """`items` (in the order they are printed) as `page` lists them under `title`. `key` gives an
    item's group (default: one group, "all"); `stem` names the list in its parts' file names when a
    page has several lists; `row` makes an item what the list's template reads (its view), when a page
    prints it (`Listing.rows`)."""
    items = tuple(items)
    keys = tuple(key(item) if key else "" for item in items)
    options_ = tuple(sorted(options.items()))
    if len(items) <= size:
        return Listing(name, title, page, items, keys, (), options_, row)
    grouped: dict[str, list] = {}
    for item, item_key in zip(items, keys):
        grouped.setdefault(item_key, []).append(item)
    folder = page.removesuffix(".md")
    groups = []
    for group_key, members in grouped.items():
        chunks = [tuple(members[i:i + size]) for i in range(0, len(members), size)]
        parts = tuple(
            Part(label(group_key) if group_key else "", n, len(chunks), chunk,
                 f"{folder}/{_file_name(stem, group_key, n)}.md")
            for n, chunk in enumerate(chunks, 1))
        groups.append(Group(parts[0].label, len(members), parts))
    return Listing(name, title, page, items, keys, tuple(groups), options_, row)


def _file_name(stem: str, key: str, number: int) -> str:
    """'timeline', '2025-03', 2 -> 'timeline-2025-03-2'; a list of one group is 'all' (or its stem)."""
    return "-".join(piece for piece in (stem, key or ("" if stem else "all"), str(number) if number > 1 else "")
                    if piece)
