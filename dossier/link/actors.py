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

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from dossier.curation import ActorEdit, Curation
from dossier.lexicon import lexicon
from dossier.model import LONE_NAME, Actor, ActorMention, Confidence, Extraction, Mention, Merge, Problem
from dossier.names import NameIndex, initials_of, is_initial, person_names, split_title, word_spans
from dossier.text import normalise, slugify
from dossier.world import ORGANIZATION, PERSON, POSSESSIVE, phrase_key, world

log = logging.getLogger("dossier")

# resolve(source_id, name as extracted) -> actor id, or None when the name is no known actor
SAME_SURNAME_SPELLING = 88  # rapidfuzz ratio from which "Zelensky" and "Zelenskyy" are one surname
SAME_FIRST_NAME_SPELLING = 80  # "Sergei" and "Sergey" are one first name; "Anna" and "Anne" are not


def link_actors(extractions: Sequence[Extraction], edits: Curation, problems: list[Problem] | None = None
                ) -> tuple[list[Actor], Resolver]:
    """Merge every ActorMention (and every quote speaker) into Actors, applying the editor's curation.

    A failure while linking one group of actors costs that group its merge or its page, with a
    warning in `problems` naming the articles involved; never the build. Curation errors still stop it."""
    guard = _Guard({e.article.id: e.article.file for e in extractions}, [] if problems is None else problems)
    mentions = [m for e in extractions for m in e.actors]
    mentions += _speaker_mentions(extractions, mentions)
    groups = _merge_people(_group_by_name(mentions), guard)
    _merge_initials(groups, guard)
    _drop_lone_names(groups, edits)
    _curate(groups, edits)
    actors = _actors(groups, guard)
    return actors, Resolver(groups, actors, guard)


@dataclass
class _Group:
    """The mentions of one actor while linking: renamed, merged and split before it becomes an Actor."""

    name: str
    mentions: list[ActorMention] = field(default_factory=list)
    kind: str | None = None  # set by the curation file; else the mentions vote
    description: str | None = None
    links: list[str] = field(default_factory=list)
    former: tuple[str, ...] = ()  # ids and names it had before a rename in the curation file
    merged: list[Merge] = field(default_factory=list)  # the groups it absorbed, and how it was decided

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


@dataclass
class _Guard:
    """Turns an exception while linking some groups into a warning naming their articles."""

    files: dict[str, str]  # source id -> seed file name
    problems: list[Problem]

    @contextmanager
    def __call__(self, step: str, outcome: str, *groups: _Group) -> Iterator[None]:
        try:
            yield
        except Exception as error:  # noqa: BLE001 - one group's failure is reported, the rest still links
            log.debug("linking actors failed while %s", step, exc_info=True)
            names = " and ".join(repr(g.name) for g in groups)
            files = sorted({self.files.get(m.source, m.source) for g in groups for m in g.mentions})
            self.problems.append(Problem(", ".join(files), f"linking actor {names} failed while {step} "
                                                           f"({outcome}): {type(error).__name__}: {error}"))


@lru_cache(maxsize=1 << 17)
def _key(text: str) -> str:
    """How names compare: case, a leading "the", a possessive and punctuation spacing do not matter. Kept for
    the build: every mention's surface and name are keyed, and the resolver keys each name it is asked again."""
    return " ".join(phrase_key(text)).lower()


def _speaker_mentions(extractions: Sequence[Extraction], mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Quote speakers as mentions, so that a speaker the actor scan missed is still an actor."""
    named: dict[tuple[str, str], ActorMention] = {}
    placed: dict[tuple[str, int], list[ActorMention]] = defaultdict(list)  # by (source, paragraph)
    for mention in mentions:
        for text in (mention.surface, mention.name):
            named.setdefault((mention.source, _key(text)), mention)
        if mention.start is not None:
            placed[(mention.source, mention.paragraph)].append(mention)
    for mention in mentions:  # a speaker's name cut at a hyphen: "Park Min" of "Park Min-jun"
        if mention.kind == PERSON and "-" in mention.name:
            named.setdefault((mention.source, _key(mention.name.rsplit("-", 1)[0])), mention)
    extra = []
    for extraction in extractions:
        for quote in extraction.quotes:
            if not quote.speaker:
                continue
            source = extraction.article.id
            name, kind, role, affiliation = _parse_name(quote.speaker)
            # the speaker as named in this source, else the name inside it ("the alliance" of
            # "Secretary-General the alliance", which the source's own mentions say is NATO), else the
            # mention printed at the cue's word for the speaker. Attribution's own resolution comes first:
            # "the President" after "Senate President Sotto" is still the country's president to it.
            known = (named.get((source, _key(quote.speaker))) or named.get((source, _key(name)))
                     or _mention_at(placed, source, quote.speaker_at))
            if known is not None:
                name, kind = known.name, known.kind
            extra += [ActorMention(source, quote.paragraph, printed, name, kind, role, affiliation, method="speaker",
                                   confidence=quote.confidence)
                      for printed in (quote.speaker, quote.speaker_called) if printed]  # "the mayor": an alias
    return extra


def _mention_at(placed: dict[tuple[str, int], list[ActorMention]], source: str,
                at: tuple[int, int] | None) -> ActorMention | None:
    """The widest actor mention over the character `at` (paragraph, offset) of `source`, if any."""
    if at is None:
        return None
    paragraph, offset = at
    covering = [m for m in placed.get((source, paragraph), ()) if m.start <= offset < m.end]
    return max(covering, key=lambda m: (m.end - m.start, -m.start), default=None)


@lru_cache(maxsize=1 << 16)  # a speaker's name is parsed again for each printing the resolver is asked about
def _parse_name(text: str) -> tuple[str, str, str | None, str | None]:
    """(name, kind, role, affiliation) of a name given as a string: "Russian Deputy Foreign Minister
    Alexander Grushko" -> Alexander Grushko, person, Deputy Foreign Minister, Russia."""
    text = normalise(text)
    known = world().known(text)
    if known is not None:
        return known.name, known.kind, None, None
    spans = word_spans(text)
    words = [text[start:end] for start, end in spans]
    title = split_title(words, world())
    if title.start >= len(words):
        return text, PERSON, None, None  # a title alone: "the Foreign Minister"
    name = text[spans[title.start][0]:]
    known = world().known(name)
    if known is not None:
        return known.name, known.kind, None, None
    if not title.end:
        return name, ORGANIZATION if world().names_body(words[title.start:]) else PERSON, None, None
    owner = world().demonyms.match(words, 0) or world().names.match(words, 0)
    role_start = owner[0] + (owner[0] < len(words) and words[owner[0]] in POSSESSIVE) if owner else 0
    role = text[spans[role_start][0]:spans[title.end - 1][1]] if role_start < title.end else ""
    return name, PERSON, role, owner[1].name if owner else None


def _group_by_name(mentions: Iterable[ActorMention]) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    for mention in mentions:
        groups.setdefault(mention.name, _Group(mention.name)).mentions.append(mention)
    return groups


def _merge_people(groups: dict[str, _Group], guard: _Guard) -> dict[str, _Group]:
    """Full names that are one person (spelling variants of the surname with the same first name) merge;
    a shorter name joins the full name it belongs to: a surname the most mentioned full name with
    that surname, another part of a name ("Lula", "Alves") the only full name that has it.

    Names are looked up in indexes (`_Owners`, `_Spellings`), not compared with every other name;
    a name that joins one already merged away lands where that one went (`_Merged`)."""
    merged = _Merged()

    def absorb(into: str, name: str, how: str) -> None:
        into = merged.find(into)
        if into != name:
            _absorb(groups, into, name, how)
            merged[name] = into

    full = sorted((g for g in groups.values() if g.is_person and " " in g.name), key=_prominence)
    spellings = _Spellings()
    for rank, group in enumerate(full):
        if (ends := _name_ends(group.name)) is not None:
            spellings.add(ends[1], rank)
    for rank, group in enumerate(full):  # each pair once: a name merged away has met the rest already
        ends = _name_ends(group.name)
        if group.name not in groups or ends is None:
            continue
        for other in (full[k] for k in sorted(spellings.like(ends[1])) if k > rank):
            with guard("comparing full names", "kept apart", group, other):
                if other.name in groups and _same_person(group.name, other.name):
                    absorb(group.name, other.name, "spelling")

    full = [g for g in groups.values() if g.is_person and person_names().is_full_name(g.name)]
    owners = _Owners(sorted(full, key=_prominence))
    for group in list(groups.values()):
        if group.name not in groups or world().known(group.name):
            continue
        with guard("looking for its full name", "kept on its own", group):
            owner, how = _owner_of(group.name, owners)
            if owner is not None and merged.find(owner.name) != group.name:
                group.mentions = [replace(m, kind=PERSON) for m in group.mentions]  # it names a person after all
                absorb(owner.name, group.name, how)
    return groups


def _merge_initials(groups: dict[str, _Group], guard: _Guard) -> None:
    """An organisation an article names only by its initials ("SES acting deputy commissioner Mark Morrow")
    joins the only organisation another article names in full whose initials they are ("the State Emergency
    Service"), as extraction joins them within one article: two pages for one body are a split."""
    spelt: dict[str, list[str]] = defaultdict(list)
    for group in groups.values():
        words = group.name.split()
        if len(words) > 1 and group.voted_kind == ORGANIZATION:
            for initials in initials_of(words):
                spelt[initials].append(group.name)
    for group in list(groups.values()):
        owners = spelt.get(group.name, [])
        if len(owners) == 1 and group.name.isalpha() and group.name.isupper() and group.voted_kind == ORGANIZATION:
            with guard("looking for the name its initials stand for", "kept on its own", group):
                _absorb(groups, owners[0], group.name, "initials")


class _Merged(dict):
    """Name -> the name it was merged into. `find` follows the chain to the group that holds the
    mentions now: "Castell" -> "Boris Castell" -> "Lena Sato Boris Castell Albanese"."""

    def find(self, name: str) -> str:
        root = name
        while root in self:
            root = self[root]
        while name != root:  # shorten the chain for the next look-up
            self[name], name = root, self[name]
        return root


class _Spellings:
    """Items filed under a word, found again by any spelling of it ("Zelensky", "Zelenskyy").

    Only words that share their first letter or their last two are compared (two spellings of
    one name rarely differ at both ends), so a look-up costs a block of names, not all of them."""

    def __init__(self) -> None:
        self.items: dict[str, list] = defaultdict(list)
        self.blocks: dict[str, set[str]] = defaultdict(set)

    def add(self, word: str, item) -> None:
        key = word.lower()
        self.items[key].append(item)
        for block in _blocks(key):
            self.blocks[block].add(key)

    def like(self, word: str) -> list:
        key = word.lower()
        keys = sorted(set().union(*(self.blocks.get(block, ()) for block in _blocks(key))))
        found = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=SAME_SURNAME_SPELLING, limit=None)
        return [item for match, _, _ in found for item in self.items[match]]


def _blocks(key: str) -> tuple[str, str]:
    return f"^{key[:1]}", f"{key[-2:]}$"


class _Owners:
    """People's full names, most mentioned first, indexed by the forms that stand for them."""

    def __init__(self, people: Sequence[_Group]):
        self.people = people
        self.order = {person.name: k for k, person in enumerate(people)}
        self.forms = NameIndex(world().person_names)
        self.surnames = _Spellings()
        for k, person in enumerate(people):
            self.forms.add(person.name)
            self.surnames.add(world().surname(person.name), k)


def _owner_of(name: str, owners: _Owners) -> tuple[_Group | None, str]:
    """The person whose full name `name` shortens, and how (a Merge's `how`): by surname first (the most
    mentioned; a one-word name also by a spelling variant), else by another part of the name when only
    one person has it."""
    ranks = {owners.order[full]: rank for full, rank in owners.forms.ranks(name).items() if full != name}
    exact = {k for k, rank in ranks.items() if rank == 0}
    by_surname = set(exact)
    if " " not in name:
        by_surname.update(k for k in owners.surnames.like(name) if owners.people[k].name != name)
    if by_surname:
        first = min(by_surname)
        return owners.people[first], "surname" if first in exact else "surname spelling"
    by_part = [k for k, rank in ranks.items() if rank == 1]
    return (owners.people[by_part[0]], "name part") if len(by_part) == 1 else (None, "")


def _prominence(group: _Group) -> tuple:
    """Most mentioned first; then without initials ("Donald Trump", not "Donald J. Trump"), then longer
    ("Zelenskyy" keeps its last letter), then alphabetical: the name a merge keeps."""
    initials = sum(is_initial(w) for w in group.name.split())
    return (-len(group.mentions), initials, -len(group.name), group.name)


def _name_ends(name: str) -> tuple[str, str] | None:
    """The first name and the surname's last word, initials and a suffix aside; None for a single word."""
    words = [w for w in world().person_names.parts(name) if not is_initial(w)]
    return (words[0], words[-1]) if len(words) >= 2 else None


def _same_person(a: str, b: str) -> bool:
    """Spellings of one full name: the first name within a letter or two, the surname within a spelling,
    and the same suffix ("Donald Trump Jr." is not his father)."""
    ends_a, ends_b, names = _name_ends(a), _name_ends(b), world().person_names
    if ends_a is None or ends_b is None or names.suffix(a).rstrip(".") != names.suffix(b).rstrip("."):
        return False
    return (fuzz.ratio(ends_a[0].lower(), ends_b[0].lower()) >= SAME_FIRST_NAME_SPELLING
            and _same_surname(ends_a[1], ends_b[1]))


def _same_surname(a: str, b: str) -> bool:
    return a.lower() == b.lower() or fuzz.ratio(a.lower(), b.lower()) >= SAME_SURNAME_SPELLING


def _absorb(groups: dict[str, _Group], into: str, name: str, how: str) -> None:
    if into == name:
        return
    target = groups[into]
    taken = groups.pop(name)
    target.merged += [Merge(name, how, Confidence(lexicon().confidence.merge[how])), *taken.merged]
    target.mentions.extend(taken.mentions)
    target.kind = target.kind or taken.kind
    target.description = target.description or taken.description
    target.links.extend(link for link in taken.links if link not in target.links)


# -- the curation file ---------------------------------------------------------------


def _curate(groups: dict[str, _Group], edits: Curation) -> None:
    """Apply the editor's edits in place. A hidden actor leaves no trace, so nothing resolves to it.

    A rename onto another actor's name is an error pointing to `merge`, which says what is meant;
    so is a merge cycle (A takes in B, then B takes in A)."""
    for edit in edits.actors:
        for alias, owner, line in edit.split:
            _split(groups, _find(groups, edit.key, edit.line, edits), alias, owner, line, edits)
    merged: dict[str, tuple[str, int]] = {}  # a name merged away -> (the name it went into, line)
    for edit in edits.actors:
        gone = _merged_away(merged, edit.key)
        for other, line in edit.merge if gone else ():
            if _means(other, gone[0], groups.get(gone[0])):
                raise edits.error(line, f"merge cycle: '{edit.key}' was merged into '{gone[0]}' (line {gone[1]}), "
                                        f"which now merges into it")
        target = _find(groups, edit.key, edit.line, edits, merged)
        for other, line in edit.merge:
            name = _find(groups, other, line, edits, merged)
            if name != target:
                _absorb(groups, target, name, "curation")
                merged[name] = (target, line)
    for edit in edits.actors:
        group = groups[_find(groups, edit.key, edit.line, edits, merged)]
        _edit(groups, group, edit, edits)
        if edit.hide:
            groups.pop(group.name)


def _drop_lone_names(groups: dict[str, _Group], edits: Curation) -> None:
    """A lone word only the tagger called a person ("Snapchat", "Haryana") is no actor unless it joined a
    full name another article gives (_merge_people: "Putin" and Vladimir Putin) or the curation file names it."""
    for name, group in list(groups.items()):
        if all(m.method == LONE_NAME for m in group.mentions) and not any(
                _means(edit.key, name, group) for edit in edits.actors):
            del groups[name]


def _means(key: str, name: str, group: _Group | None = None) -> bool:
    """Whether an id or name in the curation file stands for the actor `name`."""
    return key in (slugify(name), name) or _key(key) == _key(name) or (group is not None and key in group.former)


def _merged_away(merged: dict[str, tuple[str, int]], key: str) -> tuple[str, int] | None:
    """(the name it ended up in, line of the first merge) when `key` names an actor merged away."""
    found = next((merged[name] for name in merged if _means(key, name)), None)
    if found is None:
        return None
    into, line = found
    while into in merged:
        into = merged[into][0]
    return into, line


def _find(groups: dict[str, _Group], key: str, line: int, edits: Curation,
          merged: dict[str, tuple[str, int]] | None = None) -> str:
    """The group an id or name in the curation file means (its name after earlier renames)."""
    for name, group in groups.items():
        if _means(key, name, group):
            return name
    gone = _merged_away(merged or {}, key)
    if gone is not None:
        raise edits.error(line, f"actor '{key}' was merged into '{gone[0]}' (line {gone[1]}): edit '{gone[0]}' instead")
    raise edits.error(line, f"unknown actor '{key}' (no actor has this id or name)")


def _split(groups, name: str, alias: str, owner: str | None, line: int, edits: Curation) -> None:
    group = groups[name]
    moved = [m for m in group.mentions if _key(alias) in (_key(m.surface), _key(m.phrase or m.surface))]
    if not moved:
        raise edits.error(line, f"actor '{name}' has no alias '{alias}'")
    group.mentions = [m for m in group.mentions if m not in moved]
    new_name = owner or alias
    target = next((n for n in groups if _key(n) == _key(new_name)), new_name)
    groups.setdefault(target, _Group(target)).mentions.extend(
        replace(m, name=target, role=None, affiliation=None) for m in moved
    )


def _edit(groups: dict[str, _Group], group: _Group, edit: ActorEdit, edits: Curation) -> None:
    if edit.name and edit.name != group.name:
        taken = next((name for name, other in groups.items() if other is not group and _means(edit.name, name)), None)
        if taken is not None:
            raise edits.error(edit.line, f"cannot rename '{edit.key}' to '{edit.name}': actor '{slugify(taken)}' has "
                                         f"that name; to make them one actor, list '{edit.key}' under `merge:` of "
                                         f"'{slugify(taken)}'")
        groups[edit.name] = groups.pop(group.name)
        group.former = (*group.former, edit.key, slugify(group.name))
        group.name = edit.name
    group.kind = edit.kind or group.kind
    group.description = edit.description or group.description
    group.links.extend(link for link in edit.links if link not in group.links)


# -- actors and the resolver -------------------------------------------------------


def _actors(groups: dict[str, _Group], guard: _Guard) -> list[Actor]:
    """One Actor per group; a group whose actor cannot be made is dropped, so nothing links to it."""
    ids = _ids(groups)
    actors = {}
    for name, group in list(groups.items()):
        with guard("making its page", "left without one", group):
            actors[name] = _actor(name, group, ids)
        if name not in actors:
            groups.pop(name)
    made = {actor.id for actor in actors.values()}
    return sorted((a if a.affiliation in made or a.affiliation is None else replace(a, affiliation=None)
                   for a in actors.values()), key=lambda a: a.id)


def _actor(name: str, group: _Group, ids: dict[str, str]) -> Actor:
    aliases = {m.surface for m in group.mentions} | {m.phrase for m in group.mentions if m.phrase}
    if group.is_person:  # every spelling of the full name it was merged from, and their surnames
        full_names = {n for n in {name} | {m.name for m in group.mentions} if person_names().is_full_name(n)}
        aliases |= full_names | {world().surname(n) for n in full_names}
    affiliations = Counter(m.affiliation for m in group.mentions if m.affiliation and m.affiliation != name)
    affiliation = max(sorted(affiliations), key=affiliations.__getitem__) if affiliations else None
    return Actor(
        id=ids[name],
        name=name,
        kind=group.voted_kind,
        aliases=_one_form_each(aliases),
        roles=sorted({(m.role, m.source) for m in group.mentions if m.role}),
        affiliation=_affiliation_id(affiliation, ids),
        description=group.description,
        links=list(group.links),
        mentions=sorted({Mention(m.source, m.paragraph) for m in group.mentions},
                        key=lambda m: (m.source, m.paragraph)),
        merged=sorted(group.merged, key=lambda merge: merge.name),
    )


def _one_form_each(forms: set[str]) -> list[str]:
    """Each name a page lists once, sorted: forms that differ only by a leading "the" (`phrase_key`: "the BJP"
    and "BJP", "The Commission" and "the Commission") are listed as the one printed without it, else the
    first. A reader searching "BJP" finds the page either way; two forms of one name are clutter. Case
    elsewhere tells forms apart ("de Groot" mid-sentence, "De Groot" opening one)."""
    chosen: dict[tuple[str, ...], str] = {}
    for form in sorted(forms, key=lambda form: (form.lower().startswith("the "), form)):
        chosen.setdefault(phrase_key(form), form)
    return sorted(chosen.values())


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


class Resolver:
    """Name as a source printed it -> actor id: that source's own usage, then the corpus, then the world;
    or the words at a place of a source (`at`) -> the actor their mention was linked to."""

    def __init__(self, groups: dict[str, _Group], actors: list[Actor], guard: _Guard):
        ids = {a.name: a.id for a in actors}
        self.in_source: dict[tuple[str, str], tuple[int, str]] = {}
        self.placed: dict[tuple[str, int, int, int], str] = {}  # (source, paragraph, start, end) -> actor id
        everywhere: dict[str, set[str]] = defaultdict(set)
        surnames: dict[str, set[str]] = defaultdict(set)
        parts: dict[str, set[str]] = defaultdict(set)  # other parts of names: "Lula", "Alves"
        for actor in actors:
            everywhere[_key(actor.name)].add(actor.id)
            for alias in actor.aliases:
                everywhere[_key(alias)].add(actor.id)
            if actor.kind != PERSON:
                continue
            with guard("indexing its short names", "found by its full names only", groups[actor.name]):
                for alias in actor.aliases:
                    forms = person_names().short_forms(alias) if person_names().is_full_name(alias) else (alias,)
                    for rank, form in enumerate(forms):
                        (parts if rank else surnames)[_key(form)].add(actor.id)
        for name, group in groups.items():
            for m in group.mentions:
                for text in (m.surface, m.name):
                    key = (m.source, _key(text))
                    # a surface that meant two actors in one source: the later mention wins
                    self.in_source[key] = max(self.in_source.get(key, (-1, "")), (m.paragraph, ids[name]))
                if m.start is not None:
                    self.placed.setdefault((m.source, m.paragraph, m.start, m.end), ids[name])
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

    def at(self, source: str, place: tuple[int, int, int]) -> str | None:
        """The actor id of the mention at `place` (paragraph, start, end) of `source`."""
        return self.placed.get((source, *place))
