"""Extraction quality against hand-written gold, per component, with every error listed.

    python bench/score.py                         # the five seeds against ../shared/gold/seeds.yaml
    python bench/score.py --batch dev             # one batch of corpus/real against its gold
    python bench/score.py --folder DIR --gold DIR # any folder of articles, one gold file per article
    ... [--json PATH] [--errors]

It runs the build's own pipeline (dossier.build.assemble, nothing written, no ledger) and compares
what a reader of the site would see with the gold. How things match is decided here, once:

- quotes: a found quote matches a gold quote of the same article when the words are the same after
  normalisation (quote marks, dashes, spaces, case), ignoring a final period or comma; gold, copied
  verbatim, has its apostrophes printed as right double marks mended as ingest mends them. A found quote
  that only overlaps a gold one (cut short, or run on into the next) is a "boundary" error: a miss
  and an extra for precision/recall/F1, and counted on its own. Found quotes under four words are
  neither counted nor penalised (gold lists them, when at all, as minor_quotes).
- speakers, on the gold quotes found (boundary ones included): coverage is the share given a speaker;
  precision the share of those given one whose speaker is right (the gold name or one of its
  aliases). A speaker where the gold names none is wrong: a wrong name is worse than none.
  "published" gives the same two figures as a reader sees them, after `review.withhold` has taken
  the unsure speakers off the pages for an editor (its errors are not listed again).
- clusters: a gold cluster label printed by two or more articles is intact when it was found in two
  or more of them, all on one quote page, and that page holds no other utterance. Split, merged and
  unseen (found in fewer than two articles) clusters are errors.
- actors: an actor page matches a gold actor of an article it is mentioned in when its name is the
  gold name or one of its aliases, or the gold name is among the page's aliases (so a generic alias
  such as "the Council" only matches in the article whose gold gives it), a leading "the" ignored ("the
  government of Indonesia" is "Government of Indonesia"). Pages named like a gold outlet neither count nor
  penalise; a page matching nothing is a false positive (flagged when gold lists it in not_actors).
  Two pages for one gold actor count once for recall and are listed as "split". "aliases listed" is
  the share of a found actor's gold aliases that its page lists, a leading "the" ignored as for names:
  the build takes "the BJP" and "BJP" for one name and a page lists it once (link.actors._one_form_each).
- ingest: title, date, outlet and byline of each article, compared after normalisation; a value
  where the gold has null is wrong. A title ingest made from the file name (`titled_from_file`: the
  text printed no headline) counts as null, as the gold writes a headline the text does not print.
- positions: a built position matches a gold one when its actor's page matches the gold actor (as for
  actors; a holder with no page as for speakers), one of
  the gold topic_keywords occurs in the topic's title or keywords, and its evidence cites the gold
  article. Precision and recall count those; stance accuracy is the share of matched gold positions
  whose stance is right.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from dossier import review
from dossier.build import BuildConfig, assemble
from dossier.model import Actor, Article, Dossier
from dossier.text import normalise, with_apostrophes, words

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "real"
# The editor's file, else the copy the tests keep (tests/test_gold_copy.py holds them equal).
SHARED_GOLD = ROOT.parent / "shared" / "gold" / "seeds.yaml"
SEEDS_GOLD = SHARED_GOLD if SHARED_GOLD.exists() else ROOT / "tests" / "gold" / "seeds.yaml"
MIN_QUOTE_WORDS = 4
INGEST_FIELDS = ("title", "date", "outlet", "byline")


# -- gold, one shape for the seeds' single file and the corpus' file per article -------------------

@dataclass(frozen=True)
class GoldQuote:
    file: str
    text: str
    speaker: str | None
    cluster: str | None  # the label shared with other articles' copies of the utterance


@dataclass
class GoldActor:
    name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)  # the articles whose gold lists it; empty: all of them

    def called(self, name: str | None) -> bool:
        """Whether `name` is this actor's name or one of its aliases."""
        return name is not None and _name_key(name) in {_name_key(n) for n in self.aliases | {self.name}}

    def is_page(self, page: Actor, seen_in: set[str]) -> bool:
        """Whether the actor page `page`, mentioned in the articles `seen_in`, is this actor: in an article
        both are in, the page's name is this actor's name or one of its aliases, or this actor's name is
        one of the forms the page was printed in (its aliases)."""
        return (not self.files or not seen_in or bool(self.files & seen_in)) and (
            self.called(page.name) or _name_key(self.name) in {_name_key(alias) for alias in page.aliases})


@dataclass(frozen=True)
class GoldPosition:
    actor: str
    topic: str
    keywords: tuple[str, ...]
    stance: str
    files: frozenset[str]


@dataclass
class Gold:
    sources: dict[str, dict]  # file -> {title, date, outlet, byline}
    quotes: list[GoldQuote] = field(default_factory=list)
    actors: dict[str, GoldActor] = field(default_factory=dict)  # by canonical name
    outlets: set[str] = field(default_factory=set)  # lower-cased
    not_actors: set[str] = field(default_factory=set)  # lower-cased
    positions: list[GoldPosition] = field(default_factory=list)

    def add_actor(self, entry: dict, file: str | None = None) -> None:
        """Articles share actors (the Senate, a court): one gold actor per name, aliases pooled."""
        actor = self.actors.setdefault(entry["name"], GoldActor(entry["name"], entry["kind"]))
        actor.aliases.update(entry.get("aliases") or ())
        actor.files.update([file] if file else [])

    def same_actor(self, found: str | None, gold_name: str | None) -> bool:
        if found is None or gold_name is None:
            return False
        actor = self.actors.get(gold_name)
        return actor.called(found) if actor else _key(found) == _key(gold_name)


def read_article_gold(paths: Iterable[Path]) -> Gold:
    """Gold written one file per article (corpus/real/gold/<id>.yaml)."""
    gold = Gold(sources={})
    for path in paths:
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        file = entry["file"]
        gold.sources[file] = {key: entry.get(key) for key in INGEST_FIELDS}
        gold.quotes += [GoldQuote(file, with_apostrophes(q["text"]), q.get("speaker"), q.get("cluster"))
                        for q in entry["quotes"]]
        for actor in entry["actors"]:
            gold.add_actor(actor, file)
        gold.outlets |= {o.lower() for o in entry.get("outlets") or ()}
        gold.not_actors |= {n.lower() for n in entry.get("not_actors") or ()}
        gold.positions += [_position(p, frozenset({file})) for p in entry["positions"]]
    return gold


def read_seeds_gold(path: Path) -> Gold:
    """The editor's single gold file for the seeds: sources, quotes, actors for all five at once.

    A source field the file leaves out is taken as not printed (null); a position's `files` are
    file-name prefixes ("000").
    """
    entry = yaml.safe_load(path.read_text(encoding="utf-8"))
    files = [s["file"] for s in entry["sources"]]
    gold = Gold(sources={s["file"]: {key: s.get(key) for key in INGEST_FIELDS} for s in entry["sources"]})
    gold.quotes = [GoldQuote(q["file"], with_apostrophes(q["text"]), q.get("speaker"), q.get("cluster"))
                   for q in entry["quotes"]]
    for actor in entry["actors"]:
        gold.add_actor(actor)
    gold.outlets = {o.lower() for o in entry.get("outlets") or ()}
    gold.not_actors = {n.lower() for n in entry.get("not_actors") or ()}
    gold.positions = [
        _position(p, frozenset(f for f in files if any(f.startswith(prefix) for prefix in p.get("files", [""]))))
        for p in entry["positions"]
    ]
    return gold


def _position(entry: dict, files: frozenset[str]) -> GoldPosition:
    keywords = tuple(k.lower() for k in entry["topic_keywords"])
    return GoldPosition(entry["actor"], entry["topic"], keywords, entry["stance"], files)


# -- scoring ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Error:
    component: str  # quotes | speakers | clusters | actors | ingest | positions
    kind: str  # missed, extra, boundary, wrong, ... : the failure class
    file: str | None
    paragraph: int | None  # Paragraph.index in the ingested article; None when ingest dropped the text
    detail: str


@dataclass
class Report:
    figures: dict[str, dict[str, float | int | None]]
    errors: list[Error]
    problems: list[str]

    def errors_of(self, component: str) -> list[Error]:
        return [e for e in self.errors if e.component == component]


@dataclass(frozen=True)
class _Found:
    file: str
    paragraph: int
    text: str
    speaker: str | None
    quote: str  # quote page id


def score(dossier: Dossier, gold: Gold, problems: Iterable[str] = ()) -> Report:
    """Every component's figures and errors for one built dossier."""
    report = Report(figures={}, errors=[], problems=list(problems))
    locate = _Locator(dossier.sources)
    for component in (_score_quotes, _score_published_speakers, _score_actors, _score_ingest, _score_positions):
        figures, errors = component(dossier, gold, locate)
        report.figures.update(figures)
        report.errors += errors
    return report


def _score_quotes(dossier: Dossier, gold: Gold, locate: _Locator) -> tuple[dict, list[Error]]:
    files = {a.id: a.file for a in dossier.sources}
    names = {a.id: a.name for a in dossier.actors}
    found = [
        _Found(files[o.source], o.paragraph, o.text, names.get(q.speaker, q.speaker_name), q.id)
        for q in dossier.quotes for o in q.occurrences
        if len(words(o.text)) >= MIN_QUOTE_WORDS
    ]
    exact, boundary, errors = _match_quotes(found, gold.quotes, locate)
    right = len({id(f) for _, f in exact})
    figures = {"quotes": _prf(len(exact), len(found), len(gold.quotes), correct=right) | {"boundary": len(boundary)}}
    for component, score_pairs in (("speakers", _score_speakers), ("clusters", _score_clusters)):
        figures[component], more = score_pairs(gold, exact + boundary)
        errors += more
    return figures, errors


def _score_published_speakers(dossier: Dossier, gold: Gold, locate: _Locator) -> tuple[dict, list[Error]]:
    """Speakers as the site prints them: unsure ones withheld for review. The errors are the speakers' own."""
    figures, _ = _score_quotes(review.withhold(dossier), gold, locate)
    return {"published": figures["speakers"]}, []


def _match_quotes(found: list[_Found], gold: list[GoldQuote], locate: _Locator) -> tuple[list, list, list[Error]]:
    """(gold, found) pairs matched exactly and at a boundary, and the errors: boundary, missed, extra."""
    unmatched = list(found)
    exact: list[tuple[GoldQuote, _Found]] = []
    for want in gold:
        hit = next((f for f in unmatched if f.file == want.file and _key(f.text) == _key(want.text)), None)
        if hit:
            unmatched.remove(hit)
            exact.append((want, hit))
    for hit in list(unmatched):
        run = _joined_run(hit, [g for g in gold if id(g) not in {id(w) for w, _ in exact}])
        if run:
            unmatched.remove(hit)
            exact += [(want, hit) for want in run]
    boundary, errors = [], []
    matched = {id(w) for w, _ in exact}
    for want in (g for g in gold if id(g) not in matched):
        hit = next((f for f in unmatched if f.file == want.file and _overlap(f.text, want.text)), None)
        if hit:
            unmatched.remove(hit)
            boundary.append((want, hit))
            errors.append(Error("quotes", "boundary", hit.file, hit.paragraph, _boundary(hit.text, want.text)))
        else:
            errors.append(Error("quotes", "missed", want.file, locate(want.file, want.text), _short(want.text)))
    errors += [Error("quotes", "extra", f.file, f.paragraph, _short(f.text)) for f in unmatched]
    return exact, boundary, errors


def _score_speakers(gold: Gold, pairs: list[tuple[GoldQuote, _Found]]) -> tuple[dict, list[Error]]:
    """Coverage (share given a speaker) and precision (right among those given one)."""
    given = [(g, f) for g, f in pairs if f.speaker]
    right = [(g, f) for g, f in given if gold.same_actor(f.speaker, g.speaker)]
    errors = []
    for g, f in pairs:
        if f.speaker and (g, f) not in right:
            errors.append(Error("speakers", "wrong", f.file, f.paragraph,
                                f"{f.speaker!r} for {g.speaker!r}: {_short(g.text)!r}"))
        elif not f.speaker and g.speaker:
            errors.append(Error("speakers", "none", f.file, f.paragraph, f"{g.speaker!r} not found: {_short(g.text)!r}"))
    figures = {"quotes found": len(pairs), "coverage": _ratio(len(given), len(pairs)),
               "precision": _ratio(len(right), len(given))}
    return figures, errors


def _score_clusters(gold: Gold, pairs: list[tuple[GoldQuote, _Found]]) -> tuple[dict, list[Error]]:
    """Cross-outlet clusters: split over several quote pages, or sharing a page with another utterance."""
    shared = defaultdict(set)
    for quote in gold.quotes:
        if quote.cluster:
            shared[quote.cluster].add(quote.file)
    labels = sorted(label for label, files in shared.items() if len(files) > 1)
    pages_of = defaultdict(set)  # utterance -> quote page ids
    utterances_on = defaultdict(set)  # quote page id -> utterances
    where = {}  # quote page id -> an occurrence on it
    files_of = defaultdict(set)  # utterance -> articles where it was found
    covered = defaultdict(list)  # found occurrence -> the gold quotes it matched
    for want, found in pairs:
        covered[found].append(want)
    for found, wants in covered.items():
        # One found occurrence is one utterance, even when it covers a quotation gold gives paragraph by paragraph.
        label = next((w.cluster for w in wants if w.cluster), None)
        utterance = label or f"{found.file}:{found.paragraph}: {_short(found.text, 50)}"
        pages_of[utterance].add(found.quote)
        files_of[utterance].add(found.file)
        utterances_on[found.quote].add(utterance)
        where.setdefault(found.quote, found)
    errors = []
    for page, utterances in sorted(utterances_on.items()):
        if len(utterances) > 1:
            found = where[page]
            errors.append(Error("clusters", "merged", found.file, found.paragraph,
                                f"quote page {page} holds {len(utterances)} utterances: {sorted(utterances)}"))
    merged = {u for us in utterances_on.values() if len(us) > 1 for u in us}
    split = [label for label in labels if len(pages_of[label]) > 1]
    errors += [Error("clusters", "split", None, None,
                     f"{label}: " + ", ".join(f"page {page} ({where[page].file})" for page in sorted(pages_of[label])))
               for label in split]
    unseen = [label for label in labels if len(files_of[label]) < 2]
    errors += [Error("clusters", "unseen", None, None, f"{label}: found in {sorted(files_of[label]) or 'no article'} only")
               for label in unseen]
    intact = [label for label in labels if label not in split and label not in merged and label not in unseen]
    return {"cross-outlet": len(labels), "intact": len(intact), "split": len(split), "unseen": len(unseen),
            "merged pages": sum(len(us) > 1 for us in utterances_on.values()),
            "integrity": _ratio(len(intact), len(labels))}, errors


def _score_actors(dossier: Dossier, gold: Gold, locate: _Locator) -> tuple[dict, list[Error]]:
    files = {a.id: a.file for a in dossier.sources}
    matched: dict[str, str] = {}  # gold name -> first page matching it
    counted = correct = kinds = alias_total = alias_hits = 0
    errors = []
    for actor in dossier.actors:
        where = actor.mentions[0] if actor.mentions else None
        file, paragraph = (files.get(where.source), where.paragraph) if where else (None, None)
        if actor.name.lower() in gold.outlets:
            continue
        counted += 1
        aliases = {_name_key(a) for a in actor.aliases}
        seen_in = {files[m.source] for m in actor.mentions if m.source in files}
        hit = next((g for g in gold.actors.values() if g.is_page(actor, seen_in)), None)
        if hit is None:
            kind = "not-actor" if actor.name.lower() in gold.not_actors else "extra"
            errors.append(Error("actors", kind, file, paragraph, f"{actor.name} ({actor.kind})"))
            continue
        correct += 1
        if hit.name in matched:
            errors.append(Error("actors", "split", file, paragraph, f"{actor.name} is {hit.name}, as is {matched[hit.name]}"))
            continue
        matched[hit.name] = actor.name
        listed = aliases | {_name_key(actor.name)}
        lacking = sorted(a for a in hit.aliases if _name_key(a) not in listed)
        alias_total += len(hit.aliases)
        alias_hits += len(hit.aliases) - len(lacking)
        if lacking:
            errors.append(Error("actors", "alias", file, paragraph, f"{actor.name} lacks {lacking}"))
        kinds += actor.kind == hit.kind
        if actor.kind != hit.kind:
            errors.append(Error("actors", "kind", file, paragraph, f"{actor.name}: {actor.kind}, gold {hit.kind}"))
    for name, want in gold.actors.items():
        if name not in matched:
            file, paragraph = locate.first(want.aliases | {name})
            errors.append(Error("actors", "missed", file, paragraph, f"{name} ({want.kind})"))
    figures = _prf(len(matched), counted, len(gold.actors), correct=correct)
    figures |= {"kind right": _ratio(kinds, len(matched)), "aliases listed": _ratio(alias_hits, alias_total),
                "split": sum(e.kind == "split" for e in errors)}
    return {"actors": figures}, errors


def _score_ingest(dossier: Dossier, gold: Gold, locate: _Locator) -> tuple[dict, list[Error]]:
    by_file = {a.file: a for a in dossier.sources}
    right = dict.fromkeys(INGEST_FIELDS, 0)
    errors = []
    for file, want in sorted(gold.sources.items()):
        article = by_file.get(file)
        for name in INGEST_FIELDS:
            got = None if not article or (name == "title" and article.titled_from_file) else getattr(article, name)
            expected = None if want[name] is None else str(want[name])
            if _field(got) == _field(expected):
                right[name] += 1
            else:
                errors.append(Error("ingest", name, file, None, f"{got!r}, gold {expected!r}"))
    total = len(gold.sources)
    return {"ingest": {name: _ratio(count, total) for name, count in right.items()} | {"articles": total}}, errors


def _score_positions(dossier: Dossier, gold: Gold, locate: _Locator) -> tuple[dict, list[Error]]:
    files = {a.id: a.file for a in dossier.sources}
    actors = {a.id: a for a in dossier.actors}
    topics = {t.id: t for t in dossier.topics}
    built = []
    for position in dossier.positions:
        actor, topic = actors.get(position.actor), topics.get(position.topic)
        built.append((
            actor.name if actor else position.actor,
            " ".join([topic.title, *topic.keywords]).lower() if topic else position.topic,
            position,
            {files[m.source] for m in position.evidence},
        ))

    def matches(want: GoldPosition, b: tuple) -> bool:
        actor, holder = actors.get(b[2].actor), gold.actors.get(want.actor)
        same = (holder.is_page(actor, {files[m.source] for m in actor.mentions if m.source in files})
                if actor is not None and holder is not None else gold.same_actor(b[0], want.actor))
        return same and any(k in b[1] for k in want.keywords) and (not want.files or bool(want.files & b[3]))

    errors = []
    recalled = stances = 0
    for want in gold.positions:
        hits = [b for b in built if matches(want, b)]
        file = min(want.files) if want.files else None
        if not hits:
            errors.append(Error("positions", "missed", file, None, f"{want.actor} — {want.topic} ({want.stance})"))
            continue
        recalled += 1
        if any(b[2].stance == want.stance for b in hits):
            stances += 1
        else:
            errors.append(Error("positions", "stance", file, hits[0][2].evidence[0].paragraph if hits[0][2].evidence else None,
                                f"{want.actor} — {want.topic}: {hits[0][2].stance}, gold {want.stance}"))
    correct = 0
    for b in built:
        if any(matches(g, b) for g in gold.positions):
            correct += 1
            continue
        first = b[2].evidence[0] if b[2].evidence else None
        errors.append(Error("positions", "extra", files.get(first.source) if first else None,
                            first.paragraph if first else None, f"{b[0]} — {b[2].topic} ({b[2].stance})"))
    figures = _prf(recalled, len(built), len(gold.positions), correct=correct)
    return {"positions": figures | {"stance accuracy": _ratio(stances, recalled)}}, errors


class _Locator:
    """Where gold text sits in the ingested articles: the paragraph an error points to."""

    def __init__(self, articles: Iterable[Article]):
        self._paragraphs = {a.file: [(p.index, _key(p.text), _padded(p.text)) for p in a.paragraphs] for a in articles}

    def __call__(self, file: str, text: str) -> int | None:
        key = _key(text)
        return next((index for index, paragraph, _ in self._paragraphs.get(file, []) if key in paragraph), None)

    def first(self, names: Iterable[str]) -> tuple[str | None, int | None]:
        """The first article and paragraph printing any of `names` as whole words."""
        wanted = [_padded(n) for n in names]
        for file, paragraphs in sorted(self._paragraphs.items()):
            for index, _, padded in paragraphs:
                if any(name in padded for name in wanted):
                    return file, index
        return None, None


def _key(text: str) -> str:
    return normalise(text).lower().rstrip(" .,")


def _name_key(name: str) -> str:
    """An actor's name or alias as compared: "the Welsh government" and "Welsh government" are one name."""
    key = _key(name)
    return key[4:] if key.startswith("the ") else key


def _padded(text: str) -> str:
    return f" {' '.join(words(text))} "


def _joined_run(found: _Found, gold: list[GoldQuote]) -> list[GoldQuote]:
    """Gold quotes, in article order, whose words joined are the found quote's words.

    Gold gives a quotation that runs over several paragraphs paragraph by paragraph (its text must be
    a substring of the article); a build that joins them into one quote has found every one of them.
    """
    want = words(found.text)
    candidates = [g for g in gold if g.file == found.file]
    for start in range(len(candidates)):
        run, joined = [], []
        for quote in candidates[start:]:
            run.append(quote)
            joined += words(quote.text)
            if joined == want:
                return run if len(run) > 1 else []
            if joined != want[: len(joined)]:
                break
    return []


def _overlap(found: str, gold: str) -> bool:
    a, b = _key(found), _key(gold)
    return bool(a) and bool(b) and (a in b or b in a)


def _field(value: object) -> str | None:
    return None if value is None else normalise(str(value)).lower()


def _boundary(found: str, gold: str) -> str:
    """Where a found quote's edges differ from the gold's: the words one has beyond the other."""
    a, b = words(found), words(gold)
    if len(a) < len(b):
        lost = b[len(a):] if b[: len(a)] == a else b[: len(b) - len(a)]
        return f"{len(a)} of {len(b)} words, lacks {' '.join(lost)[:60]!r}: {_short(gold)!r}"
    extra = a[len(b):] if a[: len(b)] == b else a[: len(a) - len(b)]
    return f"{len(a)} words for {len(b)}, adds {' '.join(extra)[:60]!r}: {_short(gold)!r}"


def _short(text: str, width: int = 70) -> str:
    text = normalise(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _prf(matched: int, found: int, expected: int, correct: int | None = None) -> dict:
    """Precision over what was found (`correct` of it right, by default the matched), recall over gold."""
    precision = _ratio(matched if correct is None else correct, found)
    recall = _ratio(matched, expected)
    f1 = round(2 * precision * recall / (precision + recall), 3) if precision and recall else 0.0
    return {"gold": expected, "found": found, "precision": precision, "recall": recall, "f1": f1}


# -- running ---------------------------------------------------------------------------------------

def run_pipeline(seeds: Path, curation: Path | None = None) -> tuple[Dossier, list[str]]:
    """The build's own pipeline, with no ledger (fresh ids); nothing is written."""
    config = BuildConfig(seeds=seeds, curation=curation or Path("/nonexistent"), ledger=Path("/nonexistent"))
    assembly = assemble(config)
    return assembly.dossier, [str(p) for p in assembly.problems]


def score_seeds(seeds: Path = ROOT / "seeds", gold: Path = SEEDS_GOLD) -> Report:
    """The five seeds against the editor's gold file, with the repository's curation as the build uses it."""
    dossier, problems = run_pipeline(seeds, ROOT / "curation.yaml")
    return score(dossier, read_seeds_gold(gold), problems)


def score_folder(folder: Path, gold_folder: Path) -> Report:
    """Every article in `folder` against gold_folder/<name>.yaml."""
    articles = sorted(folder.glob("*.txt"))
    dossier, problems = run_pipeline(folder)
    return score(dossier, read_article_gold(gold_folder / f"{a.stem}.yaml" for a in articles), problems)


def score_batch(batch: str, corpus: Path = CORPUS) -> Report:
    """One batch of the real-article corpus, as the index files assign them."""
    ids = sorted(
        path.stem for path in (corpus / "index").glob("*.yaml")
        if yaml.safe_load(path.read_text(encoding="utf-8")).get("batch") == batch
    )
    if not ids:
        raise SystemExit(f"no articles of batch {batch!r} in {corpus / 'index'}")
    with tempfile.TemporaryDirectory() as tmp:
        for stem in ids:
            shutil.copy(corpus / "articles" / f"{stem}.txt", tmp)
        return score_folder(Path(tmp), corpus / "gold")


def format_table(report: Report) -> str:
    columns = ["gold", "found", "precision", "recall", "f1"]
    lines = [f"{'component':<11}" + "".join(f"{c:>11}" for c in columns) + "  other"]
    for component, figures in report.figures.items():
        row = "".join(f"{_cell(figures.get(c)):>11}" for c in columns)
        other = ", ".join(f"{k} {_cell(v)}" for k, v in figures.items() if k not in columns)
        lines.append(f"{component:<11}{row}  {other}")
    return "\n".join(lines)


def format_errors(errors: Iterable[Error]) -> str:
    """One line per error, grouped by component and failure class so a class shows at a glance."""
    ordered = sorted(errors, key=lambda e: (e.component, e.kind, e.file or "", e.paragraph or 0))
    return "\n".join(
        f"{e.component:<10} {e.kind:<10} {e.file or '-'}:{e.paragraph if e.paragraph is not None else '-'}  {e.detail}"
        for e in ordered
    )


def _cell(value: object) -> str:
    return "-" if value is None else f"{value:.2f}" if isinstance(value, float) else str(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--batch", help="a batch of corpus/real: dev, blind-1 .. blind-16")
    target.add_argument("--folder", type=Path, help="a folder of articles (needs --gold DIR)")
    parser.add_argument("--gold", type=Path, help="gold: a folder of <article>.yaml, or the seeds' gold file")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write figures and errors as JSON")
    parser.add_argument("--errors", action="store_true", help="list every error with its file and paragraph")
    args = parser.parse_args(argv)
    if args.batch:
        report = score_batch(args.batch)
    elif args.folder and not args.gold:
        parser.error("--folder needs --gold")
    elif args.folder and args.gold.is_dir():
        report = score_folder(args.folder, args.gold)
    else:
        report = score_seeds(args.folder or ROOT / "seeds", args.gold or SEEDS_GOLD)
    print(format_table(report))
    print(f"{len(report.errors)} errors, {len(report.problems)} build warnings")
    if args.errors:
        print(format_errors(report.errors))
    if args.json:
        data = {"figures": report.figures, "errors": [asdict(e) for e in report.errors], "problems": report.problems}
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
