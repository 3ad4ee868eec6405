"""`faultlines bench`: documents/second and peak memory on a stated corpus."""

from __future__ import annotations

from pathlib import Path

import click

from faultlines.cli.common import echo_json, echo_table, json_option, workers_option


@click.command("bench")
@click.option(
    "--corpus",
    type=click.Path(exists=True, path_type=Path),
    help="Folder or file of articles to process (default: the demo corpus).",
)
@workers_option
@click.option("--no-spacy", is_flag=True, help="Skip the plain-spaCy comparison run.")
@json_option
def command(corpus: Path | None, workers: int, no_spacy: bool, as_json: bool) -> None:
    """Measure ingest throughput (documents/second) and peak memory on a corpus.

    The whole pipeline runs into a temporary database in a fresh process; plain spaCy
    (the full sm pipeline with nlp.pipe) runs over the same texts for comparison.
    """
    from faultlines.bench import DEFAULT_CORPUS, run_benchmark

    report = run_benchmark(corpus or DEFAULT_CORPUS, workers=workers, compare_spacy=not no_spacy)
    if as_json:
        echo_json(report)
        return
    rows = [
        ("corpus", report["corpus"]),
        ("documents", report["documents"]),
        ("workers", report["workers"]),
        ("pipeline docs/second", report["docs_per_second"]),
        ("pipeline peak RSS (MB)", report["peak_rss_mb"]),
        ("model load (s)", report["pipeline"]["model_load_seconds"]),
    ]
    if "spacy" in report:
        rows += [
            ("plain spaCy docs/second", report["spacy_docs_per_second"]),
            ("ratio vs plain spaCy", report["ratio_vs_spacy"]),
        ]
    echo_table(rows, ["measure", "value"])
