"""One exception hierarchy, the exit statuses, and the one boundary (`guarded`) where every
failure becomes `exotour: error: ...` on stderr and an exit status."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import IntEnum
from typing import NamedTuple, NoReturn


class ExitStatus(IntEnum):
    """Exit codes, as grep has them."""

    OK = 0
    NO_MATCH = 1
    ERROR = 2
    INTERRUPTED = 130


class Signalled(BaseException):
    """A signal that ends the program (SIGTERM, SIGHUP): raised where it arrives, so the place
    is saved and the terminal restored on the way out; `guarded` then exits 128+N."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class ReaderLeftError(Exception):
    """The reader of stdout went away (a closed pipe), carried past code that would make its
    own exit of a BrokenPipeError."""


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


# A NamedTuple, not a dataclass: it costs a third of the import time, on every command.
class Problem(NamedTuple):
    """One problem found in a content folder, with its place."""

    path: str
    line: int
    column: int
    message: str
    is_warning: bool = False

    def __str__(self) -> str:
        place = f"{self.path}:{self.line}:{self.column}"
        if not self.is_warning:
            return f"{place}: {self.message}"
        from exotour.i18n import _

        return _("{place}: warning: {message}").format(place=place, message=self.message)


class ContentError(ExotourError):
    """Content that cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        from exotour.i18n import _, ngettext

        errors = [p for p in problems if not p.is_warning]
        count = len(errors)
        super().__init__(
            ngettext(
                "the content has {count} problem", "the content has {count} problems", count
            ).format(count=count),
            hint=_("fix the files named above, then check the folder with 'exotour validate DIR'"),
        )
        self.problems = problems

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems if not p.is_warning]


def fail(message: str, hint: str | None, status: int) -> NoReturn:
    """Print `exotour: error: MESSAGE` (and the hint) on stderr and exit with STATUS; a control
    character in either (from a path, say) is shown as its escape, never sent raw."""
    from exotour.i18n import _
    from exotour.text import printable

    print(f"exotour: error: {printable(message)}", file=sys.stderr)
    if hint:
        print(_("exotour: hint: {hint}").format(hint=printable(hint)), file=sys.stderr)
    sys.exit(status)


def guarded(call: Callable[[], int]) -> NoReturn:
    """Run CALL and exit with its status, turning every failure into a message and a status."""
    _open_closed_streams()
    _whole_writes()
    try:
        status = call()
        sys.stdout.flush()  # a closed pipe shows here, where it is handled, not at exit
    except Signalled as signalled:
        _silence_stdout()  # the terminal may be gone (SIGHUP): the final flush must not fail
        sys.exit(128 + signalled.signum)
    except (KeyboardInterrupt, Exception) as exc:
        _failed(exc)
    sys.exit(status)


def _whole_writes() -> None:
    """Stdout that drops nothing: with PYTHONUNBUFFERED=1 (or -u) Python writes text straight
    to the descriptor and ignores a short write (a disk that fills mid-write), so part of the
    output would be lost with exit 0. A buffered writer retries the rest, so the full disk
    raises instead, and reaches the error boundary."""
    import io

    out = sys.stdout
    if isinstance(out, io.TextIOWrapper) and isinstance(out.buffer, io.RawIOBase):
        # sys.__stdout__ keeps the old wrapper, which does not close the descriptor.
        sys.stdout = io.TextIOWrapper(
            io.BufferedWriter(out.buffer),
            encoding=out.encoding,
            errors=out.errors,
            line_buffering=out.line_buffering,
        )


def _open_closed_streams() -> None:
    """A standard stream closed by the caller (`exotour summary >&-`) reads and writes nothing.

    The reader is not there, which is no error: the command runs and its exit status stands
    (`validate` still says whether the folder is valid). The descriptor is taken by /dev/null,
    so no file the command opens can land on it and receive its output.
    """
    for fd, name, mode in ((0, "stdin", "r"), (1, "stdout", "w"), (2, "stderr", "w")):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        if getattr(sys, name) is None:
            setattr(sys, name, open(fd, mode, encoding="utf-8", closefd=False))  # noqa: SIM115


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the flush at exit cannot fail again."""
    from contextlib import suppress

    # No file behind stdout (a test's capture) means nothing to flush either.
    with suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _failed(exc: BaseException) -> NoReturn:
    if not isinstance(exc, (KeyboardInterrupt, BrokenPipeError, ReaderLeftError)):
        _show_traceback(exc)
    if isinstance(exc, ExotourError):
        lines = exc.lines()
        from exotour.text import printable

        for line in lines[:-1]:
            print(f"exotour: error: {printable(line)}", file=sys.stderr)
        fail(lines[-1], exc.hint, int(exc.exit_status))
    if isinstance(exc, KeyboardInterrupt):
        sys.exit(int(ExitStatus.INTERRUPTED))
    if isinstance(exc, (BrokenPipeError, ReaderLeftError)):
        # The reader of a pipe went away (| head): not worth a message; silence the final flush.
        _silence_stdout()
        sys.exit(int(ExitStatus.OK))
    from exotour.i18n import _

    if isinstance(exc, OSError):
        # A full disk or a closed terminal: the system's own words; the final flush is silenced
        # so that it cannot fail a second time on the way out.
        where = f" ({exc.filename})" if exc.filename else ""
        _silence_stdout()
        reason = f"{exc.strerror or exc}{where}"
        fail(_("cannot go on: {reason}").format(reason=reason), None, int(ExitStatus.ERROR))
    # The last line of defence: a message, never a traceback.
    fail(
        _("unexpected {name}: {error}").format(name=type(exc).__name__, error=exc),
        _("this is a bug in exotour; please report it with the command you ran"),
        int(ExitStatus.ERROR),
    )


def _show_traceback(exc: BaseException) -> None:
    """With EXOTOUR_DEBUG set (not empty, not 0), the traceback behind an error, on stderr
    before its message, each line made printable."""
    if os.environ.get("EXOTOUR_DEBUG", "") in ("", "0"):
        return
    import traceback

    from exotour.text import printable

    for line in "".join(traceback.format_exception(exc)).splitlines():
        print(printable(line), file=sys.stderr)
