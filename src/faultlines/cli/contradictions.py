"""`faultlines contradictions`: where sources disagree, and the value chosen."""

from __future__ import annotations

import json

import click

import faultlines
from faultlines.cli.common import db_option, echo_json, echo_table, json_option


@click.command("contradictions")
@db_option
@json_option
def command(db_path: str, as_json: bool) -> None:
    """List disagreements between sources (dates, holders, fatalities, occurred vs denied) with the chosen value."""
    with faultlines.open(db_path) as fl:
        rows = fl.contradictions()
    if as_json:
        echo_json(rows)
        return
    echo_table(
        [
            (
                c["id"],
                c["subject"].get("label") or f"{c['subject']['kind']} {c['subject']['id']}",
                c["field"],
                " | ".join(json.dumps(claim["value"], ensure_ascii=False) for claim in c["claims"]),
                json.dumps(c["chosen"], ensure_ascii=False),
                c["rule"],
            )
            for c in rows
        ],
        ["id", "subject", "field", "claims", "chosen", "rule"],
    )
