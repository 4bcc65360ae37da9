"""How to cite a quote: its permalink, APA, Chicago and BibTeX citations, schema.org JSON-LD,
and text-fragment links into the original articles.

Pure functions of the Dossier's dataclasses. Every string is escaped for the format it goes
into (BibTeX specials, JSON inside a <script> element, a Markdown code fence), because quote
text comes from articles and is data, never markup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote as percent_encode, urlsplit

from markupsafe import Markup

from dossier.model import Actor, Article, Dossier, Quote
from dossier.text import slugify

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

    outlet: str
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
    return f"{(site_url or '').rstrip('/')}/quotes/{quote_id}/"


def citations(dossier: Dossier, site_url: str | None, site_name: str | None = None) -> dict[str, Citation]:
    """The Citation of every quote in the dossier, by quote id."""
    sources = {article.id: article for article in dossier.sources}
    actors = {actor.id: actor for actor in dossier.actors}
    return {
        quote.id: citation(quote, sources, site_url, site_name=site_name, speaker=actors.get(quote.speaker or ""))
        for quote in dossier.quotes
    }


def citation(
    quote: Quote, sources: Mapping[str, Article], site_url: str | None, *, site_name: str | None = None,
    speaker: Actor | None = None, said: str | None = None,
) -> Citation:
    """The permalink, APA, Chicago, BibTeX and JSON-LD of one quote. `said` is the ISO date the
    words were spoken when an article says so; citations omit it otherwise."""
    permalink = quote_url(site_url, quote.id)
    reports = reports_of(quote, sources)
    person = speaker is None or speaker.kind == "person"
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
    return sorted(reports, key=lambda r: (r.date is None, r.date or "", r.outlet.casefold()))


def outlet_name(article: Article) -> str:
    """Who published the article: the named outlet, else the web site, else the credited wire, else its title."""
    if article.outlet:
        return article.outlet
    host = urlsplit(article.url).hostname if article.url else None
    if host:
        return host.removeprefix("www.")
    if article.credited:
        return article.credited[0]
    return f"“{article.title}”"


# --------------------------------------------------------------------------
# styles


def apa(quote: Quote, reports: list[Report], permalink: str, site_name: str | None, said: str | None,
        person: bool = True) -> str:
    """APA 7: Author. (Date said). “Words” [Quotation]. As reported by Outlet (Date). Site. URL"""
    author = _apa_author(quote.speaker_name, person)
    when = f" ({_apa_date(said)})." if said else ""
    reported = "; ".join(f"{r.outlet} ({_apa_date(r.date) if r.date else 'n.d.'})" for r in reports)
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
    author = _inverted(quote.speaker_name) if person and quote.speaker_name else (quote.speaker_name or "Unknown speaker")
    parts = [f"{author.rstrip('.')}.", _quoted(quote.text, closing=".")]
    if said:
        parts.append(f"{_long_date(said)}.")
    if reports:
        parts.append("Quoted in " + "; ".join(
            f"{r.outlet}, {_long_date(r.date)}" if r.date else r.outlet for r in reports) + ".")
    if site_name:
        parts.append(f"{site_name}.")
    parts.append(f"{permalink}.")
    return " ".join(parts)


def bibtex(quote: Quote, reports: list[Report], permalink: str, site_name: str | None, said: str | None,
           person: bool = True) -> str:
    """A @misc entry; every field value is escaped so the entry parses whatever the words contain."""
    name = quote.speaker_name or "Unknown speaker"
    author = bibtex_escape(_inverted(name)) if person and quote.speaker_name else "{" + bibtex_escape(name) + "}"
    fields = [("author", author), ("title", bibtex_escape(_quoted(quote.text)))]
    if said:
        fields += [("year", said[:4]), ("date", bibtex_escape(said))]
    if reports:
        fields.append(("howpublished", bibtex_escape("Quoted in " + "; ".join(
            f"{r.outlet} ({r.date})" if r.date else r.outlet for r in reports))))
    if site_name:
        fields.append(("organization", bibtex_escape(site_name)))
    fields += [("url", _bibtex_url(permalink)), ("note", "Quotation")]
    key = f"{slugify(_family(name), 30) or 'quote'}-{slugify(quote.id, 30)}"
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
    if said:
        data["dateCreated"] = said
    if reports:
        data["citation"] = [_news_article(r) for r in reports]
    if site_name:
        data["isPartOf"] = {"@type": "WebSite", "name": site_name}
    return script_json(data)


def _news_article(report: Report) -> dict:
    article: dict = {"@type": "NewsArticle", "headline": report.title,
                     "publisher": {"@type": "Organization", "name": report.outlet}}
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


def _family(name: str) -> str:
    tokens = name.split()
    return tokens[-1] if tokens else ""


def _inverted(name: str) -> str:
    """"Alexander Grushko" -> "Grushko, Alexander"; one-word names stay as they are."""
    tokens = name.split()
    if len(tokens) < 2:
        return name
    return f"{tokens[-1]}, {' '.join(tokens[:-1])}"


def _apa_author(name: str | None, person: bool) -> str:
    """APA names a person by family name and initials ("Grushko, A."), an organisation in full."""
    if not name:
        return "Unknown speaker."
    tokens = name.split()
    if not person or len(tokens) < 2:
        return name.rstrip(".") + "."
    initials = " ".join("-".join(f"{part[0]}." for part in token.split("-") if part) for token in tokens[:-1])
    return f"{tokens[-1]}, {initials}"


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

