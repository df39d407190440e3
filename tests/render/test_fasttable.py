"""exotour.render.fasttable: a plain table written row by row by fixed column rules, the same on
every Rich version (the golden files), and left to Rich where it is not that plain."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from helpers import REPO
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from exotour.content.cache import load
from exotour.model import Tour
from exotour.render.console import offscreen_console
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


GOLDEN = Path(__file__).resolve().parent / "golden"


def _golden(name: str, drawn: str) -> str:
    """The golden file NAME; EXOTOUR_UPDATE_GOLDENS=1 rewrites it from DRAWN after a change."""
    path = GOLDEN / name
    if os.environ.get("EXOTOUR_UPDATE_GOLDENS") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(drawn, encoding="utf-8")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("detailed", [True, False])
@pytest.mark.parametrize("width", [57, 80, 120])
@pytest.mark.parametrize("colour", [False, True])
def test_the_contents_are_written_by_the_fixed_rules(
    tour: Tour, detailed: bool, width: int, colour: bool
) -> None:
    visited = frozenset(s.id for s in tour.sections[::2])
    fast = contents_table(tour, visited, detailed=detailed)
    assert isinstance(fast, FastTable)
    if plain_rows(fast.table, _console(width, colour), width) is None:
        pytest.skip("too narrow for the fixed columns: Rich's to draw")
    name = f"contents-{'detailed' if detailed else 'short'}-{'colour' if colour else 'plain'}.txt"
    assert _drawn(fast, width, colour) == _golden(name, _drawn(fast, width, colour))


@pytest.mark.parametrize("detailed", [True, False])
def test_the_columns_line_up_and_every_cell_is_whole(tour: Tour, detailed: bool) -> None:
    fast = contents_table(tour, frozenset({tour.sections[0].id}), detailed=detailed)
    lines = _drawn(fast, 120, False).splitlines()
    rows = lines[1:] if detailed else lines
    assert len(rows) == len(tour.sections)
    starts = set()
    for number, (line, section) in enumerate(zip(rows, tour.sections, strict=True), start=1):
        assert f"{number}.  {section.title}" in line
        assert line.rstrip().endswith(f"{section.reading_minutes} min")
        starts.add(line.index(f"{number}.") + len(f"{number}."))  # numbers are right-aligned
        if detailed:
            assert f"  {section.id}  " in line
    assert len(starts) == 1
    assert rows[0].lstrip().startswith("✓")


def test_a_wide_enough_table_takes_the_fast_way_and_a_narrow_one_rich(tour: Tour) -> None:
    table = _table(contents_table(tour, frozenset(), detailed=True))
    assert plain_rows(table, _console(120, False), 120) is not None
    assert plain_rows(table, _console(30, False), 30) is None  # long titles wrap: Rich's to do


def test_a_generated_tour_of_many_sections_is_written_in_fixed_columns(tmp_path: Path) -> None:
    import subprocess
    import sys

    folder = tmp_path / "tour"
    bench = str(REPO / "bench" / "run.py")
    command = [sys.executable, bench, "--generate", str(folder), "--sections", "150"]
    subprocess.run(command, check=True, capture_output=True)
    tour = load(folder)
    fast = contents_table(tour, frozenset({"part-00003"}), detailed=True)
    assert plain_rows(_table(fast), _console(80, False), 80) is not None
    plain = _drawn(fast, 80, False)
    lines = plain.splitlines()
    assert len(lines) == len(tour.sections) + 1 and all(len(line) <= 80 for line in lines)
    assert len({line.index(" min") for line in lines[1:] if line.endswith(" min")}) == 1
    coloured = _drawn(fast, 80, True)
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain  # styles do not move a cell


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


_JUSTIFIED = st.sampled_from(["left", "right", "center", None])


@settings(max_examples=200)
@given(
    rows=st.lists(
        st.lists(
            st.text(st.sampled_from([*"ab1 .✓", "é", "\u4e00"]), max_size=12),
            min_size=3,
            max_size=3,
        ),
        max_size=6,
    ),
    justify=st.lists(_JUSTIFIED, min_size=3, max_size=3),
    fixed=st.one_of(st.none(), st.integers(0, 8)),
    header=st.booleans(),
    width=st.integers(5, 60),
)
def test_the_plain_lines_are_the_text_of_the_rows(
    rows: list[list[str]],
    justify: list[str | None],
    fixed: int | None,
    header: bool,
    width: int,
) -> None:
    """FastTable.plain_lines makes the text of plain_rows without its segments."""
    table = Table(box=None, show_header=header, show_edge=False, pad_edge=False, padding=(0, 1))
    for number, how in enumerate(justify):
        width_of = fixed if number == 0 else None
        table.add_column(f"c{number}", width=width_of, justify=how)  # type: ignore[arg-type]
    for row in rows:
        table.add_row(*(Text(cell.strip(), style="bold") for cell in row))
    lines = FastTable(table).plain_lines(width)
    drawn = plain_rows(table, offscreen_console(width), width)
    if lines is not None:
        assert drawn is not None
        assert lines == ["".join(segment.text for segment in row) for row in drawn]
        shown = _drawn(FastTable(table), width, False).splitlines()
        assert [line.rstrip() for line in lines] == [line.rstrip() for line in shown]


def test_the_contents_of_a_tour_are_drawn_as_plain_lines(tour: Tour) -> None:
    fast = contents_table(tour, frozenset({tour.sections[0].id}), detailed=True)
    assert isinstance(fast, FastTable)
    lines = fast.plain_lines(160)
    assert lines is not None
    assert [line.rstrip() for line in lines] == _drawn(fast, 160, False).splitlines()
