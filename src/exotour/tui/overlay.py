"""The overlay protocol: a screen shown over the walkthrough until it answers, and what an
overlay may read of the walkthrough under it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal, Protocol

from rich.console import RenderableType

if TYPE_CHECKING:
    from exotour.model import Tour
    from exotour.render.palette import Palette
    from exotour.tui.pages import Paginator


@dataclass(frozen=True)
class Jump:
    """An overlay's answer: close it and go to this page, with these words highlighted there."""

    section: int
    page: int = 0
    highlight: tuple[str, ...] = ()
    query: str | None = None  # a search hit: n and N then walk this query's hits
    passage: int = 0  # which of the section's passages the hit is


CLOSE: Final = "close"
OverlayAnswer = Jump | Literal["close"] | None  # None: stay open and redraw


class Overlay(Protocol):
    """A screen shown over the walkthrough (help, contents, search...) until it answers."""

    def screen(self, size: tuple[int, int]) -> RenderableType:
        """The whole screen at SIZE (columns, rows)."""

    def handle(self, key: str) -> OverlayAnswer:
        """What KEY does: a Jump, CLOSE, or None to stay open."""


class Position(Protocol):
    @property
    def section(self) -> int: ...

    @property
    def page(self) -> int: ...


class Reader(Protocol):
    """What an overlay may read of the walkthrough it is shown over."""

    tour: Tour
    pages: Paginator
    prefix: str
    last_query: str  # what `/` last searched for, to offer again
    palette: Palette  # colours for the terminal's background

    @property
    def position(self) -> Position: ...

    @property
    def finished(self) -> bool: ...
