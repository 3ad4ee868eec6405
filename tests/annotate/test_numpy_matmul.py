"""The models' matrix products on numpy's BLAS (faster here than thinc's BLIS) leave every tag,
head, label, lemma and entity exactly as the stock model gives them."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, TAG
from spacy.language import Language
from thinc.api import NumpyOps

from faultlines.annotate.pipeline import MODEL_NAME, load_model, one_blas_thread
from faultlines.bench import corpus_texts

DEMO = Path(__file__).resolve().parents[2] / "demo" / "reports"
ATTRS = [TAG, DEP, HEAD, LEMMA, ENT_IOB, ENT_TYPE]


@pytest.fixture(scope="module")
def ours() -> Language:
    return load_model()


def _model_ops(nlp: Language) -> list[object]:
    return [node.ops for _, pipe in nlp.pipeline if getattr(pipe, "model", None) for node in pipe.model.walk()]


def test_every_model_of_the_loaded_pipeline_multiplies_with_numpy(ours: Language) -> None:
    ops = _model_ops(ours)
    assert ops and all(isinstance(op, NumpyOps) and not op.use_blis for op in ops)
    assert any(getattr(op, "use_blis", False) for op in _model_ops(spacy.load(MODEL_NAME)))


def test_the_demo_reports_annotate_exactly_as_with_the_stock_model(ours: Language) -> None:
    stock = spacy.load(MODEL_NAME)
    texts = corpus_texts(DEMO)
    assert len(texts) >= 5
    with one_blas_thread():
        annotated = list(ours.pipe(texts))
    for ours_doc, stock_doc in zip(annotated, stock.pipe(texts), strict=True):
        assert ours_doc.to_array(ATTRS).tolist() == stock_doc.to_array(ATTRS).tolist()
        assert [(e.start, e.end, e.label_) for e in ours_doc.ents] == [
            (e.start, e.end, e.label_) for e in stock_doc.ents
        ]
