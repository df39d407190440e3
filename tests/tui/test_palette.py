"""Colours for the terminal's background: COLORFGBG decides, unless --theme does."""

from __future__ import annotations

import pytest

from exotour.render.palette import DARK, LIGHT, palette_for


@pytest.mark.parametrize(
    ("theme", "colorfgbg", "expected"),
    [
        (None, None, DARK),
        (None, "15;0", DARK),  # white on black
        (None, "0;15", LIGHT),  # black on white
        (None, "0;default;7", LIGHT),  # rxvt's three-part form: the last is the background
        (None, "garbage", DARK),
        ("light", "15;0", LIGHT),  # --theme wins
        ("dark", "0;15", DARK),
    ],
)
def test_palette_for(theme: str | None, colorfgbg: str | None, expected: object) -> None:
    assert palette_for(theme, colorfgbg) is expected


def test_a_light_palette_never_uses_yellow() -> None:
    for style in (LIGHT.message, LIGHT.match, LIGHT.begun):
        assert style.color is None or style.color.name != "yellow"
