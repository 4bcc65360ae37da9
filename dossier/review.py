"""What is published as fact and what waits for an editor.

Extraction and linking record how sure each decision is (model.Confidence, by the way it was made:
dossier/data/confidence.yaml). Before pages are written, what is unsure is taken out of what the
reader sees and kept as a Doubt: a quote whose speaker was only guessed (every printing that names
them resolved a "he said" that fitted several people) is published without a speaker, and the review
page (story/review) lists who extraction thought it was, how and where, for an editor to check and
settle with the quote's `speaker:` in curation.yaml (dossier.ids applies it as sure, so it is not
withheld again). An unsure merge of two names into one actor stays made (undoing it would move
pages) and is listed there too, for the editor to `split` in curation.yaml if it is wrong. The
scores (bench/score.py) read the dossier before this step: they measure extraction, not what was
withheld.
"""

from __future__ import annotations

from dataclasses import replace

from dossier.model import Confidence, Doubt, Dossier, Mention, Quote


def withhold(dossier: Dossier) -> Dossier:
    """`dossier` as it may be published: unsure decisions out of its pages, in its `doubts`."""
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


def _speaker_doubt(quote: Quote) -> Doubt:
    unsure = [o for o in quote.occurrences if o.confidence == Confidence.UNSURE]
    return Doubt(kind="speaker", page=quote.id, text=quote.text, claim=quote.speaker_name or quote.speaker or "",
                 claim_id=quote.speaker, evidence=tuple(Mention(o.source, o.paragraph) for o in unsure),
                 methods=tuple(o.method for o in unsure))
