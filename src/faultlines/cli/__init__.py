"""The ``faultlines`` command line: a thin shell over the library.

Every module in this package that defines a click command named ``command`` is a
sub-command (one module per command, as in spaCy's CLI).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from faultlines import __version__
from faultlines.errors import FaultlinesError


class _Main(click.Group):
    """Lazily collects sub-commands from the modules of this package."""

    def _load(self) -> None:
        if getattr(self, "_loaded", False):
            return
        for info in pkgutil.iter_modules(__path__):
            if info.name.startswith("_") or info.name == "common":
                continue
            module = importlib.import_module(f"{__name__}.{info.name}")
            command = getattr(module, "command", None)
            if isinstance(command, click.Command):
                self.add_command(command)
        self._loaded = True

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._load()
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except FaultlinesError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="faultlines")
def main() -> None:
    """faultlines: conflict news in, a source-linked, time-aware model of the conflict out.

    Start with `faultlines ingest PATH...`, then ask with `docs`, `stats` and the other
    commands below. Every command takes --help.
    """


if __name__ == "__main__":  # pragma: no cover
    main()
