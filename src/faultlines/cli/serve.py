"""`faultlines serve`: the REST API and the local web UI."""

from __future__ import annotations

import click

from faultlines.cli.common import db_option


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (local only by default).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--write", is_flag=True, help="Accept analyst corrections (merge, alias, reject/edit event).")
@db_option
def command(host: str, port: int, write: bool, db_path: str) -> None:
    """Serve the REST API (OpenAPI at /docs) and the web UI at http://HOST:PORT/."""
    from faultlines.web.server import serve

    click.echo(f"faultlines web UI: http://{host}:{port}/  (API docs: /docs; {'write' if write else 'read-only'})")
    serve(db_path, host=host, port=port, write=write)
