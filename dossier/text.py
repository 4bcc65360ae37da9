"""Text normalisation shared by every stage.

Quotes are checked verbatim against their source after this normalisation, and
quote ids are derived from it, so it must be deterministic and never depend on
the machine's locale.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

from anyascii import anyascii

QUOTE_MARKS = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2033": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2039": "'",
        "\u203a": "'", "\u2032": "'",
    }
)
DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-"})
# The two tables as (mark, replacement) pairs: each replacement is ASCII, which neither table maps, so
# replacing the marks one after the other gives what the two translations give (str.translate looks up
# every character of a text that is not all ASCII; str.replace skips along to the few marks there are).
_MARKS = tuple((chr(mark), plain) for table in (QUOTE_MARKS, DASHES) for mark, plain in table.items())
_WORD = re.compile(r"[\w']+")
_MISSHAPEN_APOSTROPHE = re.compile(r"(?<=[^\W\d_])[\u201d\u2033](?=(?:s|t|m|d|re|ve|ll)(?![^\W\d_]))")
_SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019\u00bb)\]]*$")


def normalise(text: str) -> str:
    """NFKC, straight quote marks and hyphens, single spaces: the form quotes are compared in."""
    if text.isascii():  # NFKC and the tables leave ASCII as it is
        if text.isprintable() and " " not in text:
            return text  # one plain word, most calls (the actor scan's words): already in this form
        return " ".join(text.split())
    text = unicodedata.normalize("NFKC", text)
    for mark, plain in _MARKS:
        text = text.replace(mark, plain)
    return " ".join(text.split())  # str.split's whitespace is the regular expression \s's, and strip's


def with_apostrophes(text: str) -> str:
    """Right double marks a page printed for apostrophes (don”t, I”m, Gunther”s) as apostrophes, the
    length unchanged: taken for quotation marks they cut quotations short, and "I”m" reads as a name."""
    return _MISSHAPEN_APOSTROPHE.sub("\u2019", text)


def ends_sentence(text: str) -> bool:
    """Whether `text` ends like a sentence: a full stop, question or exclamation mark, an ellipsis
    (or their CJK forms), before any closing quotation marks and brackets. What ingest asks of a
    line (was it wrapped mid-sentence?) and the actor scan of a paragraph (is it a heading?)."""
    return _SENTENCE_END.search(text.rstrip()) is not None


def words(text: str) -> list[str]:
    """Lower-cased words of `text` after normalisation: the unit for comparing wordings."""
    return _WORD.findall(normalise(text).lower())


def word_matches(text: str) -> list[re.Match]:
    """The words of `text` after normalisation as matches: with their case and what stands
    between them (words() has neither)."""
    return list(_WORD.finditer(normalise(text)))


# A page named index.md is its folder's own page in MkDocs: no generated page may take that name.
RESERVED_SLUGS = frozenset({"index"})
# The one grammar of ids: an id is a page's file name in docs/<section>/ and the last part of its
# URL. Every id read from the ledger or the curation file must match it, so none reaches outside.
ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9_.-]{0,199}"
_ID = re.compile(ID_PATTERN)


def is_id(text: str) -> bool:
    """True when `text` can be a page id: "alexander-grushko", "k3xq7a2b"; not "../x", "a/b", "index"."""
    return _ID.fullmatch(text) is not None and text not in RESERVED_SLUGS


def slugify(text: str, max_length: int = 60) -> str:
    """A URL-safe ASCII slug, usable as a page name: the one rule for every readable id (actors,
    topics, sources, citation keys). Latin letters lose their accents; letters of other scripts are
    transliterated ("Владимир Путин" -> "vladimir-putin", "习近平" -> "xijinping"). Text with no
    letter or digit at all gets a short digest instead, so that two such texts never share a slug."""
    ascii_text = "".join(_ascii_letters(ch) for ch in unicodedata.normalize("NFC", text))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:max_length].rstrip("-")
    if slug in RESERVED_SLUGS:
        return f"{slug}-page"
    if slug:
        return slug
    return "u-" + hashlib.blake2b(normalise(text).encode("utf-8"), digest_size=5).hexdigest()


def _ascii_letters(ch: str) -> str:
    """One character in ASCII: its decomposition without accents ("é" -> "e"), else, for a letter,
    digit or vowel sign, the letters of its transliteration ("ß" -> "ss", "П" -> "P", "ь" -> "");
    punctuation and symbols are dropped. Text that was ASCII once decomposed keeps the slug it
    always had."""
    plain = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
    if plain or not (ch.isalnum() or unicodedata.category(ch).startswith("M")):
        return plain
    return "".join(filter(str.isalnum, anyascii(ch)))


# Characters that never belong in a URL (RFC 3986) and would break out of an attribute or a Markdown link.
_NOT_IN_URLS = frozenset('"<>\\`')


def as_title(name: str) -> str:
    """A name as it opens a title: its first letter a capital ("opposition parties" -> "Opposition parties", a
    group named in lower case, as the articles write it inside a sentence)."""
    return name[:1].upper() + name[1:]


def http_url(url: str | None) -> str | None:
    """`url` when it is an absolute http(s) URL with a host, no credentials and no spaces, control or
    formatting characters: the one rule for what may become a link (frontmatter, curation links,
    citations). Credentials ("https://bank.example@evil.example/") and bidi controls (U+202E) make a
    link read as somewhere it does not go."""
    if not url or any(ch.isspace() or ch in _NOT_IN_URLS or unicodedata.category(ch) in ("Cc", "Cf") for ch in url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or "@" in parts.netloc:
        return None
    return url


def printable(text: str) -> str:
    """`text` (a file name, a value from an article) safe to print on one terminal line: backslashes,
    control, formatting and line-separator characters become escapes, so a file named
    "x\\n::error::..." cannot start a line of its own or move the cursor."""
    return "".join(_escaped(ch) for ch in text)


def _escaped(ch: str) -> str:
    if ch == "\\":
        return "\\\\"
    if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
        return ch.encode("unicode_escape").decode("ascii")
    return ch
