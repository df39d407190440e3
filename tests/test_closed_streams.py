"""A closed stdout (`>&-`), a reader that leaves early (`| head -1`) or a closed stdin is the
reader leaving, never "unexpected ... this is a bug": every command exits quietly, with the
status it would have had."""

from __future__ import annotations

import shlex
import subprocess

import pytest
from helpers import PYTHON, child_env

COMMANDS = [
    [],
    ["summary"],
    ["summary", "--json"],
    ["sections"],
    ["sections", "--json"],
    ["show", "1"],
    ["glossary"],
    ["search", "collagen"],
    ["learn"],
    ["learn", "--plain"],
    ["quiz"],
    ["export"],
    ["validate"],
    ["--help"],
    ["--version"],
]


def shell(line: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", "-c", line],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=120,
        check=False,
    )


def exotour(args: list[str]) -> str:
    return shlex.join([PYTHON, "-m", "exotour", *args])


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "welcome")
def test_a_closed_stdout_is_the_reader_leaving(args: list[str]) -> None:
    done = shell(f"{exotour(args)} >&- </dev/null")
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "welcome")
def test_a_reader_that_leaves_early_is_no_error(args: list[str]) -> None:
    done = shell(f'{{ {exotour(args)}; echo "status=$?" >&2; }} </dev/null | head -c 1 >/dev/null')
    assert done.stderr == "status=0\n"


def test_a_closed_stdout_keeps_the_status_of_validate() -> None:
    done = shell(f"{exotour(['validate', '/no/such/folder'])} >&-")
    assert done.returncode == 2
    assert done.stderr.startswith("exotour: error: content folder '/no/such/folder' does not exist")


def test_a_closed_stdin_ends_the_quiz_as_the_end_of_input() -> None:
    done = shell(f"{exotour(['quiz'])} <&-")
    assert (done.returncode, done.stderr) == (0, "")
    assert "(end of input)" in done.stdout
