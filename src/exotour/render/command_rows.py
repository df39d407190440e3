"""Rows that name a command to copy, laid out so that the command is never cut off.

Side by side in a grid while every command fits whole beside the other cells; where it cannot
(a narrow terminal, or a long `exotour --content DIR`), each command goes on a line of its own,
where it may wrap but never loses its end to an ellipsis.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

# The fewest columns left for the words beside a command before it moves to its own line.
MIN_WORDS = 12


class WidthSwitch:
    """SIDE_BY_SIDE where there are at least NEEDED columns, else STACKED."""

    def __init__(self, needed: int, side_by_side: RenderableType, stacked: RenderableType) -> None:
        self.needed = needed
        self.side_by_side = side_by_side
        self.stacked = stacked

    def _chosen(self, options: ConsoleOptions) -> RenderableType:
        return self.side_by_side if options.max_width >= self.needed else self.stacked

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self._chosen(options)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self._chosen(options))


def numbered(rows: Sequence[tuple[int, Text, str]]) -> RenderableType:
    """`N. title   command` for each (section number, title, command)."""
    side = Table.grid(padding=(0, 1))
    side.add_column(justify="right", no_wrap=True)
    side.add_column(ratio=1)
    side.add_column(no_wrap=True, style="dim")
    for number, title, command in rows:
        side.add_row(f"{number}.", title, command)
    digits = max(len(f"{number}.") for number, _, _ in rows)
    stacked: list[RenderableType] = []
    for number, title, command in rows:
        stacked.append(Text(f"{number}.".rjust(digits) + " ") + title)
        stacked.append(Padding(Text(command, style="dim"), (0, 0, 0, digits + 1)))
    longest = max(Text(command).cell_len for _, _, command in rows)
    return WidthSwitch(digits + 1 + MIN_WORDS + 1 + longest, side, Group(*stacked))


def described(rows: Sequence[tuple[str, str]]) -> RenderableType:
    """`command   what it does` for each (command, description)."""
    side = Table.grid(padding=(0, 2))
    side.add_column(no_wrap=True, style="bold")
    side.add_column()
    for command, what in rows:
        side.add_row(Text(command), Text(what))
    stacked: list[RenderableType] = []
    for command, what in rows:
        stacked.append(Text(command, style="bold"))
        stacked.append(Padding(Text(what), (0, 0, 0, 2)))
    longest = max(Text(command).cell_len for command, _ in rows)
    return WidthSwitch(longest + 2 + MIN_WORDS, side, Group(*stacked))
