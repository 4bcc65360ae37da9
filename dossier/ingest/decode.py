"""Bytes -> text: UTF-8 or UTF-16 with a BOM, stray bytes read as Windows-1252, binary files refused."""

from __future__ import annotations

import codecs
import re

from dossier.ingest.files import SeedError

BINARY_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive or office document",
    b"\x1f\x8b": "a gzip archive",
    b"RIFF": "a RIFF media file",
    b"\x7fELF": "an executable",
}


_LINE_BREAKS = re.compile(r"\r\n?|[\v\f\x1c-\x1e\x85\u2028\u2029]")
_CONTROL_CHARACTERS = re.compile(r"\x1b\[[0-9;?]{0,20}[ -/]{0,4}[@-~]|[\x00-\x08\x0e-\x1b\x1f\x7f-\x9f\ufeff]")
_UNPRINTABLE_SHARE = 0.1


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("dossier-cp1252", _cp1252_fallback)


def decode(data: bytes) -> tuple[str, list[str]]:
    """The text of a seed and notes on how it was read; raises SeedError for binary data."""
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise SeedError(f"binary file ({kind}), not text: skipped")
    notes = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
        notes.append("UTF-16 text; convert it to UTF-8")
    elif b"\x00" in data:
        raise SeedError("binary file (contains NUL bytes), not text: skipped")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            text = data.decode("utf-8-sig", errors="dossier-cp1252")
            notes.append(_decoding_note(data, text, error))
    unprintable = len(_CONTROL_CHARACTERS.findall(text)) + text.count("\ufffd")
    if unprintable > _UNPRINTABLE_SHARE * len(text):
        raise SeedError("binary file (mostly unprintable characters), not text: skipped")
    return _CONTROL_CHARACTERS.sub("", _LINE_BREAKS.sub("\n", text)), notes


def _decoding_note(data: bytes, text: str, error: UnicodeDecodeError) -> str:
    note = (f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}): "
            "bytes that are not UTF-8 were read as Windows-1252")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    if replaced:
        note += f"; {replaced} undecodable byte(s) became U+FFFD"
    return note + "; save the file as UTF-8"
