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

    def repaginate(self, page_texts: Callable[[int], Sequence[str]]) -> None:
        """The stops on pages of another size (after a resize); the current hit stays."""
        self.stops = matching_pages(self.sections, self.terms, page_texts) or self.stops
        self.current = min(self.current, len(self.stops) - 1)

    @property
    def status(self) -> tuple[int, int]:
        """(hit, hits), counted from 1, for "hit 2 of 17"."""
        return self.current + 1, len(self.stops)

    def move(self, by: int) -> tuple[Stop, bool]:
        """The hit BY places on (wrapping round at either end), and whether it wrapped."""
        target = self.current + by
        self.current = target % len(self.stops)
        return self.stops[self.current], self.current != target

    def choose(self, section: int, page: int) -> None:
        """Make the hit on SECTION's PAGE (the one just opened from the list) the current one."""
        for number, stop in enumerate(self.stops):
            if (stop.section, stop.page) >= (section, page):
                self.current = number
                return


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
    stops = set(matching_pages(sections, terms, page_texts)) | {opened}
    active = ActiveSearch(query, terms, sections, tuple(sorted(stops, key=_order)))
    active.choose(opened.section, opened.page)
    return active


def _order(stop: Stop) -> tuple[int, int]:
    return stop.section, stop.page
