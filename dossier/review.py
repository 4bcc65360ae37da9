"""What is published as fact and what waits for an editor.

Extraction and linking record how sure each decision is (model.Confidence, by the way it was made:
dossier/data/confidence.yaml). Before pages are written, what is unsure is taken out of what the
reader sees and kept as a Doubt: a quote whose speaker was only guessed (every printing that names
them resolved a "he said" that fitted several people) is published without a speaker, and the review
page (story/review) lists who extraction thought it was, how and where, for an editor to check and
settle with the quote's `speaker:` in curation.yaml (dossier.ids applies it as sure, so it is not
withheld again; the stances its words state move with it, `respoken`). A sentence read as an actor's
stance in an unsure way (its holder carried over from an earlier sentence, reached through a conjunct the
parser misread or read from words only unsurely an actor, its topic recalled from paragraphs before, its topic's words reading as no issue,
its cue an idiom or an accusation) is left out of the positions, which are weighed again from the rest
(a position with none left is not published, nor a topic with no position left), and listed there, to be settled
with the position's `stance:` in curation.yaml; that is done before ids are pinned (dossier.ids calls
`sure_positions`), so that the ledger holds only positions that were published and one published
before that now rests on unsure sentences alone becomes a tombstone. An unsure merge of two names
into one actor stays made (undoing it would move pages) and is listed there too, for the editor to
`split` in curation.yaml if it is wrong. The scores (bench/score.py) read the dossier before
`withhold`, to measure extraction, and give its speakers after `withhold` as "published".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from dossier.model import Actor, Confidence, Doubt, Dossier, Mention, Position, Quote, Statement, Topic
from dossier.spokespeople import holder_of
from dossier.weighing import weigh


def withhold(dossier: Dossier) -> Dossier:
    """`dossier` as it may be published: unsure speakers out of its pages, in its `doubts` with unsure merges
    (unsure stances are weighed out before ids are pinned: `sure_positions`)."""
    quotes, doubts = [], []
    for quote in dossier.quotes:
        if quote.speaker is not None and quote.speaker_confidence == Confidence.UNSURE:
            doubts.append(_speaker_doubt(quote))
            quote = replace(quote, speaker=None, speaker_name=None, speaker_confidence=None)
        quotes.append(quote)
    doubts += [Doubt(kind="merge", page=actor.id, text=merge.name, claim=actor.name, claim_id=actor.id, evidence=(),
                     methods=(merge.how,))
               for actor in dossier.actors for merge in actor.merged if merge.confidence == Confidence.UNSURE]
    return replace(dossier, quotes=quotes, doubts=[*dossier.doubts, *doubts])


def sure_positions(positions: list[Position], actors: list[Actor], topics: list[Topic]
                   ) -> tuple[list[Position], list[Topic], list[Doubt]]:
    """The positions weighed from their sure and likely sentences only, the topics some position is left on,
    and a Doubt for each unsure sentence. dossier.ids calls it before pinning ids: the ledger holds what
    was published, so a published position that comes to rest on unsure sentences alone (an editor's
    `stance:` taken back) becomes a tombstone there, never a page that is gone."""
    names = {actor.id: actor.name for actor in actors}
    titles = {topic.id: topic.title for topic in topics}
    kept, doubts = [], []
    for position in positions:
        unsure = [s for s in position.statements if s.confidence == Confidence.UNSURE]
        doubts += [_stance_doubt(position, statement, names, titles) for statement in unsure]
        sure = [s for s in position.statements if s.confidence != Confidence.UNSURE]
        if sure and unsure:
            position = replace(weigh(position.actor, position.topic, sure), history=position.history)
        if sure or not unsure:
            kept.append(position)
    published = {p.topic for p in kept}
    return kept, [t for t in topics if t.id in published], doubts


def respoken(positions: list[Position], quotes: list[Quote], actors: list[Actor]) -> list[Position]:
    """`positions` with what the words of `quotes` stated moved to the speaker an editor named for them (a quote's
    `speaker:` in curation.yaml): each sentence whose holder was the quotation's speaker leaves the position it
    was weighed in for that speaker's (or the side they speak for, spokespeople.holder_of), as sure as its
    reading now that the speaker is; nobody holds it when the editor said nobody spoke. Positions a sentence left
    or joined are weighed again; one with no sentence left is gone."""
    by_id = {actor.id: actor for actor in actors}
    holders = {(o.source, o.index): quote.speaker and holder_of(by_id[quote.speaker])
               for quote in quotes for o in quote.occurrences}
    statements: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    touched = set()
    for position in positions:
        for statement in position.statements:
            key = (statement.source, statement.quote)
            if key not in holders:
                statements[(position.actor, position.topic)].append(statement)
                continue
            touched.add((position.actor, position.topic))
            if holders[key] is not None:
                touched.add((holders[key], position.topic))
                statements[(holders[key], position.topic)].append(replace(statement, confidence=statement.reading))
    kept = [p for p in positions if (p.actor, p.topic) not in touched]
    moved = [weigh(actor, topic, statements[(actor, topic)]) for actor, topic in sorted(touched)
             if statements[(actor, topic)]]
    return sorted([*kept, *moved], key=lambda p: p.id)


def _speaker_doubt(quote: Quote) -> Doubt:
    unsure = [o for o in quote.occurrences if o.confidence == Confidence.UNSURE]
    return Doubt(kind="speaker", page=quote.id, text=quote.text, claim=quote.speaker_name or quote.speaker or "",
                 claim_id=quote.speaker, evidence=tuple(Mention(o.source, o.paragraph) for o in unsure),
                 methods=tuple(o.method for o in unsure))


def _stance_doubt(position: Position, statement: Statement, names: dict[str, str], titles: dict[str, str]) -> Doubt:
    return Doubt(kind="stance", page=position.id, text=statement.sentence,
                 claim=names.get(position.actor, position.actor), claim_id=position.actor,
                 evidence=(Mention(statement.source, statement.paragraph),), methods=(statement.method,),
                 stance=statement.stance, topic=position.topic, topic_title=titles.get(position.topic, position.topic))
