"""Every command explains itself."""

from __future__ import annotations

from click.testing import CliRunner

from faultlines.cli import main


def _commands() -> list[str]:
    ctx = main.make_context("faultlines", ["--help"], resilient_parsing=True)
    return main.list_commands(ctx)


def test_top_level_help_lists_every_command_with_a_description() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in _commands():
        line = next(line for line in result.output.splitlines() if line.strip().startswith(name + " "))
        assert len(line.split(None, 1)[1]) > 10, f"{name} has no help text"


def test_each_command_and_subcommand_has_help_text_and_documented_options() -> None:
    runner = CliRunner()
    expected = {"ingest", "reprocess", "docs", "stats", "bench", "score"}
    assert expected <= set(_commands())
    stack: list[list[str]] = [[name] for name in _commands()]
    while stack:
        path = stack.pop()
        result = runner.invoke(main, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        command = main
        for part in path:
            command = command.get_command(None, part)  # type: ignore[arg-type,assignment]
        assert command.help and len(command.help) > 20, f"{' '.join(path)} lacks help text"
        for param in command.params:
            if param.param_type_name == "option" and param.name != "help":
                assert getattr(param, "help", None), f"{' '.join(path)} option {param.name} lacks help"
        if hasattr(command, "list_commands"):
            stack += [[*path, sub] for sub in command.list_commands(None)]  # type: ignore[arg-type]
