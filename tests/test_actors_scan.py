"""The actor scan tries its readings only where one can begin (actors._word), at each such word only
the readings that word can open (actors._openers), a title or an institution only where one ends ahead in
the paragraph (actors._last_title, actors._last_institution), a law or a name with its initials in brackets
only where a law's head or a bracket is ahead (actors._last_of), and a group only at a group's noun
(actors._group_nouns): skipping the other words and readings must never change what it finds. Each test
runs the scan twice, gated and trying every reading at every word, and compares the mentions."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dossier import ingest, nlp
from dossier.extract import actors
from dossier.extract.actors import extract_actors
from dossier.extract.sentences import article_sentences
from dossier.model import Article, Paragraph
from dossier.names import is_glued
from dossier.text import ends_sentence, normalise
from dossier.world import world

ROOT = Path(__file__).resolve().parent.parent
# Lower-case openings a reading starts with, and words around them.
PIECES = [
    "deputy foreign minister", "foreign minister", "minister", "spokesman", "von der", "Leyen", "le", "Maire",
    "al-", "Ansari", "russian", "Russian", "developer", "Greenline Properties", "the", "The", "union", "RMT",
    "carmaker", "BYD", "an analyst at", "Morningstar", "known as", "Hemedti", "Mohamed Hamdan Dagalo", ",",
    "said", "told", ".", "Grushko", "Alexander Grushko", "Moscow", "in", "the Kremlin's", "NATO", "the alliance",
    "reuters", "Reuters", "south america", "South America", "3M", "iPhone", "eBay", "'s", "de", "Silva",
    "Lula", "Luiz Inácio Lula da Silva", "prime minister", "president", "Sen.", "of Georgia", "such as", "Mistral",
    "hurricanes", "Laura", "and", "Delta", "Cyclone", "Debbie", "nicknamed", "dubbed", "As", "At", "at",
    "Chief Justice of Pakistan (CJP) Qazi Faez Isa", "the CJP", "CJP", "the diplomat", "the Diplomat",
    "Foreign Ministry", "ministry", "government", "Harbor Bancorp", "Ministry of Foreign Affairs", "Kiel Institute",
    "the Uganda Peoples' Defence Forces (UPDF) Amendment Bill", "Act", "Bill", "(", ")", "(BCP)",
    "the Botswana Congress Party", "teacher unions", "have come out against", "residents",
]
paragraph = st.lists(st.sampled_from(PIECES), min_size=1, max_size=20).map(" ".join)


def _both_ways(article: Article, docs: list, monkeypatch: pytest.MonkeyPatch) -> tuple[list, list]:
    gated = extract_actors(article, docs)
    with monkeypatch.context() as patch:
        patch.setattr(actors, "_word", lambda orth, token: actors._Word(normalise(token.text), True,
                                                                         token.text[:1].isupper(),
                                                                         actors._name_shaped(normalise(token.text)),
                                                                         True))
        patch.setattr(actors, "_last_title", lambda words: len(words))
        patch.setattr(actors, "_last_institution", lambda lower, words: len(words))
        patch.setattr(actors, "_last_of", lambda words, wanted: len(words))
        patch.setattr(actors, "_group_nouns", lambda tokens, lower: tokens)
        patch.setattr(actors, "_openers", lambda word, after_the, before: actors._Reader._readings)
        everywhere = extract_actors(article, docs)
    return gated, everywhere


def _article(texts: list[str]) -> Article:
    return Article("t", "t.txt", "Test", tuple(Paragraph(i, t) for i, t in enumerate(texts, start=1)))


@pytest.mark.parametrize("folder, limit", [(ROOT / "seeds", None), (ROOT / "tests" / "corpus", 12)])
def test_the_gate_changes_nothing_on_real_articles(folder, limit, monkeypatch):
    articles, _ = ingest.read_seeds(folder)
    assert articles
    for article in articles[:limit]:
        docs = list(nlp.load().pipe(p.text for p in article.paragraphs))
        gated, everywhere = _both_ways(article, docs, monkeypatch)
        assert gated == everywhere, article.file
        assert gated or not article.paragraphs  # the comparison is about real findings


@settings(max_examples=60, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=3))
@example(["He met deputy foreign minister Alexander Grushko.", "Talks with von der Leyen ended."])
@example(["developer Greenline Properties welcomed the vote.", "le Maire said."])
@example(["The alliance and consumer group NATO said.", "carmaker Reuters and retailers Russia, Moscow and Kenyan said."])
@example(["Damage from hurricanes Laura and Delta was assessed, Laura said."])
@example(["The Russian Foreign Ministry said. Russia's government and Harbor Bancorp agreed, the minister said."])
@example(["Mohamed Hamdan Dagalo, nicknamed Hemedti, said. An analyst at Morningstar, the diplomat, said.",
          "Chief Justice of Pakistan (CJP) Qazi Faez Isa met NATO. The CJP said. The alliance said."])
@example(["The Uganda Peoples' Defence Forces (UPDF) Amendment Bill was passed. Teacher unions said.",
          "The Botswana Congress Party (BCP) said. North Rift residents have come out against it."])
def test_the_gate_changes_nothing_on_any_prose(texts):
    article = _article(texts)
    docs = list(nlp.load().pipe(texts))
    with pytest.MonkeyPatch.context() as monkeypatch:
        gated, everywhere = _both_ways(article, docs, monkeypatch)
    assert gated == everywhere


@pytest.mark.parametrize("text, word, may_start", [
    ("officials said on Monday", "said", False),
    ("officials said on Monday", "officials", True),  # a sentence's first word
    ("he met the minister", "the", True),
    ("he met the minister", "minister", True),  # a title
    ("he met von der Leyen", "von", True),  # a particle opens a surname
    ("he met Grushko", "Grushko", True),
    ("he met NASA officials", "NASA", True),
    ("he met them in the morning", "morning", False),
])
def test_may_start(text, word, may_start):
    doc = nlp.parse(text)
    token = next(t for t in doc if t.text == word)
    paragraph = actors._Paragraph.read(Paragraph(1, text), doc, [(0, len(text))])
    assert (token.i in paragraph.starts) is may_start


# A paragraph's words, where readings may begin, its last government and its group nouns are read from the
# arrays cue matching reads (cues.column) and each word of the vocabulary once (actors._word): they must be what
# reading every token gives (`_read_token_by_token`, the scan's reading before), in any case and script.
ODD_PIECES = ["Government", "government", "GOVERNMENT", "\uff47\uff4f\uff56\uff45\uff52\uff4e\uff4d\uff45\uff4e\uff54",
              "authorities", "Authorities", "unions", "Unions", "residents", "\ufb01nance minister", "\u201cThe",
              "officials", "Ｔｈｅ", "the", "Deputy", "von", "said", ".", "\u00e9lite", "\u00c9lys\u00e9e", "Ministry",
              "Foundation", "foreign ministry", "(", "Act", "NASA", "x", "O'Brien", "O\u2019Brien", "\u2014", ","]


def _read_token_by_token(doc) -> tuple:
    w = world()
    tokens = list(doc)
    words = [normalise(t.text) for t in tokens]
    starts = [k for k, (t, word) in enumerate(zip(tokens, words))
              if word[:1].isupper() or t.text[:1].isupper() or t.is_title or t.is_upper or t.is_sent_start
              or word.lower() in actors._first_words()]
    government = next((k for k in reversed(range(len(tokens))) if tokens[k].lower_ in w.governments), -1)
    institution = max(government, w.institutions.last(words), w.organization_heads.last(words))
    return words, starts, institution, [t.i for t in tokens if t.lower_ in w.group_nouns]


def _capitalised_inside_sentences(paragraphs) -> frozenset[str]:
    return frozenset(p.words[t.i] for p in paragraphs
                     for t in p.tokens[:p.heading_from] if not t.is_sent_start and t.text[:1].isupper())


def _read_from_arrays(texts: list[str]) -> list[tuple]:
    found = []
    paragraphs = actors._Text()
    for k, (text, doc, spans) in enumerate(zip(texts, nlp.load().pipe(texts), article_sentences(texts))):
        paragraph = actors._Paragraph.read(Paragraph(k + 1, text), doc, spans)
        paragraphs.append(paragraph)
        found.append(((paragraph.words, paragraph.starts, paragraph.last_institution,
                       [t.i for t in paragraph.group_nouns]), _read_token_by_token(doc)))
    assert paragraphs.capitalised_inside_sentences == _capitalised_inside_sentences(paragraphs)
    return found


@pytest.mark.parametrize("folder", [ROOT / "seeds", ROOT / "tests" / "corpus"])
def test_a_paragraph_read_from_arrays_is_read_as_token_by_token_on_real_articles(folder):
    articles, _ = ingest.read_seeds(folder)
    texts = [p.text for article in articles for p in article.paragraphs]
    found = _read_from_arrays(texts)
    assert any(read[2] >= 0 for read, _ in found) and any(read[3] for read, _ in found)  # governments, groups
    for text, (read, by_token) in zip(texts, found):
        assert read == by_token, text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(ODD_PIECES), min_size=1, max_size=14).map(" ".join), min_size=1, max_size=3))
@example(["officials said the \uff47\uff4f\uff56\uff45\uff52\uff4e\uff4d\uff45\uff4e\uff54 of Ｔｈｅ unions ."])
@example(["The GOVERNMENT said . Authorities and Unions said .", "\u201cThe \u00c9lys\u00e9e said ."])
def test_a_paragraph_read_from_arrays_is_read_as_token_by_token_in_any_prose(texts):
    for read, by_token in _read_from_arrays(texts):
        assert read == by_token


# Whether a word has a name's letters (`_Word.name_shaped`, which `_is_name_word` asks first) is read once per word
# of the vocabulary: it must be what the scan asked at each position before, of the normalised word there.
NAME_SHAPES = [
    ("Grushko", True), ("McCain", True), ("\u00c9lys\u00e9e", True), ("NATO", False), ("said", False), ("the", False),
    ("MPLocal", False),  # two words run together (names.is_glued)
    ("\u1d33rushko", True),  # a modifier letter NFKC makes a capital: only the normalised word shows it
    ("\uff27\uff52\uff55\uff53\uff48\uff4b\uff4f", True), ("\ufb01nance", False), ("Stra\u00dfe", True),
    ("\u01c5ukanovi\u0107", True),  # a title-case digraph, "D\u017e" once normalised
]


def _name_shaped_as_asked_at_each_word(word: str) -> bool:
    return word[:1].isupper() and any(c.islower() for c in word) and not is_glued(word)


@pytest.mark.parametrize("text, shaped", NAME_SHAPES)
def test_a_word_has_a_name_s_letters_as_asked_at_each_position(text, shaped):
    doc = nlp.parse(f"They met {text} on Monday.")
    token = doc[2]
    assert token.text == text
    read = actors._word(token.orth, token)
    assert read.name_shaped is shaped is _name_shaped_as_asked_at_each_word(normalise(text))


@pytest.mark.parametrize("folder", [ROOT / "seeds", ROOT / "tests" / "corpus"])
def test_every_word_of_real_articles_has_a_name_s_letters_as_asked_at_each_position(folder):
    articles, _ = ingest.read_seeds(folder)
    texts = [p.text for article in articles for p in article.paragraphs]
    shaped = 0
    for doc in nlp.load().pipe(texts):
        for token in doc:
            read = actors._word(token.orth, token)
            assert read.name_shaped == _name_shaped_as_asked_at_each_word(normalise(token.text)), token.text
            shaped += read.name_shaped
    assert shaped


# The second pass takes the first pass's reading at a position where every question it asked of the reader's
# memory gets the same answer (actors._asks): it must find what reading every position afresh finds.
REPLAY_PIECES = [
    "Alexander Grushko", "Grushko", "Deputy Foreign Minister", "the diplomat", "the minister", ",", "said", ".",
    "the Federal Trade Commission", "FTC", "the commission", "Foreign Ministry", "the Russian Foreign Ministry",
    "Moody's", "analysts", "Harbor Bancorp", "Harbor", "the bank", "known as", "Hemedti", "Mohamed Hamdan Dagalo",
    "Chief Justice of Pakistan (CJP) Qazi Faez Isa", "the CJP", "Sarah Kline", "Robert Kline", "Kline", "added",
    "teacher unions", "the union", "RMT", "Gazprom", "it", "Lena Sato", "Sato", "Ms Sato", "of", "and", "in",
]
replay_paragraph = st.lists(st.sampled_from(REPLAY_PIECES), min_size=1, max_size=16).map(" ".join)


def _replayed_and_afresh(article: Article, docs: list) -> tuple[list, list]:
    replayed = extract_actors(article, docs)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(actors._Reader, "_reading_at", actors._Reader._best_reading)
        afresh = extract_actors(article, docs)
    return replayed, afresh


@pytest.mark.parametrize("folder, limit", [(ROOT / "seeds", None), (ROOT / "tests" / "corpus", 30)])
def test_the_second_pass_finds_what_reading_afresh_finds_on_real_articles(folder, limit):
    articles, _ = ingest.read_seeds(folder)
    assert articles
    for article in articles[:limit]:
        docs = list(nlp.load().pipe(p.text for p in article.paragraphs))
        replayed, afresh = _replayed_and_afresh(article, docs)
        assert replayed == afresh, article.file


@settings(max_examples=80, deadline=None)
@given(st.lists(replay_paragraph, min_size=2, max_size=4))
@example(["Grushko said.", "Deputy Foreign Minister Alexander Grushko said . The diplomat added ."])
@example(["The FTC said .", "The Federal Trade Commission and the commission said ."])
@example(["Mohamed Hamdan Dagalo , known as Hemedti , said .", "Hemedti said ."])
@example(["Moody's analysts said .", "Moody's said ."])
def test_the_second_pass_finds_what_reading_afresh_finds_in_any_prose(texts):
    article = _article(texts)
    replayed, afresh = _replayed_and_afresh(article, list(nlp.load().pipe(texts)))
    assert replayed == afresh


def _heading_by_the_whole_line(text: str) -> bool:
    """actors._is_heading as it was: the whole line normalised, where only its last word is now."""
    end = len(text)
    while end and (unicodedata.category(text[end - 1])[0] in "SZC" or text[end - 1] == "\ufe0f"):
        end -= 1
    line = normalise(text[:end])
    return not (ends_sentence(line) or line.endswith(":"))


ENDING_PIECES = [*"ab .!?:;,\"')]»”’…。！？．：", *"\u00a0\u2003\t\n\u0301\u0308\u2028\ufe0f😀", "e\u0301", "\u00a8"]
ENDINGS = st.lists(st.sampled_from(ENDING_PIECES), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20), ENDINGS)
@example("Prices rose .", "")
@example("A caption\u00a0", ":")
@example("He said “no.”", " 😀")
def test_a_heading_is_told_by_its_last_word_as_by_the_whole_line(start, ending):
    text = start + ending
    assert actors._is_heading(text) is _heading_by_the_whole_line(text)


# What `_is_example` and `_listed_as_typed` read of a name: the first item of the list it is in, found once.
@pytest.mark.parametrize("text, word, first", [
    ("start-ups such as Mistral and Aleph Alpha want rules.", "Alpha", "Mistral"),
    ("retailers H&M, Primark and Aldi said.", "Aldi", "H&M"),
    ("carmaker BYD said.", "BYD", "BYD"),
])
def test_the_first_item_of_a_list(text, word, first):
    doc = nlp.parse(text)
    token = next(t for t in doc if t.text == word)
    assert actors._first_listed(token).text == first
