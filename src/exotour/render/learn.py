"""Pieces of the learn screen: the reading width, the header, the footer that names the keys,
the closing panel, and the panel that shows a broken tour while `learn --watch` waits for a fix."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from exotour.model import Tour
from exotour.render.page import Page
from exotour.render.palette import DARK, Palette

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


def _position_label(tour: Tour, index: int, page: int, pages: int) -> str:
    return f"Section {index + 1} of {len(tour.sections)} · page {page + 1} of {pages}"


def place_label(tour: Tour, index: int, page: int, pages: int, width: int) -> str:
    """Where the reader is, in words; in short on a narrow screen, so the place is never cut."""
    label = _position_label(tour, index, page, pages)
    if len(label) + 10 > width:
        label = f"Section {index + 1}/{len(tour.sections)} · page {page + 1}/{pages}"
    return label


def header(tour: Tour, index: int, page: int, pages: int, width: int) -> RenderableType:
    """The line above the panel: where you are, and a bar of how far through the tour."""
    label = place_label(tour, index, page, pages, width)
    done = index + (page + 1) / pages
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_column(no_wrap=True, justify="right")
    percent = f"{round(100 * done / len(tour.sections))}%"
    bar = ProgressBar(total=len(tour.sections), completed=done, width=max(4, width // 4))
    grid.add_row(Text(label, style="bold"), bar, Text(percent))
    return grid


def key_line(
    width: int,
    message: str = "",
    search: tuple[int, int] | None = None,
    palette: Palette = DARK,
) -> Text:
    """The bottom line: a message when there is one, else the keys that fit (naming ?, t and /),
    or, while a search is active, which hit this is (SEARCH: hit and hits, from 1)."""
    if message:
        return Text(message, style=palette.message, no_wrap=True, overflow="ellipsis")
    style = "bold" if search is not None else "dim"
    return Text(footer(width, search), style=style, no_wrap=True, overflow="ellipsis")


def closing_screen(
    tour: Tour, size: tuple[int, int], message: str, prefix: str = "exotour"
) -> RenderableType:
    """After the last page: the tour is complete, and what to do next (commands begin with
    PREFIX, as `exotour --content DIR` for another tour)."""
    width, height = size
    body = Text()
    body.append("You have reached the end of the tour.\n\n", style="bold")
    body.append("Next:\n")
    body.append(f"  {prefix} summary    the gist of every section on one screen\n")
    body.append(f"  {prefix} quiz       check what you remember\n")
    if tour.decision is not None:
        body.append(f"  {prefix} decide     weigh your options, and print a handout\n")
    body.append(f"  {prefix} learn N    open section N again\n\n")
    body.append(tour.disclaimer, style="italic")
    panel = Panel(
        body,
        title=Text("Tour complete", style="bold"),
        title_align="left",
        box=box.DOUBLE,
        border_style="green",
        height=height - 2,
        padding=(0, 1),
    )
    return Group(
        Text(f"{tour.title} · complete", style="bold", no_wrap=True, overflow="ellipsis"),
        panel,
        key_line(width, message or "← p: back to the last page   q: quit"),
    )


def too_small_screen(size: tuple[int, int], minimum: tuple[int, int]) -> Text:
    width, height = size
    return Text(
        f"The terminal is {width}x{height}; exotour needs at least {minimum[0]}x{minimum[1]}.\n"
        "Make it larger, or press q to quit.",
        overflow="fold",
    )


def learn_screen(
    tour: Tour,
    index: int,
    page: Page,
    page_no: int,
    pages: int,
    size: tuple[int, int],
    message: str,
    *,
    search: tuple[int, int] | None = None,
    palette: Palette = DARK,
) -> RenderableType:
    """The whole learn screen for one page at SIZE (columns, rows); SEARCH (hit, hits) while a
    search is active. On a wide terminal it keeps to the reading width, on the left where the
    eye starts."""
    from rich.constrain import Constrain

    from exotour.render.sections import section_panel

    width, height = size
    rows = height - 4
    shown = min(width, READING_COLUMNS + 4)
    screen = Group(
        header(tour, index, page_no, pages, shown),
        section_panel(tour, index, page, page_no, pages, rows),
        key_line(shown, message, search, palette),
    )
    return screen if shown == width else Constrain(screen, width=shown)
