"""The walkthrough: which key does what, the position it leads to, and the loop that draws it.

`step` is pure, so the rules of movement are tested without a terminal; `Walkthrough.run` is the
thin loop around it that reads keys, draws screens and saves the place on every turn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from rich.console import Console, RenderableType
from rich.control import Control
from rich.segment import Segment, Segments

from exotour.errors import ExitStatus, Signalled
from exotour.model import Tour
from exotour.state.progress import END, ProgressStore, Saved
from exotour.tui.keys import EOF_KEY, REDRAW_KEY, KeyReader
from exotour.tui.overlay import CLOSE, Jump, Overlay
from exotour.tui.pages import MIN_HEIGHT, MIN_WIDTH, Paginator, fits


class Action(Enum):
    NEXT = "next"
    PREV = "prev"
    FIRST = "first"
    LAST = "last"
    QUIT = "quit"


KEYS: dict[str, Action] = {
    "right": Action.NEXT,
    "n": Action.NEXT,
    "space": Action.NEXT,
    "enter": Action.NEXT,
    "pagedown": Action.NEXT,
    "down": Action.NEXT,
    "left": Action.PREV,
    "p": Action.PREV,
    "pageup": Action.PREV,
    "up": Action.PREV,
    "backspace": Action.PREV,
    "home": Action.FIRST,
    "g": Action.FIRST,
    "end": Action.LAST,
    "G": Action.LAST,
    "q": Action.QUIT,
    "Q": Action.QUIT,
    "esc": Action.QUIT,
    EOF_KEY: Action.QUIT,
}


@dataclass(frozen=True, order=True)
class Position:
    """A page of a section; `section == len(sections)` is the closing panel."""

    section: int
    page: int = 0


def step(
    position: Position, action: Action, sections: int, pages: Callable[[int], int]
) -> Position:
    """Where ACTION leads from POSITION, given how many pages each section has."""
    section, page = position.section, position.page
    if action is Action.NEXT:
        if section >= sections:
            return position
        if page + 1 < pages(section):
            return Position(section, page + 1)
        return Position(section + 1, 0)
    if action is Action.PREV:
        if section >= sections:
            return Position(sections - 1, pages(sections - 1) - 1)
        if page > 0:
            return Position(section, page - 1)
        if section > 0:
            return Position(section - 1, pages(section - 1) - 1)
        return position
    if action is Action.FIRST:
        return Position(0, 0)
    if action is Action.LAST:
        return Position(sections - 1, pages(sections - 1) - 1)
    return position


def rescale(page: int, old_pages: int, new_pages: int) -> int:
    """The page that holds the same place once a section has NEW_PAGES instead of OLD_PAGES."""
    if old_pages == new_pages:
        return min(page, new_pages - 1)
    return min(new_pages - 1, max(0, round(page * new_pages / max(old_pages, 1))))


def resume_position(tour: Tour, saved: Saved, pages: Callable[[int], int]) -> Position | None:
    """The saved place in this tour, or None when there is none or it no longer exists."""
    if saved.section is None:
        return None
    if saved.section == END:
        return Position(len(tour.sections))
    if saved.section not in tour.section_ids:
        return None
    index = tour.index_of(saved.section)
    return Position(index, rescale(saved.page, saved.pages, pages(index)))


def describe(tour: Tour, position: Position, pages: Callable[[int], int]) -> str:
    if position.section >= len(tour.sections):
        return "the end of the tour"
    count = pages(position.section)
    return f"section {position.section + 1}, page {position.page + 1} of {count}"


@dataclass
class Walkthrough:
    """The interactive tour on a real terminal."""

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
    pages: Paginator = field(init=False)

    def __post_init__(self) -> None:
        self.size = self._terminal_size()
        self.pages = Paginator(self.tour, *self.size)

    def _terminal_size(self) -> tuple[int, int]:
        width, height = self.console.size
        return width, height

    @property
    def finished(self) -> bool:
        return self.position.section >= len(self.tour.sections)

    def save(self) -> None:
        if self.finished:
            self.saved = self.saved.at(END, 0, 1)
        else:
            section_id = self.tour.sections[self.position.section].id
            count = self.pages.count(self.position.section)
            self.saved = self.saved.at(section_id, self.position.page, count)
        before = len(self.store.warnings)
        self.store.save(self.saved)
        if len(self.store.warnings) > before:
            self.message = "Warning: " + self.store.warnings[-1]

    def go(self, position: Position) -> None:
        """Move to POSITION and save it, as every page turn does."""
        if position != self.position:
            self.position = position
            self.highlight = ()
            self.save()

    def screen(self) -> RenderableType:
        from exotour.render import screens as render

        if not fits(*self.size):
            return render.too_small_screen(self.size, (MIN_WIDTH, MIN_HEIGHT))
        if self.overlay is not None:
            return self.overlay.screen(self.size)
        if self.finished:
            return render.closing_screen(self.tour, self.size, self.message, self.prefix)
        section_pages = self.pages.pages(self.position.section)
        page = section_pages[self.position.page]
        if self.highlight:
            from exotour.render.highlight import highlight_page

            page = highlight_page(page, self.highlight)
        return render.learn_screen(
            self.tour,
            self.position.section,
            page,
            self.position.page,
            len(section_pages),
            self.size,
            self.message,
        )

    def draw(self, renderable: RenderableType) -> None:
        """Paint exactly one screenful from the top left, overwriting what was there."""
        width, height = self.size
        options = self.console.options.update(width=width, height=height)
        lines = self.console.render_lines(renderable, options, pad=True)[:height]
        lines += [[Segment(" " * width)]] * (height - len(lines))
        segments: list[Segment] = []
        for number, line in enumerate(lines):
            if number:
                segments.append(Segment.line())
            segments.extend(line)
        self.console.control(Control.home())
        self.console.print(Segments(segments), end="", crop=False)

    def run(self) -> ExitStatus:
        """The loop on the terminal, held by a TerminalSession (keys, screen, Ctrl-Z, signals);
        every way out saves the place: q, Ctrl-C (130), SIGTERM/SIGHUP (128+N, re-raised)."""
        from exotour.tui.session import TerminalSession

        self.position = self._clamp(self.position)
        self.save()
        try:
            with TerminalSession() as keys:
                return self._loop(keys)
        except KeyboardInterrupt:
            self.save()
            return ExitStatus.INTERRUPTED
        except Signalled:
            self.save()
            raise
        except OSError:  # the terminal went away under a write
            self.save()
            return ExitStatus.OK

    def _clamp(self, position: Position) -> Position:
        if position.section >= len(self.tour.sections):
            return Position(len(self.tour.sections))
        last = self.pages.count(position.section) - 1
        return Position(position.section, min(position.page, last))

    def _resize(self, now: tuple[int, int]) -> None:
        """Keep the place across a resize: the same fraction of the section, on the new pages."""
        old = self.pages.count(self.position.section) if not self.finished else 1
        self.size, self.pages = now, Paginator(self.tour, *now)
        if not self.finished:
            new = self.pages.count(self.position.section)
            self.position = Position(self.position.section, rescale(self.position.page, old, new))

    def handle(self, key: str) -> bool:
        """Act on one key; False when the walkthrough should end."""
        if self.overlay is not None:
            answer = self.overlay.handle(key)
            if key == EOF_KEY:
                return False
            if isinstance(answer, Jump):
                self.overlay = None
                last = self.pages.count(answer.section) - 1
                self.go(Position(answer.section, min(answer.page, last)))
                self.highlight = answer.highlight
            elif answer == CLOSE:
                self.overlay = None
            return True
        action = KEYS.get(key)
        if action is Action.QUIT:
            return False
        if not fits(*self.size):
            return True
        if action is not None:
            self.go(step(self.position, action, len(self.tour.sections), self.pages.count))
        elif key in OVERLAYS:
            self.overlay = OVERLAYS[key](self)
        elif key.isdigit() and key != "0" and int(key) <= len(self.tour.sections):
            self.go(Position(int(key) - 1))
        else:
            self.message = "That key does nothing here; press ? for the keys"
        return True

    def _loop(self, keys: KeyReader) -> ExitStatus:
        dirty = True
        while True:
            now = self._terminal_size()
            if now != self.size:
                self._resize(now)
                dirty = True
            if dirty:
                self.draw(self.screen())
                self.message = ""
                dirty = False
            key = keys.read_key(timeout=0.25)
            if key == REDRAW_KEY:  # back from Ctrl-Z: the screen was the shell's meanwhile
                dirty = True
                continue
            if key is None:
                continue
            dirty = True
            if not self.handle(key):
                self.save()
                return ExitStatus.OK


def _help_overlay(walkthrough: Walkthrough) -> Overlay:
    from exotour.tui.overlays import HelpOverlay

    return HelpOverlay(walkthrough.tour)


def _contents_overlay(walkthrough: Walkthrough) -> Overlay:
    from exotour.tui.overlays import ContentsOverlay

    current = min(walkthrough.position.section, len(walkthrough.tour.sections) - 1)
    return ContentsOverlay(walkthrough.tour, walkthrough.saved.visited, current)


def _glossary_overlay(walkthrough: Walkthrough) -> Overlay:
    from exotour.tui.glossary_overlay import page_overlay

    return page_overlay(walkthrough)


def _search_overlay(walkthrough: Walkthrough) -> Overlay:
    from exotour.tui.search_overlay import search_overlay

    return search_overlay(walkthrough)


# The keys that open an overlay, and how each is made. Features add theirs here.
OVERLAYS: dict[str, Callable[[Walkthrough], Overlay]] = {
    "?": _help_overlay,
    "t": _contents_overlay,
    "/": _search_overlay,
    "w": _glossary_overlay,
}
