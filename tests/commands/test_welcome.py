"""`exotour` alone: the welcome screen; and content that looks like markup prints as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli, write_content

from exotour.commands import store_for
from exotour.commands.welcome import resume_point
from exotour.content.loader import load_tour
from exotour.model import Tour
from exotour.state.progress import END, Saved
from exotour.tui.pages import Paginator


def test_a_first_visit_shows_title_disclaimer_contents_where_to_start_and_commands(
    tour: Tour, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = run_cli([], capsys)
    assert result.status == 0
    assert result.err == ""
    lines = result.out.splitlines()
    assert len(lines) <= 22  # with the command line and the next prompt, it fits 80x24
    assert max(len(line) for line in lines) <= 80
    assert lines[0] == tour.title
    flat = " ".join(result.out.split())
    assert tour.subtitle in flat
    assert tour.disclaimer in flat
    assert "Contents (✓ read)" in lines
    for number, section in enumerate(tour.sections, start=1):
        row = next(line for line in lines if line.lstrip().startswith(f"{number}. "))
        assert section.title in row
        assert row.endswith(f"{section.reading_minutes} min")
    assert "✓" not in result.out.replace("(✓ read)", "")
    minutes = sum(s.reading_minutes for s in tour.sections)
    start = f"Start here: exotour learn (about {minutes} minutes in all)"
    assert any(line.startswith(start) for line in lines)
    for command in ("exotour summary", "exotour search", "exotour --help"):
        assert any(line.startswith(command) for line in lines)
    # The answer first: the bottom line in two lines, under the disclaimer.
    assert lines[3] + " " + lines[4] == "The bottom line: " + " ".join(
        tour.bottom_line_short.split()
    )


def test_ticks_and_where_learn_resumes(
    tour: Tour, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "24")
    pages = Paginator(tour, 80, 24).count(1)
    saved = Saved().at(tour.sections[0].id, 0, 1).at(tour.sections[1].id, pages - 1, pages)
    store_for(tour).save(saved)
    result = run_cli([], capsys)
    lines = result.out.splitlines()
    ticked = [line for line in lines if line.startswith("✓")]
    assert [line.split()[1] for line in ticked] == ["1.", "2."]
    resumes = f"exotour learn resumes at section 2, page {pages} of {pages}"
    assert any(line.startswith(resumes) for line in lines)


def test_a_begun_section_shows_how_far_and_the_best_quiz_score_is_on_the_heading(
    tour: Tour, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    saved = Saved().at(tour.sections[0].id, 0, 5).at(tour.sections[0].id, 1, 5)
    store_for(tour).save(saved.with_quiz("all", 20, 26).with_quiz(tour.sections[1].id, 1, 4))
    result = run_cli([], capsys)
    assert (result.status, result.err) == (0, "")
    lines = result.out.splitlines()
    assert len(lines) <= 22
    assert "Contents (✓ read) · best quiz score: 20/26" in lines
    first = next(line for line in lines if "1. " in line)
    assert first.lstrip().startswith("2/5") and "✓" not in first  # opened is not read
    assert "1/4" not in result.out  # a section's own quiz is for `sections`


def test_resume_point_follows_learn(tour: Tour) -> None:
    size = (80, 24)
    assert resume_point(tour, Saved(), size) is None
    assert resume_point(tour, Saved(section="gone"), size) is None
    assert resume_point(tour, Saved(section=END), size) == (len(tour.sections), 0, 1)
    third = Paginator(tour, *size).count(2)
    saved = Saved(section=tour.sections[2].id, page=0, pages=1)
    assert resume_point(tour, saved, size) == (2, 0, third)


def test_a_finished_tour_says_how_to_start_over(
    tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    store_for(tour).save(Saved().at(END, 0, 1))
    result = run_cli([], capsys)
    assert "You have finished the tour; exotour learn --restart starts over" in result.out


def test_content_that_looks_like_markup_prints_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    title = "[bold]x[/] tour [link=http://e.org]l[/link]"
    section = "[red]Danger[/] :smile: *star*"
    content = write_content(
        tmp_path,
        {
            "tour.yaml": (
                f'id: tiny\ntitle: "{title}"\nsubtitle: "[i]sub[/i]"\n'
                'disclaimer: "[blink]Not advice.[/]"\nsections:\n  - one\n'
            ),
            "sections/one.yaml": (
                f'id: one\ntitle: "{section}"\ntakeaway: "[u]Take[/u] it."\nbody: Hello.\n'
            ),
        },
    )
    monkeypatch.setenv("EXOTOUR_CONTENT", str(content))
    load_tour(content)  # the content itself is valid
    welcome = run_cli([], capsys).out
    assert welcome.startswith(f"{title}\n[i]sub[/i]\n[blink]Not advice.[/]\n")
    assert section in welcome
    sections = run_cli(["sections"], capsys).out
    assert section in sections
    summary = run_cli(["summary", "--all"], capsys).out
    assert title in summary
    assert section in summary
    assert "[u]Take[/u] it." in summary
    assert "[blink]Not advice.[/]" in summary
    show = run_cli(["show", "1"], capsys).out
    assert show.startswith(f"1. {section}  (section 1 of 1, id: one)")
    assert "[blink]Not advice.[/]" in show


def test_a_long_tour_lists_its_first_sections_and_points_to_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    ids = [f"part-{n}" for n in range(1, 31)]
    files: dict[str, str | bytes | None] = {
        "tour.yaml": "id: long\ntitle: A long tour\ndisclaimer: Not advice.\nsections:\n"
        + "".join(f"  - {i}\n" for i in ids),
        "sections/one.yaml": None,
    }
    for i in ids:
        files[f"sections/{i}.yaml"] = f"id: {i}\ntitle: Part {i}\ntakeaway: A part.\nbody: Hi.\n"
    write_content(tmp_path / "long", files)
    monkeypatch.setenv("EXOTOUR_CONTENT", str(tmp_path / "long"))
    result = run_cli([], capsys)
    assert result.status == 0
    lines = result.out.splitlines()
    assert len(lines) <= 22  # still one 80x24 screen
    assert "10.  Part part-10" in result.out
    assert "Part part-11" not in result.out
    assert "… and 20 more: exotour sections lists them all" in result.out
