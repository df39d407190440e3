"""An active search, as less has it: after `/`, n and N go to the next and previous hit across
the whole tour, in reading order, while the reader is on its hits; Esc, or reading on past
them, ends it.

The hits are the search's own results (the passages the list showed), so the list, the footer
and `exotour search` count the same hits; where each is shown is worked out again at every size,
so a resize keeps the current hit on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exotour.model import Tour
    from exotour.search.engine import Hit

PageTexts = Callable[[int], Sequence[str]]


@dataclass(frozen=True)
class Stop:
    """Where one hit is shown: a section and a page at the size the search ran."""

    section: int
    page: int


@dataclass
class ActiveSearch:
    """The hits of QUERY in the tour's sections, in reading order, the page each is on at this
    size, and which of them is the current one."""

    query: str
    terms: tuple[str, ...]
    hits: tuple[Hit, ...]
    stops: tuple[Stop, ...]
    current: int = 0

    def repaginate(self, page_texts: PageTexts) -> None:
        """The page of each hit on pages of another size (after a resize); the same hit stays
        the current one."""
        self.stops = _stops(self.hits, page_texts)

    @property
    def status(self) -> tuple[int, int]:
        """(hit, hits), counted from 1, for "hit 2 of 17"."""
        return self.current + 1, len(self.hits)

    @property
    def here(self) -> Stop:
        return self.stops[self.current]

    def shows(self, stop: Stop) -> bool:
        """Whether STOP is a page that shows a hit; if so, and not the current hit's, its first
        hit becomes the current one."""
        if self.stops[self.current] == stop:
            return True
        if stop in self.stops:
            self.current = self.stops.index(stop)
            return True
        return False

    def move(self, by: int) -> tuple[Stop, bool]:
        """The hit BY places on, and whether that went round the end (or start) of the tour."""
        before = self.current
        self.current = (self.current + by) % len(self.hits)
        wrapped = (self.current < before) if by > 0 else (self.current > before)
        return self.stops[self.current], wrapped


def _stops(hits: Sequence[Hit], page_texts: PageTexts) -> tuple[Stop, ...]:
    from exotour.search.engine import page_holding

    out: list[Stop] = []
    for hit in hits:
        assert hit.section is not None
        out.append(Stop(hit.section, page_holding(page_texts(hit.section), hit)))
    return tuple(out)


def first_match(texts: Sequence[str], terms: Sequence[str]) -> int | None:
    """The first of TEXTS (a section's pages) that shows a match of TERMS, or None."""
    from exotour.search.engine import match_spans

    return next((number for number, text in enumerate(texts) if match_spans(text, terms)), None)


def start_search(
    tour: Tour, query: str, page_texts: PageTexts, opened: tuple[int, int]
) -> ActiveSearch | None:
    """The active search for QUERY over the whole tour; OPENED, the (section, passage) of the
    hit the reader chose, is the current one. None when no hit is in a section."""
    from exotour.search.engine import ALL_HITS, search

    found = search(tour, query, ALL_HITS)
    hits = tuple(
        sorted(
            (hit for hit in found if hit.section is not None),
            key=lambda hit: (hit.section, hit.passage),
        )
    )
    if not hits:
        return None
    current = next((n for n, hit in enumerate(hits) if (hit.section, hit.passage) == opened), 0)
    terms = hits[current].terms
    return ActiveSearch(query, terms, hits, _stops(hits, page_texts), current)
