"""`exotour` with no command: the welcome screen, with what was read, how far, the best quiz
score, and where learn resumes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from exotour.commands import Options, command_prefix, emit, load, stdout, store_for, warn

if TYPE_CHECKING:
    from exotour.model import Tour
    from exotour.state.progress import Saved


def resume_point(tour: Tour, saved: Saved, size: tuple[int, int]) -> tuple[int, int, int] | None:
    """Where `exotour learn` would open on a terminal of SIZE: (section, page, pages) from 0,
    the section index past the last once the tour was finished; None for the beginning."""
    from exotour.tui.pages import Paginator
    from exotour.tui.walkthrough import resume_position

    pages = Paginator(tour, *size)
    position = resume_position(tour, saved, pages.count)
    if position is None:
        return None
    if position.section >= len(tour.sections):
        return (position.section, 0, 1)
    return (position.section, position.page, pages.count(position.section))


def run(options: Options) -> None:
    tour = load(options)
    store = store_for(tour)
    saved = store.load()
    warn(store.warnings)
    from exotour.render.contents import welcome_screen

    console = stdout(options)
    resume = resume_point(tour, saved, console.size)
    progress = {s.id: p for s in tour.sections if (p := saved.progress(s.id)) is not None}
    screen = welcome_screen(
        tour,
        saved.visited,
        resume,
        prefix=command_prefix(options),
        progress=progress,
        quiz_best=saved.best("all"),
    )
    emit(options, screen, console)
