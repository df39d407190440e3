"""exotour.render.fasttable: a plain table drawn row by row, exactly as Rich's Table draws it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from helpers import REPO
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from exotour.content.cache import load
from exotour.model import Tour
from exotour.render.fasttable import FastTable, plain_rows
from exotour.render.screens import contents_table


def _console(width: int, colour: bool) -> Console:
    return Console(
        file=io.StringIO(),
        width=width,
        color_system="truecolor" if colour else None,
        force_terminal=colour,
        markup=False,
        emoji=False,
        highlight=False,
    )


def _drawn(renderable: RenderableType, width: int, colour: bool) -> str:
    console = _console(width, colour)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get()


def _table(renderable: object) -> Table:
    assert isinstance(renderable, FastTable)
    return renderable.table


@pytest.mark.parametrize("detailed", [True, False])
@pytest.mark.parametrize("width", [24, 40, 57, 80, 120])
@pytest.mark.parametrize("colour", [False, True])
def test_the_contents_are_drawn_as_rich_draws_them(
    tour: Tour, detailed: bool, width: int, colour: bool
) -> None:
    visited = frozenset(s.id for s in tour.sections[::2])
    fast = contents_table(tour, visited, detailed=detailed)
    assert isinstance(fast, FastTable)
    assert _drawn(fast, width, colour) == _drawn(fast.table, width, colour)


def test_a_wide_enough_table_takes_the_fast_way_and_a_narrow_one_rich(tour: Tour) -> None:
    table = _table(contents_table(tour, frozenset(), detailed=True))
    assert plain_rows(table, _console(120, False), 120) is not None
    assert plain_rows(table, _console(30, False), 30) is None  # long titles wrap: Rich's to do


def test_a_generated_tour_of_many_sections_is_drawn_the_same(tmp_path: Path) -> None:
    import subprocess
    import sys

    folder = tmp_path / "tour"
    bench = str(REPO / "bench" / "run.py")
    command = [sys.executable, bench, "--generate", str(folder), "--sections", "150"]
    subprocess.run(command, check=True, capture_output=True)
    tour = load(folder)
    fast = contents_table(tour, frozenset({"part-00003"}), detailed=True)
    assert plain_rows(_table(fast), _console(80, False), 80) is not None
    for colour in (False, True):
        assert _drawn(fast, 80, colour) == _drawn(_table(fast), 80, colour)


@pytest.mark.parametrize(
    "cell",
    [
        Text("two\nlines"),
        Text(" padded "),
        Text("styled", style="bold", justify="right"),
        Text.assemble(("part", "red"), " plain"),
        "a str",
    ],
    ids=["two lines", "padded", "own justify", "spans", "str"],
)
def test_a_cell_rich_must_lay_out_is_left_to_rich(cell: Text | str) -> None:
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column()
    table.add_row(cell)
    assert plain_rows(table, _console(80, False), 80) is None
    assert _drawn(FastTable(table), 80, False) == _drawn(table, 80, False)


def test_a_table_with_a_box_or_title_is_left_to_rich() -> None:
    for table in (Table(), Table(box=None, title="Title")):
        table.add_column("a")
        table.add_row(Text("x"))
        assert plain_rows(table, _console(80, False), 80) is None
