"""Every command explains itself with an example, as the README promises."""

from __future__ import annotations

import typer
from typer.main import get_command

from minewatch.cli import app


def _commands(group, prefix: str = ""):
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}", cmd


def test_every_command_has_an_example() -> None:
    root = get_command(app)
    assert isinstance(root, typer.core.TyperGroup)
    missing = [name for name, cmd in _commands(root) if "Example:" not in (cmd.help or "")]
    assert not missing, f"commands without an Example: {missing}"
