"""The lexicon: world knowledge and word lists shipped as YAML files in dossier/data/, each with a
declared shape, read and checked once.

Every data file has a model below (the field of `Lexicon` named after it), so a typo in a data
file stops the build before any article is read, with the file and the key that is wrong
("dossier/data/stances.yaml: verbs.reject: Input should be 'support', 'oppose', 'conditional' or
'open', got 'opose'"),
instead of a KeyError deep in extraction. Every key is required unless its model gives a default,
unknown keys are refused (a misspelt key is never silently ignored), a list never names the same
entry twice and a mapping never has the same key twice (YAML would keep the last one quietly).

The shapes are pydantic models, the validator spaCy already depends on: it reports every error
with its key path, which is all the messages below need.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_type_hints

import yaml
from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints, TypeAdapter,
                      ValidationError, model_validator)

from dossier.errors import InputError, yaml_problem

DATA_DIR = Path(__file__).resolve().parent / "data"
_PACKAGE_PARENT = Path(__file__).resolve().parent.parent


class LexiconError(InputError):
    """A data file does not have its declared shape; the message names the file and the key."""


def _once(value: Any) -> Any:
    """A list as it is, when no word in it comes twice: a repeated word is a copy or a typo."""
    if isinstance(value, list):
        seen: set[str] = set()
        for entry in filter(lambda entry: isinstance(entry, str), value):  # other entries fail as no word
            if entry in seen:
                raise ValueError(f"{entry!r} is listed twice")
            seen.add(entry)
    return value


class WordSet(tuple):
    """Words in the order the file gives them (so that whatever is built from them is the same on every
    run), with a set's membership test: `word in words` is a hash lookup."""

    def __new__(cls, words=()):
        self = super().__new__(cls, words)
        self._set = frozenset(self)
        return self

    def __contains__(self, word) -> bool:
        return word in self._set


Word = Annotated[str, StringConstraints(min_length=1)]
Words = Annotated[tuple[Word, ...], BeforeValidator(_once), AfterValidator(WordSet)]
Stance = Literal["support", "oppose", "conditional", "open"]
Cue = Literal["support", "oppose", "conditional", "open", "readiness"]  # readiness: support or openness by context


class Shape(BaseModel):
    """A data file, or a section of one: these keys, every one required unless it has a default."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)


Level = Literal["sure", "likely", "unsure"]  # dossier.model.Confidence
Method = Literal["explicit", "role", "carried", "second-hand", "pronoun", "transcript"]  # how attribution found a speaker
Reading = Literal["titled person", "referring person", "abbreviated title", "initialled organization", "institution", "government", "own government", "typed organization", "party", "group", "employer",
                  "country or organization", "metonym", "demonym", "referring organization", "nickname",
                  "short organization", "named person", "lone name", "organization"]  # how the actor scan read a mention


def _levels(ways: Any) -> Any:
    """A level for each of `ways` (a Literal), every one given: no way of deciding is published, or
    withheld, by default."""
    def every(found: dict) -> dict:
        missing = set(get_args(ways)) - found.keys()
        if missing:
            raise ValueError(f"no confidence for {', '.join(sorted(missing))}")
        return found
    return Annotated[dict[ways, Level], AfterValidator(every)]


class StanceParts(Shape):
    holder: _levels(Literal["stated", "quoted", "carried", "misread conjunct"])
    topic: _levels(Literal["stated", "carried", "recalled", "named before"])
    quoted: dict[Literal["action", "topic carried", "topic recalled"], Level]
    wording: _levels(Literal["cut short", "a name and a verb", "the speaker's own", "points back", "says what is not"])
    cue: _levels(Literal["idiom", "accusation"])


class Confidences(Shape):
    speaker: _levels(Method)
    speaker_among_several: Level
    actor: _levels(Reading)
    stance: StanceParts
    merge: _levels(Literal["spelling", "surname", "surname spelling", "name part", "initials", "curation"])


class GivenNames(Shape):
    female: Words
    male: Words


class Ingest(Shape):
    section_labels: Words
    list_labels: Words
    label_patterns: Words
    role_words: Words
    desk_words: Words
    teaser_prefixes: Words
    caption_patterns: Words
    disclaimer_patterns: Words
    credit_line_patterns: Words
    publisher_patterns: Words
    company_words: Words
    byline_labels: Words
    staff_labels: Words
    published_labels: Words
    updated_labels: Words
    dateline_non_places: Words
    masthead_words: Words
    logo_words: Words
    institution_words: Words
    wire_services: dict[Word, Words]
    non_outlet_credits: Words


class Pronouns(Shape):
    male: Words
    female: Words
    organization: Words
    plural: Words


class Meaning(Shape):
    negations: Words
    numbers: Words
    not_names: Words


class Names(Shape):
    particles: Words
    chinese_family_names: Words
    korean_family_names: Words
    vietnamese_family_names: Words
    japanese_family_names: Words
    kana_initials: Words
    kana_finals: Words
    family_name_first: Words
    pinyin_initials: Words
    pinyin_finals: Words
    syllable_initials: Words
    syllable_finals: Words
    given_particles: Words
    suffixes: Words
    abbreviations: Words
    pronouns: Pronouns
    possessive_pronouns: Pronouns


class Organization(Shape):
    aliases: Words = ()
    anaphors: Words = ()


class Groups(Shape):
    nouns: Words
    acts: Words
    quantifiers: Words
    members: Words


class Organizations(Shape):
    organizations: dict[Word, Organization]
    parties: dict[Word, Words]
    groups: Groups
    member_nouns: Words
    institutions: Words
    independent_institutions: Words
    governments: Words
    government_nouns: Words
    national_bodies: Words
    national_modifiers: Words
    devolved_governments: dict[Word, Word]
    organization_heads: Words
    legal_designators: Words
    organization_nouns: Words
    law_heads: Words


class Places(Shape):
    regions: Words
    weather_systems: Words
    diseases: Words
    place_nouns: Words
    state_nouns: Words
    home_nouns: Words
    venues: Words
    us_states: Words
    us_politicians: Words


class Conditional(Shape):
    only: Words
    phrases: Words
    meeting_verbs: Words
    terms: Words
    predicates: Words


class Requirement(Shape):
    modals: Words
    including_verbs: Words
    frame_words: Words


class Negation(Shape):
    words: Words
    flips: dict[Stance, Stance]
    focus: Words
    silent: Words
    consent: Words


RelOp = Literal["<", ">", "."]  # spaCy's DependencyMatcher operators that dossier.extract.cues matches


class PatternNode(Shape):
    """One node of a DependencyMatcher pattern, in spaCy's own keys."""

    RIGHT_ID: Word
    RIGHT_ATTRS: dict[Word, Any]
    LEFT_ID: Word | None = None
    REL_OP: RelOp | None = None


def _tree(pattern: tuple[PatternNode, ...]) -> tuple[PatternNode, ...]:
    """A pattern as spaCy takes one: the cue first, alone; every other node hung on a node before it."""
    if not pattern:
        raise ValueError("a pattern has at least its cue")
    first, *rest = pattern
    if first.LEFT_ID is not None or first.REL_OP is not None:
        raise ValueError(f"the first node ({first.RIGHT_ID!r}) is the cue: no LEFT_ID, no REL_OP")
    named = {first.RIGHT_ID}
    for node in rest:
        if node.LEFT_ID not in named or node.REL_OP is None:
            raise ValueError(f"node {node.RIGHT_ID!r} needs a REL_OP and a LEFT_ID naming a node before it")
        named.add(node.RIGHT_ID)
    return pattern


class CueShape(Shape):
    patterns: tuple[Annotated[tuple[PatternNode, ...], AfterValidator(_tree)], ...]
    or_next: bool = False


class Patterned(Shape):
    """A data file with cue shapes (its `shapes`: dossier.extract.cues) whose patterns may name its own lists."""

    def listed(self, name: str) -> tuple[str, ...]:
        """The list (or a mapping's keys) that `name` ("requirement.modals") names in this file."""
        found: Any = self
        for part in name.split("."):
            found = getattr(found, part, None) if isinstance(found, BaseModel) else None
        if isinstance(found, dict):
            return tuple(found)
        if not isinstance(found, tuple) or not all(isinstance(word, str) for word in found):
            raise ValueError(f"{name!r} names no list of this file")
        return found

    @model_validator(mode="after")
    def _lists_named(self) -> Patterned:
        """Every list a shape's pattern names instead of giving one is a list of this file."""
        for shape, cue in self.shapes.items():
            for name in (name for pattern in cue.patterns for node in pattern for name in _names_in(node.RIGHT_ATTRS)):
                try:
                    self.listed(name)
                except ValueError as error:
                    raise ValueError(f"shapes.{shape}: {error}") from None
        return self


Reader = Literal["idiom", "requirement", "adjective", "phrasal", "verb", "meeting", "condition", "preposition", "noun",
                 "acting", "standing", "verdict", "failing", "calling"]  # the rules of dossier.extract.stances that read a cue of each shape
SpeechReader = Literal["attribution", "second-hand", "document", "phrasal", "verb"]  # ...of dossier.extract.attribution


class SpeechVerbs(Patterned):
    verbs: Words
    phrasal_verbs: dict[Word, Word]
    second_hand_verbs: Words
    crediting_verbs: Words
    definite_determiners: Words
    label_cues: Words
    question_labels: Words
    answer_labels: Words
    first_person_words: Words
    abbreviations: Words
    person_nouns: Words
    person_epithets: Words
    male_words: Words
    female_words: Words
    spokesperson_nouns: Words
    firm_voices: Words
    document_nouns: Words
    press_documents: Words
    reading_words: Words
    reply_nouns: Words
    issuing_verbs: Words
    outlet_nouns: Words
    affiliations: Words
    honorific_nouns: dict[Word, Word]
    organization_nouns: Words
    shapes: dict[SpeechReader, CueShape]


class Stances(Patterned):
    verbs: dict[Word, Stance]
    object_verbs: dict[Word, Stance]
    idioms: dict[Word, dict[Word, Stance]]
    undoing_verbs: Words
    refused_verbs: Words
    pledging_verbs: Words
    claim_nouns: Words
    claim_verbs: Words
    accusing_verbs: dict[Word, Word]
    accounting_complements: Words
    daring_verbs: Words
    phrasal: dict[Word, Stance]
    adjectives: dict[Word, Cue]
    prepositions: dict[Word, Stance]
    nouns: dict[Word, Cue]
    feeling_nouns: Words
    verdicts: dict[Word, Stance]
    verdict_modifiers: dict[Word, Stance]
    comparing_adverbs: Words
    failing_verbs: Words
    calling_verbs: Words
    standing_nouns: dict[Word, dict[Word, Stance]]
    acting_nouns: dict[Word, dict[Word, Stance]]
    judging_verbs: Words
    reason_prepositions: Words
    having_verbs: Words
    expressing_verbs: Words
    voicing_prepositions: Words
    seeking_verbs: Words
    negating_nouns: Words
    opinion_verbs: Words
    conditional: Conditional
    requirement: Requirement
    stance_modals: Words
    negation: Negation
    light_nouns: Words
    reason_nouns: Words
    undoing_nouns: Words
    moved_nouns: Words
    light_verbs: Words
    vague_nouns: Words
    generic_nouns: Words
    filler_modifiers: Words
    rating_modifiers: Words
    representatives: Words
    people: Words
    bodies: Words
    partial_quantifiers: Words
    pointers: dict[Word, Words]
    own_bodies: Words
    governing_nouns: Words
    patient_nouns: Words
    first_person: Words
    acting_prepositions: Words
    copulas: Words
    shapes: dict[Reader, CueShape]


def _names_in(attrs: dict) -> Iterator[str]:
    """The list names in a pattern node's attributes: {"LOWER": {"IN": "adjectives"}} -> "adjectives"."""
    for value in attrs.values():
        if isinstance(value, dict):
            for operator, operand in value.items():
                if operator in ("IN", "NOT_IN") and isinstance(operand, str):
                    yield operand
            yield from _names_in(value)


class Titles(Shape):
    titles: dict[Word, Words]
    connectors: Words
    modifiers: Words
    portfolios: Words
    portfolio_words: Words
    occupations: Words
    honorifics: Words
    office_honorifics: Words


class Holders(Shape):
    leader_roles: Words
    subordinate: Words
    former: Words
    official_roles: Words


class Topic(Shape):
    title: Word
    keys: Words
    antonyms: Words = ()
    reversers: Words = ()
    needs: Words = ()
    contexts: dict[Word, Words] = {}

    @model_validator(mode="after")
    def _contexts_of_keys(self) -> Topic:
        """A context is given for one of the topic's own keys."""
        stray = sorted(set(self.contexts) - set(self.keys))
        if stray:
            raise ValueError(f"contexts of {', '.join(stray)}, which is no key of {self.title!r}")
        return self


class Topics(Shape):
    holders: Holders
    topics: tuple[Topic, ...]


@dataclass(frozen=True)
class Lexicon:
    """Every data file, by its name without ".yaml", in its declared shape."""

    confidence: Confidences  # how sure each way of deciding is: what publishing gates on
    countries: dict[Word, Words]  # country -> other names for it
    demonyms: dict[Word, Word]  # "Russian" -> a country in countries.yaml
    given_names: GivenNames
    ingest: Ingest
    metonyms: dict[Word, Word]  # "the Kremlin" -> a country or organisation
    meaning: Meaning  # words a corrected typo may never touch (dossier.ids)
    names: Names
    organizations: Organizations
    outlets: Words
    places: Places
    speech_verbs: SpeechVerbs
    stances: Stances
    titles: Titles
    topics: Topics


@cache
def lexicon() -> Lexicon:
    """The shipped lexicon, read and checked once per process."""
    return load(DATA_DIR)


def load(directory: Path) -> Lexicon:
    """Every data file in `directory`, checked against its shape and against the files it refers to."""
    undeclared = sorted({path.stem for path in directory.glob("*.yaml")} - _shapes().keys())
    if undeclared:
        path = directory / f"{undeclared[0]}.yaml"
        raise LexiconError(f"{_label(path)}: no shape is declared for it in dossier/lexicon.py")
    found = Lexicon(**{name: parse(path, _read(path)) for name in _shapes() for path in [directory / f"{name}.yaml"]})
    _check_references(found, directory)
    return found


def parse(path: Path, text: str) -> Any:
    """The YAML `text` of the data file `path` in its declared shape, or a LexiconError naming what is wrong.
    libyaml reads it (8x faster: every build and every extraction worker reads every data file); a file it
    refuses is read again by PyYAML, whose messages are the ones dossier gives."""
    label = _label(path)
    try:
        data = _compose(label, text, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        try:
            data = _compose(label, text, yaml.SafeLoader)
        except yaml.YAMLError as error:
            line, problem = yaml_problem(error)
            raise LexiconError(f"{label}: line {line}: {problem}" if line else f"{label}: {problem}") from error
    try:
        return _adapter(path.stem).validate_python(data)
    except ValidationError as error:
        problems = (f"{label}: {_key_path(e['loc'])}: {_problem(e)}" for e in error.errors())
        raise LexiconError("\n".join(problems)) from None


def _compose(label: str, text: str, loader_class: type) -> Any:
    """The data of `text` as `loader_class` reads it, a key given twice refused."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _refuse_repeated_keys(label, node, ())
        return loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


@cache
def _shapes() -> dict[str, Any]:
    """Each data file's shape by its name without ".yaml": the fields of Lexicon."""
    return get_type_hints(Lexicon, include_extras=True)


@cache
def _adapter(name: str) -> TypeAdapter:
    return TypeAdapter(_shapes()[name])


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"{_label(path)}: cannot be read: {error}") from error


def _label(path: Path) -> str:
    """How messages name a data file: "dossier/data/titles.yaml" for a shipped one."""
    try:
        return path.relative_to(_PACKAGE_PARENT).as_posix()
    except ValueError:
        return str(path)


def _refuse_repeated_keys(label: str, node: yaml.Node, path: tuple) -> None:
    """A mapping that gives one key twice: YAML keeps the later value without a word."""
    if isinstance(node, yaml.MappingNode):
        lines: dict[str, int] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key.start_mark)
            if name in lines:
                where = _key_path((*path, name))
                raise LexiconError(f"{label}: {where}: given twice (lines {lines[name]} and {key.start_mark.line + 1})")
            lines[name] = key.start_mark.line + 1
            _refuse_repeated_keys(label, value, (*path, name))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _refuse_repeated_keys(label, item, (*path, index))


def _key_path(loc: tuple) -> str:
    """("titles", "president", 0) -> "titles.president[0]"; the whole file is "(top level)"."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(top level)"


def _problem(error: dict) -> str:
    if error["type"] == "missing":
        return "missing"
    if error["type"] == "extra_forbidden":
        return "unknown key"
    if error["type"] == "value_error":
        return str(error["ctx"]["error"])
    found = error["input"]
    if isinstance(found, bool):
        return f"{error['msg']}, got {found} (YAML reads yes/no/on/off as true/false: quote the word)"
    if isinstance(found, (dict, list)):
        return error["msg"]
    return f"{error['msg']}, got {found!r}"


def _check_references(found: Lexicon, directory: Path) -> None:
    """Names one file takes from another (a demonym's country, what a metonym stands for), and given
    names of both genders, which given_names.yaml leaves out on purpose."""
    both = next((name for name in found.given_names.male if name in found.given_names.female), None)
    if both:
        raise LexiconError(f"{_label(directory / 'given_names.yaml')}: male: {both!r} is listed under female too")
    countries = found.countries.keys()
    actors = countries | found.organizations.organizations.keys()
    for name, known, values, what in (("demonyms", countries, found.demonyms, "a country in countries.yaml"),
                                      ("metonyms", actors, found.metonyms,
                                       "a country in countries.yaml or an organisation in organizations.yaml")):
        for key, value in values.items():
            if value not in known:
                raise LexiconError(f"{_label(directory / f'{name}.yaml')}: {key}: {value!r} is not {what}")
