"""COLUMNS (and LINES) that make no sense are ignored: the output is the one of 80 columns,
never empty."""

from __future__ import annotations

import pytest
from helpers import run_cli
from hypothesis import given
from hypothesis import strategies as st

from exotour.render.console import sized

COMMANDS = [["summary"], ["sections"], ["glossary"], ["show", "3"], ["learn", "--plain"]]


@pytest.mark.parametrize("columns", ["0", "-1", "-80", "abc", "", " 80", "99999999999", "٣"])
@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_a_columns_value_that_makes_no_sense_is_ignored(
    argv: list[str],
    columns: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wide = run_cli(argv, capsys)  # no COLUMNS: 80 columns in a pipe
    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setenv("LINES", columns)
    result = run_cli(argv, capsys)
    assert (result.status, result.err) == (0, "")
    assert result.out.strip()
    assert result.out == wide.out


@given(st.text(max_size=12))
def test_sized_keeps_only_a_size_a_terminal_could_have(value: str) -> None:
    kept = sized({"COLUMNS": value, "LINES": value, "TERM": "xterm"})
    assert kept["TERM"] == "xterm"
    if "COLUMNS" in kept:
        assert kept["COLUMNS"] == kept["LINES"] == value
        assert value.isascii() and 1 <= int(value) <= 10_000


def test_a_sensible_columns_value_is_kept() -> None:
    assert sized({"COLUMNS": "40", "LINES": "15"}) == {"COLUMNS": "40", "LINES": "15"}
