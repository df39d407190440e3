"""`exotour summary`: the gist on one screen, as JSON, and as Markdown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import run_cli, write_content
from markdown_it import MarkdownIt
from rich.console import RenderableType

from exotour import summary
from exotour.content.sources import is_sources_section
from exotour.model import Section, Tour
from exotour.render import summary as screen_of
from exotour.render.console import offscreen_console


def authored(tour: Tour) -> list[tuple[int, Section]]:
    """The sections that get a takeaway, with their numbers: all but the generated Sources."""
    return [
        (number, section)
        for number, section in enumerate(tour.sections, start=1)
        if not is_sources_section(section)
    ]


def screen_lines(renderable: RenderableType, width: int) -> list[str]:
    """RENDERABLE's lines as the plain printer draws them at WIDTH."""
    console = offscreen_console(width)
    drawn = console.render_lines(renderable, console.options, pad=False)
    return ["".join(segment.text for segment in line).rstrip() for line in drawn]


def test_the_summary_opens_with_the_bottom_line_and_fits_one_80x24_screen(
    tour: Tour, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = run_cli(["summary"], capsys)
    assert (result.status, result.err) == (0, "")
    lines = result.out.splitlines()
    assert len(lines) <= 22  # and the shell's prompt: one screen
    assert max(len(line) for line in lines) <= 80
    assert lines[3] == "The bottom line on the evidence"
    flat = " ".join(result.out.split())
    assert " ".join(tour.bottom_line.split()) in flat
    assert tour.bottom_line_source in flat
    for number, section in authored(tour):
        assert section.gist  # every built-in section has one, on one line after its number
        assert f"{number}. {section.gist}" in lines
    assert lines[-1] == "exotour learn N opens section N; every takeaway: exotour summary --all"
    assert lines[-2].endswith("exotour decide")


def test_learn_with_a_number_opens_the_section_the_summary_numbers(
    tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    # The summary's last line promises `exotour learn N`: show N, its twin, says the section.
    for number, section in authored(tour):
        result = run_cli(["show", str(number)], capsys)
        assert result.status == 0
        assert result.out.startswith(f"{number}. {section.title}")


def test_a_section_without_a_gist_is_listed_by_its_title() -> None:
    sections = (
        Section("a", "Alpha", "Alpha's long takeaway.", "Body.", gist="Alpha: in short"),
        Section("b", "Beta", "Beta's long takeaway.", "Body."),
    )
    tiny = Tour("t", "Tiny", "", "Not advice.", sections)
    lines = screen_lines(screen_of.brief(summary.build(tiny)), 80)
    assert lines[4:6] == ["1. Alpha: in short", "2. Beta"]


def test_at_40_columns_a_gist_wraps_whole_words_under_its_text(tour: Tour) -> None:
    lines = screen_lines(screen_of.brief(summary.build(tour)), 40)
    assert max(len(line) for line in lines) <= 40
    words = set(" ".join(lines).split())
    for number, section in authored(tour):
        assert set(section.gist.split()) <= words  # no word cut
        first = next(i for i, line in enumerate(lines) if line.startswith(f"{number}. "))
        following = lines[first + 1]
        assert following.startswith("   ") or following[:1].isdigit() or "learn N" in following


def test_the_summary_with_all_names_every_section_takeaway_and_fits_60_lines_at_80_columns(
    tour: Tour, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = run_cli(["summary", "--all"], capsys)
    assert result.status == 0
    assert result.err == ""
    lines = result.out.splitlines()
    assert len(lines) <= 60
    assert max(len(line) for line in lines) <= 80
    flat = " ".join(result.out.split())
    assert tour.title in lines[0]
    assert tour.disclaimer in flat
    for number, section in authored(tour):
        assert f"{number}. {section.title} exotour learn {section.id}" in flat
        assert " ".join(section.takeaway.split()) in flat
    assert "The article's own summary" in flat
    assert " ".join(tour.bottom_line.split()) in flat
    assert tour.bottom_line_source in flat
    assert lines[3] == "The bottom line on the evidence"  # the answer first
    assert "\x1b" not in result.out


def test_the_overall_summary_is_cut_by_paragraphs_to_fit_and_says_where_the_rest_is() -> None:
    paragraphs = [f"Paragraph {n}: " + "words " * 60 for n in range(1, 9)]
    sections = (
        Section("intro", "Intro", "The first point.", "Hello."),
        Section("summary", "Summary", "The last point.", "\n\n".join(paragraphs)),
    )
    tiny = Tour(
        "t", "Tiny", "", "Not advice.", sections, bottom_line="Thin.", bottom_line_source="X"
    )
    screen = screen_of.renderable(summary.build(tiny), width=80, max_lines=30)
    assert screen_of.count_lines(screen, 80) <= 30
    text = _plain(screen)
    assert "Paragraph 1:" in text
    assert "Paragraph 8:" not in text
    assert "… all of it: exotour show summary" in text
    # With room for everything, nothing is cut.
    whole = _plain(screen_of.renderable(summary.build(tiny), width=80, max_lines=500))
    assert "Paragraph 8:" in whole
    assert "all of it" not in whole


def test_a_tour_without_a_summary_section_has_no_overall_summary(tmp_path: Path) -> None:
    from exotour.content.loader import load_tour

    data = summary.build(load_tour(write_content(tmp_path)))
    assert data.overall is None
    assert summary.to_json(data)["overall_summary"] is None
    assert "own summary" not in summary.to_markdown(data)


def test_json_is_the_same_data_as_one_object(
    tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(["summary", "--json"], capsys)
    assert result.status == 0
    data = json.loads(result.out)
    assert data["title"] == tour.title
    assert data["disclaimer"] == tour.disclaimer
    assert [t["id"] for t in data["takeaways"]] == [s.id for _, s in authored(tour)]
    assert [t["number"] for t in data["takeaways"]] == [n for n, _ in authored(tour)]
    first = data["takeaways"][0]
    assert first["takeaway"] == tour.sections[0].takeaway
    assert first["gist"] == tour.sections[0].gist
    assert first["command"] == f"exotour learn {tour.sections[0].id}"
    overall = data["overall_summary"]
    assert overall["id"] == "summary"
    assert overall["markdown"] == tour.sections[tour.index_of("summary")].body.strip()
    assert data["bottom_line"] == {"text": tour.bottom_line, "source": tour.bottom_line_source}


def test_markdown_is_a_document_with_a_heading_a_numbered_list_and_no_escape_codes(
    tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(["summary", "--markdown"], capsys)
    assert result.status == 0
    assert "\x1b" not in result.out
    tokens = MarkdownIt("commonmark").parse(result.out)
    h1 = [t for i, t in enumerate(tokens) if i and tokens[i - 1].type == "heading_open"]
    assert h1[0].content == f"{tour.title} (summary)"
    items = [t for t in tokens if t.type == "list_item_open" and t.info]
    numbers = [str(n) for n, _ in authored(tour)]
    assert [t.info for t in items][: len(numbers)] == numbers
    for _, section in authored(tour):
        assert f"`exotour learn {section.id}`" in result.out
    assert f"**{tour.disclaimer}**" in result.out
    assert f"Source: {tour.bottom_line_source}" in result.out
    html = MarkdownIt("commonmark").render(result.out)
    for _, section in authored(tour):
        assert f"<li>{section.gist}</li>" in html  # the key lines, as the screen's


def test_json_and_markdown_together_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(["summary", "--json", "--markdown"], capsys)
    assert result.status == 2
    assert result.out == ""
    assert result.err == (
        "exotour: error: --json and --markdown cannot be used together\n"
        "exotour: hint: choose one: 'exotour summary --json' or 'exotour summary --markdown'\n"
    )


def test_markdown_escapes_what_content_could_mark_up() -> None:
    sections = (Section("a", "[bold]*Star*[/] <b>", "Take _this_ | that.", "Body."),)
    tiny = Tour("t", "# Not a heading", "", "Not advice.", sections)
    text = summary.to_markdown(summary.build(tiny))
    html = MarkdownIt("commonmark").render(text)
    assert "<b>" not in html
    assert "<em>" not in html
    assert "[bold]*Star*[/] &lt;b&gt;" in html
    assert "# Not a heading" in html


def _plain(renderable: object) -> str:
    import io

    from rich.console import Console

    console = Console(file=io.StringIO(), width=80, color_system=None)
    console.print(renderable)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return out


def test_json_carries_its_format_version(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run_cli(["summary", "--json"], capsys).out)
    assert data["format"] == summary.JSON_FORMAT == 1


@pytest.mark.parametrize("count", [8, 10, 11])
def test_more_sections_still_fit_every_takeaway_whole(count: int) -> None:
    # Takeaways of three lines each, as the tour's are; the article's summary gives way first.
    takeaway = "The article says this and that, while the evidence notes say otherwise. " * 3
    authored = [
        Section(f"s{n}", f"Section {n}", takeaway.strip(), "Body.") for n in range(1, count)
    ]
    overall = Section("summary", "Summary", "The last point.", "\n\n".join(["words " * 40] * 3))
    sections = (*authored, overall)
    tour = Tour("t", "Tiny", "", "Not advice.", sections, bottom_line="Thin. " * 30)
    screen = screen_of.renderable(summary.build(tour))
    lines = screen_of.count_lines(screen, 80)
    text = " ".join(_plain(screen).split())
    assert lines <= 60
    assert text.count(" ".join(takeaway.split())) == count - 1
    assert "The article's own summary (section" in text
    whole = screen_of.renderable(summary.build(tour), max_lines=1000)
    if screen_of.count_lines(whole, 80) > 60:  # cut: it says where the rest is
        assert "exotour show summary" in text
