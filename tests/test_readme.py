"""The README's command table matches the app: every command is there, with its --help line."""

from __future__ import annotations

import re

import typer
from helpers import REPO
from typer.core import TyperArgument as Argument
from typer.core import TyperGroup as Group
from typer.core import TyperOption as Option

from exotour.cli import app
from exotour.model import Tour

README = (REPO / "README.md").read_text(encoding="utf-8")


def _group() -> Group:
    group = typer.main.get_command(app)
    assert isinstance(group, Group)
    return group


def _rows() -> dict[str, tuple[str, str]]:
    """The command table: {command name, or a row's usage if it has none: (usage, description)}."""
    rows: dict[str, tuple[str, str]] = {}
    for line in README.splitlines():
        match = re.match(r"^\| `(exotour(?: ([a-z][a-z-]*))?[^`]*)` \| (.+) \|$", line)
        if match:
            usage = match[1].replace("\\|", "|")
            rows.setdefault(match[2] or usage, (usage, match[3]))
    return rows


def _summary_line(help_text: str | None) -> str:
    return " ".join((help_text or "").split("\n\n")[0].split())


def test_every_command_has_help_text() -> None:
    for name, command in _group().commands.items():
        assert _summary_line(command.help), f"exotour {name} has no help text"
        for param in command.params:
            if isinstance(param, Option) and "--help" not in param.opts:
                assert param.help, f"exotour {name} {param.opts[0]} has no help text"
            if isinstance(param, Argument):
                assert getattr(param, "help", None), f"exotour {name} {param.name} has no help"


def test_every_command_is_in_the_readme_table_as_its_help_says() -> None:
    rows = _rows()
    for name, command in _group().commands.items():
        assert name in rows, f"exotour {name} is missing from the README's command table"
        usage, description = rows[name]
        assert description == _summary_line(command.help), f"the README's line for {name}"
        for param in command.params:
            if isinstance(param, Option) and "--help" not in param.opts:
                longest = max(param.opts, key=len)
                assert longest in usage, f"{longest} is missing from the README's {name} row"
            if isinstance(param, Argument):
                metavar = param.metavar or (param.name or "").upper()
                assert metavar.strip("{}[].") in usage, f"{metavar} missing from {name}'s row"
    named = {key for key in rows if not key.startswith("exotour")}
    assert named <= set(_group().commands), "the README lists a command the app lacks"


def test_the_global_options_and_the_welcome_screen_are_in_the_table() -> None:
    rows = _rows()
    assert "exotour" in rows  # `exotour` alone: the welcome screen
    cells = " ".join(usage for usage, _ in rows.values())
    for param in _group().params:
        if isinstance(param, Option) and "--help" not in param.opts:
            assert max(param.opts, key=len) in cells, f"{param.opts} missing from the README"


def test_the_readme_opens_with_a_text_screenshot_that_any_page_shows(tour: Tour) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("shots", REPO / "scripts" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    shots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shots)
    block = README.split(shots.START, 1)[1].split(shots.END, 1)[0]
    assert f"Section 1 of {len(tour.sections)}" in block
    assert f"1. {tour.sections[0].title}" in block
    assert "![" not in README  # no image by a relative path: it would break on an index page
    assert shots.with_text_screenshot(README, "a\nb") == shots.with_text_screenshot(
        shots.with_text_screenshot(README, "x"), "a\nb"
    )


def _first_block_after(heading: str) -> str:
    """The first ```sh block under HEADING, as its one line."""
    part = README.split(heading, 1)[1]
    match = re.search(r"```sh\n(.+?)\n```", part, re.S)
    assert match, heading
    return match[1]


def test_the_install_and_test_commands_work_on_a_stock_debian_python() -> None:
    """A Python that refuses `pip install` outside a virtual environment (PEP 668) runs both:
    each makes its environment first. CI runs the test command word for word."""
    install = _first_block_after("## Install and run")
    assert (
        install == "python3 -m venv .venv && . .venv/bin/activate && pip install . && exotour learn"
    )
    tests = _first_block_after("## Run the tests")
    assert tests.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install ")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci
