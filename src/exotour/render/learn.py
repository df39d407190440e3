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

from exotour.i18n import N_, _
from exotour.model import Tour
from exotour.render.page import Page
from exotour.render.palette import DARK, Palette

# Lines longer than this are hard to read, however wide the terminal.
READING_COLUMNS = 100

# The footer, from the fullest to the shortest; the first that fits is shown. Each names ?, t, /
# and q, the way out. Translated where drawn (the language is chosen after import).
# TRANSLATORS: the keys (n, p, t, /, ?, q, space) stay as they are; only the words change.
FOOTERS: tuple[str, ...] = (
    N_("→ n space: next   ← p: back   t: contents   /: search   ?: help   q: quit"),
    N_("n next  p back  t contents  / search  ? help  q quit"),
    N_("n/p page  t contents  / search  ? help  q quit"),
    N_("n/p page  t toc  / search  ?  q quit"),
    N_("t contents  / search  ? help  q quit"),
    "t  /  ?  q",
)


def footer(width: int, search: tuple[int, int] | None = None) -> str:
    """The key line that fits WIDTH; while a search is active, SEARCH is (hit, hits) from 1."""
    if search is not None:
        hit, hits = search
        options: Sequence[str] = (
            _("hit {hit} of {hits} · n/N next/prev · Esc ends search").format(hit=hit, hits=hits),
            _("hit {hit} of {hits} · n/N · Esc ends search").format(hit=hit, hits=hits),
            _("hit {hit}/{hits} · n N · Esc ends").format(hit=hit, hits=hits),
        )
    else:
        options = [_(text) for text in FOOTERS]
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
    fix = _("Fix the files in {folder}: the tour comes back as they are saved.").format(
        folder=folder
    )
    fixing = Text(fix, style="dim")
    panel = Panel(
        Group(body, fixing),
        title=Text(_("The tour has problems"), style="bold"),
        title_align="left",
        box=box.HEAVY,
        border_style="red",
        height=max(3, height - 1),
        width=min(width, READING_COLUMNS + 4),
        padding=(0, 1),
    )
    watching = _("watching for changes · q: quit")
    return Group(panel, Text(watching, style="dim", no_wrap=True))


def _position_label(tour: Tour, index: int, page: int, pages: int) -> str:
    return _("Section {section} of {sections} · page {page} of {pages}").format(
        section=index + 1, sections=len(tour.sections), page=page + 1, pages=pages
    )


def place_label(tour: Tour, index: int, page: int, pages: int, width: int) -> str:
    """Where the reader is, in words; in short on a narrow screen, so the place is never cut.
    The form depends on the width and the tour alone (the widest place it may have to show,
    with up to 99 pages), so it does not change from page to page."""
    count = len(tour.sections)
    if len(_position_label(tour, count - 1, 98, 99)) + 10 > width:
        return _("Section {section}/{sections} · page {page}/{pages}").format(
            section=index + 1, sections=count, page=page + 1, pages=pages
        )
    return _position_label(tour, index, page, pages)


def reading_done(tour: Tour, index: int, page: int, pages: int) -> float:
    """How much of the tour's reading lies behind the end of this page, from 0 to 1: counted in
    words, so a long section weighs as much as it takes to read, not as one of n."""
    words = [max(1, section.word_count) for section in tour.sections]
    before = sum(words[:index])
    return min(1.0, (before + words[index] * (page + 1) / max(1, pages)) / sum(words))


def header(tour: Tour, index: int, page: int, pages: int, width: int) -> RenderableType:
    """The line above the panel: where you are, and a bar of how much of the reading is done."""
    label = place_label(tour, index, page, pages, width)
    done = reading_done(tour, index, page, pages)
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_column(no_wrap=True, justify="right")
    percent = f"{round(100 * done)}%"
    bar = ProgressBar(total=1.0, completed=done, width=max(4, width // 4))
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


CLOSING_COMMANDS = (
    ("summary", N_("the gist of every section on one screen")),
    ("quiz", N_("check what you remember")),
    # TRANSLATORS: N is the section's number, as in the command "learn N" beside it.
    ("learn N", N_("open section N again")),
)
# Named after quiz where the tour has a decision aid.
DECIDE_COMMAND = ("decide", N_("weigh your options, and print a handout"))
# The commands' column: the widest command ("learn N", "summary") and four spaces.
_COMMAND_COLUMN = 11


def closing_screen(
    tour: Tour, size: tuple[int, int], message: str, prefix: str = "exotour"
) -> RenderableType:
    """After the last page: the tour is complete, and what to do next (commands begin with
    PREFIX, as `exotour --content DIR` for another tour)."""
    width, height = size
    from exotour.render.bottomline import bottom_line

    narrow = height < 20 or width < 60  # fewer words and no blank lines, so that 40x15 holds it
    gap = "\n" if narrow else "\n\n"
    commands = list(CLOSING_COMMANDS)
    if tour.has_decision:
        commands.insert(2, DECIDE_COMMAND)
    body = Text()
    done = _("The end of the tour.") if narrow else _("You have reached the end of the tour.")
    body.append(done + gap, style="bold")
    answer = bottom_line(tour)  # the answer, once more
    if answer is not None:
        body.append_text(answer)
        body.append(gap)
    if narrow:
        names = " · ".join(f"{prefix} {command}" for command, _ in commands)
        body.append(_("Next: {commands}").format(commands=names) + "\n")
    else:
        body.append(_("Next:") + "\n")
        for command, what in commands:
            body.append(f"  {prefix} {command.ljust(_COMMAND_COLUMN)}{_(what)}\n")
        body.append("\n")
    body.append(tour.disclaimer, style="italic")
    panel = Panel(
        body,
        title=Text(_("Tour complete"), style="bold"),
        title_align="left",
        box=box.DOUBLE,
        border_style="green",
        height=height - 2,
        padding=(0, 1),
    )
    return Group(
        Text(
            _("{title} · complete").format(title=tour.title),
            style="bold",
            no_wrap=True,
            overflow="ellipsis",
        ),
        panel,
        key_line(width, message or _("← p: back to the last page   q: quit")),
    )


def too_small_screen(size: tuple[int, int], minimum: tuple[int, int]) -> Text:
    width, height = size
    words = _("The terminal is {size}; exotour needs at least {minimum}.") + "\n"
    words += _("Make it larger, or press q to quit.")
    size_now, least = f"{width}x{height}", f"{minimum[0]}x{minimum[1]}"
    return Text(words.format(size=size_now, minimum=least), overflow="fold")


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
