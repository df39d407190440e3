"""Saved, the value: "read" means the last page was shown, the furthest page is kept, and the
quiz scores and ticks survive a restart."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from exotour.state.progress import END, Saved


def test_opening_a_section_is_not_reading_it() -> None:
    saved = Saved().at("safety", 0, 5, anchor=(0, 0))
    assert saved.visited == frozenset()
    assert saved.progress("safety") == (1, 5)
    saved = saved.at("safety", 1, 5, anchor=(3, 40))
    assert (saved.section, saved.page, saved.pages, saved.anchor) == ("safety", 1, 5, (3, 40))
    assert saved.progress("safety") == (2, 5)
    read = saved.at("safety", 4, 5)
    assert read.visited == {"safety"}
    assert read.progress("safety") is None  # a tick, not "5/5"


def test_going_back_keeps_the_furthest_page_and_the_end_keeps_the_ticks() -> None:
    saved = Saved().at("a", 3, 4).at("b", 2, 6).at("b", 0, 6)
    assert saved.progress("b") == (3, 6)
    larger = saved.at("b", 1, 2)  # on a larger terminal the section has 2 pages: its last shown
    assert larger.visited == {"a", "b"}
    ended = saved.at(END, 0, 1)
    assert (ended.section, ended.anchor, ended.visited) == (END, None, frozenset({"a"}))


def test_a_restart_keeps_what_was_read_and_the_quiz_scores() -> None:
    saved = Saved().at("a", 0, 1).at("b", 0, 3, anchor=(1, 2)).with_quiz("all", 3, 4)
    again = saved.restarted()
    assert (again.section, again.anchor, again.page) == (None, None, 0)
    assert again.visited == {"a"}
    assert again.quiz_best == (("all", 3, 4),)
    assert again.progress("b") == (1, 3)


@given(st.lists(st.tuples(st.sampled_from("abc"), st.integers(-2, 9), st.integers(-1, 9))))
def test_any_page_turns_keep_the_place_in_range_and_never_untick(
    turns: list[tuple[str, int, int]],
) -> None:
    saved = Saved()
    for section, page, pages in turns:
        before = saved.visited
        saved = saved.at(section, page, pages)
        assert before <= saved.visited
        assert 0 <= saved.page < saved.pages
        for name, shown, count in saved.seen:
            assert 1 <= shown <= count
            assert name in saved.visited or saved.progress(name) == (shown, count)
