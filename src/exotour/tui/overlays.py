"""Screens shown over the walkthrough: the keys (?) and the contents (t).

Each takes keys through `handle` and answers as navigate.Overlay says: a Jump, CLOSE, or None.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from exotour.i18n import N_, _
from exotour.model import Tour
from exotour.render.palette import DARK, Palette
from exotour.tui.keymap import HELP_KEYS
from exotour.tui.overlay import CLOSE, Jump, OverlayAnswer

HELP_COMPACT = N_(
    "n → j f next · p ← k b back · g G first/last · 1-9 or :N section · t contents · "
    "/ search, then n N hits · ' back · w glossary · ? h help · Esc close · q quit"
)
# Beside reverse video, the chosen row carries a marker: it shows where no style can.
CHOSEN = "> "


def overlay_frame(title: str, body: RenderableType, size: tuple[int, int], keys: str) -> Group:
    """An overlay's whole screen: a framed body the height of the terminal, and a key line."""
    height = size[1]
    panel = Panel(
        body,
        title=Text(title, style="bold"),
        title_align="left",
        box=box.ROUNDED,
        border_style="green",
        height=height - 1,
        padding=(0, 1),
    )
    return Group(panel, Text(keys, style="dim", no_wrap=True, overflow="ellipsis"))


@dataclass
class HelpOverlay:
    """Every key of the walkthrough; any key closes it."""

    tour: Tour

    def screen(self, size: tuple[int, int]) -> RenderableType:
        columns, rows = size[0] - 4, size[1] - 3  # inside the frame, above the key line
        rows_of_keys = [(keys, _(what)) for keys, what in HELP_KEYS]
        widest = max(len(k) for k, _w in rows_of_keys) + 2 + max(len(w) for _k, w in rows_of_keys)
        body: RenderableType
        if rows >= len(HELP_KEYS) and columns >= widest:
            table = Table.grid(padding=(0, 2))
            table.add_column(no_wrap=True, style="bold")
            table.add_column(no_wrap=True)
            for keys, what in rows_of_keys:
                table.add_row(keys, what)
            body = table
        else:
            # Too small for a table: one paragraph that wraps, so no key is ever cut off.
            body = Text(_(HELP_COMPACT))
        return overlay_frame(_("Keys"), body, size, _("any key: back to the tour"))

    def handle(self, key: str) -> OverlayAnswer:
        return CLOSE


@dataclass
class ContentsOverlay:
    """The sections with a tick for each one read; arrows or a number choose, Enter jumps."""

    tour: Tour
    visited: frozenset[str]
    selected: int = 0
    typed: str = field(default="")
    seen: tuple[tuple[str, int, int], ...] = ()  # (section id, pages seen, pages) of those begun
    palette: Palette = DARK

    def screen(self, size: tuple[int, int]) -> RenderableType:
        rows = max(1, size[1] - 3)  # the panel's borders and the key line
        count = len(self.tour.sections)
        top = min(max(0, self.selected - rows // 2), max(0, count - rows))
        far = {section: f"{done}/{pages}" for section, done, pages in self.seen}
        table = Table.grid(padding=(0, 1), expand=True)
        table.add_column(width=len(CHOSEN), no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        table.add_column(no_wrap=True, justify="right")
        table.add_column(no_wrap=True)
        for index in range(top, min(count, top + rows)):
            section = self.tour.sections[index]
            chosen = index == self.selected
            style = "reverse bold" if chosen else ""
            if section.id in self.visited:
                mark = Text("✓", style="green")
            else:  # begun, not finished: how far, as "2/5"
                mark = Text(far.get(section.id, ""), style=self.palette.begun)
            table.add_row(
                Text(CHOSEN if chosen else " " * len(CHOSEN), style="bold"),
                Text(f"{index + 1}.", style=style),
                Text(section.title, style=style),
                mark,
                Text(_("{minutes} min").format(minutes=section.reading_minutes), style="dim"),
            )
        keys = _fit_keys(
            size[0],
            _("↑↓ j k or number: choose · Enter: open · Esc: back"),
            _("↑↓ choose · Enter open · Esc back"),
        )
        return overlay_frame(_("Contents (✓ read, 2/5 pages seen)"), table, size, keys)

    def handle(self, key: str) -> OverlayAnswer:
        count = len(self.tour.sections)
        if key in ("esc", "q", "t"):
            return CLOSE
        if key in ("up", "k", "left"):
            self.selected = max(0, self.selected - 1)
        elif key in ("down", "j", "right"):
            self.selected = min(count - 1, self.selected + 1)
        elif key in ("home", "g"):
            self.selected = 0
        elif key in ("end", "G"):
            self.selected = count - 1
        elif key == "enter" or key == "space":
            return Jump(self.selected)
        elif len(key) == 1 and key in "0123456789":  # ASCII only: `²` is no number
            # Digits add up to a section number, so 12 reaches section 12 in a long tour.
            typed = self.typed + key
            if 1 <= int(typed) <= count:
                self.typed = typed if int(typed) * 10 <= count else ""
                self.selected = int(typed) - 1
            else:
                self.typed = ""
        return None


def _fit_keys(width: int, full: str, short: str) -> str:
    """The key line that fits WIDTH: the full one, or the short one."""
    return full if len(full) < width else short
