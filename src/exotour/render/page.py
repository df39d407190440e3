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
        """What the page shows, line by line."""
        return "\n".join("".join(seg.text for seg in line).rstrip() for line in self.lines)

    @property
    def findable(self) -> str:
        """The page's text with every link whole: a link shown short on a narrow page (see
        render.notes) counts as its whole address, so a search match inside it is on this page."""
        return "\n".join("".join(_whole(seg) for seg in line).rstrip() for line in self.lines)


def _whole(segment: Segment) -> str:
    link = segment.style.link if segment.style is not None else None
    return link if link and segment.text != link else segment.text
