"""Running exotour in real pseudo-terminals for the tests (pexpect), and reading what they show."""

from __future__ import annotations

import re
import signal
from pathlib import Path
from typing import Any

import pexpect
from helpers import PYTHON, child_env

from exotour.model import Tour
from exotour.render.learn import place_label

# Generous: it only matters when a test fails, and CI may share its two cores.
TIMEOUT = 10
# CSI sequences (colours, cursor moves, alternate screen) and OSC ones (links, titles).
ESCAPES = re.compile(
    r"\x1b\[[0-9;?<=>]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][AB0-2]"
)


def plain(text: str) -> str:
    """TEXT as a person reads it: no escape sequences, no carriage returns."""
    return ESCAPES.sub("", text).replace("\r", "")


def header(tour: Tour, section: int, page: int, pages: int, cols: int = 80) -> str:
    """The place as the header says it: in words, or in short where the words do not fit."""
    return place_label(tour, section, page, pages, cols)


def frame(child: Any, head: str, keys: str) -> list[str]:
    """Wait for the screen that starts with HEAD and ends with the key line KEYS; its lines, as
    a person reads them."""
    child.expect_exact(head)
    child.expect_exact(keys)
    return plain(head + child.before + keys).split("\n")


def _default_interrupt() -> None:
    """In the child: Ctrl-C interrupts, even when this test run was started with SIGINT ignored
    (as a shell does for a background job), since an ignored signal is inherited across exec."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Terminals:
    """Starts programs in pseudo-terminals with this test's state folder; reaps them all after."""

    def __init__(self, state_dir: Path, cwd: Path) -> None:
        self.state_dir = state_dir
        self.cwd = cwd
        self.children: list[Any] = []

    def start(
        self, program: str, args: list[str], rows: int, cols: int, env: dict[str, str]
    ) -> Any:
        environment = child_env(EXOTOUR_STATE_DIR=str(self.state_dir), TERM="xterm-256color")
        environment.update(env)
        for name in ("COLUMNS", "LINES"):  # the terminal's own size must decide
            environment.pop(name, None)
        child = pexpect.spawn(
            program,
            args,
            dimensions=(rows, cols),
            env=environment,
            cwd=str(self.cwd),
            encoding="utf-8",
            codec_errors="replace",
            timeout=TIMEOUT,
            preexec_fn=_default_interrupt,
        )
        child.delaybeforesend = None  # keys need no pause; there is no password prompt to wait for
        self.children.append(child)
        return child

    def exotour(self, *args: str, rows: int = 24, cols: int = 80, **env: str) -> Any:
        return self.start(PYTHON, ["-m", "exotour", *args], rows, cols, env)

    def shell(self, script: str, rows: int = 24, cols: int = 80) -> Any:
        return self.start("sh", ["-c", script], rows, cols, {})

    def close(self) -> None:
        for child in self.children:
            if child.isalive():
                child.terminate(force=True)


def finish(child: Any) -> int:
    """Wait for CHILD to end; its exit status (a test fails if a signal ended it)."""
    child.expect(pexpect.EOF)
    child.close()
    status = child.exitstatus
    assert isinstance(status, int), f"ended by signal {child.signalstatus}"
    return status
