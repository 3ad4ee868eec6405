"""`faultlines bench`: documents/second and peak memory on a stated corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from faultlines.cli.common import echo_json, echo_table, json_option


@click.command("bench")
@click.option(
    "--corpus",
    type=click.Path(exists=True, path_type=Path),
    help="Folder or file of articles to process (default: the built bench-mix of ~600-word articles).",
)
@click.option(
    "--workers",
    "workers",
    type=click.IntRange(min=1),
    multiple=True,
    help="Worker count to measure; repeat for several (default: 1 and 2).",
)
@click.option(
    "--documents",
    type=click.IntRange(min=1),
    default=40,
    show_default=True,
    help="Articles in the built bench-mix corpus (ignored with --corpus).",
)
@click.option(
    "--rounds",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Repeat every measurement this many times, pipeline and spaCy side by side, and report medians "
    "(for a machine whose speed drifts).",
)
@click.option("--no-spacy", is_flag=True, help="Skip the plain-spaCy comparison run.")
@json_option
def command(
    corpus: Path | None, workers: tuple[int, ...], documents: int, rounds: int, no_spacy: bool, as_json: bool
) -> None:
    """Measure ingest throughput (documents/second) and peak memory on a corpus.

    The whole pipeline runs into a temporary database in a fresh process per worker count; plain
    spaCy (the full sm pipeline with nlp.pipe) runs over the texts the pipeline analysed, in one
    process and in as many as the largest worker count, for comparison.
    """
    from faultlines.bench import run_benchmark

    report = run_benchmark(
        corpus, workers=workers or (1, 2), compare_spacy=not no_spacy, documents=documents, rounds=rounds
    )
    if as_json:
        echo_json(report)
        return
    echo_table(_summary_rows(report), ["measure", "value"])
    if report.get("stages"):
        click.echo()
        rows = [
            (stage, cost["seconds"], cost.get("seconds_per_doc", "-"), cost["share"])
            for stage, cost in report["stages"].items()
        ]
        echo_table(rows, ["stage (1 worker)", "CPU seconds", "CPU s/doc", "share"])


def _summary_rows(report: dict[str, Any]) -> list[tuple[str, Any]]:
    corpus = report["corpus"]
    rows: list[tuple[str, Any]] = [
        ("corpus", corpus["name"]),
        ("documents", report["documents"]),
        ("mean words", corpus.get("mean_words", "-")),
    ]
    if report.get("rounds", 1) > 1:
        rows.append(("rounds (medians below)", report["rounds"]))
        rows.append(("each round's ratio, largest worker count", " ".join(str(r) for r in report["round_ratios"])))
    for spacy_run in report.get("spacy_runs", []):
        rows.append((f"plain spaCy docs/second, {spacy_run['processes']} process(es)", spacy_run["docs_per_second"]))
    if report.get("spacy_numpy_matmul"):
        rows.append(("plain spaCy docs/second, numpy matmul", report["spacy_numpy_matmul"]["docs_per_second"]))
    for run in report["runs"]:
        rows += [
            (f"pipeline docs/second, {run['workers']} worker(s)", run["docs_per_second"]),
            (f"ratio vs plain spaCy (1 process), {run['workers']} worker(s)", run.get("ratio_vs_spacy") or "-"),
            (f"CPU-time ratio vs plain spaCy, {run['workers']} worker(s)", run.get("cpu_ratio_vs_spacy") or "-"),
            (f"peak RSS MB, {run['workers']} worker(s)", run["peak_rss_mb"]),
        ]
        if run.get("ratio_vs_spacy_same_processes"):
            rows.append((f"ratio vs plain spaCy in {run['workers']} processes", run["ratio_vs_spacy_same_processes"]))
        if run.get("ratio_vs_spacy_numpy_matmul"):
            label = f"ratio vs spaCy with numpy matmul, {run['workers']} worker(s)"
            rows.append((label, run["ratio_vs_spacy_numpy_matmul"]))
    if report.get("gate"):
        gate = report["gate"]
        rows.append(("sentences parsed / seen", f"{gate.get('parsed_sentences', '-')} / {gate.get('sentences', '-')}"))
        rows.append(("sentences parsed (share)", gate["parsed_sentence_share"]))
        rows.append(("characters parsed (share)", gate["parsed_char_share"]))
    load = report.get("machine", {}).get("load_average_before")
    if load:
        rows.append(("machine load before (1/5/15 min)", " ".join(str(v) for v in load)))
    return rows
