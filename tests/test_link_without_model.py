"""Linking needs no language model: the names it compares are split by pure functions
(dossier.names.word_spans) and what needs a parse (a topic's head key) was read during extraction,
so a build whose articles all come from the cache never loads spaCy's model."""

from __future__ import annotations

import pickle
import shutil
import subprocess
import sys

from dossier import ingest, nlp
from dossier.curation import Curation
from dossier.extract import extract
from dossier.link import link
from tests.conftest import ROOT
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


BUILD_WITHOUT_MODEL = f"""
import sys
sys.modules[{nlp.MODEL_PACKAGE!r}] = None
from dossier.cli import main
main()
"""


def test_a_build_with_every_article_cached_never_loads_the_model(tmp_path):
    """The parent process only links and renders: with every extraction cached it needs no model."""
    shutil.copytree(GOLDEN / "seeds", tmp_path / "seeds")
    options = ["--seeds", "seeds", "--curation", str(GOLDEN / "curation.yaml"), "--config-file",
               str(ROOT / "mkdocs.yml"), "--cache-dir", "cache", "-q"]
    first = subprocess.run([sys.executable, "-m", "dossier", "build", "--docs", "docs", "--ledger", "first.yaml",
                            *options], cwd=tmp_path, capture_output=True)
    assert first.returncode == 0, first.stderr.decode()
    again = subprocess.run([sys.executable, "-c", BUILD_WITHOUT_MODEL, "build", "--docs", "again", "--ledger",
                            "again.yaml", *options], cwd=tmp_path, capture_output=True)
    assert again.returncode == 0, again.stderr.decode()
    written = sorted(p.relative_to(tmp_path / "docs") for p in (tmp_path / "docs").rglob("*.md"))
    assert len(written) > 20
    assert written == sorted(p.relative_to(tmp_path / "again") for p in (tmp_path / "again").rglob("*.md"))
    assert all((tmp_path / "docs" / p).read_bytes() == (tmp_path / "again" / p).read_bytes() for p in written)
