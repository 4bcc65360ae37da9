"""Direct quotations of four words or more, verbatim, with who said them.

Quotation marks are paired in `quotemarks`, speakers found in `attribution`; this
module decides what counts as a quotation (not a scare-quoted phrase or a title),
joins a sentence broken by its attribution ("A," he said, "b."), and checks every
quotation word for word against its paragraph before it leaves extract.
"""

from __future__ import annotations

from collections.abc import Sequence

from dossier import nlp
from dossier.extract.attribution import Reader, Speaker, label_before
from dossier.extract.quotemarks import DOUBLE, SINGLE, Quotation, Unclosed, find_quotations
from dossier.extract.transcript import Turn, answerer, introduced
from dossier.lexicon import lexicon
from dossier.model import ActorMention, Article, Confidence, Problem, QuoteMention
from dossier.text import normalise, words

MIN_WORDS = 4  # shorter quoted phrases ("positive", "irreversible path") are scare quotes
ELISION = " \u2026 "  # stands for the attribution cut out of a broken sentence
TERMINAL = ".!?\u2026"
SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with", "from"})


def extract_quotes(article: Article, docs: Sequence,
                   marks: tuple[list[Quotation], list[Unclosed]] | None = None,
                   turns: Sequence[Turn] = (), actors: Sequence[ActorMention] = (),
                   sentences: Sequence[Sequence[tuple[int, int]]] | None = None
                   ) -> tuple[list[QuoteMention], list[Problem]]:
    """Every direct quotation of four words or more in `article`, with its speaker's name as the article gives it.

    `docs[i]` is the spaCy parse of `article.paragraphs[i]`; `marks` the article's quotation marks as
    `find_quotations` paired them (paired here when not given); `turns` the turns of an interview
    transcript (`transcript.find_turns`), whose answers are quotations of the interviewee, found
    among the people of `actors`; `sentences` each paragraph's sentence spans around `marks`
    (`article_sentences`, split here when not given). Quotation marks left open
    are reported as Problems and skipped; a quotation that is not verbatim in its
    paragraph never leaves this function.
    """
    texts = [p.text for p in article.paragraphs]
    docs = _parses(texts, docs)
    quotations, unclosed = marks if marks is not None else find_quotations(texts)
    problems = [
        Problem(article.file, f"paragraph {article.paragraphs[u.paragraph].index}: the quotation mark {u.mark} "
                              "opened there is never closed; that quotation is left out")
        for u in unclosed
    ]
    reader = Reader(texts, docs, quotations, sentences)
    mentions = []
    for group in _utterances(quotations, texts, docs):
        text = ELISION.join(q.text(texts).rstrip().rstrip(",").rstrip() for q in group)
        if len(words(text)) < MIN_WORDS or label_before(texts[group[0].paragraph], group[0].open_at):
            continue
        speaker, cue, sentence, at = reader.attribute(group)
        if speaker.name is None and any(q.unmarked_run for q in group):
            # a run of paragraphs that print no mark is one statement only as someone's: its speaker says so
            problems.append(Problem(article.file, f"paragraph {article.paragraphs[group[0].paragraph].index}: the "
                                    "quotation opened there runs on through paragraphs that print no marks and names "
                                    "no speaker; it is left out"))
        elif speaker.name is not None or _sounds_spoken(group, docs, cued=cue is not None):
            mentions.append(_mention(article, group, text, speaker, cue, sentence, at))
    quoted = {part.paragraph for q in quotations for part in q.parts}
    answers = _answers(article, [t for t in turns if t.paragraph not in quoted], turns, actors)
    if answers:
        mentions = sorted([*mentions, *answers], key=lambda m: (m.paragraph, m.parts[0][1] if m.parts else 0))
    failed = _not_verbatim(mentions, article)
    problems.extend(_gate_problem(m, article) for m in failed)
    return [m for m in mentions if m not in failed], problems


def verify_verbatim(mentions: Sequence[QuoteMention], article: Article) -> list[Problem]:
    """A Problem for every mention whose words are not, after normalisation, in its paragraph(s).

    The build gate for quotations: what a quote page prints must be what the source printed.
    A broken sentence's parts, joined by an ellipsis, must appear in order.
    """
    return [_gate_problem(m, article) for m in _not_verbatim(mentions, article)]


def _gate_problem(mention: QuoteMention, article: Article) -> Problem:
    return Problem(article.file, f"paragraph {mention.paragraph}: quotation not found verbatim in the source: "
                                 f"{mention.text[:80]!r}")


def _not_verbatim(mentions: Sequence[QuoteMention], article: Article) -> list[QuoteMention]:
    by_index = {p.index: p.text for p in article.paragraphs}
    sources: dict[tuple[int, int], str] = {}  # (first, last paragraph) -> normalised text, each made once
    failed = []
    for mention in mentions:
        span = (mention.paragraph, mention.end_paragraph or mention.paragraph)
        texts = [by_index.get(i) for i in range(span[0], span[1] + 1)]
        if mention.source != article.id or not texts or any(t is None for t in texts):
            failed.append(mention)
            continue
        if span not in sources:
            sources[span] = normalise(" ".join(t if k == 0 else _without_reopening_mark(t) for k, t in enumerate(texts)))
        if not _in_order(normalise(mention.text), sources[span]):
            failed.append(mention)
    return failed


def _in_order(text: str, source: str) -> bool:
    """Whether the parts of `text` (split where an ellipsis stands for words left out) appear in `source` in order."""
    pieces = [piece.strip() for piece in text.split("...") if piece.strip()]
    position = 0
    for piece in pieces:
        found = source.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return bool(pieces)


def _without_reopening_mark(text: str) -> str:
    """A paragraph that carries a quotation on opens with a mark the quotation does not include."""
    stripped = text.lstrip()
    return stripped[1:] if stripped[:1] in DOUBLE | SINGLE else text


def _parses(texts: list[str], docs: Sequence) -> list:
    """The given parses, re-parsing any that does not belong to its paragraph."""
    docs = list(docs)
    return [docs[i] if i < len(docs) and docs[i] is not None and docs[i].text == text else nlp.parse(text)
            for i, text in enumerate(texts)]


def _utterances(quotations: list[Quotation], texts: list[str], docs: list) -> list[list[Quotation]]:
    """Quotations grouped by sentence: "A," he said, "b." is one utterance in two parts."""
    groups: list[list[Quotation]] = []
    for quotation in quotations:
        if groups and _continues(groups[-1][-1], quotation, texts, docs):
            groups[-1].append(quotation)
        else:
            groups.append([quotation])
    return groups


def _continues(first: Quotation, second: Quotation, texts: list[str], docs: list) -> bool:
    """Whether `second` finishes the sentence `first` began, an attribution between them."""
    if first.end_paragraph != second.paragraph:
        return False
    text = texts[second.paragraph]
    said, resumed = first.text(texts).rstrip(), second.text(texts).lstrip(" \u2014\u2013-.\u2026")
    between = text[first.close_at:second.open_at]
    if said[-1:] in TERMINAL or not resumed[:1].islower():
        return False
    if not between.rstrip().endswith(",") or any(ch in between for ch in TERMINAL) or len(between) > 120:
        return False
    return any(first.close_at <= t.idx < second.open_at and t.lemma_.lower() in lexicon().speech_verbs.verbs
               for t in docs[second.paragraph])


def _mention(article: Article, group: list[Quotation], text: str, speaker: Speaker, cue: str | None, sentence: str,
             at: tuple[int, int] | None) -> QuoteMention:
    """The quote mention of the utterance `group` (its words `text`), as `Reader.attribute` attributed it."""
    first, last = group[0], group[-1]
    paragraphs = article.paragraphs
    return QuoteMention(
        source=article.id,
        paragraph=paragraphs[first.paragraph].index,
        text=text,
        speaker=speaker.name,
        method=speaker.method,
        confidence=_confidence(speaker) if speaker.name else None,
        speaker_at=(paragraphs[at[0]].index, at[1]) if at and speaker.name else None,
        cue=cue,
        sentence=sentence,
        end_paragraph=paragraphs[last.end_paragraph].index if last.end_paragraph != first.paragraph else None,
        parts=tuple((paragraphs[part.paragraph].index, part.start, part.end) for q in group for part in q.parts),
        speaker_called=speaker.called if speaker.method == "role" else None,  # not a carried one's again
    )


def _answers(article: Article, turns: Sequence[Turn], transcript: Sequence[Turn],
             actors: Sequence[ActorMention]) -> list[QuoteMention]:
    """Each answer paragraph of a transcript (`turns`, those holding no quotation marks) as a quotation of
    the one person its label or the article's introduction names, when that is one person."""
    if not transcript:
        return []
    positions = {p.index: i for i, p in enumerate(article.paragraphs)}
    people = [(a.name, positions[a.paragraph], a.start or 0) for a in actors
              if a.kind == "person" and a.paragraph in positions]
    people += introduced([p.text for p in article.paragraphs[:transcript[0].paragraph]])
    mentions = []
    for turn in turns:
        text = article.paragraphs[turn.paragraph].text
        words_said = text[turn.start:].strip()
        who = None if turn.asks else answerer(turn.label, people, transcript[0].paragraph)
        if who is None or len(words(words_said)) < MIN_WORDS or (turn.start == 0 and who[0].split()[-1] in text):
            continue  # a paragraph carrying an answer on that names its speaker is the report's again
        index = article.paragraphs[turn.paragraph].index
        end = len(text.rstrip())
        mentions.append(QuoteMention(
            source=article.id, paragraph=index, text=words_said, speaker=who[0], method="transcript",
            confidence=Confidence(lexicon().confidence.speaker["transcript"]),
            speaker_at=(article.paragraphs[who[1]].index, who[2]),
            parts=((index, turn.start, end),)))
    return mentions


def _confidence(speaker: Speaker) -> Confidence:
    levels = lexicon().confidence
    return Confidence(levels.speaker_among_several if speaker.among > 1 else levels.speaker[speaker.method])


def _sounds_spoken(group: list[Quotation], docs: list, cued: bool) -> bool:
    """Whether quoted words no one is named for read as speech rather than a title or a label:
    not set in Title Case, and with a verb unless a speech cue stands by them."""
    inside = [t for q in group for part in q.parts for t in docs[part.paragraph] if part.start <= t.idx < part.end]
    content = [t.text for t in inside if t.is_alpha and t.lower_ not in SMALL_WORDS]
    if content and sum(word[0].isupper() for word in content) >= 0.8 * len(content):
        return False
    return cued or any(t.pos_ in ("VERB", "AUX") for t in inside)
