"""The lexicon: every data file has a declared shape, and a broken one is refused with its file name
and the key that is wrong, never a KeyError or TypeError deep in extraction."""

from __future__ import annotations

import shutil

import pytest
import yaml
from click.testing import CliRunner

from dossier import lexicon as lexicon_module
from dossier.cli import main
from dossier.errors import yaml_problem
from dossier.lexicon import DATA_DIR, LexiconError, lexicon, load, parse

BOOLEAN = "(YAML reads yes/no/on/off as true/false: quote the word)"

# (data file, text in the shipped file, what a broken copy has instead, every line of the message)
BROKEN = [
    ("speech_verbs.yaml", "second_hand_verbs: [quote, cite, report]\n", "",
     ["second_hand_verbs: missing"]),
    ("titles.yaml", "\nmodifiers: [", "\nmodifers: [",
     ["modifiers: missing", "modifers: unknown key"]),
    ("stances.yaml", "  reject: oppose\n", "  reject: [oppose]\n",
     ["verbs.reject: Input should be 'support', 'oppose', 'conditional' or 'open'"]),
    ("stances.yaml", "  reject: oppose\n", "  reject: opose\n",
     ["verbs.reject: Input should be 'support', 'oppose', 'conditional' or 'open', got 'opose'"]),
    ("places.yaml", "  Alabama, Alaska,", "  Alabama, Alaska, Alabama,",
     ["us_states: 'Alabama' is listed twice"]),
    ("stances.yaml", "  reject: oppose\n", "  reject: oppose\n  reject: support\n",
     ["verbs.reject: given twice (lines 13 and 14)"]),
    ("organizations.yaml", "    aliases: [the African Union, AU]", "    aliasses: [the African Union, AU]",
     ["organizations.African Union.aliasses: unknown key"]),
    ("speech_verbs.yaml", '  go: "on"', "  go: on",
     [f"phrasal_verbs.go: Input should be a valid string, got True {BOOLEAN}"]),
    ("speech_verbs.yaml", 'fr, "no", nos', "fr, no, nos",
     [f"abbreviations[21]: Input should be a valid string, got False {BOOLEAN}"]),
    ("countries.yaml", "Bahamas: [the Bahamas]", "Bahamas: the Bahamas",
     ["Bahamas: Input should be a valid tuple, got 'the Bahamas'"]),
    ("topics.yaml", "  - title: Ceasefire\n    keys:", "  - title: Ceasefire\n    key:",
     ["topics[0].keys: missing", "topics[0].key: unknown key"]),
    ("topics.yaml", "    contexts:  # land", "    contexts:\n      occupations: [land]\n      # land",
     ["topics[21]: contexts of occupations, which is no key of 'Territorial claims'"]),
    ("names.yaml", "  male: [he, him]\n", "  male: [he, '', him]\n",
     ["pronouns.male[1]: String should have at least 1 character, got ''"]),
    ("outlets.yaml", "- ABC\n", "- ABC\n- [ABC News]\n",
     ["[1]: Input should be a valid string"]),
    ("given_names.yaml", "female: [", "female: [[Anna], ",
     ["female[0]: Input should be a valid string"]),
    ("confidence.yaml", "  pronoun: likely", "  pronoun: likley",
     ["speaker.pronoun: Input should be 'sure', 'likely' or 'unsure', got 'likley'"]),
    ("confidence.yaml", "  pronoun: likely", "  pronun: likely",
     ["speaker.pronun.[key]: Input should be 'explicit', 'role', 'carried', 'second-hand', 'pronoun' or 'transcript', got 'pronun'"]),
    ("confidence.yaml", "    recalled: unsure", "",
     ["stance.topic: no confidence for recalled"]),
    # the stance cue shapes: spaCy DependencyMatcher patterns over the file's own lists
    ("stances.yaml", "RIGHT_ATTRS: {POS: NOUN, LEMMA: {IN: nouns}}",
     "RIGHT_ATTRS: {POS: NOUN, LEMMA: {IN: noun}}",
     ["(top level): shapes.noun: 'noun' names no list of this file"]),
    ("stances.yaml", "  verb:  # \"Russia", "  verbs:  # \"Russia",
     ["shapes.verbs.[key]: Input should be 'idiom', 'requirement', 'adjective', 'phrasal', 'verb', 'meeting', "
      "'condition', 'preposition', 'noun', 'acting', 'standing', 'verdict', 'failing' or 'calling', got 'verbs'"]),
    ("stances.yaml", '{LEFT_ID: cue, REL_OP: ">", RIGHT_ID: modal', '{LEFT_ID: verb, REL_OP: ">", RIGHT_ID: modal',
     ["shapes.requirement.patterns[0]: node 'modal' needs a REL_OP and a LEFT_ID naming a node before it"]),
    ("stances.yaml", '{LEFT_ID: cue, REL_OP: ">", RIGHT_ID: modal', '{LEFT_ID: cue, REL_OP: "=>", RIGHT_ID: modal',
     ["shapes.requirement.patterns[0][1].REL_OP: Input should be '<', '>' or '.', got '=>'"]),
    ("stances.yaml", '{LEFT_ID: cue, REL_OP: ">", RIGHT_ID: modal', '{LEFT_ID: cue, REL_OP: ">>", RIGHT_ID: modal',
     ["shapes.requirement.patterns[0][1].REL_OP: Input should be '<', '>' or '.', got '>>'"]),  # spaCy's, not matched
]


@pytest.mark.parametrize(("name", "shipped", "broken", "lines"), BROKEN)
def test_a_broken_data_file_is_refused_with_its_name_and_key(name, shipped, broken, lines):
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    assert shipped in text  # the case still breaks what the shipped file says
    with pytest.raises(LexiconError) as refused:
        parse(DATA_DIR / name, text.replace(shipped, broken, 1))
    assert str(refused.value).splitlines() == [f"dossier/data/{name}: {line}" for line in lines]


@pytest.mark.parametrize(("text", "problem"), [
    ("ABC: []\n", "Input should be a valid tuple"),
    ("", "Input should be a valid tuple, got None"),
])
def test_a_data_file_of_the_wrong_kind_is_refused_whole(text, problem):
    with pytest.raises(LexiconError) as refused:
        parse(DATA_DIR / "outlets.yaml", text)
    assert str(refused.value) == f"dossier/data/outlets.yaml: (top level): {problem}"


def test_a_yaml_syntax_error_names_the_file_and_line():
    text = (DATA_DIR / "places.yaml").read_text(encoding="utf-8")
    with pytest.raises(LexiconError, match=r"^dossier/data/places\.yaml: line \d+: "):
        parse(DATA_DIR / "places.yaml", text.replace("us_states: [", "us_states: [[", 1))


@pytest.fixture
def data(tmp_path):
    """A copy of the shipped data files to break."""
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


@pytest.mark.parametrize(("name", "shipped", "broken", "message"), [
    ("demonyms.yaml", "Afghan: Afghanistan", "Afghan: Afganistan",
     "Afghan: 'Afganistan' is not a country in countries.yaml"),
    ("metonyms.yaml", "Kabul: Afghanistan", "Kabul: Kabulistan",
     "Kabul: 'Kabulistan' is not a country in countries.yaml or an organisation in organizations.yaml"),
    ("given_names.yaml", "\nmale: [", "\nmale: [Anna, ",
     "male: 'Anna' is listed under female too"),
])
def test_a_name_taken_from_another_file_must_be_there(data, name, shipped, broken, message):
    path = data / name
    path.write_text(path.read_text(encoding="utf-8").replace(shipped, broken, 1), encoding="utf-8")
    with pytest.raises(LexiconError) as refused:
        load(data)
    assert str(refused.value) == f"{path}: {message}"


def test_every_data_file_has_a_declared_shape(data):
    assert load(data) == lexicon()  # the shipped files have their shapes
    (data / "colours.yaml").write_text("red: [scarlet]\n", encoding="utf-8")
    with pytest.raises(LexiconError) as refused:
        load(data)
    assert str(refused.value) == f"{data / 'colours.yaml'}: no shape is declared for it in dossier/lexicon.py"


def test_a_build_with_a_broken_data_file_stops_before_any_article(data, tmp_path, monkeypatch):
    path = data / "speech_verbs.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("verbs: [", "verbz: [", 1), encoding="utf-8")
    monkeypatch.setattr(lexicon_module, "DATA_DIR", data)
    lexicon.cache_clear()
    try:
        result = CliRunner().invoke(main, ["build", "--seeds", str(tmp_path), "--docs", str(tmp_path / "docs"),
                                           "--ledger", str(tmp_path / "permalinks.yaml")])
    finally:
        lexicon.cache_clear()  # the next test reads the shipped files again
    assert result.exit_code == 1
    assert f"Error: {path}: verbs: missing\n{path}: verbz: unknown key" in result.output
    assert not (tmp_path / "docs").exists()


def test_one_particle_list_serves_names_attribution_and_bylines():
    """names.yaml's particles are the only ones: surnames, attribution's name runs and bylines read them."""
    from dossier.ingest.cues import cues as ingest_cues
    from dossier.names import joiners
    from dossier.world import world

    particles = frozenset(lexicon().names.particles)
    assert world().particles == particles
    assert joiners() == particles | {"of", "for"}  # and the connectors of titles, for name runs
    assert particles < ingest_cues().name_connectors
    assert world().surname("Hendrik ten Cate") == "ten Cate"


def test_a_word_list_keeps_the_files_order_and_answers_membership_like_a_set():
    outlets = lexicon().outlets
    assert outlets[:3] == ("ABC", "ABC News", "AFP")  # what is built from it is the same on every run
    assert "Al Jazeera" in outlets and "Al" not in outlets
    assert outlets + ("Ledger",) == (*outlets, "Ledger")


@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("*.yaml")), ids=lambda path: path.name)
def test_libyaml_reads_every_shipped_data_file_as_pyyaml_does(path):
    text = path.read_text(encoding="utf-8")
    assert lexicon_module._compose(path.name, text, yaml.CSafeLoader) == lexicon_module._compose(path.name, text,
                                                                                                 yaml.SafeLoader)


@pytest.mark.parametrize("text", ["a: [b, c\n", "a: b\n  c: d\n", "a: 'open\n"])
def test_a_data_file_that_is_not_yaml_is_refused_with_pyyamls_line_and_problem(text):
    with pytest.raises(yaml.YAMLError) as pyyaml:
        yaml.safe_load(text)
    line, problem = yaml_problem(pyyaml.value)
    with pytest.raises(LexiconError) as refused:
        parse(DATA_DIR / "outlets.yaml", text)
    assert str(refused.value) == f"dossier/data/outlets.yaml: line {line}: {problem}"
