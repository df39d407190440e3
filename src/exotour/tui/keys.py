"""Single keys read without Enter, in cbreak mode, and the names of the keys we use."""

from __future__ import annotations

import contextlib
import errno
import os
import select
import sys
from types import TracebackType
from typing import Any

# Escape sequences of the keys we use, as xterm, the Linux console and tmux send them.
_SEQUENCES = {
    "[A": "up",
    "[B": "down",
    "[C": "right",
    "[D": "left",
    "OA": "up",
    "OB": "down",
    "OC": "right",
    "OD": "left",
    "[H": "home",
    "[F": "end",
    "OH": "home",
    "OF": "end",
    "[1~": "home",
    "[4~": "end",
    "[7~": "home",
    "[8~": "end",
    "[5~": "pageup",
    "[6~": "pagedown",
}
_NAMED = {"\r": "enter", "\n": "enter", " ": "space", "\x7f": "backspace", "\x08": "backspace"}
EOF_KEY = "eof"
# Not a key: the terminal was handed back (after Ctrl-Z and fg) and the screen must be redrawn.
REDRAW_KEY = "redraw"


# What one read takes from the terminal at most: a key is a few bytes, a paste many.
READ_SIZE = 4096


class KeyReader:
    """Puts the terminal in cbreak mode (keys arrive one at a time, unechoed) and restores it.

    Ctrl-C still raises KeyboardInterrupt, so the caller can save and exit 130. A terminal that
    went away (EOF, or EIO once it is closed) reads as EOF_KEY: the reader has left.
    """

    def __init__(self, fd: int | None = None) -> None:
        self.fd = sys.stdin.fileno() if fd is None else fd
        self._saved: list[Any] | None = None
        self._redraw = False
        self._wake: tuple[int, int] | None = None  # a pipe that ends a wait for a key early
        # A byte read after Esc that starts no escape sequence: the next key (Esc then q, sent
        # together as tmux does after its escape-time, is Esc and then q, not one unknown key).
        self._pending: str | None = None
        # Bytes read but not yet taken: a paste arrives in one read, not one read a byte.
        self._unread = b""

    def __enter__(self) -> KeyReader:
        import termios
        import tty

        self._saved = termios.tcgetattr(self.fd)
        tty.setcbreak(self.fd, termios.TCSANOW)
        self._wake = os.pipe()
        for end in self._wake:
            os.set_blocking(end, False)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        import termios

        if self._wake is not None:
            for end in self._wake:
                os.close(end)
            self._wake = None
        if self._saved is not None:
            # A terminal that is gone (a hang-up) has nothing left to restore.
            with contextlib.suppress(OSError, termios.error):
                termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)

    def suspend(self) -> None:
        """Give the terminal its own modes back (echo, lines), as before Ctrl-Z stops us."""
        import termios

        if self._saved is not None:
            with contextlib.suppress(OSError, termios.error):
                termios.tcsetattr(self.fd, termios.TCSANOW, self._saved)

    def resume(self) -> None:
        """Single keys again, once `fg` has brought us back; the next read_key is REDRAW_KEY."""
        import termios
        import tty

        with contextlib.suppress(OSError, termios.error):
            tty.setcbreak(self.fd, termios.TCSANOW)
        self._redraw = True
        if self._wake is not None:
            with contextlib.suppress(BlockingIOError):  # full: it is woken already
                os.write(self._wake[1], b"!")  # a wait for a key in progress ends, to redraw

    def _byte(self, timeout: float | None) -> str | None:
        if self._unread:
            byte, self._unread = self._unread[:1], self._unread[1:]
            return byte.decode("latin-1")
        waits = [self.fd] if self._wake is None else [self.fd, self._wake[0]]
        try:
            ready, _, _ = select.select(waits, [], [], timeout)
            if self._wake is not None and self._wake[0] in ready:
                os.read(self._wake[0], 4096)  # a resume writes one byte; a few at most
                return None
            if not ready:
                return None
            data = os.read(self.fd, READ_SIZE)
        except OSError as exc:
            if exc.errno in (errno.EIO, errno.EBADF, errno.ENXIO):
                return EOF_KEY  # the terminal was closed under us
            raise
        if not data:
            return EOF_KEY
        self._unread = data[1:]
        return data[:1].decode("latin-1")

    def pending(self) -> bool:
        """Whether a key is already waiting (a paste, a held key): the screen can wait for it."""
        if self._pending is not None or self._redraw or self._unread:
            return True
        try:
            ready, _, _ = select.select([self.fd], [], [], 0)
        except (OSError, ValueError):
            return False
        return bool(ready)

    def read_key(self, timeout: float | None = None) -> str | None:
        """The next key's name ('right', 'esc', 'q', ...), 'eof' on a closed terminal,
        REDRAW_KEY once after the terminal was handed back, or None when TIMEOUT passed."""
        if self._redraw:
            self._redraw = False
            return REDRAW_KEY
        first: str | None = self._pending
        self._pending = None
        if first is None:
            first = self._byte(timeout)
        if first is None and self._redraw:
            self._redraw = False
            return REDRAW_KEY
        if first is None or first == EOF_KEY:
            return first
        if first != "\x1b":
            if first >= "\xc0":  # the lead byte of a UTF-8 character: read the rest of it
                return self._utf8(first)
            return _NAMED.get(first, first)
        sequence = ""
        while len(sequence) < 6:
            more = self._byte(0.03)
            if more is None or more == EOF_KEY:
                break
            if not sequence and more not in "[O":
                self._pending = more
                return "esc"
            sequence += more
            if sequence in _SEQUENCES:
                return _SEQUENCES[sequence]
            if sequence[-1].isalpha() or sequence[-1] == "~":
                break
        return "esc" if not sequence else "unknown"

    def _utf8(self, lead: str) -> str:
        needed = 1 if lead < "\xe0" else 2 if lead < "\xf0" else 3
        raw = lead.encode("latin-1")
        for _ in range(needed):
            more = self._byte(0.03)
            if more is None or more == EOF_KEY:
                break
            raw += more.encode("latin-1")
        return raw.decode("utf-8", errors="replace")
