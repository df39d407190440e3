"""A lock shared by every exotour process that saves in one folder: a file beside the one it
guards, held with flock for the few milliseconds of a read, a merge and an atomic write.

The folder is untrusted like the rest of the state: whatever stands at the lock's name (a link,
a FIFO, a device) is not followed or opened for long, and when no lock can be had (a read-only
folder, a system without flock, a holder that never lets go) the work is done without it, as it
was before there was a lock: the write stays atomic, only a concurrent record may be lost.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

if sys.platform != "win32":
    import fcntl

# Far longer than any holder needs (one small read and write); a holder stopped with Ctrl-Z
# must not stop everyone else for good.
PATIENCE = 5.0
POLL = 0.005


@contextmanager
def held(path: Path, patience: float = PATIENCE) -> Iterator[bool]:
    """Hold the lock file PATH (created if need be) while the block runs; True when held."""
    fd = _open(path)
    if fd is None:
        yield False
        return
    try:
        yield _take(fd, patience)
    finally:
        os.close(fd)  # closing lets go of the lock


def _open(path: Path) -> int | None:
    """A descriptor of the regular file PATH, never through a link; None when that fails."""
    if sys.platform == "win32":
        return None  # no flock: no other process is kept out
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        fd = os.open(path, flags, 0o600)
    except OSError:
        return None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    return fd


def _take(fd: int, patience: float) -> bool:
    """Wait up to PATIENCE seconds for the lock on FD; whether it was had."""
    if sys.platform == "win32":
        return False
    deadline = time.monotonic() + patience
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
        except OSError:  # a file system without locks
            return False
        time.sleep(POLL)
