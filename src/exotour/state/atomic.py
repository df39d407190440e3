"""The one atomic writer: every file exotour writes (progress, caches, the search index, exports)
goes through a temporary file in the same folder, flushed to disk, then renamed over the target.

A reader therefore sees the old file or the new one, never half of either; an interrupted write
leaves no temporary file behind; and a target that is not a regular file (a folder, a FIFO, a
device such as /dev/null) is refused rather than replaced by one.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class NotARegularFileError(OSError):
    """The target exists and is a folder, a FIFO, a socket or a device."""


def kind_of(path: Path) -> str | None:
    """'a folder', 'a FIFO', ... when PATH exists and is not a regular file; else None.

    A symbolic link is judged by what it points to; a dangling one counts as absent."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    return kind_of_mode(mode)


def kind_of_mode(mode: int) -> str | None:
    """What a file of st_mode MODE is, in words, when it is not a regular file; else None."""
    if stat.S_ISREG(mode):
        return None
    from exotour.i18n import _

    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a FIFO (named pipe)")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("a device")


# A temporary file not written for this long was left by a process that was killed (SIGKILL
# leaves no time to remove it); a live writer writes far more often than this.
STALE_SECONDS = 15 * 60


def _temporary_prefix(path: Path) -> str:
    return f".{path.name[:40]}."


def remove_stale(path: Path, older_than: float = STALE_SECONDS) -> None:
    """Remove the temporary files that writes of PATH left behind when they were killed: those
    beside it, by atomic_path's names, regular files untouched for OLDER_THAN seconds."""
    import time

    cutoff = time.time() - older_than
    try:
        candidates = list(path.parent.glob(f"{_glob_escape(_temporary_prefix(path))}*.tmp"))
    except OSError:
        return
    for candidate in candidates:
        try:
            found = candidate.lstat()
            if stat.S_ISREG(found.st_mode) and found.st_mtime < cutoff:
                candidate.unlink()
        except OSError:
            continue  # gone already, or not ours to remove


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


@contextmanager
def atomic_path(path: Path, *, shared: bool = False) -> Iterator[Path]:
    """A temporary path beside PATH to write to; on success it is flushed and renamed to PATH.

    SHARED gives the file the usual mode (0666 less the umask) instead of mkstemp's private
    0600: for documents the user shares, not for state and caches. Raises OSError (or
    NotARegularFileError) and leaves PATH as it was when anything fails.
    """
    kind = kind_of(path)
    if kind is not None:
        from exotour.i18n import _

        raise NotARegularFileError(_("{file} is {kind}").format(file=path, kind=kind))
    import tempfile  # here: reading progress (which imports this module) never needs it

    fd, name = tempfile.mkstemp(prefix=_temporary_prefix(path), suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        if shared:
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fd, 0o666 & ~umask)
        os.close(fd)
        yield tmp
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomically(path: Path, data: str | bytes, *, shared: bool = False) -> None:
    """Write DATA (text as UTF-8 with \\n line ends) to PATH atomically; see atomic_path."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(path, shared=shared) as tmp:
        tmp.write_bytes(payload)
