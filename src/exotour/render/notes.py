"""Evidence notes and their sources, with links that reach the reader whole.

A link is never cut or folded. Where the whole address fits the line it is shown whole; on a
narrow page it is shown short (the DOI, or the host and the start of the path) as a terminal
hyperlink (OSC 8) whose target is the whole address, and the note ends by naming the command that
prints every link whole (`exotour show ID`), for terminals that do not show hyperlinks. In plain
text each link is on a line of its own, whole, even when it is wider than the page.

A `SourceEntry` is one unit for the paginator: it is a Panel (whose lines tui/pages.py keeps
on one page) that draws no frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.panel import Panel
from rich.style import Style
from rich.text import Text

from exotour.i18n import N_, _
from exotour.model import EvidenceNote, Source
from exotour.text import printable

EVIDENCE_STYLE = "cyan"
# However wide the terminal, text runs no wider than this (about 100 columns reads well).
READING_WIDTH = 100
_DOI = "https://doi.org/"
# Translated where drawn: the language is chosen after import.
EVIDENCE_HEADING = N_("What the evidence says")
SOURCES_HEADING = N_("Sources:")


class _NotePanel(Panel):
    """A frame whose title gives way to a shorter one where the page is too narrow for it, so
    the border never cuts off the date of a note."""

    shorter: tuple[str, ...] = ()

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        options = options.update(width=min(options.max_width, READING_WIDTH))
        room = options.max_width - 4  # the corners and a space each side of the title
        panel = self
        for title in self.shorter:
            if not isinstance(panel.title, Text) or panel.title.cell_len <= room:
                break
            panel = copy(panel)
            panel.title = Text(title, style="bold")
        yield from Panel.__rich_console__(panel, console, options)


def short_link(url: str, room: int) -> str:
    """URL as a reader can recognise it in ROOM columns: `doi:10.1/x`, or the host and the path
    without `https://` and `www.`, ending in `…` where it had to be cut (the link target stays
    whole)."""
    from exotour.weblinks import real_host, without_user_info

    host = ""
    if url.startswith(_DOI):
        shown = "doi:" + url[len(_DOI) :]
    else:
        shown = without_user_info(url).split("://", 1)[-1].removeprefix("www.").rstrip("/")
        host = real_host(url).removeprefix("www.")
    if cell_len(shown) <= room:
        return shown
    # Cut in the path, never in the host: the host is what says where the link goes.
    return shown[: max(1, room - 1, len(host))] + "…"


def link(url: str, room: int | None, indent: str = "") -> Text:
    """URL as one line after INDENT that is never folded: whole when ROOM is None (plain text,
    where it may run past the page) or when it fits ROOM; else short. Its style carries the
    whole URL as a terminal hyperlink; the text shown names the host it really goes to."""
    from exotour.weblinks import without_user_info

    whole = without_user_info(url)
    shown = whole if room is None or cell_len(whole) <= room else short_link(url, room)
    line = Text(indent, no_wrap=True, overflow="ignore")
    # The target goes inside an escape sequence, where the console's own check cannot reach.
    line.append(shown, style=Style(underline=True, link=printable(url)))
    return line


def citation_text(source: Source) -> Text:
    """SOURCE's citation without its link: the title alone in italics (a reference is no title),
    e.g. `Bai et al., Skin Health Dis 2024;4(6):e348.`"""
    citation = Text()
    for number, (text, is_title) in enumerate(source.parts()):
        citation.append(", " if number else "")
        citation.append(text, style="italic" if is_title else "")
    citation.append(source.ending)
    return citation


class SourceEntry(Panel):
    """One source as a unit no page splits: an optional HEADING line, the citation (as `- `, or
    as `N. ` when numbered), its link, an optional CITED_IN line and, on the last source of a
    list, an optional HINT (kept with it, so that no page opens on a hint that another width
    leaves out). WHOLE links (plain text) are never shortened."""

    def __init__(
        self,
        source: Source,
        *,
        whole: bool,
        number: int | None = None,
        heading: str | None = None,
        cited_in: str | None = None,
        hint: LinkHint | None = None,
    ) -> None:
        super().__init__(Text(""), box=box.ASCII, padding=0)
        self.source = source
        self.whole = whole
        self.number = number
        self.heading = heading
        self.cited_in = cited_in
        self.hint = hint

    def _lines(self, console: Console, width: int) -> Group:
        source = self.source
        marker = f"{self.number}. " if self.number is not None else "- "
        indent = " " * len(marker)
        parts: list[RenderableType] = []
        if self.heading:
            parts.append(Text(self.heading, style="bold"))
        citation = citation_text(source)
        # A hanging indent: the citation's lines start under its first word, not the marker.
        for number, line in enumerate(citation.wrap(console, max(1, width - len(marker)))):
            line = Text(marker if number == 0 else indent) + line
            line.no_wrap = True  # wrapped already, to fit: wrapping it again costs as much
            parts.append(line)
        room = None if self.whole else width - len(indent)
        if source.link:
            parts.append(link(source.link, room, indent))
        if self.cited_in:
            parts.append(Text(f"{indent}{self.cited_in}"))
        if self.hint:
            parts.append(self.hint)
        return Group(*parts)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = min(options.max_width, READING_WIDTH)
        yield from console.render(self._lines(console, width), options.update(width=width))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = min(options.max_width, READING_WIDTH)
        lines = self._lines(console, width)
        return Measurement.get(console, options.update(width=width), lines)


class LinkHint:
    """`Links in full: COMMAND`, where one of LINKS is too long for the page and so was shown
    short; nothing where every link fits (or links are shown whole anyway)."""

    def __init__(self, command: str, links: Sequence[str], indent: int = 2) -> None:
        self.command = command
        self.links = links
        self.indent = indent  # the links' indent in their entries

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = min(options.max_width, READING_WIDTH) - self.indent
        if any(cell_len(each) > room for each in self.links):
            yield Text(_("Links in full: {command}").format(command=self.command), style="dim")


def source_entries(
    note: EvidenceNote, *, whole: bool, full_links: str | None = None
) -> list[RenderableType]:
    """The sources of NOTE under "Sources:", one entry each; the last ends, where a link had to be
    shortened, with the command FULL_LINKS that prints them whole. On pages (not WHOLE) the heading
    is a block of its own, so that the tallest entry still fits a 40x15 page."""
    heading = _(SOURCES_HEADING)
    hint = None
    if full_links and not whole:
        hint = LinkHint(full_links, [s.link for s in note.sources if s.link])
    last = len(note.sources) - 1
    entries: list[RenderableType] = [] if whole else [Text(heading, style="bold")]
    entries += [
        SourceEntry(
            source,
            whole=whole,
            heading=heading if whole and number == 0 else None,
            hint=hint if number == last else None,
        )
        for number, source in enumerate(note.sources)
    ]
    return entries


def evidence_note(note: EvidenceNote) -> Panel:
    """A 'What the evidence says' note, set apart from the article's text by its own frame.
    Its sources follow it as entries of their own (`source_entries`), so that a page may
    break between two sources but never inside one."""
    panel = _NotePanel(
        Text(note.text),
        title=Text(f"{_(EVIDENCE_HEADING)} ({note.when})", style="bold"),
        title_align="left",
        box=box.HEAVY,
        border_style=EVIDENCE_STYLE,
        padding=(0, 1),
    )
    short = _("undated") if note.undated else note.as_of
    # TRANSLATORS: shorter titles of an evidence note's frame, on a narrow screen: the date is
    # "as of 2019-12-09" or "undated" in the first, "2019-12-09" or "undated" in the second.
    panel.shorter = (
        _("Evidence ({date})").format(date=note.when.split(";")[0]),
        _("Evidence, {date}").format(date=short),
    )
    return panel


def plain_evidence_note(note: EvidenceNote) -> Group:
    """A note for plain text and files: no frame, and each link whole on its own line so it can
    be copied (a frame would fold it)."""
    parts: list[RenderableType] = [
        Text(f"{_(EVIDENCE_HEADING)} ({note.when}):", style="bold"),
        Text(note.text),
        *source_entries(note, whole=True),
    ]
    return Group(*parts)
