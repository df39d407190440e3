"""Plain output is Rich's drawing with the styles off: every screen of a fixed tour, piped, at
80 and 40 columns, against golden files; and the same text a terminal shows, less the styles.

The tour under golden/tour is a copy of the example tour, kept apart so that the files change
only when the drawing does. After a change to how something looks, rewrite the files with
`EXOTOUR_UPDATE_GOLDENS=1 pytest tests/render/test_golden_plain.py` and read the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import golden, run_cli

HERE = Path(__file__).resolve().parent
TOUR = HERE / "golden" / "tour"
PLAIN = HERE / "golden" / "plain"

SCREENS = {
    "welcome": [],
    "summary": ["summary"],
    "sections": ["sections"],
    "glossary": ["glossary"],
    "glossary-term": ["glossary", "YAML"],
    "show": ["show", "write-a-section"],
    "learn-plain": ["learn", "--plain"],
    "search": ["search", "section"],
}
WIDTHS = (80, 40)
# A colour, a style or a hyperlink: what a terminal gets beside the text.
_ESCAPES = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\")


def _run(
    argv: list[str], width: int, capsys: pytest.CaptureFixture[str], mp: pytest.MonkeyPatch
) -> str:
    mp.setenv("COLUMNS", str(width))
    mp.chdir(TOUR.parent)  # the commands the screens suggest name the folder as given
    result = run_cli(["--content", TOUR.name, *argv], capsys)
    assert (result.status, result.err) == (0, "")
    return result.out


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("screen", SCREENS)
def test_a_piped_screen_is_its_golden_file(
    screen: str, width: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = _run(SCREENS[screen], width, capsys, monkeypatch)
    assert "\x1b" not in drawn
    assert all(line == line.rstrip() for line in drawn.splitlines())
    assert drawn == golden(PLAIN / f"{screen}-{width}.txt", drawn)


@pytest.mark.parametrize("screen", ["welcome", "summary", "sections", "glossary", "search"])
def test_plain_text_is_the_styled_drawing_less_its_styles(
    screen: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = _run(SCREENS[screen], 80, capsys, monkeypatch)
    monkeypatch.setenv("FORCE_COLOR", "1")
    styled = _run(SCREENS[screen], 80, capsys, monkeypatch)
    assert "\x1b[" in styled
    unstyled = _ESCAPES.sub("", styled)
    assert [line.rstrip() for line in unstyled.splitlines()] == plain.splitlines()
