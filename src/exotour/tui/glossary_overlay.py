"""The `w` overlay of the walkthrough: the glossary terms that occur on the page being read.

↑↓ (or j k, PageUp PageDown, Home End) scroll when the list is taller than the screen; any other
key closes it and returns to the same page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from exotour.i18n import _, ngettext
from exotour.model import GlossaryEntry, Tour
from exotour.render.page import Line, Page
from exotour.tui.overlay import CLOSE, OverlayAnswer
from exotour.tui.overlays import overlay_frame
from exotour.tui.pages import render_block_lines

if TYPE_CHECKING:
    from exotour.tui.overlay import Reader

_SCROLL_UP = frozenset({"up", "k"})
_SCROLL_DOWN = frozenset({"down", "j"})


def page_overlay(walkthrough: Reader) -> GlossaryOverlay:
    """The overlay for the page the walkthrough shows now (none on the closing panel)."""
    from exotour.glossary import terms_in

    tour = walkthrough.tour
    if walkthrough.finished:
        return GlossaryOverlay(tour, (), prefix=walkthrough.prefix)
    position = walkthrough.position
    text = walkthrough.pages.pages(position.section)[position.page].text
    return GlossaryOverlay(tour, tuple(terms_in(tour.glossary, text)), prefix=walkthrough.prefix)


@dataclass
class GlossaryOverlay:
    """The definitions of ENTRIES, scrolled by `offset` lines."""

    tour: Tour
    entries: tuple[GlossaryEntry, ...]
    offset: int = 0
    prefix: str = "exotour"  # how the commands it names begin: `exotour --content DIR` for a folder
    _rows: int = field(default=1, repr=False)
    _total: int = field(default=0, repr=False)

    def _blocks(self) -> list[RenderableType]:
        if not self.tour.glossary:
            return [Text(_("This tour has no glossary."))]
        if not self.entries:
            return [
                Text(_("No glossary terms on this page.")),
                Text(
                    _("'{prefix} glossary' lists every term of the tour.").format(
                        prefix=self.prefix
                    ),
                    style="dim",
                ),
            ]
        blocks: list[RenderableType] = [
            Group(Text(entry.term, style="bold"), Text(entry.definition)) for entry in self.entries
        ]
        blocks.append(
            Text(
                _("'{prefix} glossary TERM' shows one term and where the tour uses it.").format(
                    prefix=self.prefix
                ),
                style="dim",
            )
        )
        return blocks

    def screen(self, size: tuple[int, int]) -> RenderableType:
        width, height = size
        columns, rows = max(1, width - 4), max(1, height - 3)  # the frame, its padding, key line
        lines: list[Line] = [line for line, _ in render_block_lines(self._blocks(), columns)]
        self._rows, self._total = rows, len(lines)
        self.offset = max(0, min(self.offset, len(lines) - rows))
        page = Page(tuple(lines[self.offset : self.offset + rows]))
        count = len(self.entries)
        title = (
            ngettext(
                "Glossary: {count} term on this page", "Glossary: {count} terms on this page", count
            ).format(count=count)
            if count
            else _("Glossary")
        )
        scrolls = len(lines) > rows
        keys = _("↑↓ scroll · any other key: back") if scrolls else _("any key: back to the tour")
        return overlay_frame(title, page, size, keys)

    def handle(self, key: str) -> OverlayAnswer:
        last = max(0, self._total - self._rows)
        if key in _SCROLL_UP:
            self.offset = max(0, self.offset - 1)
        elif key in _SCROLL_DOWN:
            self.offset = min(last, self.offset + 1)
        elif key == "pageup":
            self.offset = max(0, self.offset - self._rows)
        elif key == "pagedown":
            self.offset = min(last, self.offset + self._rows)
        elif key == "home":
            self.offset = 0
        elif key == "end":
            self.offset = last
        else:
            return CLOSE
        return None
