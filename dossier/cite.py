"""How to cite a quote: its permalink, APA, Chicago and BibTeX citations, schema.org JSON-LD,
and text-fragment links into the original articles.

Pure functions of the Dossier's dataclasses. Every string is escaped for the format it goes
into (BibTeX specials, JSON inside a <script> element, a Markdown code fence), because quote
text comes from articles and is data, never markup.

A speaker who is a person is cited by family name, which is not always the last word: particles
and generational suffixes are read by nameparser (told dossier's own particles, suffixes and
honorifics), and names written family name first (Chinese, Korean, Japanese, Vietnamese, or marked
in names.yaml) by the rule world.py uses for extraction. APA puts the family name first with
initials ("Xi, J.", "von der Leyen, U.", "King, M. L., Jr."). Chicago inverts Western names
("King, Martin Luther, Jr.") and keeps a name written family name first as it is, without a comma
("Xi Jinping"), as its rule for Chinese, Japanese, Korean and Vietnamese names asks. Organisations
and countries are never inverted. A source without a named outlet is cited without one: its
web site's domain when it has a URL, the wire it credits, else nothing; never its headline.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import quote as percent_encode, urlsplit

from markupsafe import Markup
from nameparser import HumanName
from nameparser.config import Constants

from dossier.lexicon import lexicon
from dossier.model import Article, Quote
from dossier.names import person_names
from dossier.text import slugify
from dossier.world import world

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
FRAGMENT_WORDS = 4  # a quote longer than twice this is linked by its first and last words

_BIBTEX_SPECIALS = str.maketrans({
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "$": r"\$", "&": r"\&",
    "#": r"\#", "%": r"\%", "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}",
})
_UNSAFE = re.compile(r"['\"]|\.\.|^-|-$")  # quote marks, ellipses, dashes between words
_SCRIPT_SAFE = str.maketrans({"<": r"\u003c", ">": r"\u003e", "&": r"\u0026", "\u2028": r"\u2028",
                              "\u2029": r"\u2029"})


@dataclass(frozen=True)
class Report:
    """One source that carried the quote, as a citation names it."""

    outlet: str | None  # None when neither the article nor its URL says who published it
    date: str | None  # ISO 8601
    title: str
    url: str | None


@dataclass(frozen=True)
class Citation:
    """Everything the Cite box of one quote page shows; render passes it to the quote template."""

    permalink: str
    apa: str
    chicago: str
    bibtex: str
    jsonld: str  # JSON, already safe inside <script type="application/ld+json">

    def block(self, name: str) -> Markup:
        """One citation as a fenced code block (Material gives it a copy button); `name` is
        "permalink", "apa", "chicago" or "bibtex"."""
        return code_block(getattr(self, name), "bibtex" if name == "bibtex" else "text")

    @property
    def script(self) -> Markup:
        return Markup('<script type="application/ld+json">') + Markup(self.jsonld) + Markup("</script>")


def quote_url(site_url: str | None, quote_id: str) -> str:
    """The quote's permalink: absolute when the site URL is known, else site-absolute."""
    return page_url(site_url, "quotes", quote_id)


def page_url(site_url: str | None, section: str, page_id: str) -> str:
    """The address of a generated page: absolute when the site URL is known, else site-absolute."""
    return f"{(site_url or '').rstrip('/')}/{section}/{page_id}/"


def citation(
    quote: Quote, sources: Mapping[str, Article], site_url: str | None, *, site_name: str | None = None,
    speaker_kind: str | None = None, said: str | None = None,
) -> Citation:
    """The permalink, APA, Chicago, BibTeX and JSON-LD of one quote. `speaker_kind` is the kind of the
    actor who said it, None when no actor stands for its speaker; `said` is the ISO date the words were
    spoken when an article says so; citations omit it otherwise."""
    permalink = quote_url(site_url, quote.id)
    reports = reports_of(quote, sources)
    if speaker_kind is not None:
        person = speaker_kind == "person"
    else:  # a name no actor stands for: a person unless the world data knows it as a country or organisation
        person = quote.speaker_name is None or world().known(quote.speaker_name) is None
    return Citation(
        permalink=permalink,
        apa=apa(quote, reports, permalink, site_name, said, person),
        chicago=chicago(quote, reports, permalink, site_name, said, person),
        bibtex=bibtex(quote, reports, permalink, site_name, said, person),
        jsonld=jsonld(quote, reports, permalink, site_name, said, person),
    )


def reports_of(quote: Quote, sources: Mapping[str, Article]) -> list[Report]:
    """The sources that carried the quote, earliest report first (undated ones last)."""
    articles = [sources[s] for s in sorted({o.source for o in quote.occurrences}) if s in sources]
    reports = [Report(outlet_name(a), a.date, a.title, a.url) for a in articles]
    return sorted(reports, key=lambda r: (r.date is None, r.date or "", (r.outlet or "").casefold(), r.title))


def outlet_name(article: Article) -> str | None:
    """Who published the article: the named outlet, else the web site's domain (the publisher's own
    address, so it names them truthfully), else the wire it credits; None when nothing says. The
    headline never stands in: it names the article, not who published it."""
    if article.outlet:
        return article.outlet
    host = urlsplit(article.url).hostname if article.url else None
    if host:
        return host.removeprefix("www.")
    return article.credited[0] if article.credited else None


# --------------------------------------------------------------------------
# names


@dataclass(frozen=True)
class PersonName:
    """A person's name in the parts reference styles arrange."""

    family: str  # with its particles ("von der Leyen"); the whole name of a mononym ("Lula")
    given: str = ""  # "Martin Luther"; empty for a mononym
    suffix: str = ""  # "Jr.", "III"
    keeps_order: bool = False  # written family name first, and Chicago keeps it so ("Xi Jinping")

    @property
    def apa(self) -> str:
        """ "von der Leyen, U.", "King, M. L., Jr.", "Xi, J.", "Lula." """
        if not self.given:
            return " ".join(filter(None, (self.family, self.suffix))).rstrip(".") + "."
        return ", ".join(filter(None, (self.family, _initials(self.given), self.suffix)))

    @property
    def chicago(self) -> str:
        """The bibliography form: "King, Martin Luther, Jr.", "Xi Jinping", "Lula"."""
        if not self.given or self.keeps_order:
            return " ".join(filter(None, (self.family, self.given, self.suffix)))
        return ", ".join(filter(None, (self.family, self.given, self.suffix)))

    @property
    def bibtex(self) -> str:
        """BibTeX's "von Last, Jr, First" (escaped); a mononym braced so BibTeX takes it whole."""
        if not self.given:
            return "{" + bibtex_escape(" ".join(filter(None, (self.family, self.suffix)))) + "}"
        return ", ".join(bibtex_escape(part) for part in (self.family, self.suffix, self.given) if part)

    @property
    def schema_org(self) -> dict[str, str]:
        """schema.org Person properties; a mononym has no family name to give."""
        if not self.given:
            return {}
        parts = {"familyName": self.family, "givenName": self.given, "honorificSuffix": self.suffix}
        return {key: value for key, value in parts.items() if value}


@lru_cache(maxsize=4096)
def person_name(name: str) -> PersonName:
    """Split a person's full name: family-name-first names by names.yaml's rule, the rest by nameparser."""
    names = person_names()
    core = names.parts(name)
    suffix = " ".join(name.split()[len(core):])
    if len(core) < 2:
        return PersonName(family=" ".join(core), suffix=suffix)
    if names.family_name_first(core) or names.given_name_last(core):
        marked = " ".join(core) in names.marked  # Hungarian order: Chicago inverts it as usual
        return PersonName(family=core[0], given=" ".join(core[1:]), suffix=suffix, keeps_order=not marked)
    parsed = HumanName(name, constants=_name_constants())
    given = " ".join(filter(None, (parsed.first, parsed.middle)))
    if not parsed.last:  # "Pope Francis": a title and one name
        return PersonName(family=given, suffix=parsed.suffix)
    return PersonName(family=parsed.last, given=given, suffix=parsed.suffix)


@lru_cache(maxsize=1)
def _name_constants() -> Constants:
    """nameparser's word lists, extended with dossier's own particles, suffixes and honorifics."""
    constants = Constants()
    names = person_names()
    constants.prefixes.add(*names.particles)
    constants.suffix_not_acronyms.add(*(s.rstrip(".") for s in names.suffixes))
    constants.titles.add(*(t.rstrip(".") for t in lexicon().titles.honorifics))
    return constants


def _initials(given: str) -> str:
    """ "Martin Luther" -> "M. L."; "Jean-Luc" -> "J.-L."; "Ing-wen" -> "I.-W."; an initial stays as it is."""
    return " ".join("-".join(f"{part[0].upper()}." for part in word.split("-") if part) for word in given.split())


# --------------------------------------------------------------------------
# styles


def apa(quote: Quote, reports: list[Report], permalink: str, site_name: str | None, said: str | None,
        person: bool = True) -> str:
    """APA 7: Author. (Date said). “Words” [Quotation]. As reported by Outlet (Date). Site. URL"""
    author = _apa_author(quote.speaker_name, person)
    when = f" ({_apa_date(said)})." if said else ""
    reported = "; ".join(f"{r.outlet} ({_apa_date(r.date) if r.date else 'n.d.'})" for r in reports if r.outlet)
    parts = [f"{author}{when} {_quoted(quote.text)} [Quotation]."]
    if reported:
        parts.append(f"As reported by {reported}.")
    if site_name:
        parts.append(f"{site_name}.")
    parts.append(permalink)
    return " ".join(parts)


def chicago(quote: Quote, reports: list[Report], permalink: str, site_name: str | None, said: str | None,
            person: bool = True) -> str:
    """Chicago (notes and bibliography): Last, First. “Words.” Date said. Quoted in Outlet, Date. Site. URL."""
    name = quote.speaker_name
    author = person_name(name).chicago if person and name else (name or "Unknown speaker")
    parts = [f"{author.rstrip('.')}.", _quoted(quote.text, closing=".")]
    if said:
        parts.append(f"{_long_date(said)}.")
    outlets = [f"{r.outlet}, {_long_date(r.date)}" if r.date else r.outlet for r in reports if r.outlet]
    if outlets:
        parts.append("Quoted in " + "; ".join(outlets) + ".")
    if site_name:
        parts.append(f"{site_name}.")
    parts.append(f"{permalink}.")
    return " ".join(parts)


def bibtex(quote: Quote, reports: list[Report], permalink: str, site_name: str | None, said: str | None,
           person: bool = True) -> str:
    """A @misc entry; every field value is escaped so the entry parses whatever the words contain."""
    name = quote.speaker_name or "Unknown speaker"
    parsed = person_name(name) if person and quote.speaker_name else None
    author = parsed.bibtex if parsed else "{" + bibtex_escape(name) + "}"
    fields = [("author", author), ("title", bibtex_escape(_quoted(quote.text)))]
    if said:
        fields += [("year", said[:4]), ("date", bibtex_escape(said))]
    outlets = [f"{r.outlet} ({r.date})" if r.date else r.outlet for r in reports if r.outlet]
    if outlets:
        fields.append(("howpublished", bibtex_escape("Quoted in " + "; ".join(outlets))))
    if site_name:
        fields.append(("organization", bibtex_escape(site_name)))
    fields += [("url", _bibtex_url(permalink)), ("note", "Quotation")]
    key = f"{slugify(parsed.family if parsed else name, 30) or 'quote'}-{slugify(quote.id, 30)}"
    body = ",\n".join(f"  {field} = {{{value}}}" for field, value in fields)
    return f"@misc{{{key},\n{body}\n}}"


def jsonld(quote: Quote, reports: list[Report], permalink: str, site_name: str | None, said: str | None,
           person: bool = True) -> str:
    """schema.org Quotation as JSON that cannot end its <script> element early."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Quotation",
        "@id": permalink,
        "url": permalink,
        "identifier": quote.id,
        "text": quote.text,
    }
    if quote.speaker_name:
        data["spokenByCharacter"] = {"@type": "Person" if person else "Organization", "name": quote.speaker_name}
        if person:
            data["spokenByCharacter"].update(person_name(quote.speaker_name).schema_org)
    if said:
        data["dateCreated"] = said
    if reports:
        data["citation"] = [_news_article(r) for r in reports]
    if site_name:
        data["isPartOf"] = {"@type": "WebSite", "name": site_name}
    return script_json(data)


def _news_article(report: Report) -> dict:
    article: dict = {"@type": "NewsArticle", "headline": report.title}
    if report.outlet:
        article["publisher"] = {"@type": "Organization", "name": report.outlet}
    if report.date:
        article["datePublished"] = report.date
    if report.url:
        article["url"] = report.url
    return article


# --------------------------------------------------------------------------
# escaping and formatting


def script_json(data: object) -> str:
    """JSON for a <script> element: `<`, `>` and `&` as \\u escapes, so `</script>` in a quote stays text."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_SCRIPT_SAFE)


def bibtex_escape(text: str) -> str:
    """Text as a BibTeX field value: LaTeX specials escaped, every brace balanced."""
    return text.translate(_BIBTEX_SPECIALS)


def _bibtex_url(url: str) -> str:
    # url fields are read verbatim: only braces (which BibTeX counts) and % need encoding.
    return url.replace("%", "%25").replace("{", "%7B").replace("}", "%7D")


def code_block(text: str, language: str = "text") -> Markup:
    """`text` verbatim in a Markdown code fence longer than any backtick run inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return Markup(f"{fence} {language}\n{text}\n{fence}")


def text_fragment_url(url: str, text: str, words: int = FRAGMENT_WORDS) -> str:
    """A link that scrolls to `text` inside the page at `url` and highlights it (#:~:text=...).

    Long quotes are linked by their first and last `words` words (textStart,textEnd); every
    directive character (`-`, `,`, `&`) in the text is percent-encoded as the spec requires.
    Words holding a quote mark or an ellipsis, and dashes standing between words, are avoided:
    the original page may print them curly, as one character or as an en dash where our
    normalised text has plain ones.
    Without any such safe word the plain URL is returned.
    """
    base, _, fragment = url.partition("#")
    fragment = fragment.partition(":~:")[0]
    tokens = text.split()
    runs = _safe_runs(tokens)
    if not runs:
        return url
    if runs == [(0, len(tokens))] and len(tokens) <= 2 * words:
        return f"{base}#{fragment}:~:text={_fragment_encode(' '.join(tokens))}"
    first, last = next((r for r in runs if r[1] - r[0] > 1), runs[0]), runs[-1]
    start = (first[0], min(first[1], first[0] + words))
    end = (max(last[0], last[1] - words), last[1])
    directive = _fragment_encode(" ".join(tokens[start[0]:start[1]]))
    if end[0] >= start[1]:
        directive += "," + _fragment_encode(" ".join(tokens[end[0]:end[1]]))
    return f"{base}#{fragment}:~:text={directive}"


def _safe_runs(tokens: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each longest stretch of tokens that normalisation cannot have changed."""
    runs: list[tuple[int, int]] = []
    for index, token in enumerate(tokens):
        if _UNSAFE.search(token):
            continue
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


def _fragment_encode(text: str) -> str:
    return percent_encode(text, safe="").replace("-", "%2D")


def _quoted(text: str, closing: str = "") -> str:
    """Words in curly quotes, inner double quotes turned single (the nesting convention)."""
    inner = text.strip().replace('"', "'")
    if closing and not inner.endswith((".", "!", "?", "…")):
        inner += closing
    return f"“{inner}”"


def _apa_author(name: str | None, person: bool) -> str:
    """APA names a person by family name and initials ("Grushko, A."), an organisation in full."""
    if not name:
        return "Unknown speaker."
    return person_name(name).apa if person else name.rstrip(".") + "."


def iso_date(iso: str) -> date | None:
    """An ISO 8601 date (YYYY-MM-DD), or None when `iso` is not one."""
    try:
        return date.fromisoformat(iso)
    except ValueError:
        return None


def _apa_date(iso: str) -> str:
    day = iso_date(iso)
    return f"{day.year}, {MONTHS[day.month - 1]} {day.day}" if day else iso


def _long_date(iso: str) -> str:
    day = iso_date(iso)
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}" if day else iso

