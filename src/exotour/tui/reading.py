"""A reading session's state, without a terminal: the place (kept by the text), what was seen
and read, the way back from a jump, and how a resize or a reload moves none of it.

`place` is the anchor of the first line shown when the page was turned to, so a resize, a reload
or a resume at another size shows the page that holds it, and a resize there and back returns to
the very same first line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.console import Console

from exotour.i18n import _
from exotour.model import Tour
from exotour.render.palette import DARK, Palette
from exotour.state.progress import END, ProgressStore, Saved
from exotour.tui.overlay import Overlay
from exotour.tui.pages import Anchor, Paginator
from exotour.tui.position import Position

if TYPE_CHECKING:
    from exotour.tui.hits import ActiveSearch
    from exotour.tui.watch import Watcher


@dataclass
class Reading:
    """Where the reader is in the tour, at one terminal size."""

    tour: Tour
    console: Console
    store: ProgressStore
    saved: Saved
    position: Position
    message: str = ""
    highlight: tuple[str, ...] = ()
    overlay: Overlay | None = None
    size: tuple[int, int] = (80, 24)
    prefix: str = "exotour"  # suggested commands begin so: `exotour --content DIR` for a folder
    watcher: Watcher | None = None  # `learn --watch`: reload as the files change
    last_query: str = ""  # `/` offers it again
    search: ActiveSearch | None = None  # from `/` while on its hits: n and N walk them
    mark: tuple[int, Anchor] | None = None  # where `'` returns: the place before the last jump
    problems: tuple[str, ...] = ()  # --watch: why the files as they are now do not load
    palette: Palette = DARK  # colours for a dark or a light background
    pages: Paginator = field(init=False)
    _place: tuple[Position, Anchor] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.size = self._terminal_size()
        self.pages = Paginator(self.tour, *self.size)

    def _terminal_size(self) -> tuple[int, int]:
        width, height = self.console.size
        return width, height

    @property
    def finished(self) -> bool:
        return self.position.section >= len(self.tour.sections)

    # -- the place, by its text ------------------------------------------------------------------

    @property
    def place(self) -> Anchor:
        """The anchor of the reading place: the first line shown when the page was turned to."""
        if self._place is not None and self._place[0] == self.position:
            return self._place[1]
        if self.finished:
            return Anchor(0, 0)
        return self.pages.anchor(self.position.section, self.position.page)

    @property
    def anchor(self) -> tuple[str, int, int] | None:
        """(section id, block, offset) of the reading place; None on the closing panel."""
        if self.finished:
            return None
        return (self.tour.sections[self.position.section].id, *self.place)

    def open_at(self, section: int, place: Anchor) -> None:
        """Show the page of SECTION that holds PLACE (which stays the place kept)."""
        page = self.pages.page_of(section, place)
        self.position = Position(section, page)
        self._place = (self.position, place)

    def resume_at(self, section_id: str, block: int, offset: int) -> bool:
        """Open the saved anchor; False when the section is no longer in the tour."""
        if section_id not in self.tour.section_ids:
            return False
        self.open_at(self.tour.index_of(section_id), Anchor(block, offset))
        return True

    def seen(self, section_id: str) -> tuple[int, int] | None:
        """How far the reader got into a section: (pages seen, pages), or None."""
        return next(((far, count) for s, far, count in self.saved.seen if s == section_id), None)

    # -- moving ----------------------------------------------------------------------------------

    def save(self) -> None:
        if self.finished:
            self.saved = self.saved.at(END, 0, 1)
        else:
            section_id = self.tour.sections[self.position.section].id
            count = self.pages.count(self.position.section)
            # Saved.at ticks the section only when its last page is shown: read means read.
            anchor = (self.place.block, self.place.offset)
            self.saved = self.saved.at(section_id, self.position.page, count, anchor=anchor)
        before = len(self.store.warnings)
        self.store.save(self.saved)
        if len(self.store.warnings) > before:
            self.message = "Warning: " + self.store.warnings[-1]

    def seen_rows(self) -> tuple[tuple[str, int, int], ...]:
        return self.saved.seen

    def go(self, position: Position, place: Anchor | None = None) -> None:
        """Move to POSITION (whose reading place is PLACE, else its first line) and save it, as
        every page turn does."""
        if position != self.position:
            self.position = position
            self._place = (position, place) if place is not None else None
            self.highlight = self.search.terms if self.search is not None else ()
            self.save()

    def jump(self, position: Position) -> None:
        """Go to POSITION, remembering where the reader was for `'`."""
        if position != self.position:
            self.mark = (self.position.section, self.place)
        self.go(position)

    def back(self) -> None:
        """`'` and Ctrl-O: to the place before the last jump, which becomes the way back again."""
        if self.mark is None:
            self.message = _("No jump to go back from yet (' returns after t, /, a digit, g or G)")
            return
        here = (self.position.section, self.place)
        section, place = self.mark
        if section >= len(self.tour.sections):
            self.go(Position(len(self.tour.sections)))
        else:
            self.go(Position(section, self.pages.page_of(section, place)), place)
        self.mark = here

    # -- a search: active while the reader is on its hits ----------------------------------------

    def start_search(self, query: str, section: int, passage: int) -> None:
        """QUERY's hits become the search that n and N walk, from the hit the reader chose (the
        PASSAGE of SECTION)."""
        from exotour.tui.hits import start_search

        self.last_query = query
        self.search = start_search(self.tour, query, self._page_texts, (section, passage))

    def on_hit(self) -> bool:
        """Whether a search is active and the page shown holds one of its hits."""
        from exotour.tui.hits import Stop

        here = Stop(self.position.section, self.position.page)
        return self.search is not None and self.search.shows(here)

    def leave_search(self) -> None:
        """Reading on past a search's hits ends it: n is the next page again."""
        if self.search is not None and not self.on_hit():
            self.search, self.highlight = None, ()
            self.message = self.message or _("Search ended: n is next page again; / searches")

    def next_hit(self, by: int) -> None:
        assert self.search is not None
        stop, wrapped = self.search.move(by)
        self.go(Position(stop.section, stop.page))
        self.highlight = self.search.terms
        if wrapped:
            self.message = (
                _("Search wrapped round to the first hit")
                if by > 0
                else _("Search wrapped round to the last hit")
            )

    # -- changes from outside: a resize, a reload ------------------------------------------------

    def _clamp(self, position: Position) -> Position:
        if position.section >= len(self.tour.sections):
            return Position(len(self.tour.sections))
        last = self.pages.count(position.section) - 1
        return Position(position.section, min(position.page, last))

    def _resize(self, now: tuple[int, int]) -> None:
        """Keep the place across a resize: the page, at the new size, that holds its anchor."""
        place = self.place
        self.size, self.pages = now, Paginator(self.tour, *now)
        if not self.finished:
            self.open_at(self.position.section, place)
        if self.search is not None and not self.finished:
            # On a hit, the page that shows that hit at the new size: it stays on screen.
            on_hit = self.search.shows(self.search.here)
            self.search.repaginate(self._page_texts)
            if on_hit and self.position.section == self.search.here.section:
                stop = self.search.here
                self.position, self._place = Position(stop.section, stop.page), None

    def reload(self, tour: Tour) -> None:
        """The tour as its files are now (--watch): the same section, and the page that shows the
        line on top before (found by its text, so an edit above it moves nothing), or failing
        that the same anchor."""
        section, place = self.position.section, self.place
        line = self.pages.line_at(section, place) if not self.finished else ""
        if section < len(self.tour.sections):
            old_id = self.tour.sections[section].id
            if old_id in tour.section_ids:
                section = tour.index_of(old_id)  # sections may have moved: follow this one
            else:
                section, place = min(section, len(tour.sections) - 1), Anchor(0, 0)
        else:
            section = len(tour.sections)
        self.tour, self.pages, self.problems = tour, Paginator(tour, *self.size), ()
        self.overlay, self.search, self.highlight, self.mark = None, None, (), None
        if section >= len(tour.sections):
            self.position, self._place = Position(len(tour.sections)), None
        else:
            self.open_at(section, self.pages.find_line(section, line, place) or place)
        self.message = _("Reloaded: the files changed")

    def _page_texts(self, section: int) -> list[str]:
        return [page.text for page in self.pages.pages(section)]
