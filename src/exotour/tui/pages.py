"""A section and a terminal size to pages that fit: pure, no terminal needed.

Pages are cut from the section's rendered lines, so a page can never be taller than the space it
is given, whatever the content. A break falls on a blank line or between blocks when one is near.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from rich.console import Console, RenderableType
from rich.panel import Panel

from exotour.model import Tour
from exotour.render.page import Line, Page

# The learn screen around a page: a header line, the panel's two borders, and the key line.
CHROME_ROWS = 4
# The panel's two borders and one column of padding on each side.
CHROME_COLUMNS = 4
MIN_WIDTH = 30
MIN_HEIGHT = 10


def page_area(width: int, height: int) -> tuple[int, int]:
    """The columns and rows a page may use on a terminal of WIDTH x HEIGHT."""
    return max(1, width - CHROME_COLUMNS), max(1, height - CHROME_ROWS)


def fits(width: int, height: int) -> bool:
    return width >= MIN_WIDTH and height >= MIN_HEIGHT


def _measuring_console(width: int) -> Console:
    # Styles (and links) are kept so pages carry them; the real console decides what to emit.
    from exotour.render.console import offscreen_console

    return offscreen_console(width, styled=True)


# How good a place to end a page each line is: after a blank line is best; inside a framed note
# (which reads badly cut in two) is a last resort; anywhere else in running text will do.
SOFT, ALLOWED, KEEP = 2, 1, 0


def render_block_lines(blocks: Sequence[RenderableType], width: int) -> list[tuple[Line, int]]:
    """Every line of the blocks at WIDTH, each with how good a place it is to end a page."""
    console = _measuring_console(width)
    options = console.options.update(width=width)
    out: list[tuple[Line, int]] = []
    for number, block in enumerate(blocks):
        if number:
            out.append(((), SOFT))  # a blank line between blocks
        lines = console.render_lines(block, options, pad=False, new_lines=False)
        framed = isinstance(block, Panel)
        for index, line in enumerate(lines):
            if not _text(tuple(line)):
                kind = SOFT
            elif framed and index < len(lines) - 1:
                kind = KEEP
            else:
                kind = ALLOWED
            out.append((tuple(line), kind))
    return out


def split_lines(lines: Sequence[tuple[Line, int]], rows: int) -> tuple[Page, ...]:
    """Cut lines into pages of at most ROWS lines.

    A page ends after a blank line in its lower two thirds if it can, else after the last line
    of running text, else inside a frame, so pages stay full without cutting notes in two.
    """
    rows = max(1, rows)
    pages: list[Page] = []
    start = 0
    total = len(lines)
    while start < total:
        while start < total and not _text(lines[start][0]):
            start += 1  # a page does not open on blank lines
        if start >= total:
            break
        end = min(start + rows, total)
        if end < total:
            soft = [i for i in range(start + rows // 3, end) if lines[i][1] == SOFT]
            allowed = [i for i in range(start, end) if lines[i][1] != KEEP]
            if soft:
                end = soft[-1] + 1
            elif allowed:
                end = allowed[-1] + 1
        page = [line for line, _ in lines[start:end]]
        while page and not _text(page[-1]):
            page.pop()
        pages.append(Page(tuple(page)))
        start = end
    return tuple(pages) or (Page(()),)


def _text(line: Line) -> str:
    return "".join(seg.text for seg in line).strip()


def paginate(blocks: Sequence[RenderableType], width: int, rows: int) -> tuple[Page, ...]:
    """The blocks rendered at WIDTH and cut into pages of at most ROWS lines."""
    return split_lines(render_block_lines(blocks, width), rows)


@dataclass
class Paginator:
    """Pages of a tour's sections for one terminal size, computed when first asked for."""

    tour: Tour
    width: int
    height: int
    _cache: dict[int, tuple[Page, ...]] = field(default_factory=dict, repr=False)

    def pages(self, index: int) -> tuple[Page, ...]:
        if index not in self._cache:
            from exotour.render.screens import (
                section_blocks,  # render builds blocks; we only cut them
            )

            columns, rows = page_area(self.width, self.height)
            self._cache[index] = paginate(section_blocks(self.tour, index), columns, rows)
        return self._cache[index]

    def count(self, index: int) -> int:
        return len(self.pages(index))

    def __iter__(self) -> Iterator[tuple[int, tuple[Page, ...]]]:
        for index in range(len(self.tour.sections)):
            yield index, self.pages(index)
