"""A terminal held for a key-driven screen, given back on every way out, and on Ctrl-Z.

For as long as the session is open the terminal sends single keys unechoed (cbreak) and, for
full screens, shows the alternate screen with the cursor hidden. It is given back as it was:

- on leaving the `with` block, by any exception (Ctrl-C included);
- on Ctrl-Z (SIGTSTP), before the process stops, and taken again on `fg` (SIGCONT), after
  which the key reader returns REDRAW_KEY once so that the screen is painted again;
- on SIGTERM and SIGHUP (a closed terminal), which are raised as errors.Signalled where they
  arrive, so the caller saves its place on the way out and `guarded` exits 128+N.

The escape codes are written straight to the descriptor rather than through Rich: a signal may
arrive in the middle of a Rich print, and its buffer is not to be touched from there.
"""

from __future__ import annotations

import os
import signal
import sys
from contextlib import suppress
from types import FrameType, TracebackType
from typing import Any

from exotour.errors import Signalled
from exotour.tui.keys import KeyReader

ENTER_SCREEN = "\x1b[?1049h\x1b[H\x1b[?25l"  # the alternate screen, at home, cursor hidden
LEAVE_SCREEN = "\x1b[?25h\x1b[?1049l"  # cursor shown, the user's own screen back
# The signals that end a session, as they end the program: the place is saved, the status 128+N.
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class TerminalSession:
    """`with TerminalSession() as keys:` a KeyReader on a terminal held as described above.

    FULL_SCREEN takes the alternate screen (the walkthrough); without it only the key mode
    changes (the quiz, which prints as it goes). IN_FD and OUT_FD default to stdin and stdout.
    """

    def __init__(
        self, *, full_screen: bool = True, in_fd: int | None = None, out_fd: int | None = None
    ) -> None:
        self.full_screen = full_screen
        self.keys = KeyReader(in_fd)
        self.out_fd = sys.stdout.fileno() if out_fd is None else out_fd
        self._previous: dict[int, Any] = {}
        self._held = False

    def __enter__(self) -> KeyReader:
        for number in ENDING_SIGNALS:
            self._previous[number] = signal.signal(number, _raise_signalled)
        self._previous[signal.SIGTSTP] = signal.signal(signal.SIGTSTP, self._suspend)
        self._previous[signal.SIGCONT] = signal.signal(signal.SIGCONT, self._continued)
        try:
            self.keys.__enter__()
            self._take_screen()
        except BaseException:
            self._restore_handlers()
            raise
        return self.keys

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        # A second signal must not cut the way out short: held until the terminal is restored.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, ENDING_SIGNALS)
        try:
            with suppress(Exception):  # what Rich still buffers belongs on the screen we leave
                sys.stdout.flush()
            self._give_screen()
            self.keys.__exit__(kind, exc, tb)
        finally:
            self._restore_handlers()
            signal.pthread_sigmask(signal.SIG_SETMASK, held)

    def _take_screen(self) -> None:
        if self.full_screen:
            self._write(ENTER_SCREEN)
        self._held = True

    def _give_screen(self) -> None:
        if self._held and self.full_screen:
            self._write(LEAVE_SCREEN)
        self._held = False

    def _write(self, codes: str) -> None:
        with suppress(OSError):  # a terminal that is gone needs no restoring
            os.write(self.out_fd, codes.encode("ascii"))

    def _suspend(self, signum: int, frame: FrameType | None) -> None:
        """Ctrl-Z: give the terminal back, then stop as the default action would."""
        self._give_screen()
        self.keys.suspend()
        signal.signal(signal.SIGTSTP, signal.SIG_DFL)
        try:
            os.kill(os.getpid(), signal.SIGTSTP)  # stops here until `fg`
        finally:
            signal.signal(signal.SIGTSTP, self._suspend)

    def _continued(self, signum: int, frame: FrameType | None) -> None:
        """`fg` (or `kill -CONT`): take the terminal again, whatever the shell did to it."""
        if not self._held:
            self._take_screen()
        elif self.full_screen:
            self._write(ENTER_SCREEN)  # stopped without Ctrl-Z (SIGSTOP): the shell drew on it
        self.keys.resume()

    def _restore_handlers(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        self._previous.clear()


def _raise_signalled(signum: int, frame: FrameType | None) -> None:
    raise Signalled(signum)
