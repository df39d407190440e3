"""One tour's saved state, as a value: where the reader is, how far each section was read, what
was read to its end, and the best quiz scores. No I/O here; progress.py keeps it in a file."""

from __future__ import annotations

from dataclasses import dataclass, replace

END = "__end__"  # the section id saved once the closing panel was reached

Anchor = tuple[int, int]  # (block index in the section, character offset in that block)


@dataclass(frozen=True)
class Saved:
    """One tour's saved state.

    The place is SECTION and ANCHOR: the block of the section and the character offset in it of
    the first line shown, which holds at any terminal size. PAGE of PAGES is where that was at
    the size it was saved, kept for files of format 1 (which had no anchor) and as a fallback
    when the anchor no longer fits the section. SEEN holds per section the furthest page shown
    and that size's page count; VISITED the sections whose last page was shown."""

    section: str | None = None
    page: int = 0
    pages: int = 1
    visited: frozenset[str] = frozenset()
    quiz_best: tuple[tuple[str, int, int], ...] = ()  # (scope, right, asked), sorted by scope
    anchor: Anchor | None = None
    seen: tuple[tuple[str, int, int], ...] = ()  # (section, pages shown, pages), sorted
    decide: tuple[tuple[str, str], ...] = ()  # the decision worksheet's answers by key, sorted

    def at(self, section: str, page: int, pages: int, anchor: Anchor | None = None) -> Saved:
        """The reader is on PAGE (from 0) of PAGES of SECTION, whose first line is at ANCHOR.

        The section counts as read (visited) once its last page has been shown; the furthest
        page shown is kept (as a share of the section, since page counts follow the size)."""
        if section == END:
            return replace(self, section=END, page=0, pages=1, anchor=None)
        pages = max(pages, 1)
        page = min(max(page, 0), pages - 1)
        visited = self.visited | {section} if page == pages - 1 else self.visited
        furthest = dict((s, (shown, count)) for s, shown, count in self.seen)
        old = furthest.get(section)
        if old is None or (page + 1) * old[1] > old[0] * pages:
            furthest[section] = (page + 1, pages)
        seen = tuple((s, shown, count) for s, (shown, count) in sorted(furthest.items()))
        return replace(
            self, section=section, page=page, pages=pages, anchor=anchor, visited=visited, seen=seen
        )

    def progress(self, section: str) -> tuple[int, int] | None:
        """(pages shown, pages) of a section begun but not read to its end; else None."""
        if section in self.visited:
            return None
        return next(((shown, count) for s, shown, count in self.seen if s == section), None)

    def best(self, scope: str) -> tuple[int, int] | None:
        """The best (right, asked) of the quiz on SCOPE (a section id, or 'all'), if any."""
        return next(((right, asked) for s, right, asked in self.quiz_best if s == scope), None)

    def with_quiz(self, scope: str, right: int, asked: int) -> Saved:
        """Keep the best score per scope (a section id, or 'all')."""
        best = {s: (r, a) for s, r, a in self.quiz_best}
        old = best.get(scope)
        if old is None or right / max(asked, 1) >= old[0] / max(old[1], 1):
            best[scope] = (right, asked)
        return replace(self, quiz_best=tuple((s, r, a) for s, (r, a) in sorted(best.items())))

    def with_decide(self, answers: tuple[tuple[str, str], ...]) -> Saved:
        """The decision worksheet's answers (`exotour decide`), all of them."""
        return replace(self, decide=tuple(sorted(answers)))

    def restarted(self) -> Saved:
        """Starting over: no place, but what was read and the quiz scores are kept."""
        return replace(self, section=None, page=0, pages=1, anchor=None)


def merged(ours: Saved, theirs: Saved, base: Saved) -> Saved:
    """What to save when OURS (this process's state, last in step with the file at BASE) meets
    THEIRS (what the file holds now, perhaps saved meanwhile by another process): what was read
    is the union, each section read as far as either read it, each quiz's best score the better
    one, the place ours if we moved since BASE, else theirs (a quiz that only scored does not
    put back a place another process has left), and the decision worksheet's answers likewise."""
    place = ours if _place(ours) != _place(base) else theirs
    furthest = {section: (shown, count) for section, shown, count in theirs.seen}
    for section, shown, count in ours.seen:
        old = furthest.get(section)
        if old is None or shown * old[1] >= old[0] * count:
            furthest[section] = (shown, count)
    best = {scope: (right, asked) for scope, right, asked in theirs.quiz_best}
    for scope, right, asked in ours.quiz_best:
        old = best.get(scope)
        if old is None or right * max(old[1], 1) >= old[0] * max(asked, 1):
            best[scope] = (right, asked)
    return replace(
        place,
        visited=ours.visited | theirs.visited,
        seen=tuple((s, shown, count) for s, (shown, count) in sorted(furthest.items())),
        quiz_best=tuple((s, r, a) for s, (r, a) in sorted(best.items())),
        # The worksheet's answers are ours if we answered since BASE, else as the file has them.
        decide=ours.decide if ours.decide != base.decide else theirs.decide,
    )


def _place(saved: Saved) -> tuple[object, ...]:
    return (saved.section, saved.page, saved.pages, saved.anchor)
