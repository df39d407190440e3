"""Pieces of the learn screen: the reading width, the footer that names the keys, and the panel
that shows a broken tour while `learn --watch` waits for a fix."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

# Lines longer than this are hard to read, however wide the terminal.
READING_COLUMNS = 100

# The footer, from the fullest to the shortest; the first that fits is shown. Each names ?, t, /.
FOOTERS: tuple[str, ...] = (
    "→ n space: next   ← p: back   t: contents   /: search   ?: help   q: quit",
    "n next  p back  t contents  / search  ? help  q quit",
    "n/p page  t contents  / search  ? help",
    "t contents  / search  ? help",
    "t  /  ?  q",
)


def footer(width: int, search: tuple[int, int] | None = None) -> str:
    """The key line that fits WIDTH; while a search is active, SEARCH is (hit, hits) from 1."""
    if search is not None:
        hit, hits = search
        options: Sequence[str] = (
            f"hit {hit} of {hits} · n/N next/prev · Esc ends search",
            f"hit {hit} of {hits} · n/N · Esc ends search",
            f"hit {hit}/{hits} · n N · Esc ends",
        )
    else:
        options = FOOTERS
    for text in options:
        if len(text) < width:
            return text
    return options[-1]


def problems_screen(lines: Sequence[str], size: tuple[int, int], folder: str) -> RenderableType:
    """The tour cannot be loaded as it is now: every problem, in place of the page, until the
    files are fixed (`learn --watch` reloads them)."""
    width, height = size
    body = Text()
    for line in lines:
        body.append(line + "\n")
    fix = Text(f"Fix the files in {folder}: the tour comes back as they are saved.", style="dim")
    panel = Panel(
        Group(body, fix),
        title=Text("The tour has problems", style="bold"),
        title_align="left",
        box=box.HEAVY,
        border_style="red",
        height=max(3, height - 1),
        width=min(width, READING_COLUMNS + 4),
        padding=(0, 1),
    )
    return Group(panel, Text("watching for changes · q: quit", style="dim", no_wrap=True))
