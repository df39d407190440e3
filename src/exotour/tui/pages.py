"""A section and a terminal size to pages that fit: pure, no terminal needed.

Pages are cut from the section's rendered lines, so a page can never be taller than the space it
is given, whatever the content. Where a page ends is tui/breaks.py's choice, by meaning.

Each line knows where it starts in the text (its Anchor: the block, and how many characters of
that block's text come before it), so a place can be found again at any other size.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from rich.console import Console, RenderableType
from rich.panel import Panel
from rich.text import Text

from exotour.model import Tour
from exotour.render.learn import READING_COLUMNS
from exotour.render.page import Line, Page
from exotour.tui.breaks import ALLOWED, KEEP, SOFT, cuts, line_text

__all__ = ["ALLOWED", "KEEP", "SOFT", "Anchor", "Paginator", "cuts", "paginate", "split_lines"]

# The learn screen around a page: a header line, the panel's two borders, and the key line.
CHROME_ROWS = 4
# The panel's two borders and one column of padding on each side.
CHROME_COLUMNS = 4
MIN_WIDTH = 30
MIN_HEIGHT = 10


def page_area(width: int, height: int) -> tuple[int, int]:
    """The columns and rows a page may use on a terminal of WIDTH x HEIGHT: never wider than a
    comfortable reading width, however wide the terminal."""
    columns = min(width - CHROME_COLUMNS, READING_COLUMNS)
    return max(1, columns), max(1, height - CHROME_ROWS)


class Anchor(NamedTuple):
    """A place in a section's text that does not depend on the size: the block, and how many of
    that block's characters (letters, digits and signs; not spaces or frame lines) come first."""

    block: int
    offset: int


class Rendered(NamedTuple):
    """One rendered line, how good a place it is to end a page, where in the text it starts, and
    the group (an evidence note with its sources) kept on one page where it fits, or -1."""

    line: Line
    kind: int
    anchor: Anchor
    group: int = -1


def _counted(text: str) -> int:
    """The characters of TEXT that are the same at every width: not spaces, frames or rules."""
    return sum(1 for char in text if not char.isspace() and not "\u2500" <= char <= "\u259f")


def fits(width: int, height: int) -> bool:
    return width >= MIN_WIDTH and height >= MIN_HEIGHT


def _measuring_console(width: int) -> Console:
    # Styles (and links) are kept so pages carry them; the real console decides what to emit.
    from exotour.render.console import offscreen_console

    return offscreen_console(width, styled=True)


def render_lines(blocks: Sequence[RenderableType], width: int) -> list[Rendered]:
    """Every line of the blocks at WIDTH, with how good a place it is to end a page, its anchor
    and its group. A frame's title line is not counted: a narrow frame shortens its title."""
    console = _measuring_console(width)
    options = console.options.update(width=width)
    out: list[Rendered] = []
    group = -1
    for number, block in enumerate(blocks):
        group = group if _follows_note(block) and group >= 0 else -1
        if _is_note(block):
            group = number
        if number:  # a blank line between blocks, in the group only inside it
            out.append(Rendered((), SOFT, Anchor(number, 0), -1 if group == number else group))
        lines = console.render_lines(block, options, pad=False, new_lines=False)
        framed = isinstance(block, Panel)
        offset = 0
        for index, line in enumerate(lines):
            text = line_text(tuple(line))
            if not text:
                kind = SOFT
            elif framed and index < len(lines) - 1:
                kind = KEEP
            else:
                kind = ALLOWED
            out.append(Rendered(tuple(line), kind, Anchor(number, offset), group))
            if not (framed and index == 0):
                offset += _counted(text)
    return out


def _is_note(block: RenderableType) -> bool:
    from exotour.render.notes import SourceEntry

    return isinstance(block, Panel) and not isinstance(block, SourceEntry)


def _follows_note(block: RenderableType) -> bool:
    """Whether BLOCK belongs with the note before it: its "Sources:" heading or a source."""
    from exotour.render.notes import SOURCES_HEADING, SourceEntry

    if isinstance(block, SourceEntry):
        return True
    return isinstance(block, Text) and block.plain == SOURCES_HEADING


def render_block_lines(blocks: Sequence[RenderableType], width: int) -> list[tuple[Line, int]]:
    """Every line of the blocks at WIDTH, each with how good a place it is to end a page."""
    return [(each.line, each.kind) for each in render_lines(blocks, width)]


def split_lines(lines: Sequence[tuple[Line, int]], rows: int) -> tuple[Page, ...]:
    """Cut lines into pages of at most ROWS lines (see `cuts`)."""
    return _pages(lines, cuts(lines, rows))


def _pages(lines: Sequence[tuple[Line, int]], spans: Sequence[tuple[int, int]]) -> tuple[Page, ...]:
    pages: list[Page] = []
    for start, end in spans:
        page = [line for line, _ in lines[start:end]]
        while page and not line_text(page[-1]):
            page.pop()
        pages.append(Page(tuple(page)))
    return tuple(pages) or (Page(()),)


def paginate(blocks: Sequence[RenderableType], width: int, rows: int) -> tuple[Page, ...]:
    """The blocks rendered at WIDTH and cut into pages of at most ROWS lines."""
    return paginate_anchored(blocks, width, rows)[0]


def paginate_anchored(
    blocks: Sequence[RenderableType], width: int, rows: int
) -> tuple[tuple[Page, ...], tuple[Anchor, ...]]:
    """The pages, as `paginate` cuts them, and the anchor of each page's first line."""
    cut = _cut_section(blocks, width, rows)
    return cut.pages, cut.anchors


@dataclass(frozen=True)
class _Cut:
    pages: tuple[Page, ...]
    anchors: tuple[Anchor, ...]
    lines: tuple[tuple[str, Anchor], ...]  # every line's text and anchor, to find a line again


def _cut_section(blocks: Sequence[RenderableType], width: int, rows: int) -> _Cut:
    rendered = render_lines(blocks, width)
    plain = [(each.line, each.kind) for each in rendered]
    spans = cuts(plain, rows, [each.group for each in rendered])
    anchors = tuple(rendered[start].anchor for start, _ in spans) or (Anchor(0, 0),)
    lines = tuple((line_text(each.line), each.anchor) for each in rendered)
    return _Cut(_pages(plain, spans), anchors, lines)


def page_holding(anchors: Sequence[Anchor], anchor: Anchor) -> int:
    """The page (of pages whose first lines are at ANCHORS) that shows the line at ANCHOR."""
    return max(0, bisect_right(list(anchors), anchor) - 1)


@dataclass
class Paginator:
    """Pages of a tour's sections for one terminal size, computed when first asked for."""

    tour: Tour
    width: int
    height: int
    _cache: dict[int, _Cut] = field(default_factory=dict, repr=False)

    def _cut(self, index: int) -> _Cut:
        if index not in self._cache:
            from exotour.render.screens import (
                section_blocks,  # render builds blocks; we only cut them
            )

            columns, rows = page_area(self.width, self.height)
            blocks = section_blocks(self.tour, index)
            self._cache[index] = _cut_section(blocks, columns, rows)
        return self._cache[index]

    def pages(self, index: int) -> tuple[Page, ...]:
        return self._cut(index).pages

    def is_cut(self, index: int) -> bool:
        """Whether section INDEX was cut into pages already (turning into it costs no cutting)."""
        return index in self._cache

    def anchors(self, index: int) -> tuple[Anchor, ...]:
        """The anchor of each page's first line, in order."""
        return self._cut(index).anchors

    def line_at(self, index: int, anchor: Anchor) -> str:
        """The text of the line at ANCHOR in section INDEX (its first line when several start
        there)."""
        lines = self._cut(index).lines
        found = [text for text, at in lines if at <= anchor and text]
        return found[-1] if found else ""

    def find_line(self, index: int, text: str, near: Anchor) -> Anchor | None:
        """Where a line that reads TEXT starts in section INDEX, the nearest to NEAR if it occurs
        more than once; None when no line reads so (after an edit, say)."""
        found = [at for line, at in self._cut(index).lines if text and line == text]
        if not found:
            return None
        return min(found, key=lambda at: (abs(at.block - near.block), abs(at.offset - near.offset)))

    def anchor(self, index: int, page: int) -> Anchor:
        anchors = self.anchors(index)
        return anchors[min(max(page, 0), len(anchors) - 1)]

    def page_of(self, index: int, anchor: Anchor) -> int:
        """The page of section INDEX that shows the line at ANCHOR, at this size."""
        return page_holding(self.anchors(index), anchor)

    def count(self, index: int) -> int:
        return len(self.pages(index))

    def __iter__(self) -> Iterator[tuple[int, tuple[Page, ...]]]:
        for index in range(len(self.tour.sections)):
            yield index, self.pages(index)
