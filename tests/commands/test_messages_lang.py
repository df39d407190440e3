"""The first translated messages (validate's verdicts, the content error and its hint, the
error boundary's hint) in Spanish when the language is Spanish, and in English, byte for byte as
before, under LANG=C and LANG=en_US.UTF-8."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import REPO, Result, run_cli, write_content

from exotour.errors import ContentError, Problem

EXAMPLE = REPO / "examples" / "first-tour"
ENGLISH_OK = "3 sections, 4 glossary terms, 3 questions: OK\n"
SPANISH_OK = "3 secciones, 4 términos del glosario, 3 preguntas: correcto\n"


def broken_tour(root: Path) -> Path:
    """A tour with one problem: a section listed that has no file."""
    return write_content(root, {"sections/one.yaml": None})


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "C"}, ENGLISH_OK),
        ({"LANG": "en_US.UTF-8"}, ENGLISH_OK),
        ({"LANG": "es_ES.UTF-8"}, SPANISH_OK),
        ({"LC_ALL": "es_MX.UTF-8"}, SPANISH_OK),
        ({"EXOTOUR_LANG": "es", "LANG": "C"}, SPANISH_OK),
    ],
)
def test_validate_says_ok_in_the_language(
    environ: dict[str, str],
    expected: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LANGUAGE")
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert run_cli(["validate", str(EXAMPLE)], capsys) == Result(0, expected, "")


def test_lang_es_gives_validate_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["--lang", "es", "validate", str(EXAMPLE)], capsys) == Result(0, SPANISH_OK, "")


@pytest.mark.parametrize(
    ("language", "verdict"),
    [("en", "1 error in tour"), ("es", "1 error en tour")],
)
def test_the_verdict_of_a_broken_tour(
    language: str,
    verdict: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    broken_tour(tmp_path / "tour")
    monkeypatch.chdir(tmp_path)
    result = run_cli(["--lang", language, "validate", "tour"], capsys)
    assert (result.status, result.err) == (2, f"exotour: error: {verdict}\n")


@pytest.mark.parametrize(
    ("language", "message", "hint"),
    [
        (
            "en",
            "the content has 2 problems",
            "exotour: hint: fix the files named above, then check the folder with "
            "'exotour validate DIR'",
        ),
        (
            "es",
            "el contenido tiene 2 problemas",
            "exotour: sugerencia: corrija los archivos nombrados arriba y después revise la "
            "carpeta con 'exotour validate DIR'",
        ),
    ],
)
def test_the_content_error_and_its_hint(
    language: str,
    message: str,
    hint: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = broken_tour(tmp_path / "tour")
    result = run_cli(["--lang", language, "--content", str(root), "sections"], capsys)
    assert result.status == 2
    assert result.err.splitlines()[-1] == hint
    problem = Problem("tour.yaml", 1, 1, "a problem")
    assert ContentError([problem, problem]).message == message
