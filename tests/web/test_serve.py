"""`faultlines serve`: local by default, and a clear fix when the front-end libraries are missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from faultlines.cli import main
from faultlines.cli.serve import command
from faultlines.errors import ModelError
from faultlines.web.server import REQUIRED_FILES, check_vendor


def test_serve_binds_to_localhost_and_is_read_only_by_default() -> None:
    params = {p.name: p for p in command.params}
    assert params["host"].default == "127.0.0.1"
    assert getattr(params["write"], "is_flag", False)  # corrections only when asked for
    help_text = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "--write" in help_text and "--port" in help_text


def test_missing_front_end_libraries_say_how_to_install_them(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as caught:
        check_vendor(tmp_path)
    assert "scripts/bootstrap.py" in (caught.value.hint or "")
    for name in REQUIRED_FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    check_vendor(tmp_path)
