"""`exotour learn`: the walkthrough on a terminal, or the tour as plain text elsewhere."""

from __future__ import annotations

from exotour.commands import (
    Options,
    command_prefix,
    load,
    print_plain,
    stdout,
    store_for,
    warn,
)
from exotour.errors import ExitStatus


def run(options: Options, section: str | None, *, restart: bool, plain: bool) -> ExitStatus:
    tour = load(options)
    start = tour.resolve(section) if section is not None else None
    console = stdout(options)
    from exotour.render.console import is_interactive

    if plain or not is_interactive(console):
        from exotour.render.screens import plain_tour

        indexes = [start] if start is not None else list(range(len(tour.sections)))
        print_plain(options, plain_tour(tour, indexes, prefix=command_prefix(options)))
        return ExitStatus.OK

    from exotour.tui.walkthrough import Position, Walkthrough, describe, resume_position

    store = store_for(tour)
    saved = store.load()
    if restart:
        saved = saved.restarted()  # starting over keeps what was read and the quiz scores
    walkthrough = Walkthrough(
        tour, console, store, saved, Position(0), prefix=command_prefix(options)
    )
    count = walkthrough.pages.count
    if start is not None:
        walkthrough.position = Position(start)
    elif not restart and (resumed := resume_position(tour, saved, count)) is not None:
        walkthrough.position = resumed
        where = describe(tour, resumed, count)
        walkthrough.message = f"Resumed at {where} (--restart starts over)"
    warn(store.warnings)
    if store.warnings:
        walkthrough.message = "Warning: " + store.warnings[-1]
    store.warnings.clear()
    status = walkthrough.run()
    warn(store.warnings)
    return status
