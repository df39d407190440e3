"""Job control and signals in real terminals: Ctrl-Z and fg give a working tour back; SIGTERM and
SIGHUP restore the terminal, save the place and exit 128+N; a closed terminal is the reader
leaving. Each runs exotour under a shell that reports what it left behind."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path
from typing import Any

import pytest
from helpers import PYTHON
from terminals import TIMEOUT, Terminals, finish, plain

from exotour.model import Tour
from exotour.render.learn import footer
from exotour.tui.keys import EOF_KEY, KeyReader
from exotour.tui.pages import Paginator

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.slow

KEYS = footer(80)  # the key line at 80 columns: the screen is drawn whole
PROMPT = "READY$ "


def header(tour: Tour, page: int) -> str:
    pages = Paginator(tour, 80, 24).count(0)
    return f"Section 1 of {len(tour.sections)} · page {page + 1} of {pages}"


def exotour_child_of(shell: Any) -> int:
    """The pid of the one program the shell SHELL is running now."""
    children = Path(f"/proc/{shell.pid}/task/{shell.pid}/children")
    for _ in range(100):
        found = children.read_text(encoding="ascii").split()
        if found:
            return int(found[0])
        shell.expect(pexpect.TIMEOUT, timeout=0.05)
    raise AssertionError("the shell started no program")


def learn_under_a_shell(term: Terminals, tour: Tour) -> Any:
    """`exotour learn` on its second page, under a shell that prints its status and the
    terminal's settings once it has gone."""
    script = f'"{PYTHON}" -m exotour learn --restart; echo "status=$?"; stty -a'
    child = term.shell(script)
    child.expect_exact(header(tour, 0))
    child.expect_exact(KEYS)
    child.send("n")
    child.expect_exact(header(tour, 1))
    child.expect_exact(KEYS)
    return child


def left_behind(child: Any, status: int) -> tuple[str, list[str]]:
    """What exotour wrote after its last screen, and the terminal settings after it ended."""
    child.expect_exact(f"status={status}")
    last_words = child.before
    child.expect(pexpect.EOF)
    return last_words, plain(child.before).split()


@pytest.mark.parametrize(("number", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_signal_restores_the_terminal_saves_the_place_and_exits_128_plus_n(
    term: Terminals, tour: Tour, number: int, status: int
) -> None:
    child = learn_under_a_shell(term, tour)
    os.kill(exotour_child_of(child), number)
    last_words, settings = left_behind(child, status)
    assert "\x1b[?1049l" in last_words and "\x1b[?25h" in last_words  # screen and cursor back
    assert "Traceback" not in last_words and "bug" not in last_words
    assert "icanon" in settings and "echo" in settings  # cooked mode is back

    again = term.exotour("learn")
    again.expect_exact("Resumed at section 1, page 2")
    again.send("q")
    assert finish(again) == 0


def test_ctrl_z_then_fg_gives_back_a_working_tour(term: Terminals, tour: Tour) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash for job control")
    child = term.start(bash, ["--norc", "--noprofile", "-i"], 24, 80, {"PS1": PROMPT})
    child.expect_exact(PROMPT)
    child.sendline(f'"{PYTHON}" -m exotour learn --restart')
    child.expect_exact(header(tour, 0))
    child.send("n")
    child.expect_exact(header(tour, 1))
    child.expect_exact(KEYS)
    child.send("\x1a")  # Ctrl-Z
    child.expect_exact(PROMPT)
    assert "\x1b[?1049l" in child.before and "\x1b[?25h" in child.before
    child.sendline("stty -a; echo done-$((1+1))")
    child.expect_exact("done-2")
    settings = plain(child.before).split()
    assert "icanon" in settings and "echo" in settings  # the shell's terminal, not cbreak

    child.sendline("fg")
    child.expect_exact("\x1b[?1049h")
    child.expect_exact(header(tour, 1))  # redrawn where it was
    child.expect_exact(KEYS)
    child.send("n")  # a single key acts again, with no Enter and no echo
    child.expect_exact(header(tour, 2))
    child.send("q")
    child.expect_exact(PROMPT)
    child.sendline("echo status=$?; exit")
    child.expect_exact("status=0")
    child.expect(pexpect.EOF)


def test_the_quiz_survives_ctrl_z_and_sigterm_exits_143(term: Terminals) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash for job control")
    child = term.start(bash, ["--norc", "--noprofile", "-i"], 24, 80, {"PS1": PROMPT})
    child.expect_exact(PROMPT)
    child.sendline(f'"{PYTHON}" -m exotour quiz')
    child.expect_exact("Question 1 of")
    child.expect_exact("q stops):")
    child.send("\x1a")
    child.expect_exact(PROMPT)
    child.sendline("fg")
    child.expect_exact("q stops):")  # asked again
    child.send("1")  # a single key answers
    child.expect_exact("Question 2 of")
    child.expect_exact("q stops):")
    pid = exotour_child_of(child)
    os.kill(pid, signal.SIGTERM)
    child.expect_exact(PROMPT)
    child.sendline("echo status=$?; stty -a; exit")
    child.expect_exact("status=143")
    child.expect(pexpect.EOF)
    settings = plain(child.before).split()
    assert "icanon" in settings and "echo" in settings
    assert "bug" not in child.before


def test_a_closed_terminal_reads_as_the_reader_leaving() -> None:
    """Reading keys after the terminal closed gives EIO; the key reader says EOF."""
    main, follower = os.openpty()
    try:
        with KeyReader(follower) as keys:
            os.close(main)
            main = -1
            assert keys.read_key(timeout=TIMEOUT) == EOF_KEY
    finally:
        os.close(follower)
        if main >= 0:
            os.close(main)


def test_closing_the_terminal_saves_the_place_and_exits_129(term: Terminals, tour: Tour) -> None:
    child = term.exotour("learn", "--restart")
    child.expect_exact(header(tour, 0))
    child.send("n")
    child.expect_exact(header(tour, 1))
    child.expect_exact(KEYS)
    child.ptyproc.fileobj.close()  # the terminal window closes: SIGHUP, then EIO on every read
    child.ptyproc.wait()
    assert child.ptyproc.exitstatus == 129
    again = term.exotour("learn")
    again.expect_exact("Resumed at section 1, page 2")
    again.send("q")
    assert finish(again) == 0
