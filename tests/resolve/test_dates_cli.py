"""`faultlines when`: table and JSON output, bad publication dates."""

from __future__ import annotations

import json

from click.testing import CliRunner

from faultlines.cli import main


def test_when_json_lists_expressions_first_one_first() -> None:
    text = "ISIL seized it on Saturday; two days later it held Rawa, and in April it lost it."
    result = CliRunner().invoke(main, ["when", text, "--published", "2014-06-26", "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert [(e["text"], e["start"], e["end"], e["precision"]) for e in found] == [
        ("Saturday", "2014-06-21", "2014-06-21", "day"),
        ("two days later", "2014-06-23", "2014-06-23", "day"),
        ("April", "2014-04-01", "2014-04-30", "month"),
    ]


def test_when_without_publication_date_shows_why_in_the_table() -> None:
    result = CliRunner().invoke(main, ["when", "The town fell on Wednesday, 25 June 2014 or on Friday."])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:4] == ["expression", "start", "end", "precision"]
    assert any("2014-06-25" in line for line in lines)
    friday = next(line for line in lines if line.startswith("Friday"))
    assert "publication date" in friday


def test_when_rejects_a_bad_publication_date() -> None:
    result = CliRunner().invoke(main, ["when", "on Monday", "--published", "26/06/2014"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output
