"""The habits readers bring from less and vim, on an in-memory console: read means read, the way
back from a jump, a search that n and N walk, Esc that never quits."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from exotour.model import Tour
from exotour.state.progress import ProgressStore, Saved
from exotour.tui.overlays import ContentsOverlay
from exotour.tui.search_overlay import SearchOverlay
from exotour.tui.walkthrough import Position, Walkthrough


def walkthrough(tour: Tour, state: Path, size: tuple[int, int] = (80, 24)) -> Walkthrough:
    console = Console(file=io.StringIO(), width=size[0], height=size[1], color_system=None)
    return Walkthrough(tour, console, ProgressStore(state, tour.id), Saved(), Position(0))


def screen_text(walk: Walkthrough) -> str:
    console = Console(file=io.StringIO(), width=walk.size[0], color_system=None)
    with console.capture() as capture:
        console.print(walk.screen())
    return capture.get()


def saved_entry(state: Path, tour: Tour) -> dict[str, object]:
    entry = json.loads((state / "progress.json").read_text())["tours"][tour.id]
    assert isinstance(entry, dict)
    return entry


def many_pages(tour: Tour, walk: Walkthrough, least: int = 3) -> int:
    return next(i for i in range(len(tour.sections)) if walk.pages.count(i) >= least)


# -- read means read -------------------------------------------------------------------------------


def test_a_section_is_ticked_only_once_its_last_page_shows(tour: Tour, tmp_path: Path) -> None:
    walk = walkthrough(tour, tmp_path)
    first = tour.section_ids[0]
    count = walk.pages.count(0)
    walk.save()
    assert first not in walk.saved.visited
    for _ in range(count - 2):
        walk.handle("n")
    assert first not in walk.saved.visited
    assert walk.seen(first) == (count - 1, count)
    walk.handle("n")  # the last page
    assert first in walk.saved.visited
    assert saved_entry(tmp_path, tour)["visited"] == [first]


def test_a_jump_ticks_nothing_but_g_end_shows_the_last_page(tour: Tour, tmp_path: Path) -> None:
    walk = walkthrough(tour, tmp_path)
    walk.handle("3")
    assert walk.saved.visited == frozenset()  # one page of section 3 is not reading it
    walk.handle("G")
    last = tour.section_ids[-1]
    assert walk.saved.visited == {last}  # its last page is on screen: read
    walk.handle("1")
    assert tour.section_ids[0] not in walk.saved.visited


def test_the_contents_show_how_far_a_section_was_read(tour: Tour, tmp_path: Path) -> None:
    walk = walkthrough(tour, tmp_path)
    count = walk.pages.count(0)
    walk.handle("n")
    walk.handle("t")
    assert isinstance(walk.overlay, ContentsOverlay)
    text = screen_text(walk)
    assert f"2/{count}" in text
    assert "> " in text.split("\n")[1]  # the chosen row is marked, whatever the styles


def test_seen_and_the_anchor_are_saved_and_read_back(tour: Tour, tmp_path: Path) -> None:
    walk = walkthrough(tour, tmp_path)
    walk.handle("n")
    entry = saved_entry(tmp_path, tour)
    assert entry["anchor"] == list(walk.place)
    assert entry["seen"] == {tour.section_ids[0]: [2, walk.pages.count(0)]}
    loaded = ProgressStore(tmp_path, tour.id).load()
    assert loaded.anchor == tuple(walk.place)


# -- the way back ----------------------------------------------------------------------------------


@pytest.mark.parametrize("back", ["'", "\x0f"])  # ' as in less, Ctrl-O as in vim
def test_quote_returns_to_the_place_before_the_last_jump(
    tour: Tour, tmp_path: Path, back: str
) -> None:
    walk = walkthrough(tour, tmp_path)
    walk.handle("n")
    here = walk.position
    for jump in ("4", "G", "g"):
        walk.handle(jump)
        assert walk.position != here
        walk.handle(back)
        assert walk.position == here
        walk.handle(back)  # and again: back to where the jump led, as '' in less
        walk.handle(back)
    walk.handle("t")
    walk.handle("down")
    walk.handle("enter")
    assert walk.position.section == 1
    walk.handle(back)
    assert walk.position == here


def test_quote_with_no_jump_yet_says_so(tour: Tour, tmp_path: Path) -> None:
    walk = walkthrough(tour, tmp_path)
    walk.handle("'")
    assert walk.position == Position(0, 0)
    assert walk.message.startswith("No jump to go back from yet")


# -- keys as less has them -------------------------------------------------------------------------


@pytest.mark.parametrize(("forward", "backward"), [("j", "k"), ("f", "b"), ("space", "backspace")])
def test_less_keys_turn_pages(tour: Tour, tmp_path: Path, forward: str, backward: str) -> None:
    walk = walkthrough(tour, tmp_path)
    walk.handle(forward)
    assert walk.position == Position(0, 1)
    walk.handle(backward)
    assert walk.position == Position(0, 0)


@pytest.mark.parametrize("key", ["²", "①", "٣", "0", "½"])
def test_digits_that_are_not_ascii_never_jump_nor_crash(
    tour: Tour, tmp_path: Path, key: str
) -> None:
    walk = walkthrough(tour, tmp_path)
    assert walk.handle(key)
    assert walk.position == Position(0, 0)
    walk.handle("t")
    assert walk.handle(key)  # in the contents too
    walk.handle("esc")
    walk.handle("/")
    for each in ("c", "o", "l", "l", "a", "g", "e", "n", "enter", key):
        assert walk.handle(each)  # and in the list of hits


def test_escape_closes_the_overlay_then_does_not_quit(tour: Tour, tmp_path: Path) -> None:
    walk = walkthrough(tour, tmp_path)
    for opener in ("?", "t", "/", "w"):
        walk.handle(opener)
        assert walk.overlay is not None
        assert walk.handle("esc")
        assert walk.overlay is None
    assert walk.handle("esc")


# -- search as less has it -------------------------------------------------------------------------


def search(walk: Walkthrough, words: str) -> None:
    walk.handle("/")
    for char in words:
        walk.handle(char)
    walk.handle("enter")
    walk.handle("enter")


def test_n_and_big_n_walk_the_hits_and_esc_ends_the_search(tour: Tour, tmp_path: Path) -> None:
    walk = walkthrough(tour, tmp_path)
    walk.handle("n")
    before = walk.position
    search(walk, "fda")
    assert walk.search is not None
    total = walk.search.status[1]
    assert total > 2
    assert walk.search.status == (1, total)
    assert f"hit 1 of {total} · n/N next/prev · Esc ends search" in screen_text(walk)
    opened = walk.position
    walk.handle("n")
    assert walk.search.status == (2, total)
    assert "hit 2 of" in screen_text(walk)
    assert walk.highlight  # the words stay marked on every page of the search
    walk.handle("N")
    assert walk.position == opened
    walk.handle("N")  # round the start, to the last hit
    assert walk.search.status == (total, total)
    walk.handle("'")
    assert walk.position == before  # the place before the search
    walk.handle("esc")
    assert walk.search is None
    assert walk.message == "Search ended; / searches again"
    walk.handle("n")  # with no search, n is the next page again
    assert walk.position == Position(before.section, before.page + 1)


def test_slash_offers_the_last_query_again(tour: Tour, tmp_path: Path) -> None:
    walk = walkthrough(tour, tmp_path)
    search(walk, "fda")
    walk.handle("esc")
    walk.handle("/")
    overlay = walk.overlay
    assert isinstance(overlay, SearchOverlay)
    assert overlay.query == "fda"
    assert "Search: fda" in screen_text(walk)
    walk.handle("c")  # typing replaces the words offered
    assert overlay.query == "c"
    walk.handle("esc")
    walk.handle("/")
    assert isinstance(walk.overlay, SearchOverlay)
    walk.handle("backspace")  # Backspace edits them instead
    assert walk.overlay.query == "fd"


def test_more_than_nine_hits_are_chosen_by_moving(tour: Tour, tmp_path: Path) -> None:
    walk = walkthrough(tour, tmp_path)
    walk.handle("/")
    for char in "exosome":
        walk.handle(char)
    walk.handle("enter")
    overlay = walk.overlay
    assert isinstance(overlay, SearchOverlay)
    assert len(overlay.hits) > 9
    text = screen_text(walk)
    assert "1-9" not in text
    assert "↑↓ or j k: choose" in text
    for _ in range(10):
        walk.handle("j")
    assert overlay.selected == 10
    walk.handle("k")
    assert overlay.selected == 9
    walk.handle("5")  # no digit choice once there are more hits than digits
    assert overlay.selected == 9
    hit = overlay.hits[9]
    walk.handle("enter")
    if hit.section is not None:
        assert walk.position.section == hit.section
