"""A plain fixed-column writer for tables of one-line cells: a thousand rows in milliseconds.

Rich lays out a table cell by cell (measure, pad, wrap, align, crop): about 0.4 ms a row for the
contents of a tour, so `exotour sections` of a thousand sections spent 0.4 s on it. A table as
plain as the contents table (no box, title or footer; one line of plain Text in every cell, each
with one style) whose columns fit side by side is written here by fixed rules instead:

- every column is as wide as its widest cell (or its own `width`), plus the table's padding
  between columns (none at the outer edges: `pad_edge=False`);
- a cell is justified in its column as the column says (left, right or center); a cell with no
  justify is left-aligned and padded in the cell's style only up to its text;
- the cell's style applies to its text; the header row takes the header style.

The rules are this module's, not Rich's, so the output is the same on every Rich version
(tests/render/golden holds it). Any other table, or one too wide for the space (where long titles
must wrap), is drawn by Rich itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.table import Column, Table

Row = list[Segment]


class FastTable:
    """TABLE, drawn directly when it is plain enough (see above), else by Rich."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        rows = plain_rows(self.table, console, options.max_width)
        if rows is None:
            yield self.table
            return
        line = Segment.line()
        for row in rows:
            yield from row
            yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.table)

    def plain_lines(self, width: int) -> list[str] | None:
        """The lines drawn at WIDTH, as plain text, without segments (10,000 rows in a fraction
        of the time); None where Rich draws the table."""
        from exotour.render.console import offscreen_console

        return plain_text_lines(self.table, offscreen_console(width), width)


def plain_rows(table: Table, console: Console, max_width: int) -> list[Row] | None:
    """TABLE's lines as Rich would draw them at MAX_WIDTH, or None when it is not that plain."""
    laid = _layout(table, console, max_width)
    if laid is None:
        return None
    cells, widths, pads = laid
    rows: list[Row] = []
    for number in range(len(cells[0])):
        row: Row = []
        for index, column in enumerate(table.columns):
            style, text = cells[index][number]
            left, right = pads[index]
            row.extend(
                _cell(text, style, widths[index] - left - right, left, right, column, console)
            )
        rows.append(row)
    return rows


def plain_text_lines(table: Table, console: Console, max_width: int) -> list[str] | None:
    """The text of plain_rows(TABLE, CONSOLE, MAX_WIDTH), line by line, made without its
    segments and styles; None where plain_rows gives none, or a line is not narrow (then the
    console's own sanitising has work to do)."""
    from exotour.render.plainlines import narrow

    laid = _layout(table, console, max_width)
    if laid is None:
        return None
    cells, widths, pads = laid
    columns = [
        (column_cells, widths[index] - pads[index][0] - pads[index][1], *pads[index], column)
        for index, (column, column_cells) in enumerate(zip(table.columns, cells, strict=True))
    ]
    lines: list[str] = []
    for number in range(len(cells[0])):
        line = "".join(
            _cell_text(column_cells[number][1].plain, width, left, right, column.justify)
            for column_cells, width, left, right, column in columns
        )
        if not narrow(line):
            return None
        lines.append(line)
    return lines


_Laid = tuple[list[list[tuple[Style, Text]]], list[int], list[tuple[int, int]]]


def _layout(table: Table, console: Console, max_width: int) -> _Laid | None:
    """TABLE's cells by column, the columns' widths and their padding, when the table is plain
    enough to be drawn here at MAX_WIDTH; else None."""
    if not _plain_table(table, console):
        return None
    columns = table.columns
    last = len(columns) - 1
    pads = [
        (0 if i == 0 else table.padding[3], 0 if i == last else table.padding[1])
        for i in range(len(columns))
    ]
    cells: list[list[tuple[Style, Text]]] = []
    widths: list[int] = []
    for index, column in enumerate(columns):
        found = _column_cells(table, column, console)
        if found is None:
            return None
        left, right = pads[index]
        longest = max((cell_len(text.plain) for _, text in found), default=-1)
        if column.width is not None:
            if longest > column.width:
                return None
            widths.append(column.width + left + right)
        elif longest < 0 or longest + left + right == 0:
            return None  # Rich gives such a column the whole width, or one column
        else:
            widths.append(longest + left + right)
        cells.append(found)
    if sum(widths) > max_width:
        return None
    return cells, widths, pads


def _plain_table(table: Table, console: Console) -> bool:
    top, _, bottom, _ = table.padding
    return (
        table.box is None
        and not table.title
        and not table.caption
        and not table.show_footer
        and not table.show_lines
        and not table.expand
        and not table.collapse_padding
        and not table.leading
        and not table.row_styles
        and not console.get_style(table.style or "")
        and table.width is None
        and table.min_width is None
        and top == bottom == 0
        and bool(table.columns)
        and all(row.style is None for row in table.rows)
    )


def _column_cells(
    table: Table, column: Column, console: Console
) -> list[tuple[Style, Text]] | None:
    """The cells of COLUMN (the header first, if shown), each with its cell style; None if one
    is not a single line of plain Text with one style, or the column is styled."""
    if (
        console.get_style(column.style or "")
        or column.min_width is not None
        or column.max_width is not None
    ):
        return None
    if column.vertical != "top" or column.highlight or column.justify == "full":
        return None
    found: list[tuple[Style, Text]] = []
    if table.show_header:
        header = column.header
        if isinstance(header, str):
            if "[" in header or ":" in header:  # markup or emoji codes: Rich's to render
                return None
            header = Text(header)
        if not isinstance(header, Text):
            return None
        style = console.get_style(table.header_style or "") + console.get_style(column.header_style)
        found.append((style, header))
    null = Style.null()
    for cell in column.cells:
        if not isinstance(cell, Text):
            return None
        found.append((null, cell))
    for _, text in found:
        if text.spans or text.justify or text.overflow:
            return None
        if text.no_wrap is False or text.end != "\n" or text.plain != text.plain.strip():
            return None  # Rich strips, wraps or breaks such text: its to draw
        if "\n" in text.plain or "\t" in text.plain:
            return None
    return found


def _cell(
    text: Text, style: Style, width: int, left: int, right: int, column: Column, console: Console
) -> Row:
    """One cell's segments, as Rich's Padding and Text draw them, in the cell STYLE."""
    own = console.get_style(text.style) if text.style else Style.null()
    plain = text.plain
    length = cell_len(plain)
    justify = column.justify
    segments: Row = []
    if left:
        segments.append(Segment(" " * left, style))
    if justify == "center":
        before = (width - length) // 2
        segments.append(
            Segment(" " * before + plain + " " * (width - length - before), style + own)
        )
    elif justify == "right":
        segments.append(Segment(" " * (width - length) + plain, style + own))
    elif justify == "left":
        segments.append(Segment(plain + " " * (width - length), style + own))
    else:
        if plain:
            segments.append(Segment(plain, style + own))
        if width > length:
            segments.append(Segment(" " * (width - length), style))
    if right:
        segments.append(Segment(" " * right, style))
    return segments


def _cell_text(plain: str, width: int, left: int, right: int, justify: str | None) -> str:
    """The text of _cell's segments: the cell's text justified in WIDTH, between its pads."""
    room = width - cell_len(plain)
    if justify == "center":
        before = room // 2
        body = " " * before + plain + " " * (room - before)
    elif justify == "right":
        body = " " * room + plain
    else:  # left, or none: padded up to the width either way
        body = plain + " " * max(0, room)
    return " " * left + body + " " * right
