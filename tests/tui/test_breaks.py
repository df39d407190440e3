"""Pages break by meaning: no page ends on a heading or a label, a note stays with its sources
where the two fit a page, and a page's spare rows are fewer than the block pushed over needs.

Held over every page of the built-in tour and of generated tours, at many sizes."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import RenderableType
from rich.text import Text

from exotour.model import EvidenceNote, Section, Source, Tour
from exotour.render.page import Line, Page
from exotour.render.screens import section_blocks
from exotour.tui.breaks import is_label, line_text
from exotour.tui.pages import Paginator, page_area, render_lines

SIZES = [(40, 15), (80, 24), (200, 60), (44, 18), (60, 20), (100, 30), (120, 40)]


def _texts(page: Page) -> list[str]:
    return [line_text(line) for line in page.lines]


def _units(blocks: Sequence[RenderableType], columns: int) -> list[tuple[int, int]]:
    """Each rendered line's (group, block): the note-and-sources group, or the block alone."""
    return [
        (each.group if each.group >= 0 else 10_000 + each.anchor.block, each.anchor.block)
        for each in render_lines(blocks, columns)
    ]


def assert_breaks_by_meaning(tour: Tour, width: int, height: int) -> None:
    columns, rows = page_area(width, height)
    pages = Paginator(tour, width, height)
    for index in range(len(tour.sections)):
        blocks = section_blocks(tour, index)
        rendered = render_lines(blocks, columns)
        texts = [line_text(each.line) for each in rendered]
        sizes: dict[int, int] = {}
        for each in rendered:
            if each.group >= 0:
                sizes[each.group] = sizes.get(each.group, 0) + 1
        anchors = pages.anchors(index)
        section_pages = pages.pages(index)
        starts = [
            next(n for n, each in enumerate(rendered) if each.anchor == a and texts[n])
            for a in anchors
        ]
        where = f"section {index + 1} at {width}x{height}"
        for number, page in enumerate(section_pages[:-1]):
            last: Line = page.lines[-1]
            assert not is_label(last), f"{where}: page {number + 1} ends on {line_text(last)!r}"
            end = starts[number] + len(page.lines) - 1  # its last line, in the rendered lines
            after = starts[number + 1]
            group = rendered[end].group
            if group >= 0 and rendered[after].group == group:
                assert sizes[group] > rows, f"{where}: page {number + 1} splits a note that fits"
            # The spare rows: fewer than the lines the next page opens with before it could end.
            spare = rows - len(page.lines)
            pushed = after - end - 1  # the blank lines the break swallowed
            run = next(
                (
                    n
                    for n in range(after, len(texts))
                    if not texts[n] and not is_label(rendered[n - 1].line) and rendered[n].group < 0
                ),
                len(texts),
            )
            assert run - after + pushed > spare, (
                f"{where}: page {number + 1} leaves {spare} rows though "
                f"{run - after} lines were pushed over"
            )


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_built_in_tour_breaks_by_meaning(tour: Tour, width: int, height: int) -> None:
    assert_breaks_by_meaning(tour, width, height)


@settings(max_examples=15, deadline=None)
@given(width=st.integers(40, 200), height=st.integers(12, 60))
def test_the_built_in_tour_breaks_by_meaning_at_any_size(
    tour: Tour, width: int, height: int
) -> None:
    assert_breaks_by_meaning(tour, width, height)


words = st.sampled_from(
    ["the", "a", "note", "skin", "joint", "study", "trial", "small", "pilot", "cells", "vesicles"]
)
sentences = st.lists(words, min_size=3, max_size=60).map(lambda ws: " ".join(ws).capitalize() + ".")
paragraphs = st.one_of(
    sentences,
    sentences.map(lambda s: f"## {s[:30].rstrip('.')}"),
    st.tuples(sentences, st.lists(sentences, min_size=1, max_size=5)).map(
        lambda lead: lead[0].rstrip(".") + ":\n\n" + "\n".join(f"- {x}" for x in lead[1])
    ),
)
bodies = st.lists(paragraphs, min_size=1, max_size=12).map("\n\n".join)
sources = st.builds(
    Source,
    author=st.sampled_from(["FDA", "ISEV", "Fusco et al."]),
    year=st.integers(2000, 2026),
    url=st.sampled_from(
        ["https://www.fda.gov/x", "https://example.org/a/very/long/path/to/a/page"]
    ),
)
notes = st.builds(
    EvidenceNote,
    text=sentences,
    as_of=st.just("2026-12-01"),
    sources=st.lists(sources, min_size=1, max_size=4).map(tuple),
)
sections = st.builds(
    Section,
    id=st.just("s"),
    title=st.just("A section"),
    takeaway=st.just("A takeaway."),
    body=bodies,
    evidence=st.lists(notes, max_size=4).map(tuple),
)


@settings(max_examples=40, deadline=None)
@given(
    section=sections,
    size=st.sampled_from(SIZES) | st.tuples(st.integers(40, 200), st.integers(12, 60)),
)
def test_generated_tours_break_by_meaning(section: Section, size: tuple[int, int]) -> None:
    tour = Tour("t", "T", "", "Not advice.", (section,))
    assert_breaks_by_meaning(tour, *size)


def test_a_label_goes_over_with_what_it_introduces() -> None:
    from exotour.tui.pages import paginate

    lead = Text("Questions to ask:")
    blocks: list[RenderableType] = [Text("\n".join(f"line {i}" for i in range(7))), lead]
    blocks.append(Text("- the first question"))
    pages = paginate(blocks, 40, 10)
    assert [_texts(page)[-1] for page in pages] == ["line 6", "- the first question"]
