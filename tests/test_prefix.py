"""Suggested commands name the tour they came from: with `--content DIR` on the command line, every
command exotour suggests begins `exotour --content DIR`, so copying it opens the same tour; with
EXOTOUR_CONTENT (still in effect for the next command) it begins with `exotour` alone."""

from __future__ import annotations

import io
import json
import shlex
from pathlib import Path

import pytest
from helpers import Result, run_cli, write_content
from rich.console import Console
from rich.text import Text

from exotour import entry
from exotour.commands import Options, command_prefix
from exotour.content.loader import load_tour
from exotour.errors import ExitStatus
from exotour.render.command_rows import described, numbered
from exotour.state.progress import ProgressStore, Saved
from exotour.tui.glossary_overlay import page_overlay
from exotour.tui.walkthrough import Position, Walkthrough

TOUR_YAML = """\
id: tiny
title: A tiny tour
disclaimer: Not medical advice.
sections:
  - one
  - summary
"""
ONE_YAML = """\
id: one
title: One
takeaway: It is the first.
body: An exosome carries collagen.
quiz:
  - question: What is one?
    choices: [A number, A colour]
    answer: 1
    explanation: It counts.
"""
# Long enough that `exotour summary` keeps only its start and says where the rest is.
SUMMARY_YAML = "id: summary\ntitle: Summary\ntakeaway: The gist.\nbody: |\n" + "".join(
    f"  Paragraph {n}: {'words ' * 40}\n\n" for n in range(1, 30)
)
GLOSSARY_YAML = """\
terms:
  - term: Exosome
    aliases: [exosomes]
    definition: A tiny particle.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A tiny tour in a folder whose path has a space in it."""
    files: dict[str, str | bytes | None] = {
        "tour.yaml": TOUR_YAML,
        "sections/one.yaml": ONE_YAML,
        "sections/summary.yaml": SUMMARY_YAML,
        "glossary.yaml": GLOSSARY_YAML,
    }
    return write_content(tmp_path / "my tours" / "tiny", files)


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """A width that folds no line, so each command is found whole on its line."""
    monkeypatch.setenv("COLUMNS", "1000")


def with_content(folder: Path) -> str:
    return f"exotour --content {shlex.quote(str(folder))}"


# (the command line after the global options, its stdin, what its output must hold) where
# {p} is how every suggested command begins.
CASES: dict[str, tuple[list[str], str, list[str]]] = {
    "summary": (["summary"], "", ["1. One      {p} learn one", "summary: {p} summary --all"]),
    "summary --all": (
        ["summary", "--all"],
        "",
        ["One  {p} learn one", "… all of it: {p} show summary"],
    ),
    "summary --json": (["summary", "--json"], "", ['"command": "{p} learn one"']),
    "summary --markdown": (["summary", "--markdown"], "", ["1. **One** (`{p} learn one`)"]),
    "show": (["show", "1"], "", ["Next: {p} show 2   Page by page: {p} learn one"]),
    "sections": (["sections"], "", ["read one: {p} show N or {p} learn ID"]),
    "glossary": (["glossary"], "", ["One term in full: {p} glossary TERM"]),
    "glossary TERM": (["glossary", "exosome"], "", ["1. One\n", "{p} learn one --at exosome"]),
    "quiz": (["quiz"], "2\n", ["Sections to review:", "1. One {p} learn 1"]),
    "welcome": (
        [],
        "",
        ["Start here: {p} learn (about", "{p} summary  ", "e.g. {p} search collagen"],
    ),
    "search": (["search", "collagen"], "", ["  {p} learn one --at collagen"]),
    "search --json": (
        ["search", "--json", "collagen"],
        "",
        ['"command": "{p} learn one --at collagen"'],
    ),
    "learn --plain": (
        ["learn", "--plain"],
        "",
        ["End of the tour. Next: '{p} summary' for the gist, '{p} quiz' to check."],
    ),
}


def run(
    argv: list[str], stdin: str, capsys: pytest.CaptureFixture[str], mp: pytest.MonkeyPatch
) -> Result:
    mp.setattr("sys.stdin", io.StringIO(stdin))
    result = run_cli(argv, capsys)
    assert (result.status, result.err) == (0, ""), result.err
    return result


@pytest.mark.parametrize("case", CASES)
def test_with_content_every_suggested_command_names_the_folder(
    case: str, folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    argv, stdin, expected = CASES[case]
    prefix = with_content(folder)
    assert prefix == f"exotour --content '{folder}'"  # quoted: the path has a space
    out = run(["--content", str(folder), *argv], stdin, capsys, monkeypatch).out
    for text in expected:
        assert text.format(p=prefix) in out
    # Every command it names is a whole one: none begins `exotour` without the folder.
    assert out.count("exotour") == out.count(prefix)


@pytest.mark.parametrize("case", CASES)
def test_with_the_variable_suggested_commands_stay_plain(
    case: str, folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    argv, stdin, expected = CASES[case]
    monkeypatch.setenv("EXOTOUR_CONTENT", str(folder))
    out = run(argv, stdin, capsys, monkeypatch).out
    for text in expected:
        assert text.format(p="exotour") in out
    assert "--content" not in out


def test_summary_json_commands_name_the_folder(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = run(["--content", str(folder), "summary", "--json"], "", capsys, monkeypatch).out
    commands = [t["command"] for t in json.loads(out)["takeaways"]]
    assert commands == [
        f"{with_content(folder)} learn one",
        f"{with_content(folder)} learn summary",
    ]
    # The command, split as a shell would, opens the same folder.
    assert shlex.split(commands[0]) == ["exotour", "--content", str(folder), "learn", "one"]


def run_entry(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Result:
    """As the `exotour` script runs: the fast path for plain command lines."""
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_info:
        entry.main(argv)
    captured = capsys.readouterr()
    return Result(int(exit_info.value.code or 0), captured.out, captured.err)


@pytest.mark.parametrize("argv", [["summary"], ["sections"], ["show", "1"], []])
def test_the_script_s_fast_path_names_the_folder_too(
    argv: list[str], folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--content", str(folder), *argv]
    assert entry.plain_call(args) is not None
    result = run_entry(args, capsys)
    assert (result.status, result.err) == (0, "")
    assert f"{with_content(folder)} " in result.out
    assert result.out.count("exotour") == result.out.count(with_content(folder))


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (["glossary", "zzz"], "'{p} glossary' lists all 1 terms"),
        (["quiz", "summary"], "sections with questions: 1; or '{p} quiz' for all"),
        (["summary", "--json", "--markdown"], "'{p} summary --json' or '{p} summary --markdown'"),
    ],
)
def test_hints_name_the_folder(
    argv: list[str], hint: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(["--content", str(folder), *argv], capsys)
    assert result.status == 2 and result.out == ""
    assert hint.format(p=with_content(folder)) in result.err


def test_the_variable_naming_another_folder_does_not_hide_the_option(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = Options(folder)
    monkeypatch.setenv("EXOTOUR_CONTENT", str(tmp_path / "elsewhere"))
    assert command_prefix(options) == with_content(folder)  # the variable opens another tour
    monkeypatch.setenv("EXOTOUR_CONTENT", str(folder))
    assert command_prefix(options) == "exotour"
    monkeypatch.delenv("EXOTOUR_CONTENT")
    assert command_prefix(Options()) == "exotour"


# -- the walkthrough -------------------------------------------------------------------------------


def rendered(renderable: object, width: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    with console.capture() as capture:
        console.print(renderable)
    return [line.rstrip() for line in capture.get().splitlines()]


def flat(renderable: object) -> str:
    return " ".join(" ".join(rendered(renderable, 100)).split())


def test_learn_gives_the_walkthrough_the_prefix(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    prefixes: list[str] = []

    def run(walkthrough: Walkthrough) -> ExitStatus:
        prefixes.append(walkthrough.prefix)
        return ExitStatus.OK

    monkeypatch.setattr("exotour.render.console.is_interactive", lambda console: True)
    monkeypatch.setattr(Walkthrough, "run", run)
    assert run_cli(["--content", str(folder), "learn"], capsys).status == 0
    monkeypatch.setenv("EXOTOUR_CONTENT", str(folder))
    assert run_cli(["learn"], capsys).status == 0
    assert prefixes == [with_content(folder), "exotour"]


def test_the_walkthrough_s_closing_panel_and_glossary_name_the_folder(
    folder: Path, tmp_path: Path
) -> None:
    tour = load_tour(folder)
    console = Console(file=io.StringIO(), width=100, height=24, color_system=None)
    store = ProgressStore(tmp_path / "state", tour.id)
    prefix = "exotour --content 'a b'"
    walk = Walkthrough(tour, console, store, Saved(), Position(0), prefix=prefix)
    overlay = page_overlay(walk)  # the `w` key: the terms on this page
    assert f"'{prefix} glossary TERM' shows one term" in flat(overlay.screen((100, 24)))
    walk.position = Position(len(tour.sections))
    closing = flat(walk.screen())
    for command in ("summary", "quiz", "learn N"):
        assert f"{prefix} {command}" in closing
    plain = Walkthrough(tour, console, store, Saved(), Position(len(tour.sections)))
    assert "  exotour summary    the gist" in "\n".join(rendered(plain.screen(), 100))


# -- rows of commands ------------------------------------------------------------------------------


def test_a_command_that_fits_sits_beside_its_title() -> None:
    rows = [(1, Text("One"), "exotour learn 1"), (12, Text("Twelve"), "exotour learn 12")]
    assert rendered(numbered(rows), 40) == [
        " 1. One    exotour learn 1",
        "12. Twelve exotour learn 12",
    ]
    assert rendered(described([("exotour quiz", "check")]), 40) == ["exotour quiz  check"]


def test_a_command_too_long_to_sit_beside_its_title_gets_a_line_of_its_own() -> None:
    command = "exotour --content '/a/long folder/of tours' learn 2"
    lines = rendered(numbered([(2, Text("Two"), command)]), 60)
    assert lines == ["2. Two", f"   {command}"]
    lines = rendered(described([(command, "open section 2")]), 60)
    assert lines == [command, "  open section 2"]
    assert not any("…" in line for line in rendered(numbered([(2, Text("Two"), command)]), 30))
