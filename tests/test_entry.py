"""The `exotour` script (exotour.entry): the command lines it is sure of without Typer, with the
same output, errors and exit status as through the Typer app; everything else goes to the app.
tests/test_cli_table.py checks the parser itself against Click's, on any command line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from helpers import PYTHON, child_env, run_cli, run_typer

from exotour import entry

PLAIN = [
    [],
    ["--version"],
    ["search", "collagen"],
    ["search", "exosome", "therapy"],
    ["search", "colagen"],  # nothing found: exit 1 with a suggestion
    ["search", "zzzzqqq"],
    ["summary"],
    ["sections"],
    ["show", "3"],
    ["show", "how does"],
    ["show", "nope"],  # exit 2 with the valid sections
    ["learn"],
    ["learn", "safety"],
    ["glossary"],
    ["glossary", "msc"],
    ["glossary", "no-such-term"],
    ["quiz", "safety"],
    ["--no-color", "summary"],
    ["summary", "--no-color"],  # a global option after the command: folded into Options
    ["--content", "{content}", "sections"],
    ["--content={content}", "show", "1"],
    ["--no-color", "--content", "{content}", "search", "collagen"],
    ["--content", "{missing}", "summary"],  # exit 2: no such folder
    # Options after the command, read from the table generated from cli.py:
    ["search", "--json", "collagen"],
    ["search", "collagen", "--limit", "2"],
    ["search", "-n", "2", "collagen"],
    ["search", "--limit=1", "exosome"],
    ["summary", "--json"],
    ["summary", "--markdown"],
    ["sections", "--json"],
    ["learn", "--plain", "safety"],
    ["export"],
    ["validate"],
    ["validate", "{content}"],
]


@pytest.mark.parametrize("argv", PLAIN, ids=lambda argv: " ".join(argv) or "(none)")
def test_a_plain_command_line_runs_without_typer_as_typer_runs_it(
    argv: list[str],
    content_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = [a.format(content=content_copy, missing=tmp_path / "missing") for a in argv]
    assert entry.plain_call(args) is not None
    results = []
    for name, run in (("entry", run_cli), ("typer", run_typer)):
        monkeypatch.setenv("EXOTOUR_STATE_DIR", str(tmp_path / name))  # the same fresh start
        results.append(run(args, capsys))
    assert results[0] == results[1]


def test_the_content_variable_counts_as_typer_reads_it(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (content_copy / "tour.yaml").write_text(
        (content_copy / "tour.yaml").read_text(encoding="utf-8").replace("guided tour", "TOUR"),
        encoding="utf-8",
    )
    monkeypatch.setenv("EXOTOUR_CONTENT", str(content_copy))
    via_entry = run_cli(["summary"], capsys)
    assert via_entry == run_typer(["summary"], capsys)
    assert "TOUR" in via_entry.out
    monkeypatch.setenv("EXOTOUR_CONTENT", "")  # empty: Click ignores it, and so does entry
    assert run_cli(["summary"], capsys) == run_typer(["summary"], capsys)


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["-h"],
        ["search"],
        ["search", "--", "collagen"],
        ["search", "-n2", "collagen"],  # an attached short value: Click's quirk, Click's job
        ["search", "--limit", "0", "collagen"],  # out of range: Typer's message
        ["search", "--limit", "x", "collagen"],
        ["search", "--json=yes", "collagen"],
        ["search", "--json", "--json", "collagen"],
        ["summary", "extra"],
        ["show"],
        ["show", "1", "2"],
        ["show", "-"],
        ["learn", "1", "2"],
        ["learn", "--help"],
        ["glossary", "a", "b"],
        ["bogus"],
        [""],
        ["--content"],
        ["--content", ""],
        ["--content", "--no-color", "summary"],
        ["--content="],
        ["--content", "a", "--content", "b", "summary"],
        ["--no-color", "--no-color", "summary"],
        ["--version", "summary"],
        ["--no-color", "--version"],
        ["--colour", "summary"],
    ],
    ids=lambda argv: " ".join(argv) or "(none)",
)
def test_any_other_command_line_goes_to_typer(argv: list[str]) -> None:
    assert entry.plain_call(argv) is None


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["search", "--limit", "0", "collagen"],
        ["bogus"],
        ["--content"],
        ["--content", ""],
        ["show", "1", "2"],
    ],
)
def test_typer_answers_what_entry_passes_on(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(argv, capsys) == run_typer(argv, capsys)


def test_a_content_folder_that_cannot_be_read_gets_clicks_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        import os

        if os.access(locked, os.R_OK):  # root reads anything: nothing to check here
            pytest.skip("running as a user who can read any folder")
        argv = ["--content", str(locked), "summary"]
        assert entry.plain_call(argv) is None
        result = run_cli(argv, capsys)
        assert result == run_typer(argv, capsys)
        assert result.status == 2
        assert "is not readable" in result.err
    finally:
        locked.chmod(0o755)


def _imports(*args: str, cwd: Path) -> str:
    """The modules `python -m exotour ARGS` imports, as -X importtime lists them."""
    done = subprocess.run(
        [PYTHON, "-X", "importtime", "-m", "exotour", *args],
        env=child_env(),
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stderr


def test_version_and_a_repeated_search_load_neither_typer_nor_yaml(tmp_path: Path) -> None:
    version = _imports("--version", cwd=tmp_path)
    assert "typer" not in version and "rich" not in version and "exotour.errors" not in version
    _imports("search", "collagen", cwd=tmp_path)  # the first search may read and cache the tour
    again = _imports("search", "collagen", cwd=tmp_path)
    assert "exotour.search.engine" in again
    for module in ("typer", "yaml", "rich.markdown"):
        assert f" {module}\n" not in again, module


def test_a_completion_request_always_goes_to_typer() -> None:
    for argv in (["--version"], ["summary"], ["learn", ""]):
        assert entry.plain_call(argv, {"_EXOTOUR_COMPLETE": "complete_bash"}) is None
