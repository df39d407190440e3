"""Output that cannot be written (a full disk) is an error message, not a bug report."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from helpers import PYTHON, child_env

FULL = Path("/dev/full")


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["learn"], ["summary", "--json"], ["show", "3"]])
def test_a_full_disk_is_a_plain_error(args: list[str], tmp_path: Path) -> None:
    with FULL.open("w") as full:
        done = subprocess.run(
            [PYTHON, "-m", "exotour", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(EXOTOUR_STATE_DIR=str(tmp_path)),
            timeout=60,
            check=False,
        )
    assert (done.returncode, done.stderr) == (
        2,
        "exotour: error: cannot go on: No space left on device\n",
    )


def _file_size_limit() -> None:
    """In the child: files may grow to 16 KB; a write past it is cut short, then fails."""
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (16_000, 16_000))


@pytest.mark.parametrize("unbuffered", ["1", ""])
@pytest.mark.parametrize("args", [["export"], ["learn", "--plain"]])
def test_output_cut_short_by_a_full_disk_is_an_error_whatever_the_buffering(
    tmp_path: Path, unbuffered: str, args: list[str]
) -> None:
    written = tmp_path / "out"
    with written.open("wb") as out:
        done = subprocess.run(
            [PYTHON, "-m", "exotour", *args],
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(EXOTOUR_STATE_DIR=str(tmp_path), PYTHONUNBUFFERED=unbuffered),
            preexec_fn=_file_size_limit,
            timeout=60,
            check=False,
        )
    assert (done.returncode, done.stderr) == (2, "exotour: error: cannot go on: File too large\n")
    assert written.stat().st_size == 16_000
