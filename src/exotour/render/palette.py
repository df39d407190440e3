"""The few colours the walkthrough chooses itself, in two sets: one for dark terminals, one for
light ones, where yellow on white can hardly be read. Page matches need neither: they are in
reverse video, which reads on any background."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style


@dataclass(frozen=True)
class Palette:
    message: Style  # the key line when it has something to say
    match: Style  # matched words in a list of search hits
    begun: Style  # "2/5": how far into a section the reader got


DARK = Palette(
    message=Style(bold=True, color="yellow"),
    match=Style(bold=True, color="yellow"),
    begun=Style(color="yellow"),
)
LIGHT = Palette(
    message=Style(bold=True, color="blue"),
    match=Style(bold=True, underline=True, color="blue"),
    begun=Style(color="blue"),
)
THEMES = {"dark": DARK, "light": LIGHT}


def palette_for(theme: str | None, colorfgbg: str | None) -> Palette:
    """THEME ('light' or 'dark') when given; else what the terminal says of its background in
    COLORFGBG ("15;0" is white on black: the last number is the background, 7 and 15 light)."""
    if theme is not None:
        return THEMES[theme]
    background = (colorfgbg or "").split(";")[-1]
    return LIGHT if background in ("7", "15") else DARK
