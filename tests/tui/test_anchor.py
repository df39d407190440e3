"""The place kept by the text: every page knows the anchor of its first line, and an anchor finds
its page again at any size."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.text import Text

from exotour.model import Tour
from exotour.render.screens import section_blocks
from exotour.tui.pages import (
    Anchor,
    Paginator,
    page_area,
    page_holding,
    paginate_anchored,
    render_lines,
)

widths = st.integers(min_value=30, max_value=220)
heights = st.integers(min_value=10, max_value=70)
SETTINGS = settings(max_examples=25, deadline=None)


def first_word(line: str) -> str:
    """The first word of a rendered line, without frames, bullets or padding."""
    words = re.findall(r"[\w'-]+", line)
    return words[0] if words else ""


def line_text(page_line: tuple[object, ...]) -> str:
    return "".join(getattr(segment, "text", "") for segment in page_line)


@SETTINGS
@given(width=widths, height=heights, data=st.data())
def test_the_anchor_of_any_page_maps_back_to_that_page(
    tour: Tour, width: int, height: int, data: st.DataObject
) -> None:
    index = data.draw(st.integers(min_value=0, max_value=len(tour.sections) - 1), label="section")
    pages = Paginator(tour, width, height)
    anchors = pages.anchors(index)
    assert len(anchors) == pages.count(index)
    assert list(anchors) == sorted(anchors)
    assert len(set(anchors)) == len(anchors)  # no two pages open on the same place
    for number, anchor in enumerate(anchors):
        assert pages.page_of(index, anchor) == number


@SETTINGS
@given(old=st.tuples(widths, heights), new=st.tuples(widths, heights), data=st.data())
def test_after_a_resize_the_anchors_page_shows_its_line(
    tour: Tour, old: tuple[int, int], new: tuple[int, int], data: st.DataObject
) -> None:
    index = data.draw(st.integers(min_value=0, max_value=len(tour.sections) - 1), label="section")
    before, after = Paginator(tour, *old), Paginator(tour, *new)
    number = data.draw(st.integers(min_value=0, max_value=before.count(index) - 1), label="page")
    anchor = before.anchor(index, number)
    shown = after.page_of(index, anchor)
    anchors = after.anchors(index)
    assert anchors[shown] <= anchor
    assert shown + 1 == len(anchors) or anchor < anchors[shown + 1]
    # The first word of the line on top before is on the page shown after (a long link may be
    # folded elsewhere at another width, so only words that fit any line are checked).
    top = [line_text(line) for line in before.pages(index)[number].lines[:2]]
    framed = top[0].lstrip().startswith(("┏", "╭"))  # a frame's title shortens when narrow
    word = first_word(top[1] if framed and len(top) > 1 else top[0])
    if word and len(word) < 20:
        assert word in after.pages(index)[shown].text.replace("\n", " ")
    # And there and back: the very same first line.
    assert before.page_of(index, anchor) == number


def test_a_resize_there_and_back_is_the_same_first_line_everywhere(tour: Tour) -> None:
    journey = [(80, 24), (30, 10), (200, 60), (120, 40), (80, 24)]
    start = Paginator(tour, 80, 24)
    for index in range(len(tour.sections)):
        for number in range(start.count(index)):
            anchor = start.anchor(index, number)
            for size in journey[1:]:
                Paginator(tour, *size).page_of(index, anchor)  # the anchor itself never moves
            assert start.page_of(index, anchor) == number


def test_lines_count_their_text_from_the_start_of_each_block() -> None:
    blocks = [Text("one two three four five six seven"), Text("eight nine")]
    lines = render_lines(blocks, 12)
    assert [each.anchor for each in lines] == [
        Anchor(0, 0),  # "one two"
        Anchor(0, 6),  # "three four": after o-n-e-t-w-o
        Anchor(0, 15),  # "five six"
        Anchor(0, 22),  # "seven"
        Anchor(1, 0),  # the blank line between the blocks belongs to the next
        Anchor(1, 0),  # "eight nine"
    ]
    pages, anchors = paginate_anchored(blocks, 12, 3)
    assert len(pages) == 2
    assert anchors == (Anchor(0, 0), Anchor(0, 22))
    assert page_holding(anchors, Anchor(0, 21)) == 0
    assert page_holding(anchors, Anchor(1, 3)) == 1
    assert page_holding(anchors, Anchor(0, 0)) == 0


def test_a_frame_title_is_not_counted(tour: Tour) -> None:
    """A narrow evidence note shortens its title: the lines under it keep their anchors."""
    index = next(i for i, s in enumerate(tour.sections) if s.evidence)
    blocks = section_blocks(tour, index)
    note = next(i for i, b in enumerate(blocks) if type(b).__name__ == "_NotePanel")
    wide = [each for each in render_lines(blocks, page_area(200, 40)[0]) if each.anchor[0] == note]
    narrow = [each for each in render_lines(blocks, page_area(40, 15)[0]) if each.anchor[0] == note]
    assert wide[1].anchor == narrow[1].anchor == Anchor(note, 0)  # the first line of the text


def test_text_never_runs_wider_than_the_reading_width(tour: Tour) -> None:
    assert page_area(200, 60) == page_area(104, 60) == (100, 56)
    for line in Paginator(tour, 200, 60).pages(0)[0].lines:
        assert len(line_text(line).rstrip()) <= 100
