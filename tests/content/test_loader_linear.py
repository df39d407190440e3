"""The loader's work grows linearly with the content: doubling the input at most roughly
doubles the time to check it, whatever shape the text has.

Times are compared with each other (best of several runs, a generous tolerance), never with a
number of seconds; the figures themselves live in bench/run.py.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from helpers import REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exotour.content.loader import check_content

EXAMPLE = REPO / "examples" / "first-tour"
HEAD = "id: start-here\ntitle: What a tour is made of\ntakeaway: A folder.\n"
RUNS = 5
TOLERANCE = 3.0  # twice the input may take at most three times as long

# Pieces of Markdown and YAML that are slow for some parser when repeated.
_UNITS = st.sampled_from(
    [
        "word ",
        "_",
        "*",
        "_a ",
        "*a ",
        "[",
        "[a](",
        "`",
        "<",
        "> ",
        "- item\n",
        "1. item\n",
        "|a|b|\n",
        "# heading\n",
        "\\",
        "&amp; ",
        "\n",
        "  ",
        "é",
    ]
)


def best_time(root: Path) -> float:
    """The best CPU time of RUNS checks of ROOT, garbage collection off: what the loader itself
    costs, whatever else the machine is doing (a wall clock on a shared machine is not)."""
    import gc

    check_content(root)  # once to warm the file cache and the imports
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(RUNS):
            started = time.process_time()
            check_content(root)
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return best


def write_body(root: Path, text: str) -> None:
    body = "".join(f"  {line}\n" for line in text.split("\n"))
    (root / "sections" / "start-here.yaml").write_text(HEAD + "body: |-\n" + body)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shutil.copytree(EXAMPLE, tmp_path_factory.mktemp("linear") / "tour")


@pytest.mark.slow
@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(unit=_UNITS, filler=st.sampled_from(["", "text "]))
def test_doubling_a_body_at_most_doubles_the_check(scratch: Path, unit: str, filler: str) -> None:
    piece = unit + filler
    count = 60_000 // len(piece)  # about 60 KB, then 120 KB: both under the field limit
    write_body(scratch, piece * count)
    single = best_time(scratch)
    write_body(scratch, piece * count * 2)
    double = best_time(scratch)
    assert double <= TOLERANCE * single + 0.005, (repr(piece), single, double)


def write_sections(root: Path, count: int) -> None:
    shutil.rmtree(root / "sections")
    (root / "sections").mkdir()
    ids = [f"part-{n:05d}" for n in range(count)]
    for section_id in ids:
        text = f"id: {section_id}\ntitle: Part {section_id}\ntakeaway: T.\nbody: Some *text*.\n"
        (root / "sections" / f"{section_id}.yaml").write_text(text)
    tour = "id: t\ntitle: T\ndisclaimer: D.\nsections:\n" + "".join(f"  - {i}\n" for i in ids)
    (root / "tour.yaml").write_text(tour)


@pytest.mark.slow
def test_doubling_the_sections_at_most_doubles_the_check(tmp_path: Path) -> None:
    root = shutil.copytree(EXAMPLE, tmp_path / "tour")
    write_sections(root, 400)
    single = best_time(root)
    write_sections(root, 800)
    double = best_time(root)
    assert double <= TOLERANCE * single, (single, double)
