"""Issue 12's "done when", in real pseudo-terminals: the place kept by the text across resizes and
sizes, a footer that names ?, t and /, search as less has it, the chosen row without colour,
ticks that mean read; and `learn --watch` showing an edit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import ONE_YAML, write_content
from terminals import Terminals, finish, frame, header, plain

from exotour.model import Tour
from exotour.render.learn import footer
from exotour.tui.pages import Paginator

pexpect = pytest.importorskip("pexpect")

pytestmark = pytest.mark.slow

BENEFITS = 3  # section 4, eight pages at 80x24


def body(lines: list[str]) -> list[str]:
    """The lines inside the section's frame, without the frame."""
    return [line.strip().strip("│").strip() for line in lines[2:-2]]


def first_word(page_text: str) -> str:
    """The first word of a page as text, without frames or bullets; under a frame's title (which
    a narrow frame shortens), the first word of the text inside."""
    lines = page_text.split("\n")
    top = lines[1] if lines[0].lstrip().startswith(("┏", "╭")) and len(lines) > 1 else lines[0]
    words: list[str] = re.findall(r"[\w'-]+", top)
    return words[0]


def test_a_resize_there_and_back_keeps_the_same_first_line(term: Terminals, tour: Tour) -> None:
    wide = Paginator(tour, 80, 24)
    child = term.exotour("learn", "4", "--restart")
    frame(child, header(tour, BENEFITS, 0, wide.count(BENEFITS)), footer(80))
    child.send("nn")  # two keys at once: both act, and the screen is drawn once, at page 3
    before = frame(child, header(tour, BENEFITS, 2, wide.count(BENEFITS)), footer(80))
    anchor = wide.anchor(BENEFITS, 2)
    for cols, rows in ((120, 40), (80, 24), (30, 10), (200, 60), (80, 24)):
        child.setwinsize(rows, cols)
        size = Paginator(tour, cols, rows)
        page = size.page_of(BENEFITS, anchor)
        head = header(tour, BENEFITS, page, size.count(BENEFITS), cols)
        shown = frame(child, head, footer(min(cols, 104)))
        assert first_word(wide.pages(BENEFITS)[2].text) in " ".join(body(shown))
    assert shown[1:-1] == before[1:-1]  # there and back: the very same first line, and page
    child.send("q")
    assert finish(child) == 0


def test_a_resume_at_40x15_shows_the_paragraph_left_at_80x24(term: Terminals, tour: Tour) -> None:
    wide, narrow = Paginator(tour, 80, 24), Paginator(tour, 40, 15)
    child = term.exotour("learn", "4", "--restart")
    child.send("nnn")
    left = frame(child, header(tour, BENEFITS, 3, wide.count(BENEFITS)), footer(80))
    child.send("q")
    assert finish(child) == 0

    page = narrow.page_of(BENEFITS, wide.anchor(BENEFITS, 3))
    again = term.exotour("learn", rows=15, cols=40)
    where = f"Resumed at section {BENEFITS + 1}, page {page + 1} of {narrow.count(BENEFITS)}"
    shown = frame(again, header(tour, BENEFITS, page, narrow.count(BENEFITS), 40), where)
    assert first_word("\n".join(body(left))) in " ".join(body(shown))
    assert narrow.anchors(BENEFITS)[page] <= wide.anchor(BENEFITS, 3)
    again.send("q")
    assert finish(again) == 0


@pytest.mark.parametrize(("rows", "cols"), [(24, 80), (15, 40)])
def test_the_footer_names_help_contents_and_search(
    term: Terminals, tour: Tour, rows: int, cols: int
) -> None:
    child = term.exotour("learn", "--restart", rows=rows, cols=cols)
    head = header(tour, 0, 0, Paginator(tour, cols, rows).count(0), cols)
    lines = frame(child, head, footer(cols))
    keys = lines[-1]
    assert len(keys) <= cols
    for key in ("?", "t", "/"):
        assert re.search(rf"(^|\s){re.escape(key)}(:|\s|$)", keys), keys
    child.send("q")
    assert finish(child) == 0


def test_slash_fda_enter_enter_then_n_shows_hit_2_and_quote_returns(
    term: Terminals, tour: Tour
) -> None:
    pages = Paginator(tour, 80, 24).count(0)
    child = term.exotour("learn", "--restart")
    child.send("n")
    frame(child, header(tour, 0, 1, pages), footer(80))
    child.send("/")
    child.expect_exact("Enter: search")
    child.send("fda\r")
    child.expect_exact("results")
    child.send("\r")
    # The hits counted in reading order: the one opened is where it is among them.
    child.expect(r"hit (\d+) of (\d+) · n/N next/prev · Esc ends search")
    hit, hits = int(child.match.group(1)), int(child.match.group(2))
    assert hits > 2
    child.send("n")
    child.expect_exact(f"hit {hit % hits + 1} of {hits} · n/N next/prev · Esc ends search")
    child.send("'")  # the page before the jump: off the hits, so the search is over
    frame(child, header(tour, 0, 1, pages), "Search ended: n is next page again; / searches")
    child.send("/")
    child.expect_exact("Search: fda")  # the last words, offered again
    child.send("\x1b")
    frame(child, header(tour, 0, 1, pages), footer(80))  # a lone Esc, before the next key
    child.send("q")
    assert finish(child) == 0


def test_the_chosen_row_shows_under_no_color(term: Terminals, tour: Tour) -> None:
    child = term.exotour("learn", "--restart", NO_COLOR="1")
    child.expect_exact(footer(80))
    child.send("t")
    child.expect_exact("Enter: open")
    child.send("j")
    child.expect_exact("Enter: open")
    screen = child.before
    assert not re.search(r"\x1b\[(?:[0-9;]*;)?3[0-7](?:;[0-9;]*)?m", screen)  # no colour
    assert re.search(r"\x1b\[(?:[0-9;]*;)?7(?:;[0-9;]*)?m", screen)  # reverse video
    rows = [line for line in plain(screen).split("\n") if f". {tour.sections[1].title}" in line]
    assert rows and rows[-1].lstrip("│ ").startswith(">")  # and a marker, for no style at all
    child.send("\x1b")
    child.expect_exact(footer(80))
    child.send("q")
    assert finish(child) == 0


def test_opening_one_page_of_a_long_section_does_not_tick_it(
    term: Terminals, tour: Tour, state_dir: Path
) -> None:
    pages = Paginator(tour, 80, 24).count(BENEFITS)
    assert pages >= 5
    child = term.exotour("learn", "4", "--restart")
    frame(child, header(tour, BENEFITS, 0, pages), footer(80))
    child.send("t")
    child.expect_exact("Contents (")
    child.expect_exact("Enter: open")
    row = f"4. {tour.sections[BENEFITS].title}"
    line = next(each for each in plain(child.before).split("\n") if row in each)
    assert "✓" not in line and f"1/{pages}" in line  # how far, not a tick
    child.send("\x1b")
    child.expect_exact(footer(80))
    child.send("q")
    assert finish(child) == 0
    saved = json.loads((state_dir / "progress.json").read_text(encoding="utf-8"))
    assert tour.sections[BENEFITS].id not in next(iter(saved["tours"].values()))["visited"]


def test_watch_shows_an_edit_and_a_broken_file_in_place(term: Terminals, tmp_path: Path) -> None:
    folder = write_content(tmp_path / "tour")
    child = term.exotour("--content", str(folder), "learn", "--watch")
    child.expect_exact("Hello.")
    child.expect_exact(footer(80))
    section = folder / "sections" / "one.yaml"
    section.write_text(ONE_YAML.replace("Hello.", "Hello, edited."), encoding="utf-8")
    child.expect_exact("Hello, edited.")
    child.expect_exact("Reloaded: the files changed")
    section.write_text(ONE_YAML.replace("title: One", "title: [One"), encoding="utf-8")
    child.expect_exact("The tour has problems")
    child.expect_exact("YAML syntax error")
    child.expect_exact("watching for changes")
    section.write_text(ONE_YAML.replace("Hello.", "Hello, fixed."), encoding="utf-8")
    child.expect_exact("Hello, fixed.")
    child.send("q")
    assert finish(child) == 0


def test_at_opens_the_page_that_shows_the_words(term: Terminals, tour: Tour) -> None:
    from exotour.tui.hits import first_match

    safety = tour.section_ids.index("safety")
    paginator = Paginator(tour, 80, 24)
    page = first_match([p.text for p in paginator.pages(safety)], ("nebraska",))
    assert page is not None and page > 0  # not the first page: --at chose it
    child = term.exotour("learn", "safety", "--at", "nebraska")
    lines = frame(child, header(tour, safety, page, paginator.count(safety)), footer(80))
    assert "Nebraska" in "\n".join(lines)
    child.send("q")
    assert finish(child) == 0
