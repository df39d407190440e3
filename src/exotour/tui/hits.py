"""An active search, as less has it: after `/`, n and N go to the next and previous hit across
the whole tour, in reading order, until Esc ends the search."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exotour.model import Tour

# Every hit of the tour, not a screenful: n walks through all of them.
ALL_HITS = 1000


@dataclass(frozen=True)
class Stop:
    """Where one hit is shown: a section and a page at the size the search ran."""

    section: int
    page: int


@dataclass
class ActiveSearch:
    """The pages that hold a match of QUERY, in reading order, and which of them is shown."""

    query: str
    terms: tuple[str, ...]
    sections: tuple[int, ...]  # the sections the search found: only their pages are looked at
    stops: tuple[Stop, ...]
    current: int = 0

    def repaginate(self, page_texts: Callable[[int], Sequence[str]], here: Stop) -> None:
        """The stops on pages of another size (after a resize), still counted from about the
        same first hit; HERE, the page now shown, is the current one."""
        origin = self.stops[0]
        stops = sorted(
            set(matching_pages(self.sections, self.terms, page_texts)) | {here}, key=_order
        )
        first = next((n for n, stop in enumerate(stops) if _order(stop) >= _order(origin)), 0)
        self.stops = tuple(stops[first:] + stops[:first])
        self.current = self.stops.index(here)

    @property
    def status(self) -> tuple[int, int]:
        """(hit, hits), counted from 1, for "hit 2 of 17"."""
        return self.current + 1, len(self.stops)

    def move(self, by: int) -> tuple[Stop, bool]:
        """The hit BY places on, and whether that went round the end (or start) of the tour."""
        before = self.stops[self.current]
        self.current = (self.current + by) % len(self.stops)
        after = self.stops[self.current]
        return after, (_order(after) < _order(before)) == (by > 0) and after != before


def matching_pages(
    sections: Sequence[int], terms: Sequence[str], page_texts: Callable[[int], Sequence[str]]
) -> tuple[Stop, ...]:
    """Every page of SECTIONS that shows a match of TERMS, in reading order: n goes from one to
    the next as less goes from match to match."""
    from exotour.search.engine import match_spans

    return tuple(
        Stop(section, page)
        for section in sorted(sections)
        for page, text in enumerate(page_texts(section))
        if match_spans(text, terms)
    )


def first_match(texts: Sequence[str], terms: Sequence[str]) -> int | None:
    """The first of TEXTS (a section's pages) that shows a match of TERMS, or None."""
    from exotour.search.engine import match_spans

    return next((number for number, text in enumerate(texts) if match_spans(text, terms)), None)


def start_search(
    tour: Tour,
    query: str,
    terms: tuple[str, ...],
    page_texts: Callable[[int], Sequence[str]],
    opened: Stop,
) -> ActiveSearch:
    """The active search for QUERY over the whole tour, OPENED being the hit the reader chose."""
    from exotour.search.engine import search

    found = {hit.section for hit in search(tour, query, ALL_HITS) if hit.section is not None}
    sections = tuple(sorted(found | {opened.section}))
    stops = sorted(set(matching_pages(sections, terms, page_texts)) | {opened}, key=_order)
    # Counted from the hit opened, so n after it shows "hit 2"; on in reading order, round the end.
    first = stops.index(opened)
    return ActiveSearch(query, terms, sections, tuple(stops[first:] + stops[:first]))


def _order(stop: Stop) -> tuple[int, int]:
    return stop.section, stop.page
