"""The paginator: for any terminal from 40x12 up, pages fit, hold all the text, and turn back.

The checks are on what is drawn (cell widths of rendered lines), not on the source text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.markdown import Markdown
from rich.text import Text

from exotour.model import Tour
from exotour.render.page import Page
from exotour.render.screens import closing_screen, evidence_note, learn_screen, section_blocks
from exotour.tui.pages import (
    MIN_HEIGHT,
    MIN_WIDTH,
    Paginator,
    fits,
    page_area,
    paginate,
    render_block_lines,
    split_lines,
)
from exotour.tui.walkthrough import Action, Position, step

SETTINGS = settings(max_examples=60, deadline=None)

widths = st.integers(min_value=40, max_value=200)
heights = st.integers(min_value=12, max_value=60)


def plain_lines(page: Page) -> list[str]:
    return ["".join(seg.text for seg in line).rstrip() for line in page.lines]


def assert_pages_fit(pages: tuple[Page, ...], columns: int, rows: int) -> None:
    assert pages, "a section has at least one page"
    for page in pages:
        assert len(page.lines) <= rows
        for line in page.lines:
            assert cell_len("".join(seg.text for seg in line)) <= columns


def assert_pages_hold_everything(pages: tuple[Page, ...], full: list[str]) -> None:
    """The pages in order are the whole rendering, less only blank lines where a page breaks."""
    at = 0
    for page in pages:
        lines = plain_lines(page)
        while at < len(full) and not full[at].strip():
            at += 1  # the blank lines a break swallows
        assert full[at : at + len(lines)] == lines
        assert not lines or (lines[0].strip() and lines[-1].strip()), "no blank page edges"
        at += len(lines)
    assert not any(line.strip() for line in full[at:]), "text after the last page"


def rendered(blocks: Sequence[RenderableType], columns: int) -> list[str]:
    return [
        "".join(seg.text for seg in line).rstrip()
        for line, _ in render_block_lines(blocks, columns)
    ]


def screen_lines(renderable: RenderableType, width: int, height: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, height=height, color_system=None)
    options = console.options.update(width=width, height=height)
    lines = console.render_lines(renderable, options, pad=False)
    return ["".join(seg.text for seg in line) for line in lines]


# -- the built-in tour at any size -----------------------------------------------------------------


@SETTINGS
@given(width=widths, height=heights, data=st.data())
def test_every_page_of_the_tour_fits_and_holds_all_the_text(
    tour: Tour, width: int, height: int, data: st.DataObject
) -> None:
    index = data.draw(st.integers(min_value=0, max_value=len(tour.sections) - 1), label="section")
    columns, rows = page_area(width, height)
    pages = Paginator(tour, width, height).pages(index)
    assert_pages_fit(pages, columns, rows)
    assert_pages_hold_everything(pages, rendered(section_blocks(tour, index), columns))


@SETTINGS
@given(width=widths, height=heights)
def test_next_then_previous_returns_to_the_same_page(tour: Tour, width: int, height: int) -> None:
    pages = Paginator(tour, width, height)
    sections = len(tour.sections)
    positions = [Position(i, p) for i in range(sections) for p in range(pages.count(i))]
    for position in positions:
        forward = step(position, Action.NEXT, sections, pages.count)
        assert forward > position
        assert step(forward, Action.PREV, sections, pages.count) == position
    # Pressing next from the first page visits every page once, then the closing panel.
    seen = [Position(0, 0)]
    while seen[-1].section < sections:
        seen.append(step(seen[-1], Action.NEXT, sections, pages.count))
    assert seen == [*positions, Position(sections)]


@settings(max_examples=25, deadline=None)
@given(width=widths, height=heights, data=st.data())
def test_the_whole_learn_screen_fits_the_terminal(
    tour: Tour, width: int, height: int, data: st.DataObject
) -> None:
    """The page inside its frame, the header and the key line: exactly the terminal's rows."""
    index = data.draw(st.integers(min_value=0, max_value=len(tour.sections) - 1), label="section")
    pages = Paginator(tour, width, height).pages(index)
    number = data.draw(st.integers(min_value=0, max_value=len(pages) - 1), label="page")
    screen = learn_screen(tour, index, pages[number], number, len(pages), (width, height), "")
    lines = screen_lines(screen, width, height)
    assert len(lines) == height
    assert all(cell_len(line) <= width for line in lines)
    long = f"Section {index + 1} of {len(tour.sections)} · page {number + 1}"
    short = f"Section {index + 1}/{len(tour.sections)} · page {number + 1}/"
    assert lines[0].startswith((long, short))  # the short form where the long would be cut
    assert lines[-2].startswith("╰") and lines[-2].rstrip().endswith("╯")
    body = "\n".join(lines)
    assert all(text in body for text in plain_lines(pages[number]))

    closing = screen_lines(closing_screen(tour, (width, height), ""), width, height)
    assert len(closing) == height
    assert "Tour complete" in closing[1]


@pytest.mark.parametrize("width", [40, 44, 50, 60, 80])
def test_an_evidence_note_never_loses_its_date_to_the_frame(tour: Tour, width: int) -> None:
    columns, _ = page_area(width, 24)
    notes = [note for section in tour.sections for note in section.evidence]
    assert notes
    for note in notes:
        top = screen_lines(evidence_note(note), columns, 100)[0]
        # Its date as the heading words it (an undated note: "undated; stored copy checked ..."),
        # or, where the frame is narrow, the heading's shorter forms.
        short = "undated" if note.undated else note.as_of
        shown = (f"({note.when})", f"Evidence ({note.when.split(';')[0]})", f"Evidence, {short} ")
        assert any(words in top for words in shown), top
        assert top.startswith("┏━ ") and top.endswith("┓")


# -- any Markdown ----------------------------------------------------------------------------------

words = st.text(alphabet=st.sampled_from("abcdefghij漢字é"), min_size=1, max_size=12) | st.text(
    alphabet="xyz-/", min_size=40, max_size=250
)  # some words longer than any line
sentences = st.lists(words, min_size=1, max_size=40).map(" ".join)
blocks = st.one_of(
    sentences,
    sentences.map(lambda s: f"# {s}"),
    sentences.map(lambda s: f"> {s}"),
    st.lists(sentences, min_size=1, max_size=6).map(lambda xs: "\n".join(f"- {x}" for x in xs)),
    st.lists(sentences, min_size=1, max_size=6).map(lambda xs: "\n".join(f"1. {x}" for x in xs)),
    st.lists(sentences, min_size=1, max_size=5).map(lambda xs: "```\n" + "\n".join(xs) + "\n```"),
    st.just("---"),
    st.just(""),
)
markdown = st.lists(blocks, min_size=0, max_size=25).map("\n\n".join)


@settings(max_examples=80, deadline=None)
@given(text=markdown, width=widths, height=heights)
def test_any_markdown_is_cut_into_pages_that_fit(text: str, width: int, height: int) -> None:
    columns, rows = page_area(width, height)
    body = [Markdown(text, hyperlinks=False)]
    pages = paginate(body, columns, rows)
    assert_pages_fit(pages, columns, rows)
    assert_pages_hold_everything(pages, rendered(body, columns))


# -- the rules of the cut --------------------------------------------------------------------------


def test_a_page_breaks_between_blocks_in_its_lower_half() -> None:
    blocks: list[RenderableType] = [
        Text("\n".join(f"block {n} line {i}" for i in range(4))) for n in range(5)
    ]
    pages = split_lines(render_block_lines(blocks, 40), 10)
    # Blocks of four lines and a blank between: each page holds two whole blocks, not 10 lines.
    assert [len(page.lines) for page in pages] == [9, 9, 4]
    assert [plain_lines(page)[0] for page in pages] == [
        "block 0 line 0",
        "block 2 line 0",
        "block 4 line 0",
    ]


def test_with_no_break_near_a_page_is_cut_at_its_full_height() -> None:
    pages = split_lines(render_block_lines([Text("\n".join(map(str, range(25))))], 40), 10)
    assert [plain_lines(page) for page in pages] == [
        [str(i) for i in range(0, 10)],
        [str(i) for i in range(10, 20)],
        [str(i) for i in range(20, 25)],
    ]


def test_an_empty_section_still_has_one_page() -> None:
    assert paginate([], 40, 10) == (Page(()),)


def test_page_area_and_the_smallest_terminal() -> None:
    assert page_area(80, 24) == (76, 20)
    assert page_area(40, 15) == (36, 11)
    assert fits(MIN_WIDTH, MIN_HEIGHT)
    assert not fits(MIN_WIDTH - 1, MIN_HEIGHT)
    assert not fits(MIN_WIDTH, MIN_HEIGHT - 1)
