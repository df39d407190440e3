"""Consoles that respect NO_COLOR and pipes: the one place a Console is built."""

from __future__ import annotations

import os
import sys
from typing import IO

from rich.console import Console


def colour_allowed(stream: IO[str], *, no_color: bool = False) -> bool:
    """Colour only on a real terminal that is not dumb, with NO_COLOR unset."""
    if no_color or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def make_console(*, stderr: bool = False, no_color: bool = False, styles: bool = False) -> Console:
    """A console that sends no escape codes where colour is not wanted.

    Markup is off: content is printed as written, and our own styles come from Text objects.
    STYLES keeps bold, reverse and underline on a terminal that is not dumb when colour is off
    (NO_COLOR forbids colour, not those): the walkthrough's chosen rows and matches need them.
    """
    stream = sys.stderr if stderr else sys.stdout
    plain = not colour_allowed(stream, no_color=no_color)
    if plain and styles and os.environ.get("TERM") != "dumb" and _is_tty(stream):
        return Console(
            file=stream,
            color_system="standard",
            no_color=True,
            markup=False,
            emoji=False,
            highlight=False,
        )
    return Console(
        file=stream,
        stderr=stderr,
        color_system=None if plain else "auto",
        markup=False,
        emoji=False,
        highlight=False,
        # Messages on stderr are never wrapped: `file:line:col: ...` stays one line to grep.
        soft_wrap=stderr,
    )


def _is_tty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def is_interactive(console: Console) -> bool:
    """Both ends are a terminal: keys can be read and screens drawn."""
    try:
        return console.is_terminal and sys.stdin.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False
