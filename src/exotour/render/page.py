"""A page of rendered lines: what the paginator cuts and the learn screen shows."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment

Line = tuple[Segment, ...]


@dataclass(frozen=True)
class Page:
    """One screenful of a section: its rendered lines."""

    lines: tuple[Line, ...]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines:
            yield from line
            yield Segment.line()

    @property
    def text(self) -> str:
        return "\n".join("".join(seg.text for seg in line).rstrip() for line in self.lines)
