"""The words that can cue a stance, found by the shapes of data/stances.yaml (spaCy DependencyMatcher
patterns, dossier.extract.cues): each word with every shape it fits, in the file's order, which is the
order dossier.extract.stances tries their rules in."""

from __future__ import annotations

import pytest

from dossier import nlp
from dossier.extract.cues import stance_cues
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
    ("Analysts said the weather was fine.", {}),
]


@pytest.mark.parametrize("sentence, found", CASES)
def test_each_cue_word_is_found_with_the_shapes_it_fits(sentence, found):
    doc = nlp.parse(sentence)
    assert {doc[i].text: shapes for i, shapes in stance_cues(doc).items()} == found


def test_every_shape_of_the_data_file_is_shown_finding_a_word():
    """A shape no sentence above shows would be a pattern nobody checked."""
    shown = {shape for _, found in CASES for shapes in found.values() for shape in shapes}
    assert set(lexicon().stances.shapes) <= shown
