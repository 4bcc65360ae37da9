"""dossier.names, one rule per row: what ends a name, pronouns and the gender they carry, what a
word beside a name says of its bearer's gender, which names are full names."""

from __future__ import annotations

import pytest
import yaml

from dossier import nlp
from dossier.lexicon import DATA_DIR
from dossier.names import (genders, holder_after_body, initials_of, is_glued, person_names, pronoun, split_title,
                           without_nickname, word_spans, words)
from dossier.world import world


@pytest.mark.parametrize("words, k, ends", [
    (["Martin", "Luther", "King", "Jr."], 2, True),  # a title word right before a suffix is the surname
    (["Martin", "Luther", "King", "Jr."], 3, True),
    (["Pope", "Leo", "XIV", "said"], 2, True),  # a regnal number
    (["King", "Charles", "said"], 0, False),
    (["Malcolm", "X", "spoke"], 1, False),  # never a lone letter
    (["Donald", "Trump", "Jr", "said"], 2, True),
    (["Donald", "Trump", "said"], 1, False),
])
def test_what_ends_a_name(words, k, ends):
    assert person_names().ends_name(words, k) is ends


@pytest.mark.parametrize("word, kind, possessive, gender", [
    ("he", "male", False, "male"),
    ("His", "male", True, "male"),
    ("her", "female", False, "female"),  # the object form: "told her"
    ("hers", "female", True, "female"),
    ("it", "organization", False, None),
    ("its", "organization", True, None),
    ("they", "plural", False, None),
    ("their", "plural", True, None),
])
def test_what_a_pronoun_stands_for(word, kind, possessive, gender):
    found = pronoun(word)
    assert (found.kind, found.possessive, found.gender) == (kind, possessive, gender)


@pytest.mark.parametrize("word", ["the", "Grushko", "said", "hi"])
def test_other_words_are_no_pronouns(word):
    assert pronoun(word) is None


@pytest.mark.parametrize("words, name, gender", [
    (["Mr", "Alvaro", "Gomez"], ["Alvaro", "Gomez"], "male"),
    (["spokeswoman", "Dana", "Cole"], ["Dana", "Cole"], "female"),
    (["Maria", "Lopez"], ["Maria", "Lopez"], "female"),  # the given name tells
    (["John", "Smith"], ["John", "Smith"], "male"),
    (["Maria"], ["Maria"], None),  # a lone word may be a surname
    (["Grushko"], ["Grushko"], None),
    (["Mr", "spokeswoman", "Lee"], ["Lee"], None),  # the words disagree
])
def test_what_tells_a_gender(words, name, gender):
    assert genders().told(words, name) == gender


@pytest.mark.parametrize("name, full", [
    ("Volodymyr Zelenskyy", True),
    ("Ursula von der Leyen", True),
    ("Donald Trump Jr.", True),
    ("Martin Luther King Jr.", True),
    ("Zelenskyy", False),
    ("von der Leyen", False),
    ("Trump Jr.", False),
    ("Leo XIV", False),  # a regnal name is one name
    ("the Russian diplomat", False),
])
def test_which_names_are_full_names(name, full):
    assert person_names().is_full_name(name) is full


@pytest.mark.parametrize("text, nouns, role, name", [
    ("Russian Deputy Foreign Minister Alexander Grushko", {"minister", "diplomat"}, "Russian Deputy Foreign Minister",
     "Alexander Grushko"),
    ("Secretary of State Antony Blinken", {"secretary"}, "Secretary of State", "Antony Blinken"),
    ("Commerce Ministry spokesman Zhao Lijun", {"spokesman"}, "Commerce Ministry spokesman", "Zhao Lijun"),
    ("Dr. Samuel Osei", {"doctor"}, "", "Samuel Osei"),  # a form of address gives no role
    ("The Rev. Martin Luther King Jr.", set(), "", "Martin Luther King Jr."),
    ("Pope Leo XIV", {"pope", "pontiff"}, "Pope", "Leo XIV"),
    ("Sen. Chuck Schumer", {"senator"}, "Sen.", "Chuck Schumer"),
    ("Jordan Peterson", set(), "", "Jordan Peterson"),  # nothing is taken off a name without a title
    ("the Foreign Minister", {"minister"}, "the Foreign Minister", ""),
])
def test_titles_come_off_a_name(text, nouns, role, name):
    words = text.split()
    title = split_title(words, world())
    assert nouns <= set(title.nouns) and (bool(nouns) or not title.nouns)
    assert (" ".join(words[:title.end]), " ".join(words[title.start:])) == (role, name)


@pytest.mark.parametrize("before, end, after, ends", [
    (["Han", "Seong"], "ho", None, True),  # family name first
    (["Park", "Min"], "jun", "said", True),
    (["Ji"], "woo", "Kim", True),  # given name first: the family name follows at once
    (["Ho"], "jin", "Lee", True),
    (["Ji"], "woo", "said", False),
    (["Kremlin"], "backed", "group", False),
    (["Donald", "Trump"], "era", None, False),
    (["Han", "Seong"], "Ho", None, False),  # only a lower-case end
])
def test_what_ends_a_hyphenated_given_name(before, end, after, ends):
    assert person_names().ends_given_name(before, end, after) is ends


@pytest.mark.parametrize("text, expected", [
    ("Russia's Deputy Foreign Minister Alexander Grushko",
     ["Russia", "'s", "Deputy", "Foreign", "Minister", "Alexander", "Grushko"]),
    ("Secretary-General Mark Rutte", ["Secretary", "-", "General", "Mark", "Rutte"]),
    ("the U.S.", ["the", "U.S."]),  # a dotted abbreviation keeps its last period
    ("NATO.", ["NATO", "."]),  # ...an acronym before a full stop does not
    ("Donald J. Trump", ["Donald", "J.", "Trump"]),  # an initial keeps its period
    ("Gen. Mark Milley", ["Gen.", "Mark", "Milley"]),  # names.yaml's abbreviations keep theirs
    ("Sr. official", ["Sr", ".", "official"]),  # ...others do not, as in spaCy
    ('"Putin,"', ['"', "Putin", ",", '"']),
    ('("Putin")', ["(", '"', "Putin", '"', ")"]),  # prefixes and suffixes peeled one at a time
    ("the Kremlin\u2019s", ["the", "Kremlin", "\u2019s"]),
    ("(AP)", ["(", "AP", ")"]),
    ("30-day truce", ["30", "-", "day", "truce"]),
    ("won't", ["wo", "n't"]),
])
def test_words_of_a_name_are_split_as_the_tokenizer_splits_them(text, expected):
    assert words(text) == expected
    assert all(text[start:end] for start, end in word_spans(text))


def _data_phrases(value) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return {s for k, v in value.items() for s in _data_phrases(k) | _data_phrases(v)}
    if isinstance(value, list):
        return {s for v in value for s in _data_phrases(v)}
    return set()


def test_every_phrase_in_the_data_files_splits_as_the_models_tokenizer_splits_it():
    """Linking splits names without the model (names.word_spans); extraction matches the same data
    against the model's tokens: both must agree on every name, title and phrase the data holds.
    ingest.yaml holds regular expressions and meaning.yaml single words read by wording.py."""
    phrases = set()
    for path in sorted(DATA_DIR.glob("*.yaml")):
        if path.name not in ("ingest.yaml", "meaning.yaml"):
            phrases |= _data_phrases(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert len(phrases) > 2000
    tokenizer = nlp.load().tokenizer
    differ = {p: ([t.text for t in tokenizer(p)], words(p)) for p in sorted(phrases)
              if [t.text for t in tokenizer(p)] != words(p)}
    assert differ == {}


@pytest.mark.parametrize("words, holder", [
    (["Bectu", "Philippa", "Childs"], 1),  # "Head of Bectu Philippa Childs"
    (["Unite", "Sharon", "Graham"], 1),
    (["Amnesty", "International", "Agnes", "Callamard"], 2),  # a body the data files know
    (["Pakistan", "Qazi", "Faez", "Isa"], 1),  # ...ends where they say, the holder's name whole
    (["Pakistan"], None),  # a body alone
    (["Philippa", "Childs"], None),  # a name alone: nothing shows where a body would end
    (["Bectu", "Philippa", "Childs", "said"], 1),  # the capitalised run only
    (["Auckland", "Carmel", "Sepuloni"], 1),  # "spokesperson for Auckland Carmel Sepuloni"
    (["Pinecrest", "Financial", "Corp."], None),  # an organisation's name, nobody's
    # a middle initial is no given name: "Minister of Commerce Björgvin G. Sigurdsson" was "G. Sigurdsson"
    (["Commerce", "Bj\u00f6rgvin", "G.", "Sigurdsson"], 1),
    (["Bj\u00f6rgvin", "G.", "Sigurdsson"], None),  # a name alone, its initial inside it
    (["State", "George", "H.", "W.", "Bush"], 1),
    # the body's "the" opens no name: "Minister of the Environment Thórunn Sveinbjarnardóttir"
    (["the", "Environment", "Th\u00f3runn", "Sveinbjarnard\u00f3ttir"], 2),
    (["the", "Environment"], None),
    (["the", "Treasury", "Smith"], None),  # one word after the body is no full name
    (["the", "ARF", "Dashnaktsutyun", "Supreme", "Body"], None),  # after "the", a body's own name
])
def test_where_the_holder_starts_after_a_titles_body(words, holder):
    assert holder_after_body(words, world()) == holder


@pytest.mark.parametrize("printed, name", [
    ("William ‘Smiley’ Heather", "William Heather"),
    ("William 'Smiley' Heather", "William Heather"),
    ('Joseph "Joe" Smith', "Joseph Smith"),
    ("Patrick “Big Paddy” Burke", "Patrick Burke"),
    ("Mary ‘The Iron Lady Herself’ Jones", "Mary ‘The Iron Lady Herself’ Jones"),  # longer than a nickname
    ("Sean O'Brien", "Sean O'Brien"),  # an apostrophe inside a word is no quotation mark
    ("N'Golo Kanté", "N'Golo Kanté"),
    ("Dwayne ‘The Rock’", "Dwayne ‘The Rock’"),  # a name word must follow
])
def test_a_nickname_in_quotation_marks_is_no_part_of_the_name(printed, name):
    assert without_nickname(printed) == name


@pytest.mark.parametrize("word, glued", [
    ("MPLocal", True), ("NHSEngland", True),
    ("McAnea", False), ("MacDonald", False), ("DeSantis", False), ("NATO", False), ("MP", False), ("Jenrick", False),
])
def test_two_words_a_page_ran_together(word, glued):
    assert is_glued(word) == glued


@pytest.mark.parametrize("name, spellings", [
    ("State Emergency Service", ("SES",)),
    ("Institute for Fiscal Studies", ("IFS",)),  # lower-case words spell nothing
    # a hyphenated word: a letter for each capitalised part first, then one for the word
    ("Pakistan Tehreek-e-Insaf", ("PTI", "PT")),
    ("Georgian Dream-Democratic Georgia", ("GDDG", "GDG")),
    ("Attorney-General's Chambers", ("AGC", "AC")),
    ("Anti-corruption Commission", ("AC",)),  # a lower-case part spells nothing
])
def test_the_initials_a_name_may_spell(name, spellings):
    assert initials_of(name.split()) == spellings
