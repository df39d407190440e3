"""Rich renderables for every screen. They are returned, never printed, and never read files.

Content strings always become `Text` (or Markdown), never markup, so a bracket in content cannot
turn into a style and a title prints as written.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from exotour.model import Tour

# What other layers import from here, now drawn by render.notes and render.sections.
from exotour.render.notes import EVIDENCE_STYLE as EVIDENCE_STYLE
from exotour.render.notes import evidence_note as evidence_note
from exotour.render.notes import plain_evidence_note as plain_evidence_note
from exotour.render.page import Page
from exotour.render.sections import ADDED_STYLE as ADDED_STYLE
from exotour.render.sections import plain_section as plain_section
from exotour.render.sections import plain_tour as plain_tour
from exotour.render.sections import section_blocks as section_blocks
from exotour.render.sections import section_panel


def _position_label(tour: Tour, index: int, page: int, pages: int) -> str:
    return f"Section {index + 1} of {len(tour.sections)} · page {page + 1} of {pages}"


def header(tour: Tour, index: int, page: int, pages: int, width: int) -> RenderableType:
    """The line above the panel: where you are, and a bar of how far through the tour."""
    label = _position_label(tour, index, page, pages)
    done = index + (page + 1) / pages
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_column(no_wrap=True, justify="right")
    percent = f"{round(100 * done / len(tour.sections))}%"
    bar = ProgressBar(total=len(tour.sections), completed=done, width=max(4, width // 4))
    grid.add_row(Text(label, style="bold"), bar, Text(percent))
    return grid


def key_line(width: int, message: str = "") -> Text:
    """The bottom line: a message when there is one, else the keys."""
    if message:
        return Text(message, style="bold yellow", no_wrap=True, overflow="ellipsis")
    wide = "→ n space: next   ← p: back   q Esc: quit"
    narrow = "n next  p back  q quit"
    return Text(wide if width >= len(wide) + 1 else narrow, style="dim", no_wrap=True)


def learn_screen(
    tour: Tour,
    index: int,
    page: Page,
    page_no: int,
    pages: int,
    size: tuple[int, int],
    message: str,
) -> RenderableType:
    """The whole learn screen for one page at SIZE (columns, rows)."""
    width, height = size
    rows = height - 4
    return Group(
        header(tour, index, page_no, pages, width),
        section_panel(tour, index, page, page_no, pages, rows),
        key_line(width, message),
    )


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


def contents_table(
    tour: Tour, visited: frozenset[str], *, detailed: bool = False, first: int | None = None
) -> RenderableType:
    """The sections (or only the FIRST few) with a tick for each one read and its reading time;
    DETAILED adds a header row and the ids. A Rich Table, drawn row by row where it fits (a
    thousand rows in milliseconds, not half a second; see fasttable)."""
    from exotour.render.fasttable import FastTable

    table = Table(
        box=None,
        show_header=detailed,
        header_style="bold",
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
    )
    table.add_column("read", width=4 if detailed else 1, justify="center", no_wrap=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("title", ratio=1, no_wrap=not detailed, overflow="ellipsis")
    if detailed:
        table.add_column("id", no_wrap=True)
    table.add_column("time", justify="right", no_wrap=True)
    for number, section in enumerate(tour.sections[:first], start=1):
        row = [
            Text("✓" if section.id in visited else "", style="green"),
            Text(f"{number}."),
            Text(section.title),
        ]
        if detailed:
            row.append(Text(section.id, style="cyan"))
        row.append(Text(f"{section.reading_minutes} min", style="dim"))
        table.add_row(*row)
    return FastTable(table)


# The most sections the welcome screen lists, so that it fits an 80x24 terminal.
WELCOME_SECTIONS = 12

WELCOME_COMMANDS: tuple[tuple[str, str], ...] = (
    ("exotour summary", "the gist of every section on one screen"),
    ("exotour search WORDS", "find a topic, e.g. exotour search collagen"),
    ("exotour show N", "print section N in full"),
    ("exotour --help", "every command"),
)


def welcome_screen(
    tour: Tour,
    visited: frozenset[str] = frozenset(),
    resume: tuple[int, int, int] | None = None,
    prefix: str = "exotour",
) -> RenderableType:
    """`exotour` alone: the title, the disclaimer, the contents with ticks for what was read,
    where learn would resume, and the commands to try. RESUME is (section index, page, pages)
    from 0, with the index past the last section once the tour was finished. The commands
    begin with PREFIX (`exotour --content DIR` for another tour)."""
    title = Text(tour.title, style="bold")
    if tour.subtitle:
        title.append(f"\n{tour.subtitle}")
    minutes = sum(s.reading_minutes for s in tour.sections)
    start = Text()
    if resume is None:
        start.append("Start here: ")
        start.append(f"{prefix} learn", style="bold")
        start.append(f" (about {minutes} minutes in all)")
    elif resume[0] >= len(tour.sections):
        start.append("You have finished the tour; ")
        start.append(f"{prefix} learn --restart", style="bold")
        start.append(" starts over")
    else:
        index, page, pages = resume
        start.append(f"{prefix} learn", style="bold")
        start.append(f" resumes at section {index + 1}, page {page + 1} of {pages}")
    from exotour.render.command_rows import described

    # WELCOME_COMMANDS is written with `exotour`; every command in it takes the prefix.
    commands = described(
        [(c.replace("exotour", prefix), w.replace("exotour", prefix)) for c, w in WELCOME_COMMANDS]
    )
    # A long tour's contents would push everything else off the screen: the start of it will do.
    count = len(tour.sections)
    shown = count if count <= WELCOME_SECTIONS else WELCOME_SECTIONS - 2
    contents: list[RenderableType] = [contents_table(tour, visited, first=shown)]
    if shown < count:
        more = Text(f"… and {count - shown} more: ", style="dim")
        more.append(f"{prefix} sections", style="bold")
        more.append(" lists them all", style="dim")
        contents.append(more)
    return Group(
        title,
        Text(tour.disclaimer, style="italic"),
        Text(""),
        Text("Contents (✓ read)", style="bold"),
        *contents,
        Text(""),
        start,
        Text(""),
        commands,
    )
