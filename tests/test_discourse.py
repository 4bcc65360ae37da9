"""Discourse resolution, one pure function at a time: what a pronoun, a role noun, a short name or a
quotation without a cue points back to, given what the reader has met (nearest first)."""

from __future__ import annotations

import pytest

from dossier.extract.discourse import (Context, Referent, carries_speaker, fullest_name, named_before_quotation,
                                       pronoun_candidates, pronoun_referent, role_referent)

MARIA = Referent("Maria Lopez", "person")
JOHN = Referent("John Smith", "person")
JOHN_SUBJECT = Referent("John Smith", "person", subject=True)
AGENCY = Referent("Metro Transit", "organization")
SPOKESWOMAN = Referent("Metro Transit", "organization", spokesperson=True)
GENDERS = {"Maria Lopez": "female", "John Smith": "male"}


def person(gender):
    """What fits "he" / "she": a person not known to be of the other gender."""
    return lambda r: r.spokesperson or r.kind == "person" and gender in (None, GENDERS.get(r.name, gender))


@pytest.mark.parametrize("back, paragraph, gender, expected", [
    ([Context(1, named=[MARIA, JOHN])], 2, "male", JOHN),  # gender decides
    ([Context(1, named=[MARIA, JOHN])], 2, "female", MARIA),
    ([Context(1, named=[MARIA, JOHN_SUBJECT])], 2, None, JOHN_SUBJECT),  # the subject before the first named
    ([Context(1, named=[MARIA, JOHN])], 2, None, MARIA),  # else the first named
    ([Context(1, speakers=[MARIA], named=[JOHN_SUBJECT])], 2, None, MARIA),  # whoever speaks first of all
    ([Context(2, named=[JOHN]), Context(1, named=[MARIA])], 2, "female", MARIA),  # past a sentence that fits not
    ([Context(2, named=[JOHN]), Context(1, named=[MARIA])], 2, None, JOHN),  # the nearest sentence wins
    ([Context(1, named=[MARIA])], 5, "female", None),  # more than three paragraphs back
    ([Context(2, named=[MARIA])], 5, "female", MARIA),
    ([Context(1, named=[JOHN])], 1, "female", None),  # nobody fits: no guess
    ([Context(1, speakers=[SPOKESWOMAN], named=[JOHN])], 1, "female", SPOKESWOMAN),  # "a spokeswoman said ... she"
    ([], 1, "male", None),
])
def test_a_pronoun_points_to_the_nearest_person_that_fits(back, paragraph, gender, expected):
    assert pronoun_referent(back, paragraph, person(gender)) == expected


@pytest.mark.parametrize("back, gender, expected", [
    ([Context(1, named=[MARIA, JOHN])], "male", [JOHN]),  # one fits: a resolution, not a guess
    ([Context(1, named=[MARIA, JOHN])], None, [MARIA, JOHN]),  # two fit: a guess among them
    ([Context(1, named=[MARIA, JOHN_SUBJECT])], None, [JOHN_SUBJECT, MARIA]),  # the chosen one first
    ([Context(1, speakers=[MARIA], named=[JOHN])], None, [MARIA, JOHN]),  # a speaker and a named person
    ([Context(1, speakers=[MARIA], named=[MARIA])], None, [MARIA]),  # one person, once
    ([Context(2, named=[JOHN]), Context(1, named=[MARIA])], None, [JOHN]),  # only the deciding sentence counts
    ([Context(1, named=[JOHN])], "female", []),
])
def test_the_candidates_of_a_pronoun_say_whether_it_was_a_guess(back, gender, expected):
    assert list(pronoun_candidates(back, 2, person(gender))) == expected


DIPLOMAT = Referent("Maria Lopez", "person")
MINISTER = Referent("Sergei Lavrov", "person")
MINISTER_SUBJECT = Referent("Sergei Lavrov", "person", subject=True)
ROLES = {"Maria Lopez": {"diplomat", "ambassador"}, "Sergei Lavrov": {"minister", "diplomat"}}


@pytest.mark.parametrize("back, noun, expected", [
    ([[DIPLOMAT]], "diplomat", DIPLOMAT),
    ([[DIPLOMAT]], "minister", None),  # nobody holds that role
    ([[MINISTER, DIPLOMAT]], "diplomat", DIPLOMAT),  # the last one named in the sentence
    ([[MINISTER_SUBJECT, DIPLOMAT]], "diplomat", MINISTER_SUBJECT),  # its subject before that
    ([[DIPLOMAT], [MINISTER]], "diplomat", DIPLOMAT),  # the nearest sentence
    ([[JOHN], [MINISTER]], "minister", MINISTER),  # past a sentence with nobody fitting
])
def test_a_role_noun_points_to_the_nearest_holder_of_the_role(back, noun, expected):
    assert role_referent(back, lambda r: noun in ROLES.get(r.name, ())) == expected


@pytest.mark.parametrize("named, expected", [
    ({"Sarah Kline": (False, (3, 0)), "Robert Kline": (False, (1, 0))}, "Sarah Kline"),  # the latest named
    ({"Sarah Kline": (True, (1, 0)), "Robert Kline": (False, (3, 0))}, "Sarah Kline"),  # as a subject first
    ({"Sarah Kline": None, "Robert Kline": (False, (1, 0))}, "Robert Kline"),  # not named yet
    ({"Sarah Kline": None}, None),
    ({}, None),
])
def test_a_short_name_stands_for_the_full_name_named_last(named, expected):
    assert fullest_name(named, named.get) == expected


@pytest.mark.parametrize("paragraph, previous, only_quoted, paragraph_only_quoted, after_quotation, carries", [
    (2, 2, True, False, False, True),  # "Lopez said. 'We are optimistic.'"
    (2, 1, True, True, False, True),  # a paragraph of its own after the speaker's
    (2, 1, True, False, False, False),  # the paragraph goes on with other words
    (2, 1, True, False, True, True),  # ...after opening on a quotation, right after the speaker's quotation
    (3, 1, True, True, False, False),  # only from the paragraph right before
    (3, 1, True, False, True, False),
    (2, 2, False, False, False, False),  # a sentence with words of its own has its own speaker or none
    (2, 1, False, False, True, False),
])
def test_a_quotation_without_a_cue_keeps_the_speaker_before_it(paragraph, previous, only_quoted,
                                                               paragraph_only_quoted, after_quotation, carries):
    assert carries_speaker(paragraph, previous, only_quoted, paragraph_only_quoted, after_quotation) is carries


@pytest.mark.parametrize("offset, subject, quoted, at, named", [
    (0, True, [(40, 90)], 100, True),  # "Haarde disagrees, "...," he said": the subject before the quotation
    (0, False, [(40, 90)], 100, False),  # "The plan of Reed was dropped, "...," he said": no subject
    (0, True, [], 100, False),  # "Asked about Macron's plan, he said": no quotation between
    (50, True, [(40, 90)], 100, False),  # named inside the quotation's span
    (0, True, [(120, 160)], 100, False),  # the quotation comes after the cue
])
def test_a_name_in_the_cues_own_sentence_is_a_pronouns_referent(offset, subject, quoted, at, named):
    assert named_before_quotation(offset, subject, quoted, at) is named
