"""Typer's own words (its help's headings, "No such command") and exotour's usage hint follow
the chosen language where Typer looks them up with gettext; English stays as it was."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import Result, run_cli, run_typer

from exotour.typer_gettext import lang_option

Runner = Callable[[list[str], pytest.CaptureFixture[str]], Result]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--lang", "es", "--help"], "es"),
        (["--lang=es", "sections"], "es"),
        (["sections", "--lang", "es"], "es"),
        (["--lang"], None),
        (["search", "--", "--lang", "es"], None),
        (["search", "language"], None),
    ],
)
def test_the_lang_option_is_found_before_typer_parses(
    args: list[str], expected: str | None
) -> None:
    assert lang_option(args) == expected


@pytest.mark.parametrize("runner", [run_cli, run_typer])
def test_help_headings_in_spanish(runner: Runner, capsys: pytest.CaptureFixture[str]) -> None:
    result = runner(["--lang", "es", "--help"], capsys)
    assert result.status == 0
    assert "\nOpciones:\n" in result.out
    assert "\nComandos:\n" in result.out
    assert "\nOptions:\n" not in result.out


@pytest.mark.parametrize("runner", [run_cli, run_typer])
def test_an_unknown_command_in_spanish(runner: Runner, capsys: pytest.CaptureFixture[str]) -> None:
    result = runner(["--lang", "es", "nope"], capsys)
    assert result == Result(
        2,
        "",
        "exotour: error: No existe el comando 'nope'.\n"
        "exotour: sugerencia: pruebe 'exotour --help'\n",
    )


@pytest.mark.parametrize("lang", ["C", "en_US.UTF-8"])
def test_english_is_as_it_was(
    lang: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LANGUAGE")
    monkeypatch.setenv("LANG", lang)
    result = run_cli(["nope"], capsys)
    assert result == Result(
        2, "", "exotour: error: No such command 'nope'.\nexotour: hint: try 'exotour --help'\n"
    )
    help_text = run_cli(["--help"], capsys).out
    assert "\nOptions:\n" in help_text
    assert "\nCommands:\n" in help_text


@pytest.mark.parametrize("runner", [run_cli, run_typer])
def test_english_after_spanish_in_one_process(
    runner: Runner, capsys: pytest.CaptureFixture[str]
) -> None:
    """--lang en after a Spanish run in the same process (a library caller): Typer's own words
    are English again, not the Spanish catalogue's."""
    runner(["--lang", "es", "nope"], capsys)
    assert runner(["--lang", "en", "nope"], capsys) == Result(
        2, "", "exotour: error: No such command 'nope'.\nexotour: hint: try 'exotour --help'\n"
    )
    assert "\nOptions:\n" in runner(["--lang", "en", "--help"], capsys).out
