"""--lang and EXOTOUR_LANG choose the interface language, through either door (the script's
fast path and the Typer app), before every locale variable; an unknown one is English."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import Result, run_cli, run_typer

from exotour import i18n

Runner = Callable[[list[str], pytest.CaptureFixture[str]], Result]
RUNNERS = [run_cli, run_typer]


@pytest.mark.parametrize("runner", RUNNERS)
@pytest.mark.parametrize(
    ("option", "expected"), [("es", "es"), ("es_MX.UTF-8", "es"), ("en", "en"), ("xx", "en")]
)
def test_lang_chooses_the_language(
    runner: Runner,
    option: str,
    expected: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANGUAGE", "es" if expected == "en" else "en")
    result = runner(["--lang", option, "glossary", "--json"], capsys)
    assert (result.status, result.err) == (0, "")
    assert i18n.current() == expected


@pytest.mark.parametrize("runner", RUNNERS)
def test_exotour_lang_chooses_it_and_the_option_wins(
    runner: Runner, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXOTOUR_LANG", "es")
    assert runner(["glossary", "--json"], capsys).status == 0
    assert i18n.current() == "es"
    i18n.use(None)
    assert runner(["--lang", "en", "glossary", "--json"], capsys).status == 0
    assert i18n.current() == "en"


def test_the_locale_variables_choose_it_without_the_option(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LANGUAGE")
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    assert run_cli(["glossary", "--json"], capsys).status == 0
    assert i18n.current() == "es"
