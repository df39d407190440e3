"""EXOTOUR_DEBUG=1 shows the traceback behind an error, before the usual message; without it,
never a traceback."""

from __future__ import annotations

import pytest
from helpers import run_cli

from exotour.commands import summary

BUG = "exotour: error: unexpected RuntimeError: boom\n"
HINT = "exotour: hint: this is a bug in exotour; please report it with the command you ran\n"


def _boom(*args: object, **kwargs: object) -> int:
    raise RuntimeError("boom")


@pytest.fixture
def broken(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(summary, "run", _boom)


@pytest.mark.usefixtures("broken")
def test_a_bug_is_a_message_and_no_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["summary"], capsys)
    assert (result.status, result.out, result.err) == (2, "", BUG + HINT)


@pytest.mark.usefixtures("broken")
@pytest.mark.parametrize("value", ["1", "yes"])
def test_exotour_debug_shows_the_traceback_first(
    value: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXOTOUR_DEBUG", value)
    result = run_cli(["summary"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err.startswith("Traceback (most recent call last):\n")
    assert result.err.endswith("RuntimeError: boom\n" + BUG + HINT)
    assert "in _boom" in result.err


@pytest.mark.parametrize("value", ["", "0"])
def test_exotour_debug_off_shows_none(
    value: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXOTOUR_DEBUG", value)
    result = run_cli(["show", "no-such-section"], capsys)
    assert result.status == 2
    assert "Traceback" not in result.err


def test_exotour_debug_shows_the_traceback_of_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXOTOUR_DEBUG", "1")
    result = run_cli(["show", "no-such-section"], capsys)
    assert result.status == 2
    assert result.err.startswith("Traceback (most recent call last):\n")
    assert "exotour: error: " in result.err
