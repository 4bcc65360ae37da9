"""Readable ids: text.slugify, the one rule every readable id is made by, transliterates names in any
script; two names with one slug stay two ids; an id that changed keeps resolving through the ledger."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

from dossier import ingest
from dossier.curation import Curation
from dossier.ids import load_ledger, reconcile
from dossier.link.actors import link_actors
from dossier.model import Actor, ActorMention, Article, Dossier, Extraction, Mention, Position, Topic
from dossier.text import normalise, slugify

# text -> slug
SLUGS = [
    ("Vladimir Putin", "vladimir-putin"),
    ("Владимир Путин", "vladimir-putin"),  # Russian
    ("Володимир Зеленський", "volodimir-zelenskiy"),  # Ukrainian; the soft sign leaves no apostrophe
    ("Κυριάκος Μητσοτάκης", "kyriakos-mitsotakis"),  # Greek
    ("Ἀθῆναι", "athinai"),  # polytonic Greek
    ("محمد بن سلمان", "mhmd-bn-slmn"),  # Arabic: consonants, as written
    ("בנימין נתניהו", "vnymyn-ntnyhv"),  # Hebrew: bet without dagesh is "v"
    ("习近平", "xijinping"),  # Chinese: pinyin syllables
    ("김정은", "gimjeongeun"),  # Korean
    ("きしだ ふみお", "kishida-fumio"),  # Japanese kana
    ("नरेंद्र मोदी", "nremdr-modi"),  # Devanagari, vowel signs kept
    ("Łukasz Straße", "lukasz-strasse"),  # Latin letters NFKD cannot decompose
    ("Jean-Luc Mélenchon", "jean-luc-melenchon"),
    ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
    ("O'Brien", "o-brien"),  # as before
    ("O\u2019Brien", "obrien"),  # as before: a curly apostrophe is dropped
    ("ﬁnance Ｍinister", "finance-minister"),  # compatibility forms
    ("index", "index-page"),  # MkDocs' own page name
    ("  --  ", "u-" + hashlib.blake2b(b"--", digest_size=5).hexdigest()),  # nothing to spell: a digest
]


@pytest.mark.parametrize(("text", "slug"), SLUGS)
def test_slugs_spell_every_script_in_ascii(text, slug):
    assert slugify(text) == slug


def test_texts_with_nothing_to_spell_get_distinct_digests():
    assert len({slugify(text) for text in ["😀", "???", "—", "★★"]}) == 4


def _slug_before(text: str) -> str:
    """slugify as it was before transliteration: the slug every Latin-script id was published with."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].rstrip("-")
    return f"{slug}-page" if slug == "index" else slug


LATIN = st.text(st.characters(whitelist_categories=("Lu", "Ll", "Nd", "Zs", "Pd", "Po", "Mn"), max_codepoint=0x24F),
                max_size=40)


@settings(max_examples=300, deadline=None)
@given(LATIN)
def test_names_that_decompose_to_ascii_keep_the_slug_they_had(text):
    if all(unicodedata.normalize("NFKD", ch).encode("ascii", "ignore") or not ch.isalnum() for ch in text):
        if _slug_before(text):
            assert slugify(text) == _slug_before(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_slug_is_a_safe_file_name(text):
    slug = slugify(text)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) and len(slug) <= 60 and slug != "index"


# --------------------------------------------------------------------------
# collisions


def _people(*names: str) -> list[Extraction]:
    return [Extraction(article=Article(id=f"s{n}", file=f"s{n}.txt", title="t", paragraphs=()),
                       actors=(ActorMention(f"s{n}", 1, name, name, "person"),))
            for n, name in enumerate(names)]


@pytest.mark.parametrize("names", [
    ("Vladimir Putin", "Владимир Путин"),
    ("Ivan Petrov", "Иван Петров", "Ivan Pétrov"),
])
def test_names_that_share_a_slug_stay_distinct_and_deterministic(names):
    forward, _ = link_actors(_people(*names), Curation())
    backward, _ = link_actors(_people(*reversed(names)), Curation())
    ids = {actor.name: actor.id for actor in forward}
    assert len(set(ids.values())) == len(names)
    assert ids == {actor.name: actor.id for actor in backward}
    assert ids[min(ids)] == slugify(names[0])  # the first name in sorted order keeps the plain slug


def test_seed_files_whose_names_share_a_slug_get_distinct_ids(tmp_path):
    for name in ("putin.txt", "путин.txt"):
        (tmp_path / name).write_text(f"{name} headline\n\nA paragraph about {name} that is long enough.\n",
                                     encoding="utf-8")
    articles, _ = ingest.read_seeds(tmp_path)
    assert sorted(a.id for a in articles) == ["putin", "putin-2"]


# --------------------------------------------------------------------------
# old ids keep resolving

PUTIN = "Владимир Путин"
OLD_ID = "u-" + hashlib.blake2b(normalise(PUTIN).encode("utf-8"), digest_size=5).hexdigest()

LEDGER = f"""\
version: 1
actors:
  {OLD_ID}:
    title: {PUTIN}
    sources: [kremlin]
positions:
  {OLD_ID}--sanctions:
    title: {PUTIN} on Sanctions
    sources: [kremlin]
sources:
  kremlin:
    title: Kremlin statement
topics:
  sanctions:
    title: Sanctions
"""


def test_an_actor_whose_slug_changed_redirects_from_its_old_id(tmp_path):
    assert OLD_ID == "u-65cdfcf63d"  # the id the issue reports for this name
    (tmp_path / "permalinks.yaml").write_text(LEDGER, encoding="utf-8")
    ledger = load_ledger(tmp_path / "permalinks.yaml")
    putin = Actor(id=slugify(PUTIN), name=PUTIN, kind="person", mentions=[Mention("kremlin", 1)])
    current = Dossier(
        sources=[Article(id="kremlin", file="kremlin.txt", title="Kremlin statement", paragraphs=())],
        actors=[putin], quotes=[], topics=[Topic(id="sanctions", title="Sanctions")],
        positions=[Position(id="vladimir-putin--sanctions", actor="vladimir-putin", topic="sanctions",
                            stance="oppose", evidence=[Mention("kremlin", 1)])],
    )
    result, new_ledger = reconcile(current, ledger)
    assert result.redirects == {
        f"actors/{OLD_ID}.md": "actors/vladimir-putin.md",
        f"positions/{OLD_ID}--sanctions.md": "positions/vladimir-putin--sanctions.md",
    }
    assert new_ledger.actors[OLD_ID].redirect == "vladimir-putin" and not new_ledger.actors[OLD_ID].removed
    assert not result.tombstones
