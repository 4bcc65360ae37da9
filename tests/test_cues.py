"""The words that cue a stance or a quotation's speaker, found by the shapes of data/stances.yaml and
data/speech_verbs.yaml (spaCy DependencyMatcher patterns, dossier.extract.cues): each word with every
shape it fits, in the file's order, which is the order the rules of dossier.extract.stances and
dossier.extract.attribution are tried in."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.matcher import DependencyMatcher

from dossier import ingest, nlp
from dossier.extract import cues
from dossier.extract.cues import speech_cues, stance_cues
from dossier.lexicon import lexicon

ROOT = Path(__file__).resolve().parent.parent


CASES = [
    ("Russia rejects the plan.", {"rejects": ("verb",)}),
    # an idiom's verb fits the phrasal shape too, and "slam" the verb shape: its rule reads the listed object first
    ("Russia slammed the brakes on the plan.", {"slammed": ("idiom", "phrasal", "verb")}),
    ("Kyiv insists on talks.", {"insists": ("phrasal",)}),
    ("The guarantees should include air defence.", {"include": ("requirement",)}),
    # a verb with a preposition fits the phrasal shape; its rule finds "take after" unlisted and goes on
    ("Talks would only take place after a ceasefire.", {"take": ("phrasal", "condition")}),
    ("Such talks are possible only after a ceasefire.", {"possible": ("condition",), "after": ("preposition",)}),
    ("Britain is against the plan.", {"against": ("preposition",)}),
    ("Germany is opposed to the deal.", {"opposed": ("adjective", "phrasal", "verb")}),  # the adjective first
    ("The ceasefire must meet specific conditions.", {"meet": ("requirement", "meeting")}),
    ("Mexico voiced support for the reform.", {"support": ("noun",)}),
    ("Travel bans are not the answer.", {"answer": ("verdict",)}),
    ("Germany called the deal a mistake.", {"mistake": ("calling",)}),
    ("The budget has failed to better the lives of Fijians.", {"failed": ("failing",)}),
    ("The bill is the wrong response.", {"response": ("verdict",)}),
    ("The consultation was nothing short of a sham.", {"sham": ("verdict",)}),
    ("Leffingwell was the lone vote against the budget.", {"vote": ("standing",)}),  # "against" hangs on the noun
    ("The union filed a petition against the decision.", {"petition": ("acting",)}),
    ("Our next priority is the mission.", {"priority": ("verdict",)}),  # the verdict as the subject
    ("Rushed consolidation is to blame.", {"blame": ("verdict",)}),
    ("Analysts said the weather was fine.", {}),
]


@pytest.mark.parametrize("sentence, found", CASES)
def test_each_cue_word_is_found_with_the_shapes_it_fits(sentence, found):
    doc = nlp.parse(sentence)
    assert {doc[i].text: tuple(cue.shape for cue in cues) for i, cues in stance_cues(doc).items()} == found


def test_every_shape_of_the_data_file_is_shown_finding_a_word():
    """A shape no sentence above shows would be a pattern nobody checked."""
    shown = {shape for _, found in CASES for shapes in found.values() for shape in shapes}
    assert set(lexicon().stances.shapes) <= shown


SPEECH = [
    ("According to the ministry, talks failed.", {"According to": ("attribution",)}),
    ("In the words of the mayor, it was a disaster.", {"In the words of": ("attribution",)}),
    ("Grushko said the talks were over.", {"said": ("verb",)}),
    ("He pointed out that the talks were over.", {"pointed": ("phrasal",)}),  # its rule reads the particle
    ("The agency quoted Lavrov as saying talks were over.", {"quoted": ("second-hand",), "saying": ("verb",)}),
    ("The statement came in writing.", {}),  # a noun, whatever its lemma
    # a document read out, matched at the document and at "read" (whose rule leaves it to the document's)
    ("The ministry's statement read: talks failed.", {"statement read": ("document",), "read": ("document",)}),
]


@pytest.mark.parametrize("sentence, found", SPEECH)
def test_each_speech_cue_is_found_with_its_shape_and_its_words(sentence, found):
    doc = nlp.parse(sentence)
    assert {doc[i:cues[0].last + 1].text: tuple(cue.shape for cue in cues)
            for i, cues in speech_cues(doc).items()} == found


def test_every_speech_shape_of_the_data_file_is_shown_finding_a_word():
    shown = {shape for _, found in SPEECH for shapes in found.values() for shape in shapes}
    assert set(lexicon().speech_verbs.shapes) <= shown


def _spacy_cues(doc, name: str) -> dict:
    """What spaCy's own DependencyMatcher finds with the file's patterns: each cue word's shapes, in the
    file's order, each with the last word of its matches (the reference the matching in cues follows)."""
    words = getattr(lexicon(), name)
    matcher = DependencyMatcher(doc.vocab, validate=True)
    for shape, cue in words.shapes.items():
        matcher.add(shape, [[{**node.model_dump(exclude_none=True), "RIGHT_ATTRS": cues._lists(node.RIGHT_ATTRS, words)}
                             for node in pattern] for pattern in cue.patterns])
    order = list(words.shapes)
    found: dict[int, dict[str, int]] = {}
    for match_id, tokens in matcher(doc):
        fits = found.setdefault(tokens[0], {})
        shape = doc.vocab.strings[match_id]
        fits[shape] = max(fits.get(shape, tokens[0]), *tokens)
    return {i: tuple(cues.Cue(shape, last) for shape, last in sorted(fits.items(), key=lambda item: order.index(item[0])))
            for i, fits in sorted(found.items())}


def _paragraphs(folder: Path, limit: int | None) -> list[str]:
    articles, _ = ingest.read_seeds(folder)
    return [text for article in articles[:limit] for text in (article.title, *(p.text for p in article.paragraphs))]


@pytest.mark.parametrize("folder, limit", [(ROOT / "seeds", None), (ROOT / "tests" / "corpus", 40)])
@pytest.mark.parametrize("name, find", [("stances", stance_cues), ("speech_verbs", speech_cues)])
def test_the_cues_are_what_spacys_dependency_matcher_finds(folder, limit, name, find):
    found = total = 0
    for doc in nlp.load().pipe(_paragraphs(folder, limit)):
        expected = _spacy_cues(doc, name)
        assert find(doc) == expected, doc.text
        found += bool(expected)
        total += 1
    assert found > total // 4  # the comparison is about real cues


@pytest.mark.parametrize("sentence", [
    "Talks in the words of the mayor ended. In the words of the mayor, it was a disaster.",  # "." within a sentence
    "He said so. According to the ministry, talks failed. Kyiv insists on and rules out talks.",
    "",  # an empty heading
    "Russia rejects",
])
@pytest.mark.parametrize("name, find", [("stances", stance_cues), ("speech_verbs", speech_cues)])
def test_the_cues_follow_spacy_at_sentence_edges(sentence, name, find):
    doc = nlp.parse(sentence)
    assert find(doc) == _spacy_cues(doc, name)


@pytest.mark.parametrize("attrs, problem", [
    ({"SHAPE": "Xxxx"}, "'SHAPE' is not an attribute"),
    ({"LEMMA": {"REGEX": "^sa"}}, "not 'REGEX'"),
])
def test_a_pattern_testing_what_cues_cannot_is_refused_by_name(attrs, problem):
    with pytest.raises(ValueError, match=problem) as error:
        cues._tests(attrs, "stances.yaml, shapes.verb, node 'cue'")
    assert "stances.yaml, shapes.verb" in str(error.value)


def test_a_cue_node_that_only_excludes_values_is_tried_at_every_word(monkeypatch):
    """No attribute to index it by: every word is a candidate, and the node's tests decide."""
    pattern = cues._Pattern("any", (cues._Node(cues._tests({"DEP": {"NOT_IN": ["punct"]}}, "test"), None, ()),))
    shapes = cues._Shapes({"any": 0}, tuple({} for _ in cues.ATTRIBUTES), (pattern,))
    monkeypatch.setattr(cues, "_shapes", lambda name: shapes)
    doc = nlp.parse("Talks failed.")
    assert {doc[i].text: found for i, found in cues._cues(doc, "stances").items()} == {
        "Talks": (cues.Cue("any", 0),), "failed": (cues.Cue("any", 1),)}


@pytest.mark.parametrize("attribute, read, wanted", [
    ("LEMMA", lambda t: t.lemma_, lambda lemma: lemma.lower() in lexicon().stances.claim_nouns),
    ("LOWER", lambda t: t.lower_, lambda word: word in {"government", "unions", "the", "said"}),
    ("LEMMA", lambda t: t.lemma_, lambda lemma: lemma[:1].isupper()),  # case kept: "Minister" is no "minister"
])
def test_words_where_reads_what_each_token_says(attribute, read, wanted):
    """cues.words_where finds, from the paragraph's arrays, the words a walk over its tokens finds."""
    found = 0
    extra = ["", "The unions said the Government said.", "He denied allegations that the union backed the strike.",
             "Claims and ACCUSATIONS flew; the Speculation grew, as did rumours."]
    for doc in nlp.load().pipe([*_paragraphs(ROOT / "seeds", None), *extra]):
        expected = [t.i for t in doc if wanted(read(t))]
        assert cues.words_where(doc, attribute, wanted) == expected, doc.text
        found += len(expected)
    assert found > 3  # the comparison is about real words


@pytest.mark.parametrize("attribute, read", [
    ("ORTH", lambda t: t.orth),
    ("LOWER", lambda t: t.lower),
    ("LEMMA", lambda t: t.lemma),
    ("SENT_START", lambda t: 1 if t.is_sent_start else -1),  # a parsed paragraph knows each word's place
])
def test_a_column_is_what_each_token_says(attribute, read):
    """cues.column gives, from the paragraph's arrays, each token's attribute as the token gives it."""
    extra = ["", "The unions said the Government said. Then they left.", "\u201cNo,\u201d the MINISTER said."]
    for doc in nlp.load().pipe([*_paragraphs(ROOT / "seeds", None), *extra]):
        assert cues.column(doc, attribute) == [read(t) for t in doc], doc.text


@pytest.mark.parametrize("words", [frozenset({"government", "unions", "the"}), frozenset({"Minister", "said", "\u00e9lite"})])
def test_string_ids_test_a_column_as_the_words_test_each_token(words):
    """`token.lower_ in words` is `lower in cues.string_ids(words)`, word for word."""
    doc = nlp.parse("The Government and the unions said the \u00c9LITE minister, Minister Said, had said so.")
    ids = cues.string_ids(words)
    assert [value in ids for value in cues.column(doc, "LOWER")] == [t.lower_ in words for t in doc]
    assert any(t.lower_ in words for t in doc)
