"""docs/exotour.1: every option that --help shows, every variable the program reads, and
nothing that mandoc finds wrong."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import typer
from helpers import REPO

from exotour.cli import app

PAGE = (REPO / "docs" / "exotour.1").read_text(encoding="utf-8")
# A variable read by name: environ.get("X"), variables["X"], getenv("X"), env.flag("X").
_READ = re.compile(
    r"""(?:(?:environ|variables)(?:\.get\(|\[)|getenv\(|flag\()\s*["']([A-Z][A-Z0-9_]+)["']"""
)


def _in_page(word: str) -> bool:
    return word.replace("-", "\\-") in PAGE


def _options() -> list[str]:
    group = typer.main.get_command(app)
    root = typer.Context(group, **group.context_settings)  # -h beside --help
    contexts = [root, *(typer.Context(c, parent=root) for c in group.commands.values())]  # type: ignore[attr-defined]
    names = {
        name
        for context in contexts
        for param in context.command.get_params(context)
        for name in (*param.opts, *param.secondary_opts)
        if name.startswith("-")
    }
    return sorted(names)


def test_every_option_in_help_is_in_the_page() -> None:
    options = _options()
    assert {"-h", "--help", "--content", "--version"} <= set(options)
    assert [name for name in options if not _in_page(name)] == []


def test_every_variable_the_program_reads_is_in_the_page() -> None:
    read = {
        name
        for path in (REPO / "src" / "exotour").rglob("*.py")
        for name in _READ.findall(path.read_text(encoding="utf-8"))
        if not name.startswith("_")  # Typer's completion handshake: not the user's to set
    }
    assert {"EXOTOUR_DEBUG", "NO_COLOR", "COLORFGBG"} <= read
    assert sorted(name for name in read if name not in PAGE) == []


def test_the_page_is_dated_and_holds_no_control_character() -> None:
    assert re.search(r"^\.TH EXOTOUR 1 \d{4}-\d\d-\d\d ", PAGE, re.M)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", PAGE)
    assert all(len(line.encode()) <= 80 for line in PAGE.splitlines())


def test_the_keys_of_learn_are_a_table() -> None:
    table = PAGE[PAGE.index(".TS") : PAGE.index(".TE")]
    assert "next page" in table and "quit (place saved)" in table


@pytest.mark.skipif(shutil.which("mandoc") is None, reason="mandoc is not installed")
def test_mandoc_finds_nothing_wrong() -> None:
    done = subprocess.run(
        ["mandoc", "-T", "lint", str(REPO / "docs" / "exotour.1")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
