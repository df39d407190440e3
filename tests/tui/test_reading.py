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
    # The hits counted in reading order: the one opened is where it is among them.
    first, total = walk.search.status
    assert total > 2
    assert first < total
    assert f"hit {first} of {total} · n/N next/prev · Esc ends search" in screen_text(walk)
    opened = walk.position
    walk.handle("n")
    assert walk.search.status == (first + 1, total)
    assert f"hit {first + 1} of" in screen_text(walk)
    assert walk.highlight  # the words stay marked on every page of the search
    walk.handle("N")
    assert walk.position == opened
    for _ in range(first):
        walk.handle("N")  # round the start, to the last hit
    assert walk.search.status == (total, total)
    assert walk.message == "Search wrapped round to the last hit"
    walk.handle("'")
    assert walk.position == before  # the place before the search
    assert walk.search is None  # off its hits: the search is over
    assert "Esc ends search" not in screen_text(walk)
    walk.handle("n")  # with no search, n is the next page again
    assert walk.position == Position(before.section, before.page + 1)
    search(walk, "fda")
    walk.handle("esc")
    assert walk.search is None
    assert walk.message == "Search ended; / searches again"


def test_n_is_the_next_page_once_the_reader_reads_on_past_the_hits(
    tour: Tour, tmp_path: Path
) -> None:
    walk = walkthrough(tour, tmp_path)
    search(walk, "nebraska")
    assert walk.search is not None
    for _ in range(20):  # reading on, past the hits
        walk.handle("space")
        if walk.search is None:
            break
    assert walk.search is None
    assert walk.message == "Search ended: n is next page again; / searches"
    assert "hit " not in screen_text(walk)
    here = walk.position
    walk.handle("n")
    assert walk.position == step_on(walk, here, 1)


def step_on(walk: Walkthrough, position: Position, pages: int) -> Position:
    from exotour.tui.walkthrough import Action, step

    for _ in range(pages):
        position = step(position, Action.NEXT, len(walk.tour.sections), walk.pages.count)
    return position


def test_a_resize_keeps_the_current_hit_on_screen_and_its_count(tour: Tour, tmp_path: Path) -> None:
    from exotour.search.engine import match_spans

    walk = walkthrough(tour, tmp_path)
    search(walk, "fda")
    walk.handle("n")
    walk.handle("n")
    assert walk.search is not None
    status = walk.search.status
    for size in [(40, 15), (200, 60), (80, 24), (44, 18)]:
        walk._resize(size)
        assert walk.search is not None and walk.search.status == status, size
        page = walk.pages.pages(walk.position.section)[walk.position.page]
        assert match_spans(page.text, walk.search.terms), size
        assert f"hit {status[0]}" in screen_text(walk)


def test_the_list_counts_the_hits_as_search_does(tour: Tour, tmp_path: Path) -> None:
    from exotour.search.engine import ALL_HITS
    from exotour.search.engine import search as find

    walk = walkthrough(tour, tmp_path)
    walk.handle("/")
    for char in "fda":
        walk.handle(char)
    walk.handle("enter")
    found = find(tour, "fda", ALL_HITS)
    in_sections = [hit for hit in found if hit.section is not None]
    overlay = walk.overlay
    assert isinstance(overlay, SearchOverlay)
    assert overlay.message.startswith(f"{len(found)} results")
    walk.handle("enter")
    assert walk.search is not None and walk.search.status[1] == len(in_sections)


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


def test_typing_in_the_list_starts_a_new_query_with_every_letter(
    tour: Tour, tmp_path: Path
) -> None:
    walk = walkthrough(tour, tmp_path)
    walk.handle("/")
    for char in "exosome":
        walk.handle(char)
    walk.handle("enter")
    overlay = walk.overlay
    assert isinstance(overlay, SearchOverlay)
    assert len(overlay.hits) > 9
    assert "↑↓: choose" in screen_text(walk)
    for _ in range(10):
        walk.handle("down")
    walk.handle("up")
    assert overlay.selected == 9
    hit = overlay.hits[9]
    for char in "joint":  # j is no move: the new query is every letter typed
        walk.handle(char)
    assert overlay.query == "joint"
    assert "Search: joint" in screen_text(walk)
    walk.handle("enter")
    walk.handle("k")  # nor k
    assert overlay.query == "k"
    walk.handle("backspace")
    for char in "exosome":
        walk.handle(char)
    walk.handle("enter")
    for _ in range(9):
        walk.handle("down")
    walk.handle("enter")
    if hit.section is not None:
        assert walk.position.section == hit.section


# -- less habits: Ctrl-L, h, a section by its number -----------------------------------------------


def test_digits_reach_any_section_and_enter_ends_the_number(tour: Tour, tmp_path: Path) -> None:
    assert len(tour.sections) >= 10
    walk = walkthrough(tour, tmp_path)
    walk.handle("n")
    walk.handle("1")
    assert walk.position == Position(0)
    walk.handle("0")  # 1 then 0: section 10, as less reads a number
    assert walk.position == Position(9)
    walk.handle("enter")  # ends the number; the page stays
    assert walk.position == Position(9)
    walk.handle("'")  # back to before the first digit
    assert walk.position == Position(0, 1)
    walk.handle("3")
    walk.handle("4")  # no section 34: the 4 starts a number of its own
    assert walk.position == Position(3)


def test_colon_asks_for_a_section_number(tour: Tour, tmp_path: Path) -> None:
    walk = walkthrough(tour, tmp_path)
    for key in ":12":
        walk.handle(key)
    assert walk.position == Position(0)  # nothing moves until Enter
    assert walk.message.startswith(f"Go to section (1-{len(tour.sections)}): 12")
    walk.handle("backspace")
    walk.handle("0")
    walk.handle("enter")
    assert walk.position == Position(9)
    for key in [":", "9", "9", "enter"]:
        walk.handle(key)
    assert walk.position == Position(9)
    assert walk.message == f"No section 99: the tour has 1-{len(tour.sections)}"
    for key in [":", "2", "esc"]:
        walk.handle(key)
    assert walk.position == Position(9)


def test_h_opens_the_help_and_ctrl_l_redraws_quietly(tour: Tour, tmp_path: Path) -> None:
    from exotour.tui.overlays import HelpOverlay

    walk = walkthrough(tour, tmp_path)
    walk.handle("\x0c")
    assert walk.message == ""
    assert walk.position == Position(0)
    walk.handle("h")
    assert isinstance(walk.overlay, HelpOverlay)


def test_the_progress_bar_follows_the_reading_not_the_section_numbers(
    tour: Tour, tmp_path: Path
) -> None:
    from exotour.render.learn import reading_done

    words = [section.word_count for section in tour.sections]
    walk = walkthrough(tour, tmp_path)
    for key in ["8"]:
        walk.handle(key)
    pages = walk.pages.count(7)
    done = reading_done(tour, 7, 0, pages)
    expected = (sum(words[:7]) + words[7] / pages) / sum(words)
    assert abs(done - expected) < 1e-9
    assert f"{round(100 * expected)}%" in screen_text(walk).split("\n")[0]
    assert reading_done(tour, len(words) - 1, 0, 1) == 1.0
