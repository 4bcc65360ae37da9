"""dossier.cite: citations, JSON-LD and text-fragment links, escaped for where they go, and the Cite
partial turned into HTML by the same Markdown MkDocs uses."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from urllib.parse import unquote

import jinja2
import markdown
import pytest
from hypothesis import given, settings, strategies as st

from dossier import cite, render
from dossier.model import Actor, Article, Dossier, Occurrence, Quote
from tests.conftest import TEMPLATES
from tests.render_fixtures import realistic

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


PERSON, ORG, COUNTRY, GOVERNMENT, NO_ACTOR = "person", "organization", "country", "government", None

# speaker, actor kind (None: no actor page) -> APA author, Chicago bibliography author, BibTeX author field.
# Chicago keeps a name written family name first in its own order without a comma (its rule for
# Chinese, Japanese, Korean and Vietnamese names); a Hungarian name in Hungarian order is inverted.
AUTHORS = [
    ("Alexander Grushko", PERSON, "Grushko, A.", "Grushko, Alexander.", "Grushko, Alexander"),
    ("Ursula von der Leyen", PERSON, "von der Leyen, U.", "von der Leyen, Ursula.", "von der Leyen, Ursula"),
    ("Pieter van den Broek", PERSON, "van den Broek, P.", "van den Broek, Pieter.", "van den Broek, Pieter"),
    ("Vincent van Gogh", PERSON, "van Gogh, V.", "van Gogh, Vincent.", "van Gogh, Vincent"),
    ("Ana de la Cruz", PERSON, "de la Cruz, A.", "de la Cruz, Ana.", "de la Cruz, Ana"),
    ("Charles de Gaulle", PERSON, "de Gaulle, C.", "de Gaulle, Charles.", "de Gaulle, Charles"),
    ("Mohammed bin Salman", PERSON, "bin Salman, M.", "bin Salman, Mohammed.", "bin Salman, Mohammed"),
    ("Abdullah al-Ansari", PERSON, "al-Ansari, A.", "al-Ansari, Abdullah.", "al-Ansari, Abdullah"),
    ("Martin Luther King Jr.", PERSON, "King, M. L., Jr.", "King, Martin Luther, Jr.", "King, Jr., Martin Luther"),
    ("Robert F. Kennedy Jr.", PERSON, "Kennedy, R. F., Jr.", "Kennedy, Robert F., Jr.", "Kennedy, Jr., Robert F."),
    ("Hank Williams Sr.", PERSON, "Williams, H., Sr.", "Williams, Hank, Sr.", "Williams, Sr., Hank"),
    ("Henry Ford II", PERSON, "Ford, H., II", "Ford, Henry, II.", "Ford, II, Henry"),
    ("John D. Rockefeller III", PERSON, "Rockefeller, J. D., III", "Rockefeller, John D., III.",
     "Rockefeller, III, John D."),
    ("Annegret Kramp-Karrenbauer", PERSON, "Kramp-Karrenbauer, A.", "Kramp-Karrenbauer, Annegret.",
     "Kramp-Karrenbauer, Annegret"),
    ("José Ortega y Gasset", PERSON, "Ortega y Gasset, J.", "Ortega y Gasset, José.", "Ortega y Gasset, José"),
    ("Jean-Luc Mélenchon", PERSON, "Mélenchon, J.-L.", "Mélenchon, Jean-Luc.", "Mélenchon, Jean-Luc"),
    ("Volodymyr Oleksandrovych Zelenskyy", PERSON, "Zelenskyy, V. O.", "Zelenskyy, Volodymyr Oleksandrovych.",
     "Zelenskyy, Volodymyr Oleksandrovych"),
    ("Xi Jinping", PERSON, "Xi, J.", "Xi Jinping.", "Xi, Jinping"),
    ("Tsai Ing-wen", PERSON, "Tsai, I.-W.", "Tsai Ing-wen.", "Tsai, Ing-wen"),
    ("Kim Jong Un", PERSON, "Kim, J. U.", "Kim Jong Un.", "Kim, Jong Un"),
    ("Lee Jae-myung", PERSON, "Lee, J.-M.", "Lee Jae-myung.", "Lee, Jae-myung"),
    ("Ishiba Shigeru", PERSON, "Ishiba, S.", "Ishiba Shigeru.", "Ishiba, Shigeru"),
    ("Shigeru Ishiba", PERSON, "Ishiba, S.", "Ishiba, Shigeru.", "Ishiba, Shigeru"),
    ("Pham Minh Chinh", PERSON, "Pham, M. C.", "Pham Minh Chinh.", "Pham, Minh Chinh"),
    ("Orbán Viktor", PERSON, "Orbán, V.", "Orbán, Viktor.", "Orbán, Viktor"),
    ("Viktor Orbán", PERSON, "Orbán, V.", "Orbán, Viktor.", "Orbán, Viktor"),
    ("Kim Darroch", PERSON, "Darroch, K.", "Darroch, Kim.", "Darroch, Kim"),
    ("Al Gore", PERSON, "Gore, A.", "Gore, Al.", "Gore, Al"),
    ("J. D. Vance", PERSON, "Vance, J. D.", "Vance, J. D.", "Vance, J. D."),
    ("Donald J. Trump", PERSON, "Trump, D. J.", "Trump, Donald J.", "Trump, Donald J."),
    ("Lula", PERSON, "Lula.", "Lula.", "{Lula}"),
    ("Xinhua", PERSON, "Xinhua.", "Xinhua.", "{Xinhua}"),
    ("Russian Foreign Ministry", ORG, "Russian Foreign Ministry.", "Russian Foreign Ministry.",
     "{Russian Foreign Ministry}"),
    ("United Kingdom", COUNTRY, "United Kingdom.", "United Kingdom.", "{United Kingdom}"),
    ("Government of Canada", GOVERNMENT, "Government of Canada.", "Government of Canada.", "{Government of Canada}"),
    ("European Union", NO_ACTOR, "European Union.", "European Union.", "{European Union}"),
    ("Hildegard Brandt", NO_ACTOR, "Brandt, H.", "Brandt, Hildegard.", "Brandt, Hildegard"),
    (None, NO_ACTOR, "Unknown speaker.", "Unknown speaker.", "{Unknown speaker}"),
]


@pytest.mark.parametrize(("speaker", "kind", "apa_author", "chicago_author", "bibtex_author"), AUTHORS)
def test_author_names_follow_each_style(speaker, kind, apa_author, chicago_author, bibtex_author):
    c = cite.citation(quote(speaker=speaker), SOURCES, SITE, speaker_kind=kind or None)
    assert c.apa.startswith(apa_author + " “")
    assert c.chicago.startswith(chicago_author + " “")
    assert bibtex_field(c.bibtex, "author") == bibtex_author


@pytest.mark.parametrize(("speaker", "kind", "spoken"), [
    ("Martin Luther King Jr.", PERSON, {"@type": "Person", "name": "Martin Luther King Jr.", "familyName": "King",
                                        "givenName": "Martin Luther", "honorificSuffix": "Jr."}),
    ("Xi Jinping", PERSON, {"@type": "Person", "name": "Xi Jinping", "familyName": "Xi", "givenName": "Jinping"}),
    ("Ursula von der Leyen", PERSON, {"@type": "Person", "name": "Ursula von der Leyen",
                                      "familyName": "von der Leyen", "givenName": "Ursula"}),
    ("Lula", PERSON, {"@type": "Person", "name": "Lula"}),
    ("Russian Foreign Ministry", ORG, {"@type": "Organization", "name": "Russian Foreign Ministry"}),
    ("European Union", NO_ACTOR, {"@type": "Organization", "name": "European Union"}),
    (None, NO_ACTOR, None),
])
def test_json_ld_names_the_speaker_with_family_and_given_name(speaker, kind, spoken):
    ld = json.loads(cite.citation(quote(speaker=speaker), SOURCES, SITE, speaker_kind=kind or None).jsonld)
    assert ld.get("spokenByCharacter") == spoken


def test_a_citation_key_is_made_of_the_family_name():
    c = cite.citation(quote(speaker="Ursula von der Leyen"), SOURCES, SITE)
    assert c.bibtex.startswith("@misc{von-der-leyen-abcdefgh,\n")


def test_no_headline_stands_in_for_a_missing_outlet():
    untitled = {"bare": article("bare", date="2025-03-19", title="Russia rejects peacekeepers")}
    c = cite.citation(quote(sources=("bare",)), untitled, SITE, site_name="Dossier")
    assert "Russia rejects peacekeepers" not in c.apa + c.chicago + c.bibtex
    assert "As reported by" not in c.apa and "Quoted in" not in c.chicago and "howpublished" not in c.bibtex
    assert c.apa.endswith("[Quotation]. Dossier. https://example.org/dossier/quotes/abcdefgh/")
    [report] = json.loads(c.jsonld)["citation"]
    assert report == {"@type": "NewsArticle", "headline": "Russia rejects peacekeepers", "datePublished": "2025-03-19"}


def test_a_source_without_outlet_is_left_out_of_the_outlets_the_others_stay():
    mixed = {**SOURCES, "bare": article("bare", date="2025-03-16", title="Headline only")}
    c = cite.citation(quote(sources=("bare", "late")), mixed, SITE)
    assert "As reported by Cnews Live (2025, March 18)." in c.apa
    assert "Quoted in Cnews Live, March 18, 2025." in c.chicago
    assert "Headline only" not in c.apa + c.chicago + c.bibtex


def test_a_quote_page_cites_its_speaker_by_the_kind_of_its_actor():
    org = Actor(id="alexander-grushko", name="Alexander Grushko", kind="organization")
    d = Dossier(sources=list(SOURCES.values()), actors=[org], quotes=[quote()])
    view = render.Views(render.Catalogue(d), None, SITE, "", "").quote(quote(), "")
    assert "Alexander Grushko. “" in view["cite"]["blocks"]["apa"]
    assert "Grushko, A." not in view["cite"]["blocks"]["apa"]


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
    dossier = Dossier(sources=list(SOURCES.values()), actors=[], quotes=[quote(NASTY)], topics=[], positions=[])
    view = render.Views(render.Catalogue(dossier), None, SITE, "", "").quote(quote(NASTY), "")["cite"]
    page = env.get_template("partials/cite.md.j2").render(citation=view)
    body = markdown.markdown(page, extensions=extensions)
    blocks = _Blocks()
    blocks.feed(body)
    assert blocks.code == [c.permalink + "\n", c.apa + "\n", c.chicago + "\n", c.bibtex + "\n"]
    assert len(blocks.scripts) == 1 and json.loads(blocks.scripts[0])["text"] == NASTY
    assert c.permalink in blocks.links
    assert "<b>" not in body.replace(html.escape("<b>"), "")


def rendered_json_ld(page: str) -> dict:
    """The JSON-LD of a generated page, read out of the HTML Markdown makes of it."""
    blocks = _Blocks()
    blocks.feed(markdown.markdown(page.split("\n---\n", 1)[1], extensions=["toc", "tables", "fenced_code",
                                                                           "md_in_html"]))
    [script] = blocks.scripts
    return json.loads(script)


@pytest.mark.parametrize(("url", "publisher"), [
    (None, None),  # nothing says who published it: no publisher, and never the headline
    ("https://www.views.example/why-guarantees", {"@type": "Organization", "name": "views.example"}),
])
def test_rendered_quote_pages_give_a_publisher_only_when_one_is_known(url, publisher):
    dossier = realistic()
    dossier.sources = [replace(s, url=url) if s.id == "opinion" else s for s in dossier.sources]
    pages = render.render(dossier, site_url=SITE, site_name="Dossier")
    [report] = rendered_json_ld(pages["quotes/q7hotair.md"])["citation"]
    assert report["headline"] == "Why guarantees matter"
    assert report.get("publisher") == publisher
    carried = rendered_json_ld(pages["quotes/q7incomp.md"])["citation"]
    assert [r["publisher"]["name"] for r in carried] == ["Morning Post", "The Daily Ledger"]
