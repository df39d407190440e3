"""Long output on a terminal goes through $PAGER (a fake one here, which records what it is
given); --no-pager, short output, a pipe and a pager that cannot start all print instead."""

from __future__ import annotations

import stat
from pathlib import Path

import pexpect
import pytest
from helpers import run_cli
from terminals import Terminals, finish, plain

from exotour.model import Tour


@pytest.fixture
def pager(tmp_path: Path) -> Path:
    """A pager that writes what it reads, and the LESS it was given, beside itself."""
    script = tmp_path / "fake-pager"
    script.write_text(
        '#!/bin/sh\nprintf "%s" "$LESS" > "$0.less"\ncat > "$0.read"\necho PAGER-DONE\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def read(pager: Path) -> str | None:
    path = pager.with_name(pager.name + ".read")
    return plain(path.read_text(encoding="utf-8")) if path.exists() else None


@pytest.mark.slow
@pytest.mark.parametrize("args", [["summary"], ["show", "4"], ["sections"], ["glossary"]])
def test_long_output_goes_through_the_pager(
    term: Terminals, pager: Path, tour: Tour, args: list[str]
) -> None:
    child = term.exotour(*args, rows=8, cols=80, PAGER=str(pager))
    child.expect_exact("PAGER-DONE")
    assert finish(child) == 0
    shown = read(pager)
    assert shown is not None
    if args == ["summary"]:
        assert shown.startswith(f"{tour.title} · summary")
    assert "\x1b[" in pager.with_name(pager.name + ".read").read_text(encoding="utf-8")
    assert pager.with_name(pager.name + ".less").read_text(encoding="utf-8") == "FRX"


@pytest.mark.slow
def test_a_less_setting_of_the_reader_is_kept(term: Terminals, pager: Path) -> None:
    child = term.exotour("summary", rows=12, PAGER=str(pager), LESS="-R")
    child.expect_exact("PAGER-DONE")
    assert finish(child) == 0
    assert pager.with_name(pager.name + ".less").read_text(encoding="utf-8") == "-R"


@pytest.mark.slow
@pytest.mark.parametrize(
    "args", [["--no-pager", "summary"], ["summary", "--no-pager"], ["show", "4", "--no-pager"]]
)
def test_no_pager_prints(term: Terminals, pager: Path, tour: Tour, args: list[str]) -> None:
    child = term.exotour(*args, rows=12, PAGER=str(pager))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert read(pager) is None
    assert "PAGER-DONE" not in child.before


@pytest.mark.slow
def test_output_that_fits_the_screen_is_printed(term: Terminals, pager: Path) -> None:
    child = term.exotour("glossary", "exosome", rows=40, cols=100, PAGER=str(pager))
    assert finish(child) == 0
    assert read(pager) is None


@pytest.mark.slow
def test_a_pager_that_cannot_start_falls_back_to_printing(term: Terminals, tour: Tour) -> None:
    child = term.exotour("summary", rows=12, PAGER="/no/such/pager -R")
    child.expect_exact("The bottom line")
    assert finish(child) == 0


def test_a_pipe_never_gets_the_pager(
    pager: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAGER", str(pager))
    monkeypatch.setenv("FORCE_COLOR", "1")  # styled, but still a pipe
    result = run_cli(["summary"], capsys)
    assert result.status == 0 and "\x1b[" in result.out
    assert read(pager) is None
