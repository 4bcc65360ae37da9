"""Linking needs no language model: the names it compares are split by pure functions
(dossier.names.word_spans) and what needs a parse (a topic's head key) was read during extraction,
so a build whose articles all come from the cache never loads spaCy's model."""

from __future__ import annotations

import pickle
import subprocess
import sys

from dossier import ingest, nlp
from dossier.curation import Curation
from dossier.extract import extract
from dossier.link import link
from tests.test_golden import GOLDEN

LINK_WITHOUT_MODEL = f"""
import pickle, sys
sys.modules[{nlp.MODEL_PACKAGE!r}] = None  # importing the model raises ImportError in this process
from dossier import nlp
from dossier.curation import Curation
from dossier.link import link
try:
    nlp.load()
except ImportError:
    pass
else:
    raise SystemExit("the model loaded")
extractions = pickle.loads(open(sys.argv[1], "rb").read())
sys.stdout.buffer.write(pickle.dumps(link(extractions, Curation())))
"""


def test_linking_runs_with_the_model_unavailable_and_links_the_same(tmp_path):
    articles, _ = ingest.read_seeds(GOLDEN / "seeds")
    extractions = [extract(article) for article in articles]
    expected = link(extractions, Curation())
    assert expected.actors and expected.quotes and expected.positions
    assert any(quote.speaker for quote in expected.quotes)
    path = tmp_path / "extractions.pickle"
    path.write_bytes(pickle.dumps(extractions))
    done = subprocess.run([sys.executable, "-c", LINK_WITHOUT_MODEL, str(path)], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    assert pickle.loads(done.stdout) == expected
