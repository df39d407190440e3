#!/usr/bin/env python3
"""Linear growth: doubling the input at most about doubles the work, whatever its shape.

    python bench/linear.py          # every check; exit 1 if one grows faster than linear

Two kinds of input, each of several shapes that once made a parser or a regular expression
backtrack: a section body checked by the loader (60 KB, then 120 KB), a tour of 400 and then 800
sections checked by the loader, and a body indexed for search (20,000 characters, doubled twice).
Each is timed as the best CPU time of several runs with garbage collection off, and only ratios
are compared: linear work doubles, quadratic work quadruples. This is a benchmark, not a test
(no test asserts a time): run it after a change to the loader, the schema or the search index.
"""

from __future__ import annotations

import gc
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "first-tour"
HEAD = "id: start-here\ntitle: What a tour is made of\ntakeaway: A folder.\n"
# Twice the input may take at most this many times as long (linear: 2, quadratic: 4).
TOLERANCE = 3.0

LOADER_UNITS = ["word ", "_", "*", "_a ", "*a ", "[", "[a](", "`", "<", "> ", "- item\n",
                "1. item\n", "|a|b|\n", "# heading\n", "\\", "&amp; ", "\n", "  ", "é"]  # fmt: skip
INDEX_UNITS = ["word collagen ", "_", "__", "*", "**", "`", "[", "](", "[a](http://x.y) ",
               "![alt](i.png) ", "<http://a.b> ", "\\\n", "\\*", "\n\n", "\n- item ",
               "\n1. item ", "\n# heading\n", "\n> quote ", "\n```\ncode\n```\n",
               "|a|b|\n|-|-|\n|c|d|\n", "snake_case ", "_a_ ", "**b** "]  # fmt: skip


def best_time(work: Callable[[], object], runs: int = 3) -> float:
    """The least CPU time of RUNS calls of WORK, garbage collection off."""
    work()  # warm the imports and the file cache
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            started = time.process_time()
            work()
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return best


def write_body(root: Path, text: str) -> None:
    body = "".join(f"  {line}\n" for line in text.split("\n"))
    (root / "sections" / "start-here.yaml").write_text(HEAD + "body: |-\n" + body)


def write_sections(root: Path, count: int) -> None:
    shutil.rmtree(root / "sections")
    (root / "sections").mkdir()
    ids = [f"part-{n:05d}" for n in range(count)]
    for section_id in ids:
        text = f"id: {section_id}\ntitle: Part {section_id}\ntakeaway: T.\nbody: Some *text*.\n"
        (root / "sections" / f"{section_id}.yaml").write_text(text)
    tour = "id: t\ntitle: T\ndisclaimer: D.\nsections:\n" + "".join(f"  - {i}\n" for i in ids)
    (root / "tour.yaml").write_text(tour)


def main() -> int:
    sys.path.insert(0, str(REPO / "src"))
    from exotour.content.loader import check_content
    from exotour.model import Section, Tour
    from exotour.search import engine

    rows: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(shutil.copytree(EXAMPLE, Path(scratch) / "tour"))
        for unit in LOADER_UNITS:
            count = 60_000 // len(unit)
            times = []
            for size in (count, count * 2):
                write_body(root, unit * size)
                times.append(best_time(lambda: check_content(root), runs=5))
            rows.append((f"loader, a body of {unit!r}", times[0], times[1]))
        times = []
        for count in (400, 800):
            write_sections(root, count)
            times.append(best_time(lambda: check_content(root), runs=3))
        rows.append(("loader, 400 then 800 sections", times[0], times[1]))

    def index(body: str) -> None:
        tour = Tour("t", "T", "", "", (Section("s", "S", "", body),))
        engine.memory_index(tour).connection.close()

    for unit in INDEX_UNITS:
        body = unit * max(1, 20_000 // len(unit))
        single, double = best_time(partial(index, body)), best_time(partial(index, body * 2))
        rows.append((f"search index, a body of {unit!r}", single, double))

    print("| input, then twice as much | CPU | twice | ratio | result |")
    print("| --- | --- | --- | --- | --- |")
    failed = 0
    for name, single, double in rows:
        ok = double <= TOLERANCE * single + 0.005  # the constant: timer noise on tiny inputs
        failed += not ok
        shown = name.replace("|", "\\|")
        ratio = double / single if single else 0.0
        result = "PASS" if ok else "FAIL"
        figures = f"{single * 1000:.1f} ms | {double * 1000:.1f} ms | {ratio:.2f}x"
        print(f"| {shown} | {figures} | {result} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
