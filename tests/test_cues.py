"""The words that cue a stance or a quotation's speaker, found by the shapes of data/stances.yaml and
data/speech_verbs.yaml (spaCy DependencyMatcher patterns, dossier.extract.cues): each word with every
shape it fits, in the file's order, which is the order the rules of dossier.extract.stances and
dossier.extract.attribution are tried in."""

from __future__ import annotations

import pytest

from dossier import nlp
from dossier.extract.cues import speech_cues, stance_cues
from dossier.lexicon import lexicon


CASES = [
    ("Russia rejects the plan.", {"rejects": ("verb",)}),
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
    ("Leffingwell was the lone vote against the budget.", {"vote": ("standing",)}),  # "against" hangs on the noun
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
]


@pytest.mark.parametrize("sentence, found", SPEECH)
def test_each_speech_cue_is_found_with_its_shape_and_its_words(sentence, found):
    doc = nlp.parse(sentence)
    assert {doc[i:cues[0].last + 1].text: tuple(cue.shape for cue in cues)
            for i, cues in speech_cues(doc).items()} == found


def test_every_speech_shape_of_the_data_file_is_shown_finding_a_word():
    shown = {shape for _, found in SPEECH for shapes in found.values() for shape in shapes}
    assert set(lexicon().speech_verbs.shapes) <= shown
