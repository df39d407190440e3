"""`exotour about`, the about block in the exports, and the places that point to `decide`."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "decision-tour"


@pytest.fixture(autouse=True)
def content(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXOTOUR_CONTENT", str(FIXTURE))
    monkeypatch.setenv("COLUMNS", "80")


def test_about_states_every_certifying_item(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["about"], capsys)
    assert (result.status, result.err) == (0, "")
    assert result.out.splitlines()[:5] == [
        "About this tour: A small tour with a decision aid",
        "",
        "Facts last checked",
        "  Checked against stored copies of the sources, 1-6 Dec 2026.",
        "",
    ]
    for heading in ("Update policy", "Who made it", "Who paid for it", "Conflicts of interest"):
        assert f"\n{heading}\n" in result.out
    assert "  No one paid for it.\n" in result.out
    assert result.out.endswith("To weigh your options: exotour decide\n")


def test_a_tour_without_an_about_block_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("EXOTOUR_CONTENT", str(FIXTURE.parents[2] / "examples" / "first-tour"))
    result = run_cli(["about"], capsys)
    assert result.status == 0
    assert "This tour's author gave no 'about' block in tour.yaml" in result.out


@pytest.mark.parametrize(
    ("fmt", "line"),
    [
        ("markdown", "- **Who paid for it:** No one paid for it."),
        ("html", "<dt>Who paid for it</dt><dd>No one paid for it.</dd>"),
    ],
)
def test_the_exports_carry_the_about_block(
    fmt: str, line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert line in run_cli(["export", "--format", fmt], capsys).out.splitlines()


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        ([], "· to decide: exotour decide"),
        (["summary"], "To weigh your options, step by step: exotour decide"),
        (["show", "choices"], "To weigh these options for yourself, step by step: exotour decide"),
        (["learn", "--plain"], "To weigh your options, step by step: 'exotour decide'."),
    ],
)
def test_the_tour_points_to_decide(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(argv, capsys)
    assert result.status == 0
    assert words in " ".join(result.out.split())
