"""One exception hierarchy; cli.py turns each into a message on stderr and an exit code."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitStatus(IntEnum):
    """Exit codes, as grep has them."""

    OK = 0
    NO_MATCH = 1
    ERROR = 2
    INTERRUPTED = 130


class ExotourError(Exception):
    """An error the user can act on: a message, an optional hint, and an exit status."""

    exit_status: ExitStatus = ExitStatus.ERROR

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def lines(self) -> list[str]:
        """The message lines, without the `exotour: error:` prefix."""
        return [self.message]


class UsageError(ExotourError):
    """The command line asks for something that does not exist or cannot be done."""


class UnknownSectionError(UsageError):
    """A SECTION argument that names no section."""


class NoResultsError(ExotourError):
    """A search that found nothing: exit 1, as grep."""

    exit_status = ExitStatus.NO_MATCH


@dataclass(frozen=True)
class Problem:
    """One problem found in a content folder, with its place."""

    path: str
    line: int
    column: int
    message: str
    is_warning: bool = False

    def __str__(self) -> str:
        kind = "warning: " if self.is_warning else ""
        return f"{self.path}:{self.line}:{self.column}: {kind}{self.message}"


class ContentError(ExotourError):
    """Content that cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        errors = [p for p in problems if not p.is_warning]
        count = len(errors)
        super().__init__(
            f"the content has {count} problem{'s' if count != 1 else ''}",
            hint="fix the files named above, then check the folder with 'exotour validate DIR'",
        )
        self.problems = problems

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems if not p.is_warning]
