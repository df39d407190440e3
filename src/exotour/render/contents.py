"""The table of contents (for `sections` and the welcome screen) and the welcome screen itself:
what was read (a tick), how far a section begun was read ("2/5"), and the best quiz scores.

Progress comes in as plain values (ids to numbers), so rendering never reads the state file.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from exotour.i18n import N_, _, ngettext
from exotour.model import Tour
from exotour.render.phrases import with_command

Score = tuple[int, int]  # (right, asked) of a quiz; (pages shown, pages) of a section begun


def read_mark(section_id: str, visited: frozenset[str], progress: Mapping[str, Score]) -> Text:
    """A tick for a section read to its end, "2/5" for one begun, else nothing."""
    if section_id in visited:
        return Text("✓", style="green")
    begun = progress.get(section_id)
    if begun is not None:
        return Text(f"{begun[0]}/{begun[1]}", style="yellow")
    return Text("")


def contents_table(
    tour: Tour,
    visited: frozenset[str],
    *,
    detailed: bool = False,
    first: int | None = None,
    progress: Mapping[str, Score] | None = None,
    quiz_best: Mapping[str, Score] | None = None,
    show_ids: bool = True,
) -> RenderableType:
    """The sections (or only the FIRST few) with a tick for each one read, how far each one
    begun was read (PROGRESS: id to (pages shown, pages)) and its reading time; DETAILED adds a
    header row and the ids, and a quiz column with the best score of each section's own quiz
    (QUIZ_BEST: id to (right, asked)) when there is any. SHOW_IDS False leaves the ids out, for
    a terminal too narrow to hold them beside the titles."""
    progress = progress or {}
    scores = {k: v for k, v in (quiz_best or {}).items() if k in tour.section_ids}
    table = Table(
        box=None,
        show_header=detailed,
        header_style="bold",
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
    )
    listed = tour.sections[:first]
    marks = [read_mark(section.id, visited, progress) for section in listed]
    # A fixed width: the header's, or the widest "12/15".
    widest = max((mark.cell_len for mark in marks), default=1)
    # TRANSLATORS: the heading of the column that ticks the sections read.
    read = _("read")
    table.add_column(
        read, width=max(len(read) if detailed else 1, widest), justify="center", no_wrap=True
    )
    table.add_column("#", justify="right", no_wrap=True)
    # Only the title gives way on a narrow terminal (the short list cuts it with "…", the
    # detailed one wraps it), never the ticks or the times: the one column Rich may narrow.
    table.add_column(_("title"), ratio=1, overflow="ellipsis")
    if detailed:
        if show_ids:
            table.add_column(_("id"), no_wrap=True)
        if scores:
            # TRANSLATORS: the heading of the column of best quiz scores.
            table.add_column(_("quiz"), justify="right", no_wrap=True)
    # TRANSLATORS: the heading of the column of reading times.
    table.add_column(_("time"), justify="right", no_wrap=True)
    for number, (section, mark) in enumerate(zip(listed, marks, strict=True), start=1):
        title = Text(section.title) if detailed else Text(section.title, no_wrap=True)
        if not detailed:
            title.overflow = "ellipsis"
        row = [mark, Text(f"{number}."), title]
        if detailed:
            if show_ids:
                row.append(Text(section.id, style="cyan"))
            if scores:
                best = scores.get(section.id)
                row.append(Text(f"{best[0]}/{best[1]}" if best else "", style="bold"))
        # TRANSLATORS: a reading time in minutes, as short as the language allows.
        minutes = _("{minutes} min").format(minutes=section.reading_minutes)
        row.append(Text(minutes, style="dim"))
        table.add_row(*row)
    return table


# The most sections the welcome screen lists, so that it fits an 80x24 terminal.
WELCOME_SECTIONS = 12

# Three, so that the bottom line fits too (`exotour --help` names `show` and the rest).
WELCOME_COMMANDS: tuple[tuple[str, str], ...] = (
    ("exotour summary", N_("the gist of every section on one screen")),
    # TRANSLATORS: WORDS is what the reader types; keep the command, a word may be the language's.
    ("exotour search {WORDS}", N_("find a topic, e.g. exotour search collagen")),
    ("exotour --help", N_("every command")),
)


def welcome_screen(
    tour: Tour,
    visited: frozenset[str] = frozenset(),
    resume: tuple[int, int, int] | None = None,
    prefix: str = "exotour",
    *,
    progress: Mapping[str, Score] | None = None,
    quiz_best: Score | None = None,
) -> RenderableType:
    """`exotour` alone: the title, the disclaimer, the contents with ticks for what was read
    and "2/5" for what was begun (PROGRESS), the best score of the whole-tour quiz (QUIZ_BEST),
    where learn would resume, and the commands to try. RESUME is (section index, page, pages)
    from 0, with the index past the last section once the tour was finished. The commands
    begin with PREFIX (`exotour --content DIR` for another tour)."""
    title = Text(tour.title, style="bold")
    if tour.subtitle:
        title.append(f"\n{tour.subtitle}")
    minutes = sum(s.reading_minutes for s in tour.sections)
    if resume is None:
        start = with_command(
            _("Start here: {command} (about {minutes} minutes in all)"),
            f"{prefix} learn",
            minutes=minutes,
        )
    elif resume[0] >= len(tour.sections):
        start = with_command(
            _("You have finished the tour; {command} starts over"), f"{prefix} learn --restart"
        )
    else:
        index, page, pages = resume
        start = with_command(
            _("{command} resumes at section {section}, page {page} of {pages}"),
            f"{prefix} learn",
            section=index + 1,
            page=page + 1,
            pages=pages,
        )
    from exotour.render.command_rows import described

    # WELCOME_COMMANDS is written with `exotour`; every command in it takes the prefix.
    commands = described(
        [
            (c.replace("exotour", prefix).format(WORDS=_words()), _(w).replace("exotour", prefix))
            for c, w in WELCOME_COMMANDS
        ]
    )
    # A long tour's contents would push everything else off the screen: the start of it will do.
    count = len(tour.sections)
    shown = count if count <= WELCOME_SECTIONS else WELCOME_SECTIONS - 2
    contents: list[RenderableType] = [contents_table(tour, visited, first=shown, progress=progress)]
    if shown < count:
        left = count - shown
        words = ngettext(
            "… and {count} more: {command} lists them all",
            "… and {count} more: {command} lists them all",
            left,
        )
        more = with_command(words, f"{prefix} sections", style="dim", count=left)
        contents.append(more)
    if tour.has_decision:  # a tour with a decision aid points to it (IPDAS)
        # On the same line: the screen fits 80x24.
        start.append_text(with_command(_(" · to decide: {command}"), f"{prefix} decide"))
    heading = Text(_("Contents (✓ read)"), style="bold")
    if quiz_best is not None:  # on the heading's line, so the screen stays one screenful
        best = _(" · best quiz score: {right}/{asked}").format(
            right=quiz_best[0], asked=quiz_best[1]
        )
        heading.append(best, style="")
    from exotour.render.bottomline import bottom_line

    answer = bottom_line(tour)  # the answer first, in two lines
    return Group(
        title,
        Text(tour.disclaimer, style="italic"),
        *([answer] if answer is not None else []),
        Text(""),
        heading,
        *contents,
        Text(""),
        start,  # the commands follow at once: the screen stays within 80x24 with a prompt
        commands,
    )


def _words() -> str:
    # TRANSLATORS: stands for the words a reader searches for, in "exotour search WORDS".
    return _("WORDS")
