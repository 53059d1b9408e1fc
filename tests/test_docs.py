"""The README stays true: its first commands set up and run, every CLI command is documented."""

from __future__ import annotations

import re
from pathlib import Path

import click

from natospend.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    out = []
    for name, cmd in group.commands.items():
        full = f"{prefix}{name}"
        if isinstance(cmd, click.Group):
            out += _commands(cmd, full + " ")
            if cmd.invoke_without_command or name == "aid":
                out.append(full)
        else:
            out.append(full)
    return out


def test_readme_starts_with_the_two_commands_and_ci_runs_the_second():
    blocks = re.findall(r"^    (python3 -m venv .+)$", README, re.M)
    assert len(blocks) >= 2
    run, test = blocks[0], blocks[1]
    assert "requirements.lock" in run and run.endswith("natospend serve")
    assert "requirements-dev.lock" in test and test.endswith("python -m pytest")
    assert README.index(run) < 600, "the run command must be at the top of the README"
    assert test in (ROOT / ".ci" / "run").read_text("utf-8")
    for lock in ("requirements.lock", "requirements-dev.lock"):
        assert (ROOT / lock).is_file()


def test_every_command_is_in_the_readme_and_has_an_example():
    for name in _commands(main):
        assert f"natospend {name}" in README, f"'natospend {name}' is not in the README"
    leaves: list[tuple[str, click.Command]] = []
    stack: list[tuple[str, click.Command]] = list(main.commands.items())
    while stack:
        name, cmd = stack.pop()
        if isinstance(cmd, click.Group):
            stack += [(f"{name} {n}", c) for n, c in cmd.commands.items()]
            if cmd.invoke_without_command:
                leaves.append((name, cmd))
        else:
            leaves.append((name, cmd))
    missing = [n for n, c in leaves if n != "build-data" and "Example:" not in (c.help or "")]
    assert missing == [], f"--help without an example: {missing}"
