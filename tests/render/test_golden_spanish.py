"""The screens in Spanish: every piped screen of a small Spanish tour (golden/tour-es) with
`--lang es`, at 80 columns, against golden files beside the English ones (golden/plain-es), and a
few key lines as exact text. The English goldens (test_golden_plain.py) hold English unchanged.

After a change to how something looks or is translated, rewrite the files with
`EXOTOUR_UPDATE_GOLDENS=1 pytest tests/render/test_golden_spanish.py` and read the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import golden, run_cli

HERE = Path(__file__).resolve().parent
TOUR = HERE / "golden" / "tour-es"
PLAIN = HERE / "golden" / "plain-es"

SCREENS = {
    "welcome": [],
    "summary": ["summary"],
    "summary-all": ["summary", "--all"],
    "sections": ["sections"],
    "glossary": ["glossary"],
    "glossary-term": ["glossary", "YAML"],
    "show": ["show", "escribir-una-seccion"],
    "learn-plain": ["learn", "--plain"],
    "search": ["search", "visita"],
    "export-markdown": ["export", "--format", "markdown"],
}


def _run(
    argv: list[str], capsys: pytest.CaptureFixture[str], mp: pytest.MonkeyPatch, width: int = 80
) -> str:
    mp.setenv("COLUMNS", str(width))
    mp.chdir(TOUR.parent)  # the commands the screens suggest name the folder as given
    result = run_cli(["--lang", "es", "--content", TOUR.name, *argv], capsys)
    assert (result.status, result.err) == (0, "")
    return result.out


@pytest.mark.parametrize("screen", SCREENS)
def test_a_spanish_screen_is_its_golden_file(
    screen: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = _run(SCREENS[screen], capsys, monkeypatch)
    assert "\x1b" not in drawn
    assert drawn == golden(PLAIN / f"{screen}-80.txt", drawn)


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        ([], "Índice (✓ leída)"),
        ([], "Empiece aquí: exotour --content tour-es learn (unos 3 min)"),
        (["summary"], "Las secciones"),
        (["summary", "--all"], "Una idea clave por sección"),
        (["sections"], "leída   #  título                        id                    tiempo"),
        (["glossary"], "Glosario: 2 términos"),
        (["glossary", "YAML"], "En la visita:"),
        (["show", "2"], "Lo que dicen las pruebas (a fecha de 2021-10-01):"),
        (["show", "2"], "  guardada revisada el 6 dic 2026)."),
        (["search", "visita"], "Glosario · Sección"),
    ],
)
def test_key_lines_in_spanish(
    argv: list[str],
    line: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert line in _run(argv, capsys, monkeypatch).splitlines()


@pytest.mark.parametrize(
    ("query", "heading"),
    [
        ("markdown", "1 resultado para 'markdown', los mejores primero"),
        ("corchetes", "1 resultado para 'corchetes', los mejores primero"),
    ],
)
def test_search_counts_its_results_in_spanish(
    query: str, heading: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _run(["search", query], capsys, monkeypatch).splitlines()[0] == heading


def test_spanish_screens_are_no_wider_than_40_columns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for argv in ([], ["summary"], ["glossary"], ["show", "2"]):
        drawn = _run(argv, capsys, monkeypatch, width=40)
        long = [line for line in drawn.splitlines() if len(line) > 40 and "://" not in line]
        assert long == [], argv
