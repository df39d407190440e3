"""`exotour learn`: the walkthrough on a terminal, or the tour as plain text elsewhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from exotour.commands import (
    Options,
    command_prefix,
    load,
    store_for,
    warn,
)
from exotour.errors import ExitStatus
from exotour.i18n import _

if TYPE_CHECKING:
    from exotour.model import Tour
    from exotour.state.progress import Saved
    from exotour.tui.walkthrough import Walkthrough


def run(
    options: Options,
    section: str | None,
    *,
    restart: bool,
    plain: bool,
    at: str | None = None,
    watch: bool = False,
    theme: str | None = None,
) -> ExitStatus:
    if theme is not None and theme not in ("light", "dark"):
        from exotour.errors import UsageError
        from exotour.text import printable

        raise UsageError(
            _("--theme '{theme}' is not light or dark").format(theme=printable(theme)),
            _("try --theme light"),
        )
    tour = load(options)
    start = tour.resolve(section) if section is not None else None
    terms = _at_terms(tour, start, at, command_prefix(options)) if at is not None else ()
    from exotour.render.console import is_interactive, make_console

    # On a terminal, bold and reverse stay when colour is off: the chosen row must show.
    console = make_console(look=options.look())
    if plain or not is_interactive(console):
        from exotour.render.printer import page_plain
        from exotour.render.sections import plain_tour

        # The whole section is printed, so --at has nothing to choose here. On a terminal (a
        # dumb one too) it goes through the pager, as every long output does.
        indexes = [start] if start is not None else list(range(len(tour.sections)))
        text = plain_tour(tour, indexes, prefix=command_prefix(options))
        page_plain(text, look=options.look(), pager=not options.no_pager)
        return ExitStatus.OK

    from exotour.tui.walkthrough import Position, Walkthrough

    store = store_for(tour)
    saved = store.load()
    if restart:
        saved = saved.restarted()  # starting over keeps what was read and the quiz scores
    walkthrough = Walkthrough(
        tour, console, store, saved, Position(0), prefix=command_prefix(options)
    )
    import os

    from exotour.render.palette import palette_for

    walkthrough.palette = palette_for(theme, os.environ.get("COLORFGBG"))
    if watch:
        from exotour.tui.watch import Watcher

        walkthrough.watcher = Watcher(options.content_dir(), lambda: load(options))
    if start is not None:
        _open(walkthrough, start, terms, at)
    elif not restart:
        _resume(walkthrough, saved)
    warn(store.warnings)
    if store.warnings:
        walkthrough.message = _("Warning: {warning}").format(warning=store.warnings[-1])
    store.warnings.clear()
    status = walkthrough.run()
    warn(store.warnings)
    return status


def _at_terms(tour: Tour, start: int | None, words: str, prefix: str) -> tuple[str, ...]:
    """The terms of --at WORDS, checked: SECTION must hold a match (at any size, so the check
    is made on pages of one fixed size)."""
    from exotour.errors import UsageError
    from exotour.search.engine import parse_query
    from exotour.text import printable

    terms = tuple(term.display.strip('"') for term in parse_query(words))
    shown = printable(words.strip())
    if not terms:
        raise UsageError(
            _("--at '{words}' has no words to find").format(words=shown),
            _("give a word, e.g. --at collagen"),
        )
    if start is None:
        raise UsageError(_("--at needs a SECTION to look in"), _at_hint(tour, words, shown, prefix))
    from exotour.tui.hits import first_match
    from exotour.tui.pages import Paginator

    texts = [page.text for page in Paginator(tour, 80, 24).pages(start)]
    if first_match(texts, terms) is None:
        title = printable(tour.sections[start].title)
        raise UsageError(
            _("'{words}' is not in section {number} ({title})").format(
                words=shown, number=start + 1, title=title
            ),
            _at_hint(tour, words, shown, prefix),
        )
    return terms


def _at_hint(tour: Tour, words: str, shown: str, prefix: str) -> str:
    """A command that works: the first section that holds WORDS, opened at them; else search."""
    from exotour.search.engine import search

    hit = next((hit for hit in search(tour, words, 50) if hit.section is not None), None)
    if hit is None:
        return _("no section holds '{words}'; {prefix} search WORDS finds where words are").format(
            words=shown, prefix=prefix
        )
    return _("try '{command}'").format(command=hit.command_from(prefix))


def _open(walkthrough: Walkthrough, start: int, terms: tuple[str, ...], at: str | None) -> None:
    """Open section START, at the page that shows the first match of TERMS when given."""
    from exotour.tui.hits import first_match
    from exotour.tui.position import Position

    page = 0
    if terms:
        texts = [page.text for page in walkthrough.pages.pages(start)]
        page = first_match(texts, terms) or 0
        walkthrough.highlight = terms
        walkthrough.last_query = at or ""
    walkthrough.position = Position(start, page)


def _resume(walkthrough: Walkthrough, saved: Saved) -> None:
    """Where the reader stopped: the page, at this size, that holds the line they left on."""
    from exotour.tui.position import describe, resume_position

    pages = walkthrough.pages
    resumed = resume_position(walkthrough.tour, saved, pages.count, pages.page_of)
    if resumed is None:
        return
    walkthrough.position = resumed
    if saved.anchor is not None and saved.section is not None and not walkthrough.finished:
        walkthrough.resume_at(saved.section, *saved.anchor)  # the line, not only its page
    where = describe(walkthrough.tour, resumed, pages.count)
    walkthrough.message = _("Resumed at {place} (--restart starts over)").format(place=where)
    if len(walkthrough.message) >= walkthrough.size[0]:  # a narrow terminal: never cut it
        walkthrough.message = _("Resumed at {place}").format(place=where)
    if len(walkthrough.message) >= walkthrough.size[0] and not walkthrough.finished:
        page = walkthrough.position
        walkthrough.message = _("Resumed: section {section}, page {page}").format(
            section=page.section + 1, page=page.page + 1
        )
