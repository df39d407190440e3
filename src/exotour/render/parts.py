"""Renderables drawn one after another, each made only when its turn comes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult


class Parts:
    """Renderables drawn one after another, as a Group draws them, each made only when its turn
    comes: the plain printer writes a part before the next is made, so a tour of 10,000
    sections is never held whole."""

    def __init__(self, make: Callable[[], Iterable[RenderableType]]) -> None:
        self.make = make

    def __iter__(self) -> Iterator[RenderableType]:
        return iter(self.make())

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.make()
