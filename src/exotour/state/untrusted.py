"""Reading a small file that anyone may have put in our place: state and caches are untrusted.

The kind and the size are checked before a byte is read, so a FIFO cannot hang us, a device
(a symbolic link to /dev/zero) cannot feed us forever, and a 3 GB file is not read into memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from exotour.state.atomic import kind_of_mode


class UnusableFileError(Exception):
    """The file is there but is no file of ours: REASON says why, in words for a warning."""

    def __init__(self, reason: str, identity: tuple[int, int] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.identity = identity  # (st_dev, st_ino) of what was found, to set aside that one


class UnreadableFileError(Exception):
    """The file may be fine but cannot be read by us now (permissions, I/O): leave it alone."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


def identity_of(path: Path) -> tuple[int, int] | None:
    """(st_dev, st_ino) of PATH itself (a symbolic link, not its target); None when absent."""
    try:
        found = path.lstat()
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def read_small_file(path: Path, limit: int) -> bytes | None:
    """The bytes of PATH, a regular file of at most LIMIT bytes; None when there is none.

    Raises UnusableFileError for a folder, a FIFO, a device or a file over LIMIT, and
    UnreadableFileError when the system refuses (permissions, an I/O error)."""
    identity = identity_of(path)
    try:
        found = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:  # a loop of symbolic links, a name too long
        from exotour.i18n import _

        reason = _("cannot be opened ({why})").format(why=why(exc))
        raise UnusableFileError(reason, identity) from exc
    _check(found, limit, identity)
    try:
        # O_NONBLOCK: should a FIFO replace the file between stat and open, open cannot hang.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UnreadableFileError(why(exc)) from exc
    try:
        _check(os.fstat(fd), limit, identity)  # what was opened, not what was looked at
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise UnreadableFileError(why(exc)) from exc
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:  # it grew while we read
        from exotour.i18n import _
        from exotour.localnumbers import number

        reason = _("is too large (over {limit} bytes)").format(limit=number(limit))
        raise UnusableFileError(reason, identity)
    return data


def _check(found: os.stat_result, limit: int, identity: tuple[int, int] | None) -> None:
    kind = kind_of_mode(found.st_mode)
    if kind is not None:
        from exotour.i18n import _

        raise UnusableFileError(_("is {kind}").format(kind=kind), identity)
    if stat.S_ISREG(found.st_mode) and found.st_size > limit:
        from exotour.i18n import _
        from exotour.localnumbers import number

        reason = _("is too large ({size} bytes; at most {limit})")
        size = number(found.st_size)
        raise UnusableFileError(reason.format(size=size, limit=number(limit)), identity)


def why(exc: BaseException) -> str:
    """The system's words for EXC, in lower case ('permission denied'), else its type's name."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return type(exc).__name__
