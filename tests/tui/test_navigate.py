"""Moving through the tour: the pure rules (step, rescale, resume) and the key handling of learn."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from exotour.model import Tour
from exotour.render.learn import place_label as header
from exotour.state.progress import END, ProgressStore, Saved
from exotour.tui.pages import Paginator
from exotour.tui.walkthrough import (
    KEYS,
    Action,
    Position,
    Walkthrough,
    describe,
    rescale,
    resume_position,
    step,
)

# Three sections of 3, 1 and 2 pages.
PAGES = (3, 1, 2)


def count(index: int) -> int:
    return PAGES[index]


def go(position: Position, action: Action) -> Position:
    return step(position, action, len(PAGES), count)


# -- step ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "action", "end"),
    [
        (Position(0, 0), Action.NEXT, Position(0, 1)),
        (Position(0, 2), Action.NEXT, Position(1, 0)),  # last page: on to the next section
        (Position(1, 0), Action.NEXT, Position(2, 0)),
        (Position(2, 1), Action.NEXT, Position(3)),  # the closing panel
        (Position(3), Action.NEXT, Position(3)),  # nothing after it
        (Position(0, 0), Action.PREV, Position(0, 0)),  # nothing before the first page
        (Position(0, 1), Action.PREV, Position(0, 0)),
        (Position(1, 0), Action.PREV, Position(0, 2)),  # back onto the last page of the section
        (Position(3), Action.PREV, Position(2, 1)),  # from the closing panel to the last page
        (Position(2, 1), Action.FIRST, Position(0, 0)),
        (Position(0, 1), Action.LAST, Position(2, 1)),
        (Position(1, 0), Action.QUIT, Position(1, 0)),
    ],
)
def test_step(start: Position, action: Action, end: Position) -> None:
    assert go(start, action) == end


def test_next_then_previous_is_where_you_were_everywhere() -> None:
    everywhere = [Position(s, p) for s, n in enumerate(PAGES) for p in range(n)]
    for position in everywhere:
        assert go(go(position, Action.NEXT), Action.PREV) == position
    for position in [*everywhere[1:], Position(len(PAGES))]:
        assert go(go(position, Action.PREV), Action.NEXT) == position


def test_the_keys_the_issue_names() -> None:
    for key in ("right", "n", "space", "enter", "j", "f", "pagedown", "down"):
        assert KEYS[key] is Action.NEXT
    for key in ("left", "p", "backspace", "k", "b", "pageup", "up"):
        assert KEYS[key] is Action.PREV
    for key in ("q", "eof"):
        assert KEYS[key] is Action.QUIT
    assert "esc" not in KEYS  # Esc closes what is open; it never quits the tour


# -- rescale and resume ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "old", "new", "expected"),
    [
        (0, 6, 16, 0),
        (5, 6, 16, 13),  # the same fraction of the section
        (15, 16, 6, 6 - 1),  # never past the last page
        (3, 6, 6, 3),
        (9, 2, 2, 1),  # a saved page past the end is clamped
        (0, 1, 1, 0),
    ],
)
def test_rescale(page: int, old: int, new: int, expected: int) -> None:
    assert rescale(page, old, new) == expected


def test_rescale_always_gives_a_page_that_exists() -> None:
    for old in range(1, 12):
        for new in range(1, 12):
            for page in range(old):
                assert 0 <= rescale(page, old, new) < new


def test_resume_position(tour: Tour) -> None:
    pages = [4] * len(tour.sections)
    second = tour.section_ids[1]
    assert resume_position(tour, Saved(), pages.__getitem__) is None
    assert resume_position(tour, Saved(second, 2, 4), pages.__getitem__) == Position(1, 2)
    assert resume_position(tour, Saved(second, 1, 2), pages.__getitem__) == Position(1, 2)
    assert resume_position(tour, Saved("gone", 1, 2), pages.__getitem__) is None
    end = Position(len(tour.sections))
    assert resume_position(tour, Saved(END, 0, 1), pages.__getitem__) == end


def test_describe(tour: Tour) -> None:
    assert describe(tour, Position(0, 1), lambda _: 6) == "section 1, page 2 of 6"
    assert describe(tour, Position(len(tour.sections)), lambda _: 6) == "the end of the tour"


# -- the key loop's decisions, on an in-memory console ---------------------------------------------


def walkthrough(tour: Tour, state: Path, size: tuple[int, int] = (80, 24)) -> Walkthrough:
    console = Console(file=io.StringIO(), width=size[0], height=size[1], color_system=None)
    store = ProgressStore(state, tour.id)
    return Walkthrough(tour, console, store, Saved(), Position(0))


def saved_place(state: Path, tour: Tour) -> tuple[str, int]:
    entry = json.loads((state / "progress.json").read_text())["tours"][tour.id]
    return entry["section"], entry["page"]


def test_every_page_turn_is_saved(tour: Tour, tmp_path: Path) -> None:
    walk = walkthrough(tour, tmp_path)
    first = tour.section_ids[0]
    assert walk.handle("n")
    assert walk.position == Position(0, 1)
    assert saved_place(tmp_path, tour) == (first, 1)
    assert walk.handle("right")
    assert walk.handle("left")
    assert saved_place(tmp_path, tour) == (first, 1)
    assert walk.handle("3")
    assert walk.position == Position(2, 0)
    assert saved_place(tmp_path, tour) == (tour.section_ids[2], 0)


def test_quit_keys_end_the_walkthrough(tour: Tour, tmp_path: Path) -> None:
    walk = walkthrough(tour, tmp_path)
    assert not walk.handle("q")
    assert not walk.handle("eof")


def test_escape_never_quits(tour: Tour, tmp_path: Path) -> None:
    walk = walkthrough(tour, tmp_path)
    assert walk.handle("esc")
    assert walk.message == "Esc closes what is open; q quits the tour"
    assert walk.position == Position(0, 0)


def test_an_unknown_key_says_so(tour: Tour, tmp_path: Path) -> None:
    walk = walkthrough(tour, tmp_path)
    assert walk.handle("z")
    assert walk.position == Position(0, 0)
    assert walk.message == "That key does nothing here; press ? for the keys"


def test_the_last_page_leads_to_the_closing_panel(tour: Tour, tmp_path: Path) -> None:
    walk = walkthrough(tour, tmp_path)
    walk.handle("end")
    assert walk.handle("n")
    assert walk.finished
    assert saved_place(tmp_path, tour) == (END, 0)
    walk.draw(walk.screen())
    assert "Tour complete" in output(walk)
    assert walk.handle("p")
    last = len(tour.sections) - 1
    assert walk.position == Position(last, walk.pages.count(last) - 1)


def output(walk: Walkthrough) -> str:
    stream = walk.console.file
    assert isinstance(stream, io.StringIO)
    return stream.getvalue()


@pytest.mark.parametrize("size", [(80, 24), (40, 15), (40, 12)])
def test_draw_paints_exactly_one_screen(tour: Tour, tmp_path: Path, size: tuple[int, int]) -> None:
    walk = walkthrough(tour, tmp_path, size)
    walk.draw(walk.screen())
    lines = output(walk).split("\n")
    assert len(lines) == size[1]
    assert all(len(line) == size[0] for line in lines)
    assert header(tour, 0, 0, walk.pages.count(0), size[0]) in lines[0]


@pytest.mark.parametrize("width", [40, 44, 60, 80])
def test_the_header_keeps_one_form_on_every_page(tour: Tour, width: int) -> None:
    """At 40 columns the header does not change form once a page number has two digits."""
    forms = {
        "/" in header(tour, section, page, 99, width).split("·")[0]
        for section in range(len(tour.sections))
        for page in range(0, 99, 7)
    }
    assert len(forms) == 1


def test_a_terminal_too_small_says_so_and_keys_wait(tour: Tour, tmp_path: Path) -> None:
    walk = walkthrough(tour, tmp_path, (25, 8))
    walk.draw(walk.screen())
    assert "exotour needs at least 30x10" in " ".join(output(walk).split())
    assert walk.handle("n")
    assert walk.position == Position(0, 0)
    assert not walk.handle("q")


def test_a_resize_keeps_the_place(tour: Tour, tmp_path: Path) -> None:
    """The page shown after a resize holds the first line shown before; back again, the very
    same first line is on top."""
    walk = walkthrough(tour, tmp_path)
    walk.handle("n")
    before = walk.pages.pages(0)[1].lines[0]
    anchor = walk.anchor
    assert anchor is not None and anchor[0] == tour.section_ids[0]
    walk._resize((40, 15))
    assert walk.pages.count(0) > Paginator(tour, 80, 24).count(0)
    assert walk.anchor == anchor  # the place is kept, not rounded to the new pages
    shown = walk.pages.anchors(0)
    page = walk.position.page
    assert shown[page] <= walk.place and (page + 1 == len(shown) or walk.place < shown[page + 1])
    walk._resize((80, 24))
    assert walk.position == Position(0, 1)
    assert walk.pages.pages(0)[1].lines[0] == before


def test_help_and_contents_overlays(tour: Tour, tmp_path: Path) -> None:
    walk = walkthrough(tour, tmp_path)
    assert walk.handle("?")
    assert walk.overlay is not None
    assert walk.handle("x")  # any key closes the help
    assert walk.overlay is None
    assert walk.handle("t")
    assert walk.handle("down")
    assert walk.handle("down")
    assert walk.handle("enter")
    assert walk.overlay is None
    assert walk.position == Position(2, 0)


def test_the_next_section_is_cut_ahead_while_the_reader_reads(tour: Tour, tmp_path: Path) -> None:
    walk = walkthrough(tour, tmp_path)
    walk.handle("4")
    assert not walk.pages.is_cut(4) and not walk.pages.is_cut(2)
    walk.cut_ahead()
    assert walk.pages.is_cut(4)  # the next one first
    assert not walk.pages.is_cut(2)  # one section a call: a key never waits for more
    walk.cut_ahead()
    assert walk.pages.is_cut(2)  # then the one before
    walk.handle("G")
    walk.cut_ahead()  # nothing after the last section: no error
