"""`exotour decide` in a real terminal: single keys, a line for the words, a bad key asked again,
Ctrl-C (exit 130) and a resume at the question it left; at 80x24 and at 40x15 without colour."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from helpers import PYTHON, child_env

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "decision-tour"


def _spawn(state_dir: Path, rows: int, cols: int, *args: str, **env: str) -> Any:
    import pexpect

    environment = child_env(EXOTOUR_STATE_DIR=str(state_dir), TERM="xterm", PAGER="cat")
    environment.update(env)
    command = [PYTHON, "-m", "exotour", "--content", str(FIXTURE), "decide", *args]
    return pexpect.spawn(
        command[0],
        command[1:],
        env=environment,
        dimensions=(rows, cols),
        encoding="utf-8",
        timeout=10,
    )


@pytest.mark.slow
def test_keys_ctrl_c_and_a_resume_at_the_question_it_left(state_dir: Path) -> None:
    import pexpect

    child = _spawn(state_dir, 24, 80)
    child.expect_exact("(1-2, q stops):")
    child.send("7")  # not a condition: a word on why, and the question again
    child.expect_exact("'7' is not one of the numbers 1-2.")
    child.expect_exact("(1-2, q stops):")
    child.send("1")  # a single key, no Enter
    child.expect_exact("Enter alone skips:")
    child.sendline("next month")  # words are typed as a line
    child.expect_exact("Do you feel SURE about the best choice for you? (y/n, q stops):")
    child.send("y")
    child.expect_exact("Do you know the benefits and risks of each option? (y/n, q stops):")
    child.sendintr()
    child.expect_exact("Stopped at step 2 of 6. Your answers are saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    again = _spawn(state_dir, 24, 80)
    again.expect_exact("Resuming at step 2 of 6")
    again.expect_exact("Do you know the benefits and risks of each option? (y/n, q stops):")
    for key in "nyy":
        again.send(key)
    again.expect_exact("Step 3 of 6: Your options side by side")
    again.expect_exact("Press Enter to go on (q stops):")
    again.send("\r")
    again.expect_exact("Avoiding unknown risks? (0-5, q stops):")
    again.send("q")
    again.expect_exact("Stopped at step 4 of 6.")
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 0


@pytest.mark.slow
def test_a_small_terminal_without_colour_stacks_the_grid(state_dir: Path) -> None:
    import pexpect

    child = _spawn(state_dir, 15, 40, NO_COLOR="1")
    child.expect_exact("q stops):")
    child.send("1")
    child.expect_exact("skips:")
    child.sendline("")
    for _ in range(4):
        child.expect_exact("stops):")
        child.send("y")
    child.expect_exact("Press Enter to go on (q")
    shown = child.before
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "What it is: " in shown and "│" not in shown
    assert not re.search(r"\x1b\[(?:[0-9;]*;)?3[0-8][;m]", shown)  # NO_COLOR: no colours
