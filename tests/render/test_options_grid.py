"""The options grid: a table of fields by options where it fits, stacked blocks where narrow,
in every output (learn, show, plain, both exports), every option told in the same fields."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import RenderableType

from exotour.content.loader import load_tour
from exotour.decision import OPTION_FIELDS, Condition
from exotour.render.console import offscreen_console
from exotour.render.options_grid import OptionsGrid, condition_blocks, fits_as_table

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "decision-tour"


def _condition(index: int = 0) -> Condition:
    decision = load_tour(FIXTURE).decision
    assert decision is not None
    return decision.conditions[index]


def draw(renderable: RenderableType, width: int) -> list[str]:
    console = offscreen_console(width)
    with console.capture() as capture:
        console.print(renderable, crop=False)
    return [line.rstrip() for line in capture.get().splitlines()]


def test_at_80_columns_the_options_are_columns_and_the_fields_rows() -> None:
    lines = draw(OptionsGrid(_condition(), title=False), 80)
    assert lines[0].startswith("┌") and max(len(line) for line in lines) <= 80
    header = "\n".join(lines[:4])
    assert "Daily sunscreen" in header and "An exosome" in header
    for _, label in OPTION_FIELDS:
        first_word = label.split()[0]
        assert any(line.startswith(f"│ {first_word}") for line in lines), label


def test_at_40_columns_each_option_is_a_block_of_the_same_fields() -> None:
    lines = draw(OptionsGrid(_condition(), title=False), 40)
    assert not any("┌" in line or "│" in line for line in lines)
    starts = [i for i, line in enumerate(lines) if line[:2] in ("1.", "2.", "3.")]
    assert [lines[i] for i in starts] == [
        "1. An exosome treatment sold by a clinic",
        "2. Daily sunscreen",
        "3. Waiting for better evidence",
    ]
    labels = [line.split(":")[0] for line in lines if line.startswith("What it is:")]
    assert len(labels) == 3
    text = " ".join(" ".join(lines).split())
    for _, label in OPTION_FIELDS:
        assert text.count(f"{label}:") == 3


@settings(max_examples=40, deadline=None)
@given(width=st.integers(min_value=20, max_value=160))
def test_the_grid_never_runs_past_the_width_and_leaves_no_field_out(width: int) -> None:
    condition = _condition()
    lines = draw(OptionsGrid(condition), width)
    assert all(len(line) <= width for line in lines)
    text = " ".join("".join(ch for ch in line if ch not in "│┌┐└┘├┤┬┴┼─") for line in lines)
    flat = " ".join(text.split())
    for option in condition.options:
        for name, _ in OPTION_FIELDS:
            assert option.field_text(name).split()[-1] in flat


def test_the_table_gives_way_to_blocks_as_options_grow() -> None:
    assert fits_as_table(80, 3) and not fits_as_table(80, 5) and not fits_as_table(40, 2)


def test_each_options_sources_follow_it_with_links_whole_in_plain_text() -> None:
    lines = []
    for block in condition_blocks(_condition(), whole=True):
        lines += draw(block, 40)
    assert "Sources for Daily sunscreen:" in lines
    assert "  https://doi.org/10.7326/0003-4819-158-11-201306040-00002" in lines


@pytest.fixture
def content(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXOTOUR_CONTENT", str(FIXTURE))
    monkeypatch.setenv("COLUMNS", "80")


@pytest.mark.usefixtures("content")
@pytest.mark.parametrize("argv", [["show", "choices"], ["learn", "--plain"]])
def test_show_and_plain_learn_draw_the_grid_after_the_body(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(argv, capsys)
    assert (result.status, result.err) == (0, "")
    out = result.out
    body = out.index("Each option below is told in the same fields.")
    assert body < out.index("Options for Skin ageing (wrinkles)") < out.index("Options for Hair")
    assert "│ What it is     │" in out and "\x1b" not in out


@pytest.mark.usefixtures("content")
def test_the_markdown_export_has_a_table_per_condition(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_cli(["export", "--format", "markdown"], capsys).out
    assert "### Options for Skin ageing \\(wrinkles\\)" in out
    assert (
        "| | **An exosome treatment sold by a clinic** | **Daily sunscreen** | "
        "**Waiting for better evidence** |"
    ) in out
    assert "| **Cost** | From US$99 to US$20,000 in 2023. |" in out
    assert "- Daily sunscreen: Hughes et al., *Sunscreen and Prevention" in out


@pytest.mark.usefixtures("content")
def test_the_html_export_has_a_table_per_condition(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_cli(["export", "--format", "html"], capsys).out
    assert out.count('<section class="options-grid">') == 2
    assert '<th scope="col">Daily sunscreen</th>' in out
    assert '<tr><th scope="row">How much it helps</th>' in out
    assert "border-collapse" in out


def test_markup_and_tags_in_a_decision_are_shown_as_written(tmp_path: Path) -> None:
    import shutil

    from exotour.render.grid_document import html_condition, markdown_condition
    from exotour.render.handout import handout
    from exotour.worksheet import Worksheet

    shutil.copytree(FIXTURE, tmp_path / "tour")
    path = tmp_path / "tour" / "decision.yaml"
    hostile = "'[bold red]Daily[/] <script>alert(1)</script> *sun*'"
    path.write_text(path.read_text().replace("Daily sunscreen\n", f"{hostile}\n", 1))
    tour = load_tour(tmp_path / "tour")
    assert tour.decision is not None
    condition = tour.decision.conditions[0]
    drawn = " ".join(" ".join(draw(OptionsGrid(condition), 200)).split())
    assert "[bold red]Daily[/] <script>alert(1)</script> *sun*" in drawn
    assert "<script>" not in html_condition(condition)
    assert "&lt;script&gt;" in html_condition(condition)
    assert "\\[bold red\\]Daily\\[/\\] \\<script\\>" in "\n".join(markdown_condition(condition))
    sheet = Worksheet.from_saved(tour.decision, [("condition", "skin")])
    assert "<script>" not in handout(tour, sheet, "html", today="2026-12-06")
