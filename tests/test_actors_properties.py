"""Whatever the prose, the actor stages hold their contract: no crash, every surface printed in its
paragraph, every actor well formed, and the same input gives the same actors."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from dossier import nlp
from dossier.curation import Curation
from dossier.extract.actors import extract_actors
from dossier.link.actors import link_actors
from dossier.model import Article, Extraction, Paragraph, QuoteMention

PIECES = [
    "Russian", "Deputy Foreign Minister", "Alexander Grushko", "Grushko", "said", "told", "Reuters", "the diplomat",
    "The Russian diplomat", "Moscow", "in Moscow", "the Kremlin's", "Kyiv", "NATO", "the alliance", "NATO countries",
    "Russia's Foreign Ministry", "the Foreign Ministry", "President", "Putin", "Mr.", "al-", "Le", "Maire", "Smith",
    "John Smith", "Mary Smith", ",", ".", ";", "'s", "\u2019s", '"', "\u201c", "\u201d", "-", "\u2014", "(", ")",
    "\U0001f6d1", "the", "and", "of", "on", "Sunday", "ALSO READ:", "Xinhua", "U.S.", "US envoy", "EU", "Brussels",
    "spokesman", "the Russian government", "Secretary-General", "of Georgia", "demands", "rejected", "according to",
    "von der", "Leyen", "Ursula", "Wang Wenbin", "Wang", "He", "Seong-min", "Gazprom", "the Justice Department",
    "Harbor Bancorp", "Corp.", "an analyst at", "known as", "Chad", "Morrison", "South America", "FTC",
    "Federal Trade Commission", "Moody's", "Hungary's", "Sen.", "Foundation", "of", "for", "Ald.",
]
paragraph = st.lists(st.sampled_from(PIECES), min_size=1, max_size=25).map(" ".join)
KINDS = {"person", "organization", "country", "government", "group"}


def _extract(texts: list[str]) -> Extraction:
    article = Article("t", "t.txt", "Test", tuple(Paragraph(i, t) for i, t in enumerate(texts, start=1)))
    docs = list(nlp.load().pipe(texts))
    return Extraction(article, actors=tuple(extract_actors(article, docs)),
                      quotes=(QuoteMention("t", 1, texts[0], texts[0][:30], "explicit"),))


@settings(max_examples=120, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=4))
@example(["Secretary-General the alliance NATO", "the alliance"])  # a speaker naming NATO by its anaphor
def test_any_prose_gives_mentions_printed_in_their_paragraph(texts):
    extraction = _extract(texts)
    for mention in extraction.actors:
        assert mention.surface and mention.surface in texts[mention.paragraph - 1]
        assert mention.name.strip() and mention.kind in KINDS
    actors, resolve = link_actors([extraction], Curation())
    ids = [a.id for a in actors]
    assert ids == sorted(set(ids))
    for actor in actors:
        assert actor.aliases == sorted(set(actor.aliases))
        assert actor.affiliation is None or actor.affiliation in ids
        assert all(m.source == "t" for m in actor.mentions)
        assert resolve("t", actor.name) == actor.id
    again, _ = link_actors([_extract(texts)], Curation())
    assert again == actors
