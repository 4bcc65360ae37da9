"""dossier.cite: citations, JSON-LD and text-fragment links, escaped for where they go, and the Cite
partial turned into HTML by the same Markdown MkDocs uses."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from urllib.parse import unquote

import jinja2
import markdown
import pytest
from hypothesis import given, settings, strategies as st

from dossier import cite
from dossier.model import Actor, Article, Dossier, Occurrence, Quote
from tests.conftest import TEMPLATES

SITE = "https://example.org/dossier/"
NASTY = 'NATO & "peace" </script><b>x</b> {braces} 100% $5 #1 _under_ ~tilde^ back\\slash ``` done'


def article(source: str, *, date: str | None = None, outlet: str | None = None, url: str | None = None,
            credited: tuple[str, ...] = (), title: str = "A title") -> Article:
    return Article(id=source, file=f"{source}.txt", title=title, paragraphs=(), date=date, outlet=outlet, url=url,
                   credited=credited)


def quote(text: str = "NATO and peacekeeping are entirely incompatible.", speaker: str | None = "Alexander Grushko",
          sources: tuple[str, ...] = ("late", "early", "undated")) -> Quote:
    return Quote(id="abcdefgh", text=text, speaker=speaker and "alexander-grushko", speaker_name=speaker,
                 occurrences=[Occurrence(s, 1, text, text, "explicit") for s in sources])


SOURCES = {
    "late": article("late", date="2025-03-18", outlet="Cnews Live", url="https://cnews.example/a"),
    "early": article("early", date="2025-03-17", url="https://www.wire.example/story"),
    "undated": article("undated", credited=("Xinhua",)),
}


def test_the_permalink_is_absolute_and_holds_only_the_id():
    assert cite.quote_url(SITE, "abcdefgh") == "https://example.org/dossier/quotes/abcdefgh/"
    assert cite.quote_url("https://example.org", "abcdefgh") == "https://example.org/quotes/abcdefgh/"
    assert cite.quote_url("", "abcdefgh") == "/quotes/abcdefgh/"


def test_apa_names_speaker_words_date_said_outlets_and_dates_reported():
    c = cite.citation(quote(), SOURCES, SITE, site_name="Ukraine dossier", said="2025-03-16")
    assert c.apa == ("Grushko, A. (2025, March 16). “NATO and peacekeeping are entirely incompatible.” [Quotation]. "
                     "As reported by wire.example (2025, March 17); Cnews Live (2025, March 18); Xinhua (n.d.). "
                     "Ukraine dossier. https://example.org/dossier/quotes/abcdefgh/")


def test_chicago_inverts_the_name_and_omits_an_unknown_date_said():
    c = cite.citation(quote(), SOURCES, SITE)
    assert c.chicago == ("Grushko, Alexander. “NATO and peacekeeping are entirely incompatible.” Quoted in "
                         "wire.example, March 17, 2025; Cnews Live, March 18, 2025; Xinhua. "
                         "https://example.org/dossier/quotes/abcdefgh/.")
    assert "(n.d.)." not in cite.citation(quote(), SOURCES, SITE).apa.split("[Quotation]")[0]


@pytest.mark.parametrize(("speaker", "kind", "apa_author", "chicago_author"), [
    ("Alexander Grushko", "person", "Grushko, A.", "Grushko, Alexander."),
    ("Jean-Luc Mélenchon", "person", "Mélenchon, J.-L.", "Mélenchon, Jean-Luc."),
    ("Volodymyr Oleksandrovych Zelenskyy", "person", "Zelenskyy, V. O.", "Zelenskyy, Volodymyr Oleksandrovych."),
    ("Xinhua", "person", "Xinhua.", "Xinhua."),
    ("Russian Foreign Ministry", "organization", "Russian Foreign Ministry.", "Russian Foreign Ministry."),
    (None, None, "Unknown speaker.", "Unknown speaker."),
])
def test_author_names_follow_each_style(speaker, kind, apa_author, chicago_author):
    actor = Actor(id="x", name=speaker, kind=kind) if kind else None
    c = cite.citation(quote(speaker=speaker), SOURCES, SITE, speaker=actor)
    assert c.apa.startswith(apa_author + " “")
    assert c.chicago.startswith(chicago_author + " “")
    ld = json.loads(c.jsonld)
    if speaker:
        assert ld["spokenByCharacter"] == {"@type": "Person" if kind == "person" else "Organization", "name": speaker}
    else:
        assert "spokenByCharacter" not in ld


def test_the_outlet_is_named_from_the_outlet_then_the_web_site_then_the_wire_then_the_title():
    assert cite.outlet_name(SOURCES["late"]) == "Cnews Live"
    assert cite.outlet_name(SOURCES["early"]) == "wire.example"
    assert cite.outlet_name(SOURCES["undated"]) == "Xinhua"
    assert cite.outlet_name(article("x", title="Russia rejects peacekeepers")) == "“Russia rejects peacekeepers”"


def test_citations_of_a_dossier_are_keyed_by_quote_id_and_know_the_speaker_kind():
    org = Actor(id="alexander-grushko", name="Alexander Grushko", kind="organization")
    d = Dossier(sources=list(SOURCES.values()), actors=[org], quotes=[quote()])
    assert set(cite.citations(d, SITE)) == {"abcdefgh"}
    assert cite.citations(d, SITE)["abcdefgh"].apa.startswith("Alexander Grushko. “")


# --------------------------------------------------------------------------
# escaping


def bibtex_field(entry: str, name: str) -> str:
    """A field's value read the way BibTeX reads it: from `{` to the brace that balances it."""
    start = entry.index(f"  {name} = {{") + len(f"  {name} = {{")
    depth, index = 1, start
    while depth:
        depth += {"{": 1, "}": -1}.get(entry[index], 0)
        index += 1
    return entry[start:index - 1]


UNESCAPE = {r"\textbackslash{}": "\\", r"\textbraceleft{}": "{", r"\textbraceright{}": "}", r"\$": "$", r"\&": "&",
            r"\#": "#", r"\%": "%", r"\_": "_", r"\textasciicircum{}": "^", r"\textasciitilde{}": "~"}


def latex_text(value: str) -> str:
    return re.sub("|".join(re.escape(k) for k in UNESCAPE), lambda m: UNESCAPE[m.group(0)], value)


def test_bibtex_escapes_every_special_and_reads_back_as_the_words():
    entry = cite.citation(quote(NASTY), SOURCES, SITE, site_name="50% & more").bibtex
    assert entry.startswith("@misc{grushko-abcdefgh,\n") and entry.endswith("\n}")
    assert entry.count("{") == entry.count("}")
    title = bibtex_field(entry, "title")
    assert latex_text(title) == "“" + NASTY.replace('"', "'") + "”"
    assert not re.search(r"(?<!\\)[&%$#_]", title), "an unescaped LaTeX special"
    assert latex_text(bibtex_field(entry, "organization")) == "50% & more"
    assert bibtex_field(entry, "url") == "https://example.org/dossier/quotes/abcdefgh/"


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_any_bibtex_field_stays_balanced_and_round_trips(text):
    escaped = cite.bibtex_escape(text)
    depth = 0
    for ch in escaped:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        assert depth >= 0
    assert depth == 0
    assert latex_text(escaped) == text


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_json_ld_of_any_words_cannot_leave_its_script_element(text):
    ld = cite.citation(quote(text), SOURCES, SITE).jsonld
    assert not set("<>&") & set(ld)
    assert json.loads(ld)["text"] == text


def test_json_ld_is_a_schema_org_quotation():
    ld = json.loads(cite.citation(quote(), SOURCES, SITE, said="2025-03-16").jsonld)
    assert ld["@context"] == "https://schema.org" and ld["@type"] == "Quotation"
    assert ld["url"] == ld["@id"] == "https://example.org/dossier/quotes/abcdefgh/"
    assert ld["dateCreated"] == "2025-03-16"
    assert [(c["publisher"]["name"], c.get("datePublished"), c.get("url")) for c in ld["citation"]] == [
        ("wire.example", "2025-03-17", "https://www.wire.example/story"),
        ("Cnews Live", "2025-03-18", "https://cnews.example/a"),
        ("Xinhua", None, None),
    ]


# --------------------------------------------------------------------------
# text fragments


@pytest.mark.parametrize(("text", "fragment"), [
    ("We will never surrender", ":~:text=We%20will%20never%20surrender"),
    ("A cease-fire, at last & forever", ":~:text=A%20cease%2Dfire%2C%20at%20last%20%26%20forever"),
    ("Peace at last - and forever, now", ":~:text=Peace%20at%20last,and%20forever%2C%20now"),
    ("NATO and peacekeeping are entirely incompatible. The real history of the alliance consists of military "
     "operations and unprovoked aggression to assert its global and regional dominance",
     ":~:text=NATO%20and%20peacekeeping%20are,global%20and%20regional%20dominance"),
    ("Ukraine's neutral status and NATO member states' refusal to admit this country as a member",
     ":~:text=neutral%20status%20and%20NATO,country%20as%20a%20member"),
])
def test_text_fragment_links_encode_directive_characters_and_use_edge_words_of_long_quotes(text, fragment):
    assert cite.text_fragment_url("https://news.example/a", text) == "https://news.example/a#" + fragment


def test_text_fragment_keeps_an_existing_fragment_and_replaces_an_old_directive():
    assert cite.text_fragment_url("https://n.example/a#top", "some words here") == \
        "https://n.example/a#top:~:text=some%20words%20here"
    assert cite.text_fragment_url("https://n.example/a#:~:text=old", "new words") == \
        "https://n.example/a#:~:text=new%20words"


def test_text_fragment_gives_the_plain_url_when_no_word_is_safe_to_match():
    assert cite.text_fragment_url("https://n.example/a", "'Don't' - 'won't'") == "https://n.example/a"


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=80))
def test_text_fragments_of_any_text_point_at_words_of_that_text_in_order(text):
    url = cite.text_fragment_url("https://n.example/a", text)
    if url == "https://n.example/a":
        return
    directive = url.split("#:~:text=", 1)[1]
    parts = directive.split(",")
    assert 1 <= len(parts) <= 2 and all(parts) and "-" not in directive and "&" not in directive
    flat = " ".join(text.split())
    decoded = [unquote(part) for part in parts]
    position = flat.find(decoded[0])
    assert position >= 0
    if len(decoded) == 2:
        assert flat.find(decoded[1], position + len(decoded[0])) >= 0


# --------------------------------------------------------------------------
# the partial, through Markdown as MkDocs runs it


class _Blocks(HTMLParser):
    """The text of every <code> and <script> element of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.code: list[str] = []
        self.scripts: list[str] = []
        self.links: list[str] = []
        self._into: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "code":
            self.code.append("")
            self._into = self.code
        elif tag == "script":
            self.scripts.append("")
            self._into = self.scripts
        elif tag == "a":
            self.links.append(dict(attrs).get("href", ""))

    def handle_endtag(self, tag):
        if tag in ("code", "script"):
            self._into = None

    def handle_data(self, data):
        if self._into is not None:
            self._into[-1] += data


@pytest.mark.parametrize("extensions", [["toc", "tables", "fenced_code", "md_in_html"],
                                        ["toc", "tables", "pymdownx.superfences", "md_in_html"]])
@pytest.mark.parametrize("autoescape", [False, True])
def test_the_cite_partial_renders_each_citation_verbatim_in_a_code_block_and_valid_json_ld(extensions, autoescape):
    c = cite.citation(quote(NASTY), SOURCES, SITE)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=autoescape,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    page = env.get_template("partials/cite.md.j2").render(quote=quote(NASTY), citations={"abcdefgh": c})
    body = markdown.markdown(page, extensions=extensions)
    blocks = _Blocks()
    blocks.feed(body)
    assert blocks.code == [c.permalink + "\n", c.apa + "\n", c.chicago + "\n", c.bibtex + "\n"]
    assert len(blocks.scripts) == 1 and json.loads(blocks.scripts[0])["text"] == NASTY
    assert c.permalink in blocks.links
    assert "<b>" not in body.replace(html.escape("<b>"), "")
