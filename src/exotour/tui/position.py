"""Where the reader is, and where a key leads: pure rules, tested without a terminal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from exotour.i18n import _
from exotour.model import Tour
from exotour.state.progress import END, Saved
from exotour.tui.keys import EOF_KEY
from exotour.tui.pages import Anchor


class Action(Enum):
    NEXT = "next"
    PREV = "prev"
    FIRST = "first"
    LAST = "last"
    QUIT = "quit"


# Page keys as less has them (the page model stays: j and down turn a whole page).
KEYS: dict[str, Action] = {
    "right": Action.NEXT,
    "n": Action.NEXT,
    "space": Action.NEXT,
    "enter": Action.NEXT,
    "pagedown": Action.NEXT,
    "down": Action.NEXT,
    "j": Action.NEXT,
    "f": Action.NEXT,
    "left": Action.PREV,
    "p": Action.PREV,
    "pageup": Action.PREV,
    "up": Action.PREV,
    "backspace": Action.PREV,
    "k": Action.PREV,
    "b": Action.PREV,
    "home": Action.FIRST,
    "g": Action.FIRST,
    "end": Action.LAST,
    "G": Action.LAST,
    "q": Action.QUIT,
    "Q": Action.QUIT,
    EOF_KEY: Action.QUIT,
}
# The keys that jump (rather than turn a page): `'` comes back from them.
JUMPS = frozenset({Action.FIRST, Action.LAST})
CTRL_O = "\x0f"
REDRAW = "\x0c"  # Ctrl-L, as in less: draw the screen again


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
    """The page that holds the same place once a section has NEW_PAGES instead of OLD_PAGES
    (for progress files from before anchors, which kept only a page number)."""
    if old_pages == new_pages:
        return min(page, new_pages - 1)
    return min(new_pages - 1, max(0, round(page * new_pages / max(old_pages, 1))))


def resume_position(
    tour: Tour,
    saved: Saved,
    pages: Callable[[int], int],
    page_of: Callable[[int, Anchor], int] | None = None,
) -> Position | None:
    """The saved place in this tour, or None when there is none or it no longer exists. With
    PAGE_OF and a saved anchor, the page that holds the anchor; else the saved page, rescaled."""
    if saved.section is None:
        return None
    if saved.section == END:
        return Position(len(tour.sections))
    if saved.section not in tour.section_ids:
        return None
    index = tour.index_of(saved.section)
    if page_of is not None and saved.anchor is not None:
        return Position(index, page_of(index, Anchor(*saved.anchor)))
    return Position(index, rescale(saved.page, saved.pages, pages(index)))


def describe(tour: Tour, position: Position, pages: Callable[[int], int]) -> str:
    if position.section >= len(tour.sections):
        return _("the end of the tour")
    count = pages(position.section)
    return _("section {number}, page {page} of {pages}").format(
        number=position.section + 1, page=position.page + 1, pages=count
    )
