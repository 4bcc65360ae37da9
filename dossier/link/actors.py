"""One actor per real-world person, organisation or country, however each outlet named it.

Extraction already resolved names within each article (surname -> full name,
"the diplomat" -> the person meant, "Moscow" -> Russia). Here the articles meet:
names that are the same person across articles merge (a surname alone, another
part of a long name when only one person has it, a spelling variant of the same
first name's surname), a short name that joins a person's full name is a person
whatever its own article made of it (a lone "Alves said" is an organisation there),
the kind most evidence agrees on wins, and the editor's curation file has the last
word.

The Resolver answers "who is this name in this source?" for the quote and
position linkers: first what that source itself said, then the whole corpus,
then world knowledge.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz

from dossier.curation import ActorEdit, Curation
from dossier.model import Actor, ActorMention, Extraction, Mention
from dossier import nlp
from dossier.text import normalise, slugify
from dossier.world import PERSON, POSSESSIVE, is_initial, phrase_key, world

# resolve(source_id, name as extracted) -> actor id, or None when the name is no known actor
Resolver = Callable[[str, str], "str | None"]

SAME_SURNAME_SPELLING = 88  # rapidfuzz ratio from which "Zelensky" and "Zelenskyy" are one surname
SAME_FIRST_NAME_SPELLING = 80  # "Sergei" and "Sergey" are one first name; "Anna" and "Anne" are not


def link_actors(extractions: Sequence[Extraction], edits: Curation) -> tuple[list[Actor], Resolver]:
    """Merge every ActorMention (and every quote speaker) into Actors, applying the editor's curation."""
    mentions = [m for e in extractions for m in e.actors]
    mentions += _speaker_mentions(extractions, mentions)
    groups = _merge_people(_group_by_name(mentions))
    _curate(groups, edits)
    actors = _actors(groups)
    return actors, _Resolver(groups, actors)


@dataclass
class _Group:
    """The mentions of one actor while linking: renamed, merged and split before it becomes an Actor."""

    name: str
    mentions: list[ActorMention] = field(default_factory=list)
    kind: str | None = None  # set by the curation file; else the mentions vote
    description: str | None = None
    links: list[str] = field(default_factory=list)
    former: tuple[str, ...] = ()  # ids and names it had before a rename in the curation file

    @property
    def voted_kind(self) -> str:
        known = world().known(self.name)
        if self.kind:
            return self.kind
        if known is not None and known.name == self.name:
            return known.kind
        votes = Counter(m.kind for m in self.mentions)
        return max(sorted(votes), key=lambda kind: (votes[kind], kind == PERSON))

    @property
    def is_person(self) -> bool:
        return self.voted_kind == PERSON


def _key(text: str) -> str:
    """How names compare: case, a leading "the", a possessive and punctuation spacing do not matter."""
    return " ".join(phrase_key(text)).lower()


def _speaker_mentions(extractions: Sequence[Extraction], mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Quote speakers as mentions, so that a speaker the actor scan missed is still an actor."""
    named: dict[tuple[str, str], ActorMention] = {}
    for mention in mentions:
        for text in (mention.surface, mention.name):
            named.setdefault((mention.source, _key(text)), mention)
    for mention in mentions:  # a speaker's name cut at a hyphen: "Park Min" of "Park Min-jun"
        if mention.kind == PERSON and "-" in mention.name:
            named.setdefault((mention.source, _key(mention.name.rsplit("-", 1)[0])), mention)
    extra = []
    for extraction in extractions:
        for quote in extraction.quotes:
            if not quote.speaker:
                continue
            source = extraction.article.id
            known = named.get((source, _key(quote.speaker)))
            name, kind, role, affiliation = _parse_name(quote.speaker)
            if known is not None:
                name, kind = known.name, known.kind
            extra.append(ActorMention(source, quote.paragraph, quote.speaker, name, kind, role, affiliation))
    return extra


@lru_cache(maxsize=4096)
def _parse_name(text: str) -> tuple[str, str, str | None, str | None]:
    """(name, kind, role, affiliation) of a name given as a string: "Russian Deputy Foreign Minister
    Alexander Grushko" -> Alexander Grushko, person, Deputy Foreign Minister, Russia."""
    text = normalise(text)
    known = world().known(text)
    if known is not None:
        return known.name, known.kind, None, None
    tokens = nlp.load().tokenizer(text)
    words = [t.text for t in tokens]
    start = 0
    owner = world().demonyms.match(words, 0) or world().names.match(words, 0)
    if owner:
        start = owner[0] + (owner[0] < len(words) and words[owner[0]] in POSSESSIVE)
    title = _last_title(words, start)
    if title is not None and title >= len(words):
        return text, PERSON, None, None
    name_start = title or 0
    while name_start < len(words) - 1 and words[name_start].lower() in world().honorifics:
        name_start += 1
    name = tokens[name_start:].text
    known = world().known(name)
    if known is not None:
        return known.name, known.kind, None, None
    if title is None:
        return name, PERSON, None, None
    return name, PERSON, tokens[start:title].text, owner[1].name if owner else None


def _last_title(words: Sequence[str], start: int) -> int | None:
    """Where the title words from `start` end, the last title winning: "Commerce Ministry spokesman" in
    "Commerce Ministry spokesman Zhao Lijun", "Secretary of State" in "Secretary of State Antony Blinken"."""
    ends = [match[0] for k in range(start, len(words)) if (match := world().titles.match(words, k))]
    return max(ends) if ends else None


def _group_by_name(mentions: Iterable[ActorMention]) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    for mention in mentions:
        groups.setdefault(mention.name, _Group(mention.name)).mentions.append(mention)
    return groups


def _merge_people(groups: dict[str, _Group]) -> dict[str, _Group]:
    """Full names that are one person (spelling variants of the surname with the same first name) merge;
    a shorter name joins the full name it belongs to: a surname the most mentioned full name with
    that surname, another part of a name ("Lula", "Alves") the only full name that has it."""
    full = sorted((g for g in groups.values() if g.is_person and " " in g.name), key=_prominence)
    for group in full:
        if group.name not in groups:
            continue
        for other in full:
            if other is not group and other.name in groups and _same_person(group.name, other.name):
                _absorb(groups, group.name, other.name)
    people = sorted((g for g in groups.values() if g.is_person and _is_full_name(g.name)), key=_prominence)
    for group in list(groups.values()):
        if group.name not in groups or world().known(group.name):
            continue
        owner = _owner_of(group.name, people)
        if owner is not None:
            group.mentions = [replace(m, kind=PERSON) for m in group.mentions]  # it names a person after all
            _absorb(groups, owner.name, group.name)
    return groups


def _owner_of(name: str, people: Sequence[_Group]) -> _Group | None:
    """The person whose full name `name` shortens: by surname first (the most mentioned), else by
    another part of the name when only one person has it."""
    others = [p for p in people if p.name != name]
    by_surname = next((p for p in others if _is_surname_of(name, p.name)), None)
    if by_surname is not None:
        return by_surname
    by_part = [p for p in others if world().person_names.rank(name, p.name) in (0, 1)]
    return by_part[0] if len(by_part) == 1 else None


def _prominence(group: _Group) -> tuple:
    """Most mentioned first; then without initials ("Donald Trump", not "Donald J. Trump"), then longer
    ("Zelenskyy" keeps its last letter), then alphabetical: the name a merge keeps."""
    initials = sum(is_initial(w) for w in group.name.split())
    return (-len(group.mentions), initials, -len(group.name), group.name)


def _same_person(a: str, b: str) -> bool:
    first_a, *_, last_a = [w for w in a.split() if not is_initial(w)]
    first_b, *_, last_b = [w for w in b.split() if not is_initial(w)]
    return fuzz.ratio(first_a.lower(), first_b.lower()) >= SAME_FIRST_NAME_SPELLING and _same_surname(last_a, last_b)


def _is_surname_of(word: str, full_name: str) -> bool:
    """ "Grushko" of "Alexander Grushko"; "al-Ansari" and "Ansari" of "Majed al-Ansari"; "Van den Broek"
    of "Pieter van den Broek"; "Zelenskyy" of "Volodymyr Zelensky" (a spelling variant)."""
    if world().person_names.rank(word, full_name) == 0 and word != full_name:
        return True
    surname = world().surname(full_name)
    return " " not in word and surname != full_name and _same_surname(word, surname)


def _same_surname(a: str, b: str) -> bool:
    return a.lower() == b.lower() or fuzz.ratio(a.lower(), b.lower()) >= SAME_SURNAME_SPELLING


def _is_full_name(name: str) -> bool:
    """ "Volodymyr Zelenskyy", "Ursula von der Leyen", not "Zelenskyy", "von der Leyen" nor a split-off
    alias such as "the Russian diplomat"."""
    words = name.split()
    particles = world().particles
    return len(words) >= 2 and words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in particles or w.split("-")[0].lower() in particles for w in words
    ) and world().surname(name) != name


def _absorb(groups: dict[str, _Group], into: str, name: str) -> None:
    if into == name:
        return
    taken = groups.pop(name)
    target = groups[into]
    target.mentions.extend(taken.mentions)
    target.kind = target.kind or taken.kind
    target.description = target.description or taken.description
    target.links.extend(link for link in taken.links if link not in target.links)


# -- the curation file ---------------------------------------------------------------


def _curate(groups: dict[str, _Group], edits: Curation) -> None:
    """Apply the editor's edits in place. A hidden actor leaves no trace, so nothing resolves to it."""
    for edit in edits.actors:
        for alias, owner, line in edit.split:
            _split(groups, _find(groups, edit.key, edit.line, edits), alias, owner, line, edits)
    for edit in edits.actors:
        target = _find(groups, edit.key, edit.line, edits)
        for other, line in edit.merge:
            _absorb(groups, target, _find(groups, other, line, edits))
    for edit in edits.actors:
        group = groups[_find(groups, edit.key, edit.line, edits)]
        _edit(groups, group, edit)
        if edit.hide:
            groups.pop(group.name)


def _find(groups: dict[str, _Group], key: str, line: int, edits: Curation) -> str:
    """The group an id or name in the curation file means (its name after earlier renames)."""
    for name, group in groups.items():
        if key in (slugify(name), name) or _key(key) == _key(name) or key in group.former:
            return name
    raise edits.error(line, f"unknown actor '{key}' (no actor has this id or name)")


def _split(groups, name: str, alias: str, owner: str | None, line: int, edits: Curation) -> None:
    group = groups[name]
    moved = [m for m in group.mentions if _key(m.surface) == _key(alias)]
    if not moved:
        raise edits.error(line, f"actor '{name}' has no alias '{alias}'")
    group.mentions = [m for m in group.mentions if m not in moved]
    new_name = owner or alias
    target = next((n for n in groups if _key(n) == _key(new_name)), new_name)
    groups.setdefault(target, _Group(target)).mentions.extend(
        ActorMention(m.source, m.paragraph, m.surface, target, m.kind) for m in moved
    )


def _edit(groups: dict[str, _Group], group: _Group, edit: ActorEdit) -> None:
    if edit.name and edit.name != group.name:
        groups[edit.name] = groups.pop(group.name)
        group.former = (*group.former, edit.key, slugify(group.name))
        group.name = edit.name
    group.kind = edit.kind or group.kind
    group.description = edit.description or group.description
    group.links.extend(link for link in edit.links if link not in group.links)


# -- actors and the resolver -------------------------------------------------------


def _actors(groups: dict[str, _Group]) -> list[Actor]:
    ids = _ids(groups)
    actors = []
    for name, group in groups.items():
        aliases = {m.surface for m in group.mentions}
        if group.is_person:  # every spelling of the full name it was merged from, and their surnames
            full_names = {n for n in {name} | {m.name for m in group.mentions} if _is_full_name(n)}
            aliases |= full_names | {world().surname(n) for n in full_names}
        affiliations = Counter(m.affiliation for m in group.mentions if m.affiliation and m.affiliation != name)
        affiliation = max(sorted(affiliations), key=affiliations.__getitem__) if affiliations else None
        actors.append(Actor(
            id=ids[name],
            name=name,
            kind=group.voted_kind,
            aliases=sorted(aliases),
            roles=sorted({(m.role, m.source) for m in group.mentions if m.role}),
            affiliation=_affiliation_id(affiliation, ids),
            description=group.description,
            links=list(group.links),
            mentions=sorted({Mention(m.source, m.paragraph) for m in group.mentions},
                            key=lambda m: (m.source, m.paragraph)),
        ))
    return sorted(actors, key=lambda a: a.id)


def _ids(groups: dict[str, _Group]) -> dict[str, str]:
    """slugify(name); two names with one slug (rare) are told apart by kind, deterministically."""
    by_slug = defaultdict(list)
    for name in sorted(groups):
        by_slug[slugify(name)].append(name)
    ids = {}
    for slug, names in by_slug.items():
        for n, name in enumerate(names):
            ids[name] = slug if n == 0 else f"{slug}-{groups[name].voted_kind}-{n}"
    return ids


def _affiliation_id(name: str | None, ids: dict[str, str]) -> str | None:
    if name is None:
        return None
    if name in ids:
        return ids[name]
    known = world().known(name)
    return ids.get(known.name) if known else None


class _Resolver:
    """Name as a source printed it -> actor id: that source's own usage, then the corpus, then the world."""

    def __init__(self, groups: dict[str, _Group], actors: list[Actor]):
        ids = {a.name: a.id for a in actors}
        self.in_source: dict[tuple[str, str], tuple[int, str]] = {}
        everywhere: dict[str, set[str]] = defaultdict(set)
        surnames: dict[str, set[str]] = defaultdict(set)
        parts: dict[str, set[str]] = defaultdict(set)  # other parts of names: "Lula", "Alves"
        for actor in actors:
            everywhere[_key(actor.name)].add(actor.id)
            for alias in actor.aliases:
                everywhere[_key(alias)].add(actor.id)
            if actor.kind == PERSON:
                for alias in actor.aliases:
                    if not _is_full_name(alias):
                        surnames[_key(alias)].add(actor.id)
                        continue
                    surname, *others = world().person_names.short_forms(alias)
                    surnames[_key(surname)].add(actor.id)
                    for other in others:
                        parts[_key(other)].add(actor.id)
        for name, group in groups.items():
            for m in group.mentions:
                for text in (m.surface, m.name):
                    key = (m.source, _key(text))
                    # a surface that meant two actors in one source: the later mention wins
                    self.in_source[key] = max(self.in_source.get(key, (-1, "")), (m.paragraph, ids[name]))
        named = {_key(a.name): a.id for a in actors}
        # a name several actors answer to means the one it names, else nobody
        self.everywhere = {k: named.get(k) if len(v) > 1 else next(iter(v)) for k, v in everywhere.items()}
        self.surnames = {k: next(iter(v)) for k, v in parts.items() if len(v) == 1}
        self.surnames.update({k: next(iter(v)) for k, v in surnames.items() if len(v) == 1})
        self.ids = ids

    def __call__(self, source: str, name: str) -> str | None:
        if not name or not name.strip():
            return None
        candidates = [name]
        parsed = _parse_name(name)[0]
        if parsed != name:
            candidates.append(parsed)
        for text in candidates:
            key = _key(text)
            if (source, key) in self.in_source:
                return self.in_source[(source, key)][1]
            if self.everywhere.get(key):
                return self.everywhere[key]
        if _key(parsed) in self.surnames:
            return self.surnames[_key(parsed)]
        known = world().known(name)
        return self.ids.get(known.name) if known else None
