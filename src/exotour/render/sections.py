"""A section as blocks (what the paginator cuts into pages), as a framed page, and as plain text.

Blocks are Rich renderables, one after another, with a blank line between them; a page may break
between blocks. A Panel is kept on one page where it fits (tui/pages.py), and so is each source
entry (render.notes.SourceEntry is a frameless Panel), so no source is ever split across pages.
Text never runs wider than READING_WIDTH, however wide the terminal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.constrain import Constrain
from rich.panel import Panel
from rich.text import Text

from exotour.i18n import N_, _
from exotour.model import Section, Tour
from exotour.render.notes import (
    READING_WIDTH,
    LinkHint,
    SourceEntry,
    evidence_note,
    plain_evidence_note,
    source_entries,
)
from exotour.render.page import Page
from exotour.render.parts import Parts
from exotour.render.prose import Prose
from exotour.render.terminal import steady_width

ADDED_STYLE = "magenta"
ADDED_TEXT = N_("Added by this tour; not part of the article.")  # translated where drawn
# Where the generated Sources section's list begins: its first numbered line.
_FIRST_ENTRY = re.compile(r"^1\. ", re.M)


def _markdown(body: str) -> RenderableType:
    return Constrain(Prose(body), READING_WIDTH)


def section_blocks(
    tour: Tour, index: int, *, framed: bool = True, prefix: str = "exotour"
) -> list[RenderableType]:
    """A section's content as blocks: a page may break between them. FRAMED notes are for
    screens (a link too long for the page is shown short, as a hyperlink, and the note names
    `PREFIX show ID`, which prints it whole); plain text gets every link whole."""
    section = tour.sections[index]
    blocks: list[RenderableType] = []
    if index == 0:
        from exotour.render.bottomline import bottom_line

        blocks.append(Constrain(Text(tour.disclaimer, style="italic"), READING_WIDTH))
        answer = bottom_line(tour)  # the answer first
        if answer is not None:
            blocks.append(Constrain(answer, READING_WIDTH))
    if section.added_by_tour:
        blocks.append(Text(_(ADDED_TEXT), style=ADDED_STYLE))
    full_links = f"{prefix} show {section.id}" if framed else None
    from exotour.content import sources

    if sources.is_sources_section(section):
        blocks.extend(_sources_blocks(tour, section, whole=not framed, full_links=full_links))
        return blocks
    blocks.append(_markdown(section.body))
    if section.options_grid and tour.decision is not None:
        from exotour.render.options_grid import decide_pointer, decision_blocks

        blocks.extend(decision_blocks(tour.decision, whole=not framed, full_links=full_links))
        blocks.append(decide_pointer(prefix))
    for note in section.evidence:
        if framed:
            blocks.append(evidence_note(note))
            blocks.extend(source_entries(note, whole=False, full_links=full_links))
        else:
            blocks.append(Constrain(plain_evidence_note(note), READING_WIDTH))
    return blocks


def _sources_blocks(
    tour: Tour, section: Section, *, whole: bool, full_links: str | None
) -> list[RenderableType]:
    """The generated Sources section: its opening words as written, then one entry per source,
    built from the notes (so that each link can be drawn whole) rather than from its Markdown."""
    from exotour.content import sources

    found = _FIRST_ENTRY.search(section.body)
    opening = section.body[: found.start()] if found else section.body
    blocks: list[RenderableType] = [_markdown(opening)] if opening.strip() else []
    entries = sources.cited(tour.sections)
    links = [entry.source.link for entry in entries if entry.source.link]
    hint = None
    if full_links and not whole:
        hint = LinkHint(full_links, links, indent=len(f"{len(entries)}. "))
    for number, entry in enumerate(entries, start=1):
        ending = hint if number == len(entries) else None  # the hint stays with the last entry
        cited_in = sources.cited_in(entry.sections, tour.language)  # the tour's words
        blocks.append(
            SourceEntry(entry.source, whole=whole, number=number, cited_in=cited_in, hint=ending)
        )
    return blocks


def section_panel(tour: Tour, index: int, page: Page, page_no: int, pages: int, rows: int) -> Panel:
    """One page of a section, framed, with its title and page number on the border. The title
    loses the emoji joiners that terminals measure differently (render.terminal), so the
    border stays where it was measured to be."""
    section = tour.sections[index]
    return Panel(
        page,
        title=Text(f"{index + 1}. {steady_width(section.title)}", style="bold"),
        title_align="left",
        subtitle=Text(f"{page_no + 1}/{pages}"),
        subtitle_align="right",
        box=box.ROUNDED,
        border_style=ADDED_STYLE if section.added_by_tour else "blue",
        height=rows + 2,
        padding=(0, 1),
    )


def plain_section(tour: Tour, index: int) -> RenderableType:
    """A section in full for plain output: a heading, the body and the evidence notes."""
    section: Section = tour.sections[index]
    heading = Text(f"{index + 1}. {section.title}", style="bold")
    where = _("(section {number} of {count}, id: {id})").format(
        number=index + 1, count=len(tour.sections), id=section.id
    )
    heading.append(f"  {where}", style="dim")
    blocks: list[RenderableType] = [Constrain(heading, READING_WIDTH), Text("")]
    for block in section_blocks(tour, index, framed=False):
        blocks.extend([block, Text("")])
    return Group(*blocks)


def plain_tour(tour: Tour, indexes: Sequence[int], prefix: str = "exotour") -> Parts:
    """The sections at INDEXES in order, as plain text; the whole tour ends with a closing line
    whose commands begin with PREFIX. (No Padding here: it would crop a long link.) Each section
    is made when it is drawn, so the printer can write it and let it go."""
    return Parts(lambda: _tour_parts(tour, indexes, prefix))


def _tour_parts(tour: Tour, indexes: Sequence[int], prefix: str) -> Iterator[RenderableType]:
    whole = len(indexes) == len(tour.sections)
    if whole:
        title = Text(tour.title, style="bold")
        if tour.subtitle:
            title.append(f"\n{tour.subtitle}")
        yield Constrain(title, READING_WIDTH)
        yield Text("")
    for index in indexes:
        yield plain_section(tour, index)
        yield Text("")
    if whole:
        if tour.decision is not None:  # its own line: the closing line stays as it was
            words = _("To weigh your options, step by step: '{command}'.")
            yield Text(words.format(command=f"{prefix} decide"))
        closing = _("End of the tour. Next: '{summary}' for the gist, '{quiz}' to check.").format(
            summary=f"{prefix} summary", quiz=f"{prefix} quiz"
        )
        yield Text(closing)  # commands to copy: as wide as the output allows
