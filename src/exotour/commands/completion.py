"""Tab completion of SECTION and TERM: what the shell offers after `exotour learn ` and the like.

Typer calls these while the user is typing, so they stay quiet: no tour (a broken folder, a
folder that does not exist yet) means no suggestions, never an error on the user's terminal.
The tour comes from the validated-tour cache, so a completion costs about as much as `sections`.
"""

from __future__ import annotations

import io
import os
from contextlib import redirect_stderr, suppress
from pathlib import Path
from typing import TYPE_CHECKING

import typer  # Typer reads these functions' annotations; only cli.py, which has it, imports this

if TYPE_CHECKING:
    from exotour.model import Tour


def complete_section(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Section ids, numbers and titles that start with INCOMPLETE, each with its title as help."""
    tour = _tour(ctx)
    if tour is None:
        return []
    typed = incomplete.casefold()
    offered: list[tuple[str, str]] = []
    for number, section in enumerate(tour.sections, start=1):
        for word in (section.id, str(number), section.title):
            if word.casefold().startswith(typed):
                offered.append((word, section.title))
                break  # one way to name each section is enough
    return offered


def complete_term(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Glossary terms and aliases that start with INCOMPLETE, in any case."""
    tour = _tour(ctx)
    if tour is None:
        return []
    typed = incomplete.casefold()
    return [
        (name, entry.term)
        for entry in tour.glossary
        for name in entry.names
        if name.casefold().startswith(typed)
    ]


def _tour(ctx: typer.Context) -> Tour | None:
    """The tour that --content (or EXOTOUR_CONTENT) names on the line being completed."""
    from exotour.commands import Options, load

    root = ctx.find_root()
    folder = root.params.get("content") or os.environ.get("EXOTOUR_CONTENT") or None
    options = Options(content=Path(folder) if folder is not None else None)
    # Anything at all (a broken tour, a warning) stays out of sight: the shell is drawing a line.
    with redirect_stderr(io.StringIO()), suppress(Exception):
        return load(options)
    return None
