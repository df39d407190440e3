"""Single keys read without Enter, in cbreak mode, and the names of the keys we use."""

from __future__ import annotations

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


class KeyReader:
    """Puts the terminal in cbreak mode (keys arrive one at a time, unechoed) and restores it.

    Ctrl-C still raises KeyboardInterrupt, so the caller can save and exit 130.
    """

    def __init__(self, fd: int | None = None) -> None:
        self.fd = sys.stdin.fileno() if fd is None else fd
        self._saved: list[Any] | None = None

    def __enter__(self) -> KeyReader:
        import termios
        import tty

        self._saved = termios.tcgetattr(self.fd)
        tty.setcbreak(self.fd, termios.TCSANOW)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        import termios

        if self._saved is not None:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)

    def _byte(self, timeout: float | None) -> str | None:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return None
        data = os.read(self.fd, 1)
        if not data:
            return EOF_KEY
        return data.decode("latin-1")

    def read_key(self, timeout: float | None = None) -> str | None:
        """The next key's name ('right', 'esc', 'q', ...), 'eof' on a closed terminal, or None."""
        first = self._byte(timeout)
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
