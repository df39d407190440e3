"""At home in its ecosystem: tab completion, the manual page, and a tour author's loop
(`new`, `validate --watch`), each through the same entry point as the installed script."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path
from types import ModuleType

import pytest
from helpers import REPO, run_cli, write_content

from exotour.model import Tour


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- completion -----------------------------------------------------------------------------------


def _complete(
    line: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> list[str]:
    """What bash is offered for the last word of LINE (a trailing space: a new word)."""
    words = line.split(" ")
    monkeypatch.setenv("_EXOTOUR_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", line)
    monkeypatch.setenv("COMP_CWORD", str(len(words) - 1))
    result = run_cli([], capsys)
    assert (result.status, result.err) == (0, "")
    return [word for word in result.out.splitlines() if word]  # none: one empty line


def test_completion_offers_section_ids_after_learn(
    tour: Tour, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    offered = _complete("exotour learn ", monkeypatch, capsys)
    assert offered == [section.id for section in tour.sections]


def test_completion_offers_what_starts_with_the_word(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "safety" in _complete("exotour show sa", monkeypatch, capsys)
    assert _complete("exotour quiz 3", monkeypatch, capsys) == ["3"]
    assert "MSC" in _complete("exotour glossary MS", monkeypatch, capsys)
    assert _complete("exotour sec", monkeypatch, capsys) == ["sections"]
    assert "--limit" in _complete("exotour search --", monkeypatch, capsys)


def test_completion_follows_content_and_stays_quiet_on_a_broken_tour(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    tiny = write_content(tmp_path / "tiny")
    assert _complete(f"exotour --content {tiny} learn ", monkeypatch, capsys) == ["one"]
    broken = write_content(tmp_path / "broken", {"tour.yaml": "id: [\n"})
    assert _complete(f"exotour --content {broken} learn ", monkeypatch, capsys) == []
    missing = tmp_path / "missing"
    assert _complete(f"exotour --content {missing} glossary ", monkeypatch, capsys) == []


def test_the_completion_script_is_there_to_install(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["--show-completion", "bash"], capsys)
    assert result.status == 0
    assert "_EXOTOUR_COMPLETE=complete_bash" in result.out


# -- the manual page ------------------------------------------------------------------------------


def test_the_manual_page_is_generated_from_the_app_as_it_is_now() -> None:
    page = REPO / "docs" / "exotour.1"
    assert page.read_text(encoding="utf-8") == _script("manpage").render(), (
        "the manual page differs from cli.py: run `python scripts/manpage.py`"
    )


def test_the_spanish_manual_page_is_generated_from_the_translated_help() -> None:
    page = (REPO / "docs" / "es" / "exotour.1").read_text(encoding="utf-8")
    assert page == _script("manpage").render(language="es"), (
        "the Spanish manual page differs from cli.py: run `python scripts/manpage.py`"
    )
    for heading in ("NOMBRE", "SINOPSIS", "COMANDOS", "ENTORNO"):
        assert f"\n.SH {heading}\n" in page
    assert "\\fBexotour learn\\fR" in page
    assert "Lee la visita p\\[u00E1]gina a p\\[u00E1]gina" in page  # learn's help
    assert page.isascii()  # letters with accents as roff escapes


def test_the_manual_page_has_the_usual_sections_and_every_command() -> None:
    page = (REPO / "docs" / "exotour.1").read_text(encoding="utf-8")
    for heading in ("NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "EXIT STATUS", "ENVIRONMENT"):
        assert f"\n.SH {heading}\n" in page
    assert "\n.SH FILES\n" in page
    for command in ("learn", "search", "validate", "new"):
        assert f"\\fBexotour {command}\\fR" in page
    assert "\\-\\-limit" in page and "EXOTOUR_CONTENT" in page


# -- --content '' ---------------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [["--content", "", "summary"], ["--content=", "sections"]])
def test_an_empty_content_folder_is_an_error(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(argv, capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err == (
        "exotour: error: Invalid value for '--content' (env var: 'EXOTOUR_CONTENT'): "
        "an empty path names no folder (for this folder, write '.')\n"
        "exotour: hint: try 'exotour --help'\n"
    )


# -- exotour new ----------------------------------------------------------------------------------


def test_new_writes_a_tour_that_passes_validate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "Knee Tour"
    made = run_cli(["new", str(folder), "--title", 'Knees: "what works"'], capsys)
    assert (made.status, made.err) == (0, "")
    assert made.out.splitlines()[0] == (
        f"Created a tour of 3 sections in {folder}, with schemas for your editor."
    )
    assert f"exotour --content '{folder}' learn --watch" in made.out
    guide = made.out.splitlines()[-1].split()[0]  # the authoring guide, where it is
    assert guide.endswith("authoring.md") and Path(guide).is_file()
    checked = run_cli(["validate", str(folder)], capsys)
    assert (checked.status, checked.err) == (0, "")
    assert checked.out.endswith(": OK\n")
    tour = (folder / "tour.yaml").read_text(encoding="utf-8")
    assert "id: knee-tour\n" in tour and 'title: "Knees: \\"what works\\""\n' in tour
    assert tour.startswith("# yaml-language-server: $schema=schema/tour.schema.json\n")
    assert sorted(p.name for p in (folder / "schema").iterdir()) == [
        "decision.schema.json",
        "glossary.schema.json",
        "section.schema.json",
        "tour.schema.json",
    ]
    shown = run_cli(["--content", str(folder), "summary", "--json"], capsys)
    assert shown.status == 0 and "Knees" in shown.out


def test_new_fills_an_empty_folder_and_leaves_nothing_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    assert run_cli(["new", str(tmp_path / "empty")], capsys).status == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]  # no half-built folder
    assert (tmp_path / "empty" / "tour.yaml").is_file()


def test_new_refuses_a_folder_that_is_not_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    result = run_cli(["new", str(tmp_path / "mine")], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err == (
        f"exotour: error: '{tmp_path / 'mine'}' is not empty; exotour new only writes into a new "
        "or empty folder\n"
        "exotour: hint: choose a new folder name, or remove what is in it\n"
    )
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]


def test_new_refuses_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    result = run_cli(["new", str(tmp_path / "a-file")], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err == (
        f"exotour: error: '{tmp_path / 'a-file'}' exists and is not a folder\n"
        "exotour: hint: choose a new folder name\n"
    )


def test_new_refuses_a_title_the_loader_would_refuse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(["new", str(tmp_path / "t"), "--title", "bad\x1b[31m"], capsys)
    assert (result.status, result.out) == (2, "")
    assert result.err == (
        "exotour: error: cannot make that tour: title: control character U+001B is not allowed "
        "in content\n"
        "exotour: hint: give --title one line of plain text\n"
    )
    assert list(tmp_path.iterdir()) == []


# -- validate --watch ----------------------------------------------------------------------------


def test_validate_watch_checks_again_after_a_change_until_ctrl_c(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_content(tmp_path / "tour")
    naps: list[float] = []

    def nap(seconds: float) -> None:
        """Instead of waiting: the author breaks the tour, then fixes it, then presses Ctrl-C."""
        naps.append(seconds)
        if len(naps) == 1:
            (folder / "sections" / "one.yaml").write_text("id: one\ntitle: One\n", "utf-8")
        elif len(naps) == 2:
            write_content(folder)
        elif len(naps) >= 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(time, "sleep", nap)
    result = run_cli(["validate", str(folder), "--watch"], capsys)
    assert result.status == 130
    verdicts = [line for line in result.out.splitlines() if line.endswith(": OK")]
    assert len(verdicts) == 2  # before the break and after the fix
    assert "sections/one.yaml" in result.out  # the problem in between, with its file
    watching = f"exotour: watching {folder}; Ctrl-C stops"
    assert result.err.count(watching) == 3
    assert "\x1b" not in result.out  # not a terminal: no screen clearing
