"""Generate a large, realistic dossier from the development articles, to measure scale.

    python bench/make_corpus.py OUT --articles 1000 [--seed 14]

Writes OUT/<n>-<outlet>.txt|.md, the same bytes for the same arguments on any machine. What
makes it realistic rather than copies of a few files (bench_build.py's old corpus):

- the narrative is real: each article takes a run of paragraphs, with no quotation in them, from
  one of corpus/real/articles/dev-*.txt or seeds/ (never the blind articles);
- a recurring cast, invented from bench/data/corpus.yaml, speaks in every article: a few people
  often, most rarely (Zipf), named in full at first ("Foreign Minister Lena Sato"), then by
  family name, title + family name, honorific or pronoun, as outlets do;
- what they say is new text (a word-level Markov chain over the same real articles, so every
  utterance is distinct), and some utterances are carried by several outlets: the same words,
  other punctuation or quote marks, or cut short;
- dates spread over weeks or months in order, outlets vary, and so does the header: full
  frontmatter, a partial one, or a plain title / byline / date block, as scraped pages come.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import zip_longest
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = yaml.safe_load((Path(__file__).parent / "data" / "corpus.yaml").read_text(encoding="utf-8"))
GIVEN = yaml.safe_load((ROOT / "dossier" / "data" / "given_names.yaml").read_text(encoding="utf-8"))
SOURCES = (ROOT / "corpus" / "real" / "articles", "dev-*.txt"), (ROOT / "seeds", "*.txt")

START = date(2024, 1, 8)
QUOTE_MARK = re.compile(r"[“”\"]|(?:^|\s)['‘]")
SENTENCE_END = (".", "!", "?")
EDGE_MARKS = "“”\"‘’'()"
# Extra printings of a new utterance by other outlets, and how often: most are printed once, a
# few are carried widely.
EXTRA_PRINTINGS = (0, 1, 2, 4, 8, 30)
EXTRA_WEIGHTS = (55, 18, 12, 9, 5, 1)
REPRINT_SHARE = 0.35  # of quote slots that reprint a live utterance rather than a new one
# Sentences that report speech are left out of the chain, or its quotations would quote others.
SPEECH = frozenset({"said", "says", "told", "added", "stated", "asked"})


@dataclass(frozen=True)
class Person:
    given: str
    family: str
    role: str
    gender: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.family}"


@dataclass(eq=False)  # one utterance is one object, however alike two are
class Utterance:
    speaker: Person
    sentences: tuple[str, ...]
    printings_left: int


# --------------------------------------------------------------------------
# reading the real articles


def real_files() -> list[Path]:
    """The development articles and the seeds, in file-name order (the blind articles stay unread)."""
    return [path for folder, pattern in SOURCES for path in sorted(folder.glob(pattern))]


def real_paragraphs() -> list[list[str]]:
    """The paragraphs of each real article."""
    texts = (path.read_text(encoding="utf-8") for path in real_files())
    return [[line.strip() for line in text.splitlines() if line.strip()] for text in texts]


def is_narrative(paragraph: str) -> bool:
    """A sentence-ending paragraph that quotes nobody: headings, bullets and quotes are left out."""
    return len(paragraph) >= 80 and paragraph.endswith(SENTENCE_END) and not QUOTE_MARK.search(paragraph)


class Chain:
    """A second-order word Markov chain: new sentences that read like the articles, none copied."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.next: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.seen: set[str] = set()
        for paragraph in paragraphs:
            for sentence in _sentences(paragraph):
                if SPEECH.intersection(word.strip(",.;:!?").lower() for word in sentence):
                    continue
                self.seen.add(" ".join(sentence))
                state = ("", "")
                for word in sentence:
                    self.next[state].append(word)
                    state = (state[1], word)

    def sentence(self, rng: random.Random, shortest: int = 7, longest: int = 26) -> str:
        while True:
            words: list[str] = []
            state = ("", "")
            while state in self.next and len(words) < longest:
                word = rng.choice(self.next[state])
                words.append(word)
                state = (state[1], word)
                if word.endswith(SENTENCE_END):
                    break
            text = " ".join(words)
            if len(words) >= shortest and text not in self.seen:
                return text if text.endswith(SENTENCE_END) else text.rstrip(",;:-–—") + "."


def _sentences(paragraph: str) -> Iterator[list[str]]:
    sentence: list[str] = []
    for token in paragraph.split():
        word = token.strip(EDGE_MARKS)
        if word:
            sentence.append(word)
        if word.endswith(SENTENCE_END):
            yield sentence
            sentence = []
    if sentence:
        yield sentence


# --------------------------------------------------------------------------
# the cast and what they say


def make_cast(size: int, rng: random.Random) -> list[Person]:
    """`size` invented people, most prominent first; family names recur as they do in real life."""
    genders = [(name, "female") for name in GIVEN["female"]] + [(name, "male") for name in GIVEN["male"]]
    cast, names = [], set()
    while len(cast) < size:
        given, gender = rng.choice(genders)
        family = rng.choice(DATA["family_names"])
        if (given, family) not in names:
            names.add((given, family))
            cast.append(Person(given, family, rng.choice(DATA["roles"]), gender))
    return cast


def printed(utterance: Utterance, rng: random.Random, first: bool) -> str:
    """The words an outlet prints: the first printing as said, later ones sometimes cut or re-punctuated."""
    sentences = list(utterance.sentences)
    if first:
        return " ".join(sentences)
    style = rng.choice(("same", "punctuation", "cut"))
    if style == "cut":
        if len(sentences) > 1:
            return " ".join(sentences[: rng.randrange(1, len(sentences))])
        words = sentences[0].split()
        return " ".join(words[: max(8, len(words) * 2 // 3)]).rstrip(",;:") + "."
    if style == "punctuation":
        return " ".join(sentences).replace(",", "", 1).replace("’", "'").replace(". ", "; ", 1)
    return " ".join(sentences)


def _clause(quote: str) -> str:
    """The quotation as printed before "he said": a closing full stop becomes a comma."""
    return quote[:-1] + "," if quote.endswith(".") else quote


# --------------------------------------------------------------------------
# articles


class Generator:
    """One corpus: every random choice comes from one seeded generator in one order, so the same
    arguments give the same bytes."""

    def __init__(self, articles: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.count = articles
        real = real_paragraphs()
        self.hosts = [[p for p in paragraphs if is_narrative(p)] for paragraphs in real]
        self.hosts = [host for host in self.hosts if host]
        self.chain = Chain([p for paragraphs in real for p in paragraphs])
        self.cast = make_cast(max(12, articles // 6), self.rng)
        self.reporters = make_cast(40, self.rng)
        self.weights = [1 / (rank + 1) for rank in range(len(self.cast))]
        self.live: list[Utterance] = []
        self.span = max(30, articles // 8)  # days the story runs

    def articles(self) -> Iterator[tuple[str, str]]:
        """(file name, text) of every article, in date order."""
        outlets = DATA["outlets"]
        for n in range(self.count):
            index = self.rng.randrange(len(outlets))
            outlet = outlets[index]
            day = START + timedelta(days=n * self.span // self.count)
            body, lead = self.body(outlet, curly=index % 3 != 0)  # a third of outlets print straight quotes
            header, suffix = self.header(outlet, day, lead)
            slug = re.sub(r"[^a-z0-9]+", "-", outlet.lower()).strip("-")
            yield f"{n:05d}-{slug}{suffix}", header + "\n\n".join(body) + "\n"

    def quote(self, taken: set[Utterance]) -> tuple[Utterance, bool]:
        """An utterance to print (none in `taken`, this article's), and whether it is its first printing."""
        recent = [u for u in self.live[-200:] if u not in taken]
        if recent and self.rng.random() < REPRINT_SHARE:
            utterance = recent[self.rng.randrange(len(recent))]
            utterance.printings_left -= 1
            if not utterance.printings_left:
                self.live.remove(utterance)
            return utterance, False
        speaker = self.rng.choices(self.cast, weights=self.weights)[0]
        sentences = tuple(self.chain.sentence(self.rng) for _ in range(self.rng.choice((1, 1, 1, 2, 2, 3))))
        extra = self.rng.choices(EXTRA_PRINTINGS, weights=EXTRA_WEIGHTS)[0]
        utterance = Utterance(speaker, sentences, extra)
        if extra:
            self.live.append(utterance)
        return utterance, True

    def body(self, outlet: str, curly: bool) -> tuple[list[str], tuple[Person, str]]:
        """Real narrative paragraphs with quotation paragraphs between them; and the lead quote."""
        host = self.hosts[self.rng.randrange(len(self.hosts))]
        start = self.rng.randrange(len(host))
        narrative = host[start: start + self.rng.randint(3, 6)]
        opening, closing = ("“", "”") if curly else ('"', '"')
        named: set[Person] = set()
        quotes, lead = [], None
        taken: set[Utterance] = set()
        for _ in range(self.rng.randint(2, 4)):
            utterance, first = self.quote(taken)
            taken.add(utterance)
            text = printed(utterance, self.rng, first)
            person = utterance.speaker
            template = self.rng.choice(DATA["later_mention" if person in named else "first_mention"])
            named.add(person)
            lead = lead or (person, text)
            quotes.append(template.format(
                o=opening, c=closing, q=text, qc=_clause(text), full=person.full, family=person.family,
                role=person.role, role_lower=person.role.lower(), outlet=outlet,
                honorific=DATA["honorifics"][person.gender], pronoun=DATA["pronouns"][person.gender],
                weekday=self.rng.choice(DATA["weekdays"])))
        paragraphs = narrative[:1]
        for pair in zip_longest(quotes, narrative[1:]):
            paragraphs.extend(p for p in pair if p)
        return paragraphs, lead

    def header(self, outlet: str, day: date, lead: tuple[Person, str]) -> tuple[str, str]:
        """The article's title, date, outlet and author as one of three kinds of page would give them."""
        person, quote = lead
        snippet = " ".join(quote.split()[:6]).rstrip(",.;:")
        if snippet[1:2].islower():
            snippet = snippet[0].lower() + snippet[1:]
        title = self.rng.choice(DATA["titles"]).format(
            family=person.family, role=person.role, role_lower=person.role.lower(), snippet=snippet)
        title = title[0].upper() + title[1:]
        author = self.rng.choice(self.reporters)
        kind = self.rng.choices(("frontmatter", "partial", "plain"), weights=(4, 2, 4))[0]
        if kind == "frontmatter":
            meta = {"title": title, "date": day.isoformat(), "outlet": outlet, "author": author.full}
            return f"---\n{yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)}---\n\n", ".md"
        if kind == "partial":
            return f"---\n{yaml.safe_dump({'title': title, 'date': day.isoformat()}, allow_unicode=True)}---\n\n", ".md"
        return f"{title}\n\nBy {author.full}\n{day.strftime('%B')} {day.day}, {day.year}\n\n", ".txt"


def write(folder: Path, articles: int, seed: int) -> list[Path]:
    """Write the corpus into `folder` (new or empty: it is never mixed with other articles)."""
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        raise SystemExit(f"{folder} is not empty")
    paths = []
    for name, text in Generator(articles, seed).articles():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="an empty or new folder for the articles")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    paths = write(args.out, args.articles, args.seed)
    print(f"{len(paths)} articles in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
