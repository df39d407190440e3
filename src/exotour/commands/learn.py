"""`exotour learn`: the walkthrough on a terminal, or the tour as plain text elsewhere."""

from __future__ import annotations

from exotour.commands import Options, load, stdout, store_for, warn
from exotour.errors import ExitStatus


def run(options: Options, section: str | None, *, restart: bool, plain: bool) -> ExitStatus:
    tour = load(options)
    start = tour.resolve(section) if section is not None else None
    console = stdout(options)
    from exotour.terminal import is_interactive

    if plain or not is_interactive(console):
        from exotour.render import plain_tour

        indexes = [start] if start is not None else list(range(len(tour.sections)))
        console.print(plain_tour(tour, indexes))
        return ExitStatus.OK

    from exotour.navigate import Position, Walkthrough, describe, resume_position
    from exotour.paginate import Paginator
    from exotour.progress import Saved

    store = store_for(tour)
    saved = Saved() if restart else store.load()
    if restart:
        saved = Saved(visited=store.load().visited)  # starting over keeps what was read
    width, height = console.size
    pages = Paginator(tour, width, height)
    message = ""
    if start is not None:
        position = Position(start)
    elif (resumed := resume_position(tour, saved, pages.count)) is not None:
        position = resumed
        where = describe(tour, position, pages.count)
        message = f"Resumed at {where} (--restart starts over)"
    else:
        position = Position(0)
    warn(store.warnings)
    if store.warnings:
        message = "Warning: " + store.warnings[-1]
    store.warnings.clear()
    walkthrough = Walkthrough(tour, console, store, saved, position, message)
    status = walkthrough.run()
    warn(store.warnings)
    return status
