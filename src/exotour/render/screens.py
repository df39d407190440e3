"""Rich renderables for every screen. They are returned, never printed, and never read files.

Content strings always become `Text` (or Markdown), never markup, so a bracket in content cannot
turn into a style and a title prints as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from exotour.model import EvidenceNote, Section, Tour

# The learn screen's pieces live in render/learn.py; their names stay importable from here.
from exotour.render.learn import closing_screen as closing_screen
from exotour.render.learn import header, key_line
from exotour.render.learn import too_small_screen as too_small_screen
from exotour.render.page import Page
from exotour.render.palette import DARK, Palette

EVIDENCE_STYLE = "cyan"
ADDED_STYLE = "magenta"


class _NotePanel(Panel):
    """A frame whose title gives way to a shorter one where the page is too narrow for it, so
    the border never cuts off the date of a note."""

    shorter: tuple[str, ...] = ()

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = options.max_width - 4  # the corners and a space each side of the title
        panel = self
        for title in self.shorter:
            if not isinstance(panel.title, Text) or panel.title.cell_len <= room:
                break
            panel = copy(panel)
            panel.title = Text(title, style="bold")
        yield from Panel.__rich_console__(panel, console, options)


def plain_evidence_note(note: EvidenceNote) -> Group:
    """A note for plain text and files: no frame, and each link whole on its own line so it can
    be copied (a frame would fold it)."""
    parts: list[RenderableType] = [
        Text(f"What the evidence says (as of {note.as_of}):", style="bold"),
        Text(note.text),
        Text("Sources:", style="bold"),
    ]
    for source in note.sources:
        parts.append(Text(f"- {source.author}, {source.title} ({source.year})."))
        parts.append(Text(f"  {source.link}", no_wrap=True, overflow="ignore"))
    return Group(*parts)


def evidence_note(note: EvidenceNote) -> Panel:
    """A 'What the evidence says' note, set apart from the article's text by its own frame."""
    sources = Text()
    for number, source in enumerate(note.sources):
        if number:
            sources.append("\n")
        sources.append("- ")
        sources.append(f"{source.author}, ")
        sources.append(source.title, style="italic")
        sources.append(f" ({source.year}). ")
        sources.append(source.link, style="underline")
    body = Group(Text(note.text), Text(""), Text("Sources:", style="bold"), sources)
    panel = _NotePanel(
        body,
        title=Text(f"What the evidence says (as of {note.as_of})", style="bold"),
        title_align="left",
        box=box.HEAVY,
        border_style=EVIDENCE_STYLE,
        padding=(0, 1),
    )
    panel.shorter = (f"Evidence (as of {note.as_of})", f"Evidence, {note.as_of}")
    return panel


def section_blocks(tour: Tour, index: int, *, framed: bool = True) -> list[RenderableType]:
    """A section's content as blocks: a page may break between them. FRAMED notes are for
    screens; plain text gets notes whose links are never folded."""
    section = tour.sections[index]
    blocks: list[RenderableType] = []
    if index == 0:
        blocks.append(Text(tour.disclaimer, style="italic"))
    if section.added_by_tour:
        blocks.append(Text("Added by this tour; not part of the article.", style=ADDED_STYLE))
    from rich.markdown import Markdown  # about 30 ms to import: only where a body is shown

    blocks.append(Markdown(section.body, hyperlinks=False))
    note = evidence_note if framed else plain_evidence_note
    blocks.extend(note(each) for each in section.evidence)
    return blocks


def section_panel(tour: Tour, index: int, page: Page, page_no: int, pages: int, rows: int) -> Panel:
    """One page of a section, framed, with its title and page number on the border."""
    section = tour.sections[index]
    return Panel(
        page,
        title=Text(f"{index + 1}. {section.title}", style="bold"),
        title_align="left",
        subtitle=Text(f"{page_no + 1}/{pages}"),
        subtitle_align="right",
        box=box.ROUNDED,
        border_style=ADDED_STYLE if section.added_by_tour else "blue",
        height=rows + 2,
        padding=(0, 1),
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

    from exotour.render.learn import READING_COLUMNS

    width, height = size
    rows = height - 4
    shown = min(width, READING_COLUMNS + 4)
    screen = Group(
        header(tour, index, page_no, pages, shown),
        section_panel(tour, index, page, page_no, pages, rows),
        key_line(shown, message, search, palette),
    )
    return screen if shown == width else Constrain(screen, width=shown)


def plain_section(tour: Tour, index: int) -> RenderableType:
    """A section in full for plain output: a heading, the body and the evidence notes."""
    section: Section = tour.sections[index]
    heading = Text(f"{index + 1}. {section.title}", style="bold")
    heading.append(
        f"  (section {index + 1} of {len(tour.sections)}, id: {section.id})", style="dim"
    )
    blocks: list[RenderableType] = [heading, Text("")]
    for block in section_blocks(tour, index, framed=False):
        blocks.extend([block, Text("")])
    return Group(*blocks)


def plain_tour(tour: Tour, indexes: Sequence[int], prefix: str = "exotour") -> RenderableType:
    """The sections at INDEXES in order, as plain text; the whole tour ends with a closing line
    whose commands begin with PREFIX."""
    parts: list[RenderableType] = []
    if len(indexes) == len(tour.sections):
        title = Text(tour.title, style="bold")
        if tour.subtitle:
            title.append(f"\n{tour.subtitle}")
        parts.extend([title, Text("")])
    for index in indexes:
        parts.append(Padding(plain_section(tour, index), (0, 0, 1, 0)))
    if len(indexes) == len(tour.sections):
        parts.append(
            Text(
                f"End of the tour. Next: '{prefix} summary' for the gist, '{prefix} quiz' to check."
            )
        )
    return Group(*parts)


# Moved to render/contents.py; still importable from here.
from exotour.render.contents import contents_table as contents_table  # noqa: E402
from exotour.render.contents import welcome_screen as welcome_screen  # noqa: E402
