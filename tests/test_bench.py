"""The benchmark script: its generated tours are valid, and a quick run completes.

No test here measures a time; bench/run.py is a separate command (see the README).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO, child_env

from exotour.content.loader import check_content

BENCH = REPO / "bench" / "run.py"


def _bench(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCH), *args],
        cwd=cwd,
        env=child_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_generated_tour_is_valid_with_no_warning(tmp_path: Path) -> None:
    folder = tmp_path / "tour"
    done = _bench("--generate", str(folder), "--sections", "12", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"wrote a tour of 12 sections to {folder}\n"
    tour, problems = check_content(folder)
    assert problems == []
    assert tour is not None
    authored = [s for s in tour.sections if s.id != "sources"]
    assert [s.id for s in authored] == [f"part-{n:05d}" for n in range(1, 13)]
    assert all(s.evidence and s.quiz and s.keywords for s in authored)
    assert sum("collagen" in s.body.casefold() for s in authored) == 3  # a quarter of them
    assert tour.glossary


def test_the_same_seed_writes_the_same_tour(tmp_path: Path) -> None:
    for name in ("a", "b"):
        done = _bench("--generate", str(tmp_path / name), "--sections", "3", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yaml"))
    assert len(files) == 5  # tour, glossary and three sections
    for relative in files:
        assert (tmp_path / "a" / relative).read_bytes() == (tmp_path / "b" / relative).read_bytes()


@pytest.mark.slow  # it runs the benchmark: never in the default suite
def test_a_quick_run_prints_every_table(tmp_path: Path) -> None:
    done = _bench("--quick", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for heading in ("# exotour benchmark", "## In process", "## Whole process", "## Targets"):
        assert heading in out
    for row in (
        "| cores |",
        "| `python -c pass` |",
        "| `exotour --version` |",
        "| `exotour search collagen` |",
        "| `exotour summary` |",
        "| one page turn at 80x24 in `learn` (the worst) | ≤ 20 ms |",
    ):
        assert row in out
    targets = out.split("## Targets", 1)[1]
    results = [line for line in targets.splitlines() if line.startswith("| ")][2:]  # no header
    assert len(results) == 9  # the targets of issues 7 and 21
    assert all(line.endswith(("| PASS |", "| FAIL |")) for line in results)
    assert list(tmp_path.iterdir()) == []  # everything it wrote was in its own temporary folder
