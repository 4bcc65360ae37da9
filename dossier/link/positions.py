"""Topics and positions across articles.

Each extracted Stance names its issue in the article's own words ("NATO
peacekeepers in Ukraine", "a peacekeeping force"). Here those names meet:

- Topics. A stance joins the first issue of data/topics.yaml whose key words
  its topic name contains (peacekeepers, peacekeeping forces -> "Peacekeeping
  forces"; membership, joining, accession -> "Membership"); a name phrased as
  the opposite ("Ukraine's exclusion from the alliance") joins it with the
  stance turned round. Any other topic is keyed by the lemma of its head noun
  with its compounds ("security mechanisms"; an action by its verb and its object's,
  "use means"; a bare head joins the one compound
  it ends, "charge" -> "congestion charge") and titled by its most frequent
  wording (ties: the shortest, then alphabetical), capitalised. A topic's id is
  its title's slug; a later one (by key) whose title slugs the same gets the
  next free "-2", "-3", with a warning, so no topic page overwrites another.
- Holders. Officials and ministries speak for the country or organisation they
  serve (their ActorMention.affiliation): a deputy foreign minister's stance
  is his country's position. Leaders and everyone else hold their own
  (dossier.spokespeople).
- Positions. One per (actor, topic), weighed from every sentence stating it (dossier/weighing.py),
  each kept with how sure its reading is, so that review.sure_positions can publish only the sure ones.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from dossier.link.actors import Resolver
from dossier.model import ActorMention, Confidence, Extraction, Position, Problem, Stance, Statement, Topic
from dossier.lexicon import lexicon
from dossier.text import normalise, slugify, words
from dossier.spokespeople import sides
from dossier.weighing import weigh

TURNED = {"support": "oppose", "oppose": "support"}
INFLECTIONS = frozenset({"", "s", "es", "d", "ed", "ing", "er", "ers"})
INFLECTED_FROM = 3  # letters a key word needs to take inflections: "ai" + "d" is "aid", not a form of AI


@dataclass(frozen=True)
class Issue:
    """One entry of data/topics.yaml: a title and the words that name it."""

    title: str
    keys: tuple[tuple[str, ...], ...]
    antonyms: tuple[tuple[str, ...], ...] = ()  # the issue's opposite: "exclusion" for membership
    reversers: tuple[tuple[str, ...], ...] = ()  # words turning a key after them round: "lifting" sanctions
    needs: tuple[tuple[str, ...], ...] = ()  # one of these must be in the wording too: "troops" for a withdrawal
    # an ambiguous key and what must be in the wording for it to name the issue: "occupation" of land, not of a building
    contexts: tuple[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]], ...] = ()

    def in_context(self, key: tuple[str, ...], text: Sequence[str]) -> bool:
        """Whether `key` names the issue in the wording `text`: always, unless it is ambiguous and none of its
        context is there."""
        context = next((words for phrase, words in self.contexts if phrase == key), None)
        return context is None or any(_find(text, phrase) is not None for phrase in context)


@lru_cache(maxsize=1)
def issues() -> tuple[Issue, ...]:
    return tuple(Issue(topic.title, _phrases(topic.keys), _phrases(topic.antonyms), _phrases(topic.reversers),
                       _phrases(topic.needs),
                       tuple((tuple(_key_words(key)), _phrases(words)) for key, words in topic.contexts.items()))
                 for topic in lexicon().topics.topics)


def _phrases(entries: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """Each entry as its words; a trailing "*" (a prefix key) stays on its word."""
    return tuple(tuple(_key_words(entry)) for entry in entries)


def _key_words(entry: str) -> list[str]:
    found = []
    for part in entry.split():
        found += words(part)
        if part.endswith("*") and found:
            found[-1] += "*"
    return found


def _matches(word: str, key: str) -> bool:
    """'join' matches join, joins, joined, joining, not joint; 'negotiat*' whatever it begins;
    a short key ('ai', 'up') only itself."""
    if key.endswith("*"):
        return word.startswith(key[:-1])
    if len(key) < INFLECTED_FROM:
        return word == key
    return word.startswith(key) and word[len(key):] in INFLECTIONS


def link_positions(extractions: Sequence[Extraction], resolve: Resolver, problems: list[Problem] | None = None
                   ) -> tuple[list[Topic], list[Position]]:
    """Topics with at least one position, and one Position per (actor id, topic id), both sorted by id.
    Two topics whose titles slug alike are told apart, with a warning added to `problems`."""
    stances = [s for e in extractions for s in e.stances]
    speakers_for = _Spokespeople([m for e in extractions for m in e.actors], resolve)
    heard = {(e.article.id, k): q.confidence for e in extractions for k, q in enumerate(e.quotes, start=1)}
    sources: dict[str, set[str]] = defaultdict(set)
    heads: dict[str, str] = {}  # topic name -> its head key, as the first stance naming it parsed it
    for stance in sorted(stances, key=_stance_order):
        sources[stance.topic].add(stance.source)
        heads.setdefault(stance.topic, stance.head)
    sure = {s.topic for s in stances if _as_sure(s.confidence, heard.get((s.source, s.quote))) != Confidence.UNSURE}
    doubtful = set(sources) - sure  # named only in sentences an editor has to settle
    files = {e.article.id: e.article.file for e in extractions}
    topic_of = _topics(sorted(sources), sources, heads, files, problems if problems is not None else [], doubtful)
    statements: dict[tuple[str, str], dict[tuple, Statement]] = defaultdict(dict)
    for stance in sorted(stances, key=_stance_order):
        actor = speakers_for(stance)
        if actor is None:
            continue
        topic, turned = topic_of[stance.topic]
        value = TURNED.get(stance.stance, stance.stance) if turned else stance.stance
        found = statements[(actor, topic.id)]
        key = (value, stance.source, stance.paragraph, stance.sentence)
        confidence = _as_sure(stance.confidence, heard.get((stance.source, stance.quote)))
        if key not in found or _surer(confidence, found[key].confidence):  # two holders, one actor
            found[key] = Statement(value, stance.source, stance.paragraph, stance.sentence, stance.method,
                                   confidence, stance.quote, stance.confidence)
    positions = [weigh(actor, topic, list(found.values())) for (actor, topic), found in statements.items()]
    used = {p.topic for p in positions}
    topics = {t.id: t for t, _ in topic_of.values() if t.id in used}
    return sorted(topics.values(), key=lambda t: t.id), sorted(positions, key=lambda p: p.id)


def _stance_order(stance: Stance) -> tuple:
    return (stance.source, stance.paragraph, stance.actor, stance.topic, stance.stance, stance.sentence)


def _surer(confidence: Confidence | None, than: Confidence | None) -> bool:
    return confidence is not None and (than is None or confidence.rank > than.rank)


def _as_sure(reading: Confidence | None, speaker: Confidence | None) -> Confidence | None:
    """A stance read from quoted words is no surer than who said them: a speaker guessed among several
    makes a stance for the review page."""
    return min((c for c in (reading, speaker) if c is not None), key=lambda c: c.rank, default=None)


# --------------------------------------------------------------------------
# holders


class _Spokespeople:
    """The actor id a stance belongs to: the speaker's, or the side an official speaks for (spokespeople.sides)."""

    def __init__(self, mentions: Sequence[ActorMention], resolve: Resolver):
        self.resolve = resolve
        self.speaks_for = sides(mentions)

    def __call__(self, stance: Stance) -> str | None:
        """Linked by the mention the holder was read from; by name where no words name it ("his country")."""
        holder = (self.resolve.at(stance.source, stance.holder_at) if stance.holder_at
                  else self.resolve(stance.source, stance.actor))
        served = self.speaks_for.get(stance.actor)
        return (served and self.resolve(stance.source, served)) or holder


def _find(text: Sequence[str], phrase: tuple[str, ...]) -> int | None:
    """Where `phrase` starts in the word list `text`, its words matched as topic keys (see `_matches`)."""
    size = len(phrase)
    for start in range(len(text) - size + 1):
        if all(_matches(w, p) for w, p in zip(text[start:start + size], phrase)):
            return start
    return None


# --------------------------------------------------------------------------
# topics


def _topics(names: Sequence[str], sources: dict[str, set[str]], heads: dict[str, str], files: dict[str, str],
            problems: list[Problem], doubtful: Collection[str] = ()) -> dict[str, tuple[Topic, bool]]:
    """Topic name as extracted -> (its Topic, whether the name says the opposite of the topic's title);
    `sources` says which articles state each name, `heads` its head key (Stance.head), `files` their seed
    files (for warnings). A name only unsure stances use (`doubtful`: "Ms Martin come", a wording that may not
    read as an issue) titles a topic only when no other name of it can.

    Two different topics can slug alike ("Vaccines" and one written with a Cyrillic "а", two long
    titles cut at the slug's length): the first by key keeps the slug, each further one gets
    "-2", "-3", and a warning names the articles, so neither page overwrites the other."""
    fuller = _fuller(names, sources)
    found = {name: _issue(fuller.get(name, name)) for name in names}
    fallback = _head_keys({n: heads[n] for n in names if found[n] is None}, sources)
    keyed = {name: (issue[0].title, issue[1]) if issue else (None, False) for name, issue in found.items()}
    by_key: dict[str, list[str]] = defaultdict(list)
    for name in names:
        title, _ = keyed[name]
        by_key[title if title else f"head:{fallback[name]}"].append(name)
    keys = sorted(by_key)
    titles = [key if not key.startswith("head:") else _capitalised(_most_common(by_key[key], doubtful))
              for key in keys]
    topics: dict[str, tuple[Topic, bool]] = {}
    for key, title, topic_id, first in zip(keys, titles, *_distinct_ids(titles)):
        members = by_key[key]
        if first is not None:
            named_in = sorted({files.get(s, s) for name in members for s in sources.get(name, ())})
            problems.append(Problem(", ".join(named_in), f"topic {title!r} slugs like topic {first!r}: "
                                                         f"its id is {topic_id!r}"))
        topic = Topic(id=topic_id, title=title, keywords=_keywords(members, key))
        for name in members:
            topics[name] = (topic, keyed[name][1])
    return topics


def _fuller(names: Sequence[str], sources: dict[str, set[str]]) -> dict[str, str]:
    """Name -> the one longer name that ends in its words and that every article stating it states too: "the
    tariff hike" is the "electricity tariff hike" its article named before, for the issue it belongs to (an
    electricity tariff is no trade tariff). A name two longer ones end in ("agreement": "climate agreement",
    "trade agreement") stays as it is."""
    ending: dict[str, list[str]] = defaultdict(list)
    for name in names:
        parts = name.lower().split()
        for k in range(1, len(parts)):
            ending[" ".join(parts[k:])].append(name)
    found = {}
    for name in names:
        longer = [n for n in ending.get(name.lower(), ()) if sources.get(name, set()) <= sources.get(n, set())]
        if len(longer) == 1:
            found[name] = longer[0]
    return found


def _distinct_ids(titles: Sequence[str]) -> tuple[list[str], list[str | None]]:
    """Each title's id: its slug, or for a later title with a slug already given, the slug with the
    first free "-2", "-3"...; and the earlier title it had to be told from (None when it did not)."""
    slugs = [slugify(title) for title in titles]
    taken, first_with = set(slugs), {}
    ids, clashes = [], []
    for title, slug in zip(titles, slugs):
        if slug not in first_with:
            first_with[slug] = title
            ids.append(slug)
            clashes.append(None)
            continue
        n = 2
        while f"{slug}-{n}" in taken:
            n += 1
        taken.add(f"{slug}-{n}")
        ids.append(f"{slug}-{n}")
        clashes.append(first_with[slug])
    return ids, clashes


def _issue(name: str) -> tuple[Issue, bool] | None:
    """The data-file issue `name` speaks of (its earliest key wins) and whether it is phrased as its opposite."""
    text = words(name)
    could = _keys_matching(text)
    best: tuple[tuple[int, int, int], Issue, bool] | None = None
    for order, issue in enumerate(issues()):
        if issue.needs and not any(_find(text, phrase) is not None for phrase in issue.needs):
            continue
        for turned, phrases in ((False, issue.keys), (True, issue.antonyms)):
            for phrase in phrases:
                if phrase[0] not in could:
                    continue
                start = _find(text, phrase)
                if start is not None and issue.in_context(phrase, text):
                    rank = (start, -len(phrase), order)
                    if best is None or rank < best[0]:
                        reversed_ = any(_find(text[:start], r) is not None for r in issue.reversers)
                        best = (rank, issue, turned != reversed_)
    return (best[1], best[2]) if best else None


def _keys_matching(text: Sequence[str]) -> set[str]:
    """Every key that could match a word of `text` (see `_matches`), and some that cannot: a phrase whose
    first key is not among them is not in `text`, so `_issue` looks for only the few phrases that may be."""
    found = set()
    for word in text:
        found.update(word[:len(word) - len(ending)] for ending in INFLECTIONS if word.endswith(ending))
        found.update(word[:i] + "*" for i in range(len(word) + 1))
    return found


def _head_keys(keys: dict[str, str], sources: dict[str, set[str]]) -> dict[str, str]:
    """Topic names no issue claims, keyed by their head noun's lemma and its compounds ("security mechanism")."""
    keyed_sources: dict[str, set[str]] = defaultdict(set)
    for name, key in keys.items():
        keyed_sources[key] |= sources.get(name, set())
    return {name: _specific(key, sources.get(name, set()), keyed_sources) for name, key in keys.items()}


def _specific(key: str, sources: set[str], keyed_sources: dict[str, set[str]]) -> str:
    """A bare head ("daily charge for cars": charge) joins the one compound with that head ("congestion charge")
    that the same articles name; with two ("climate agreement", "trade agreement"), or one only other articles
    name (their bill is not this one), it stays on its own."""
    if " " in key:
        return key
    longer = [k for k in keyed_sources if k.endswith(" " + key)]
    return longer[0] if len(longer) == 1 and sources <= keyed_sources[longer[0]] else key


def _most_common(members: Sequence[str], doubtful: Collection[str] = ()) -> str:
    """The wording most members use (ties: the shortest, then alphabetical), one not `doubtful` if there is one."""
    counts = Counter(normalise(m) for m in members)
    unsure = {normalise(m) for m in members if m in doubtful} - {normalise(m) for m in members if m not in doubtful}
    return min(counts, key=lambda m: (m in unsure, -counts[m], len(m), m))


def _capitalised(title: str) -> str:
    """A title starts with a capital, the way the data file's titles do; "iPhone ban" keeps its own case."""
    first = title.split(" ", 1)[0]
    return title[:1].upper() + title[1:] if first.islower() else title


def _keywords(members: Sequence[str], key: str) -> list[str]:
    """The words naming the issue in its members: its keys as they occur (not the words of its opposite),
    or the head key."""
    if key.startswith("head:"):
        return [key.removeprefix("head:")]
    issue = next(i for i in issues() if i.title == key)
    found = set()
    for member in members:
        text = words(member)
        for phrase in issue.keys:
            start = _find(text, phrase)
            if start is not None:
                found.add(" ".join(text[start:start + len(phrase)]))
    return sorted(found)
