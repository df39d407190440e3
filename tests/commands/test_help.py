"""Help and options: every --help fits 80 columns whole, argument names are one style, and
--no-color is accepted after the command too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from helpers import run_cli
from terminals import Terminals, finish

from exotour.cli import app

COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
# A usage line's names: OPTIONS, SECTION, [SECTION], QUERY..., COMMAND [ARGS]...
USAGE_WORD = re.compile(r"^\[?[A-Z]+\]?(\.\.\.)?$")


def _help(args: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    result = run_cli([*args, "--help"], capsys)
    assert (result.status, result.err) == (0, "")
    return result.out.splitlines()


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_fits_80_columns_and_cuts_no_description(
    command: str | None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    lines = _help([command] if command else [], capsys)
    for line in lines:
        assert len(line) <= 80, line
        assert line.startswith("Usage:") or not line.endswith("..."), line


def test_the_command_list_shows_each_description_whole(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    lines = _help([], capsys)
    listed = {line.split()[0]: line for line in lines[lines.index("Commands:") + 1 :] if line}
    assert sorted(listed) == COMMANDS
    for name, command in typer.main.get_command(app).commands.items():  # type: ignore[attr-defined]
        short = command.get_short_help_str(limit=1000)
        assert listed[name].split(None, 1)[1] == short, name


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_argument_names_are_one_style(
    command: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _help([command] if command else [], capsys)
    usage = lines[0].split()
    assert usage[:2] == ["Usage:", "exotour"]
    words = usage[3:] if command else usage[2:]
    assert words and all(USAGE_WORD.match(word) for word in words), lines[0]
    text = "\n".join(lines)
    assert not re.search(r"<[a-z ]+>|\{[a-zA-Z]+\}", text)  # no <int range>, <path>, {query}


def test_the_names_in_use() -> None:
    from typer.testing import CliRunner

    runner = CliRunner()
    usages = {
        name: runner.invoke(app, [name, "--help"], env={"COLUMNS": "80"}).output.splitlines()[0]
        for name in ("learn", "search", "show", "glossary", "quiz", "validate")
    }
    assert usages == {
        "learn": "Usage: exotour learn [OPTIONS] [SECTION]",
        "search": "Usage: exotour search [OPTIONS] QUERY...",
        "show": "Usage: exotour show [OPTIONS] SECTION",
        "glossary": "Usage: exotour glossary [OPTIONS] [TERM]",
        "quiz": "Usage: exotour quiz [OPTIONS] [SECTION]",
        "validate": "Usage: exotour validate [OPTIONS] [DIR]",
    }


def test_learn_help_lists_the_keys(capsys: pytest.CaptureFixture[str]) -> None:
    text = "\n".join(_help(["learn"], capsys))
    keys = ("→ n Space Enter j f PgDn", "← p Backspace k b PgUp", "Ctrl-O", "Esc")
    for key in (*keys, "q Ctrl-C"):
        assert key in text


# -- --no-color after the command ----------------------------------------------------------------

RUNS = [
    ["learn", "--plain", "3"],
    ["search", "collagen"],
    ["summary"],
    ["sections"],
    ["show", "3"],
    ["export"],
    ["glossary"],
    ["glossary", "msc"],
    ["quiz"],
    ["validate"],
]


@pytest.mark.parametrize("args", RUNS, ids=lambda args: " ".join(args))
def test_no_color_after_the_command_is_the_same_as_before_it(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(""))
    before = run_cli(["--no-color", *args], capsys)
    after = run_cli([*args, "--no-color"], capsys)
    assert after == before
    assert after.status in (0, 1) and "error" not in after.err


def test_every_command_takes_no_color() -> None:
    for name, command in typer.main.get_command(app).commands.items():  # type: ignore[attr-defined]
        assert any("--no-color" in p.opts for p in command.params), name


@pytest.mark.slow
@pytest.mark.parametrize("args", [["summary"], ["glossary", "msc"], ["show", "2"]])
def test_no_color_after_the_command_means_no_colour_on_a_terminal(
    term: Terminals, args: list[str], tmp_path: Path
) -> None:
    import re

    from helpers import COLOUR_SGR

    coloured = term.exotour(*args, rows=60, cols=100, PAGER="cat")
    assert finish(coloured) == 0
    assert "\x1b[" in coloured.before  # a terminal gets styles and colour ...
    child = term.exotour(*args, "--no-color", rows=60, cols=100, PAGER="cat")
    assert finish(child) == 0
    # ... unless told otherwise; bold and underline may stay (NO_COLOR forbids colour only).
    assert not re.search(COLOUR_SGR, child.before)
