"""The compiled cues of data/ingest.yaml: byline labels, wire services, section and list labels."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dossier.lexicon import lexicon

_LIST_JOINERS = frozenset({"and", "&", ",", "y"})  # between names: "Jane Doe and John Roe"

_NAME = r"(?-i:[A-Z0-9](?:[\w&'’-]|\.(?=\w)){0,40}(?:\s+(?:of|the|and|&|[A-Z0-9](?:[\w&'’-]|\.(?=\w)){0,40})){0,5})"
TRAILING_CONNECTORS = re.compile(r"(?:\s+(?:of|the|and|&))+$")


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
    title_words: frozenset[str]  # case-folded words of titles.yaml's titles: "Premier" opens a caption, no byline
    name_connectors: frozenset[str]  # "and", and the particles of data/names.yaml: "Ana de Souza and Jo Roe"
    outlets: dict[str, str]  # data/outlets.yaml, case-folded -> as written: "Jane Doe, CNN"
    regions: frozenset[str]  # countries and US states, case-folded: "Qatar" in "Doha, Qatar –"
    teaser: re.Pattern
    captions: tuple[re.Pattern, ...]
    disclaimers: tuple[re.Pattern, ...]
    credit_lines: tuple[re.Pattern, ...]
    byline: re.Pattern
    empty_byline: re.Pattern  # "Author:", "By" with no name after it, on a metadata line
    staff: re.Pattern
    date_label: re.Pattern
    metadata_separators: re.Pattern  # "|", "•", ";", "»", " / ", the space before a capitalised date label or before
                                     # "by" after a date
    updated_labels: frozenset[str]
    non_places: frozenset[str]
    masthead_words: frozenset[str]  # case-folded: "Gazette" ends a newspaper's name
    logo_words: frozenset[str]  # "Logo" after a masthead's name, its image's text
    institution_words: frozenset[str]  # case-folded: "Parliament" in "National Parliament of Solomon Islands"
                                       # (data/organizations.yaml's head nouns, and ingest.yaml's words besides)
    company_words: frozenset[str]  # case-folded: "Limited" ends a company's name, not an outlet's
    publishers: tuple[re.Pattern, ...]  # credits that name who publishes the page: its group `outlet`
    wires: dict[str, str]  # every way of naming a wire service, case-folded -> its canonical name
    non_outlet_credits: frozenset[str]  # case-folded: "Business Wire" distributes press releases, "(Wire)" names none
    wire_report: re.Pattern


def _alternation(phrases) -> str:
    """A regex alternation of literal phrases, longest first so that no phrase hides a longer one."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=lambda p: (-len(p), p)))


def _patterns(sources: list[str]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(source.replace("<NAME>", _NAME), re.IGNORECASE) for source in sources)


@functools.cache
def cues() -> Cues:
    data, organizations = lexicon().ingest, lexicon().organizations
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
        title_words=frozenset(word for title in lexicon().titles.titles for word in title.split()),
        name_connectors=_LIST_JOINERS | frozenset(lexicon().names.particles),
        outlets={outlet.casefold(): outlet for outlet in lexicon().outlets},
        regions=frozenset(name.casefold() for name in [*_countries(), *lexicon().places.us_states]),
        role=re.compile(rf"(?:[\w&'’-]{{1,30}}\s+){{0,4}}(?:{_alternation(data.role_words)})s?", re.IGNORECASE),
        teaser=re.compile(rf"^(?:{_alternation(data.teaser_prefixes)})\s*(?::|\||>|[-–—])", re.IGNORECASE),
        captions=_patterns(data.caption_patterns),
        disclaimers=_patterns(data.disclaimer_patterns),
        credit_lines=_patterns(data.credit_line_patterns),
        publishers=_patterns(data.publisher_patterns),
        byline=re.compile(rf"^(?:{_alternation(data.byline_labels)})(?:\s*:\s*|\s+)(?P<names>.+)$", re.IGNORECASE),
        empty_byline=re.compile(rf"^(?:{_alternation(data.byline_labels)})\s*:?$", re.IGNORECASE),
        staff=re.compile(rf"^(?:{_alternation(data.staff_labels)})(?:\s*:\s*|\s+)(?P<names>.+)$", re.IGNORECASE),
        date_label=re.compile(rf"^(?P<label>{_alternation(labels)})\b\s*(?P<colon>:)?\s*", re.IGNORECASE),
        metadata_separators=re.compile(
            rf"\s*[|•·∙;»]\s*|\s+/\s+|(?<=\d)\s+(?=[Bb]y\s)"
            rf"|(?:\s+|(?<=\d))(?=(?:{_alternation(label[0].upper() + label[1:] for label in labels)})\b)"),
        updated_labels=frozenset(" ".join(label.casefold().split()) for label in data.updated_labels),
        non_places=frozenset(word.casefold() for word in data.dateline_non_places),
        masthead_words=frozenset(word.casefold() for word in data.masthead_words),
        logo_words=frozenset(data.logo_words),
        institution_words=frozenset(word.casefold() for word in [*organizations.institutions,
                                                                  *organizations.government_nouns,
                                                                  *data.institution_words]),
        company_words=frozenset(word.casefold() for word in data.company_words),
        wires=wires,
        non_outlet_credits=frozenset(name.casefold() for name in data.non_outlet_credits),
        wire_report=re.compile(
            r"(?P<prefix>(?i:news\s+agency)\s+)?(?<![\w'’])(?P<name>[A-Z][\w.&-]{0,30}(?:\s+[A-Z][\w.&-]{0,30}){0,3})"
            r"(?P<agency>\s+(?i:news\s+agency))?\s{0,3},?\s{1,3}"
            rf"(?:{_alternation(lexicon().speech_verbs.crediting_verbs)})\b"),
    )


def _countries() -> list[str]:
    return [name for country, aliases in lexicon().countries.items() for name in [country, *aliases]]


def wire_service(name: str) -> str | None:
    """The canonical name of a wire service, or None when `name` is not one."""
    return cues().wires.get(" ".join(name.split()).casefold())

def wires_in(names: str) -> tuple[str, ...]:
    wires = (wire_service(name) for name in re.split(r"\s*(?:,|&|\band\b)\s*", names))
    return tuple(dict.fromkeys(wire for wire in wires if wire))
