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
