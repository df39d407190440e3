"""Tab completion of SECTION and TERM: what the shell offers after `exotour learn ` and the like.

Typer calls these while the user is typing, so they stay quiet: no tour (a broken folder, a
folder that does not exist yet) means no suggestions, never an error on the user's terminal.
The tour comes from the validated-tour cache, so a completion costs about as much as `sections`.

A candidate is tour text, and a tour may be hostile; the shell puts a candidate on the command
line (bash also expands it as a file pattern, zsh evaluates the list Typer gives it), so only
words made of letters, digits, spaces and a few marks no shell acts on are offered, spelled for
the shell that asked. Every section is still offered by its id and its number.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from contextlib import redirect_stderr, suppress
from pathlib import Path
from typing import TYPE_CHECKING

import typer  # Typer reads these functions' annotations; only cli.py, which has it, imports this

if TYPE_CHECKING:
    from exotour.model import Tour

# Marks that mean nothing to bash, zsh or fish, anywhere in a word (after its first character:
# a word that starts with '-' reads as an option).
QUIET_MARKS = frozenset("-_.,+@%")
# Typer's own variable: the shell whose script asked ("complete_bash", "complete_zsh", ...).
SHELL_VARIABLE = "_EXOTOUR_COMPLETE"


def complete_section(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Section ids, numbers and titles that start with INCOMPLETE, each with its title as help."""
    tour = _tour(ctx)
    if tour is None:
        return []
    typed = incomplete.casefold()
    shell = _shell()
    offered: list[tuple[str, str]] = []
    for number, section in enumerate(tour.sections, start=1):
        for word in (section.id, str(number), section.title):
            spelled = for_shell(word, shell)
            if spelled is not None and word.casefold().startswith(typed):
                offered.append((spelled, quiet_help(section.title)))
                break  # one way to name each section is enough
    return offered


def complete_term(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Glossary terms and aliases that start with INCOMPLETE, in any case."""
    tour = _tour(ctx)
    if tour is None:
        return []
    typed = incomplete.casefold()
    shell = _shell()
    offered: list[tuple[str, str]] = []
    for entry in tour.glossary:
        for name in entry.names:
            spelled = for_shell(name, shell)
            if spelled is not None and name.casefold().startswith(typed):
                offered.append((spelled, quiet_help(entry.term)))
    return offered


def choices(*values: str) -> Callable[[str], list[str]]:
    """A completion that offers VALUES (an option's choices) that start with what is typed."""

    def complete(incomplete: str) -> list[str]:
        return [value for value in values if value.startswith(incomplete.casefold())]

    return complete


def for_shell(word: str, shell: str) -> str | None:
    """WORD as SHELL should be given it to put on the command line, or None when it holds a
    character some shell could act on (it is then not offered)."""
    if not word or word[0] in QUIET_MARKS or word != word.strip():
        return None
    if not all(char.isalnum() or char in QUIET_MARKS or char in " '" for char in word):
        return None
    if shell == "bash":
        # bash puts the word on the line as it is: its spaces and quotes need a backslash.
        return word.replace("'", "\\'").replace(" ", "\\ ")
    if shell == "zsh" and "'" in word:
        return None  # Typer's zsh list would drop the quote, giving a word that names nothing
    return word  # zsh and fish quote what they insert themselves


def quiet_help(text: str) -> str:
    """TEXT (a candidate's description, which zsh evaluates) with every character that is not a
    letter, a digit or a quiet mark made a space."""
    kept = "".join(char if char.isalnum() or char in QUIET_MARKS else " " for char in text)
    return " ".join(kept.split())


def _shell() -> str:
    return os.environ.get(SHELL_VARIABLE, "").removeprefix("complete_")


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
