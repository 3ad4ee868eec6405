"""`faultlines bench`: the built bench corpus and the JSON report, measured for real."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from faultlines.bench import build_mix_corpus, corpus_texts
from faultlines.cli import main


def test_mix_corpus_holds_distinct_articles_of_about_600_words(tmp_path: Path) -> None:
    described = build_mix_corpus(tmp_path / "mix", documents=12)
    texts = corpus_texts(tmp_path / "mix")
    assert described["documents"] == len(texts) == 12
    assert len(set(texts)) == 12
    words = [len(t.split()) for t in texts]
    assert min(words) >= 600 and described["mean_words"] < 1200
    assert "demo/reports" in described["built_from"]
    # the same seed builds the same corpus (repeatable measurements)
    build_mix_corpus(tmp_path / "again", documents=12)
    assert corpus_texts(tmp_path / "again") == texts


@pytest.mark.slow
def test_bench_json_reports_rates_ratio_memory_and_stage_costs(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["bench", "--json", "--documents", "3", "--workers", "1"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["corpus"]["name"] == "bench-mix"
    assert report["workers"] == 1 and report["documents"] >= 2
    for key in ("docs_per_second", "spacy_docs_per_second", "ratio_vs_spacy", "cpu_ratio_vs_spacy"):
        assert report[key] > 0, key
    assert 100 < report["peak_rss_mb"] < 1536  # the per-worker memory budget
    stages = report["stages"]
    assert {"ner", "parser", "actor_ruler", "actors", "places", "events", "store_and_rest"} <= set(stages)
    assert abs(sum(cost["share"] for cost in stages.values()) - 1.0) < 0.05
    assert 0 < report["gate"]["parsed_sentence_share"] < 1
    # plain spaCy ran over exactly the documents the pipeline analysed, not the near-duplicates ingest dropped
    assert report["spacy"]["documents"] == report["documents"]
    # and once more with its models multiplying on numpy, as the pipeline's do: the gain that is not that
    assert report["spacy_numpy_matmul"]["numpy_matmul"] and not report["spacy"]["numpy_matmul"]
    assert report["runs"][0]["ratio_vs_spacy_numpy_matmul"] > 0
    assert report["machine"]["cpus"] >= 1


def test_bench_rounds_report_medians_and_every_round_s_ratio(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["bench", "--json", "--documents", "2", "--workers", "1", "--rounds", "2"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["rounds"] == 2 and len(report["round_ratios"]) == 2
    low, high = sorted(report["round_ratios"])
    assert low <= report["ratio_vs_spacy"] <= high  # the median lies between the two rounds
    assert report["runs"][0]["docs_per_second"] > 0 and report["spacy"]["docs_per_second"] > 0
