"""The keys that open an overlay over the walkthrough, and how each is made. Features add theirs
here; each overlay's module is imported only when its key is pressed."""

from __future__ import annotations

from collections.abc import Callable

from exotour.tui.overlay import Overlay
from exotour.tui.reading import Reading


def _help_overlay(walkthrough: Reading) -> Overlay:
    from exotour.tui.overlays import HelpOverlay

    return HelpOverlay(walkthrough.tour)


def _contents_overlay(walkthrough: Reading) -> Overlay:
    from exotour.tui.overlays import ContentsOverlay

    current = min(walkthrough.position.section, len(walkthrough.tour.sections) - 1)
    return ContentsOverlay(
        walkthrough.tour,
        walkthrough.saved.visited,
        current,
        seen=walkthrough.seen_rows(),
        palette=walkthrough.palette,
    )


def _glossary_overlay(walkthrough: Reading) -> Overlay:
    from exotour.tui.glossary_overlay import page_overlay

    return page_overlay(walkthrough)


def _search_overlay(walkthrough: Reading) -> Overlay:
    from exotour.tui.search_overlay import search_overlay

    return search_overlay(walkthrough)


# The keys that open an overlay, and how each is made. Features add theirs here.
OVERLAYS: dict[str, Callable[[Reading], Overlay]] = {
    "?": _help_overlay,
    "h": _help_overlay,  # as in less
    "t": _contents_overlay,
    "/": _search_overlay,
    "w": _glossary_overlay,
}
