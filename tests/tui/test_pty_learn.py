"""`exotour learn` in a real pseudo-terminal: keys, quitting, resuming, and small screens.

Each screen is drawn from the top left after a cursor-home; a frame is the text from the
position header to the key line, and its lines are checked as the terminal would show them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import PYTHON
from rich.cells import cell_len
from terminals import TIMEOUT, Terminals, finish, frame, header, plain

from exotour.model import Tour
from exotour.render.learn import footer
from exotour.tui.pages import Paginator

pexpect = pytest.importorskip("pexpect")

WIDE_KEYS = footer(80)
NARROW_KEYS = footer(40)


@pytest.fixture(scope="module", autouse=True)
def pty_available() -> None:
    try:
        child = pexpect.spawn("true", timeout=TIMEOUT)
        child.expect(pexpect.EOF)
        child.close()
    except (OSError, pexpect.ExceptionPexpect) as exc:  # pragma: no cover - no pty here
        pytest.skip(f"cannot spawn a pseudo-terminal: {exc}")


# -- keys, quitting and resuming at 80x24 ----------------------------------------------------------


def test_next_quit_and_resume_on_the_same_page(term: Terminals, tour: Tour) -> None:
    pages = Paginator(tour, 80, 24).count(0)
    child = term.exotour("learn")
    first = frame(child, header(tour, 0, 0, pages), WIDE_KEYS)
    assert len(first) == 24
    child.send("n")
    second = frame(child, header(tour, 0, 1, pages), WIDE_KEYS)
    assert second[1:-1] != first[1:-1]
    child.send("q")
    assert finish(child) == 0

    again = term.exotour("learn")
    resumed = frame(again, header(tour, 0, 1, pages), "(--restart starts over)")
    assert resumed[-1].startswith(f"Resumed at section 1, page 2 of {pages}")
    assert resumed[1:-1] == second[1:-1]  # the very same page, frame and all
    again.send("q")
    assert finish(again) == 0


def test_arrow_keys_and_escape(term: Terminals, tour: Tour) -> None:
    pages = Paginator(tour, 80, 24).count(0)
    child = term.exotour("learn", "--restart")
    frame(child, header(tour, 0, 0, pages), WIDE_KEYS)
    child.send("\x1b[C")  # →
    frame(child, header(tour, 0, 1, pages), WIDE_KEYS)
    child.send(" ")
    frame(child, header(tour, 0, 2, pages), WIDE_KEYS)
    child.send("\x1b[D")  # ←
    frame(child, header(tour, 0, 1, pages), WIDE_KEYS)
    child.send("\x1b")  # Esc alone closes nothing, and says how to quit
    frame(child, header(tour, 0, 1, pages), "Esc closes what is open; q quits the tour")
    child.send("q")
    assert finish(child) == 0


def test_restart_starts_at_the_first_page(term: Terminals, tour: Tour) -> None:
    pages = Paginator(tour, 80, 24).count(0)
    child = term.exotour("learn")
    frame(child, header(tour, 0, 0, pages), WIDE_KEYS)
    child.send("n")
    frame(child, header(tour, 0, 1, pages), WIDE_KEYS)
    child.send("q")
    assert finish(child) == 0

    again = term.exotour("learn", "--restart")
    lines = frame(again, header(tour, 0, 0, pages), WIDE_KEYS)
    assert "Resumed" not in "\n".join(lines)
    again.send("q")
    assert finish(again) == 0


def test_learn_section_opens_it(term: Terminals, tour: Tour) -> None:
    pages = Paginator(tour, 80, 24).count(2)
    child = term.exotour("learn", "how does")
    frame(child, header(tour, 2, 0, pages), WIDE_KEYS)
    child.send("q")
    assert finish(child) == 0


def test_ctrl_c_exits_130_and_restores_the_terminal(term: Terminals, tour: Tour) -> None:
    """Run under a shell that prints the terminal's settings once exotour has gone."""
    pages = Paginator(tour, 80, 24).count(0)
    # The shell traps Ctrl-C (a trap, unlike an ignored signal, is not inherited) to carry on.
    script = f'trap : INT; "{PYTHON}" -m exotour learn; echo "status=$?"; stty -a'
    child = term.shell(script)
    frame(child, header(tour, 0, 0, pages), WIDE_KEYS)
    child.send("n")
    frame(child, header(tour, 0, 1, pages), WIDE_KEYS)
    child.sendintr()
    child.expect_exact("status=130")
    last_words = child.before  # everything exotour wrote after the second page
    child.expect(pexpect.EOF)
    assert "Traceback" not in plain(last_words)
    assert "\x1b[?1049l" in last_words and "\x1b[?25h" in last_words  # screen and cursor back
    settings = plain(child.before).split()
    assert "icanon" in settings and "echo" in settings  # cooked mode is back

    # The place was saved on the way out.
    again = term.exotour("learn")
    again.expect_exact("Resumed at section 1, page 2")
    again.send("q")
    assert finish(again) == 0


def test_a_resize_repaginates_and_keeps_the_place(term: Terminals, tour: Tour) -> None:
    wide, narrow = Paginator(tour, 80, 24).count(0), Paginator(tour, 40, 15).count(0)
    child = term.exotour("learn", "--restart")
    frame(child, header(tour, 0, 0, wide), WIDE_KEYS)
    child.send("n")
    frame(child, header(tour, 0, 1, wide), WIDE_KEYS)
    child.setwinsize(15, 40)
    # The page that holds the first line shown at 80x24.
    page = Paginator(tour, 40, 15).page_of(0, Paginator(tour, 80, 24).anchor(0, 1))
    for shown in (page, page + 1):
        lines = frame(child, header(tour, 0, shown, narrow, 40), NARROW_KEYS)
        assert len(lines) == 15
        assert all(cell_len(line) <= 40 for line in lines)
        child.send("n")
    child.send("q")
    assert finish(child) == 0


# -- plain output on a terminal --------------------------------------------------------------------


def test_plain_on_a_terminal_has_no_escape_codes(term: Terminals, tour: Tour) -> None:
    child = term.exotour("learn", "--plain", PAGER="cat")  # no pager: what is printed
    child.expect(pexpect.EOF)
    raw = child.before
    assert "\x1b" not in raw
    assert f"{len(tour.sections)}. {tour.sections[-1].title}" in raw
    child.close()
    assert child.exitstatus == 0


def test_stdin_not_a_terminal_means_plain(term: Terminals, tour: Tour) -> None:
    script = f'"{PYTHON}" -m exotour learn 1 </dev/null'
    child = term.shell(script)
    child.expect(pexpect.EOF)
    assert "\x1b" not in child.before
    assert f"1. {tour.sections[0].title}  (section 1 of" in child.before
    child.close()
    assert child.exitstatus == 0


# -- a state folder that cannot be written ---------------------------------------------------------


def test_an_unwritable_state_folder_warns_and_the_tour_runs(
    term: Terminals, tour: Tour, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    pages = Paginator(tour, 80, 24).count(0)
    child = term.exotour("learn", EXOTOUR_STATE_DIR=str(blocker / "state"))
    lines = frame(child, header(tour, 0, 0, pages), "Warning: ")
    assert lines[0].startswith(header(tour, 0, 0, pages))
    child.send("n")
    frame(child, header(tour, 0, 1, pages), WIDE_KEYS)
    child.send("q")
    child.expect_exact("exotour: warning: cannot save progress in")
    assert finish(child) == 0


# -- every page fits, and n goes all the way to the end --------------------------------------------


@pytest.mark.parametrize(("rows", "cols"), [(15, 40), (24, 80)])
def test_every_page_fits_and_n_reaches_the_end(
    term: Terminals, tour: Tour, rows: int, cols: int
) -> None:
    paginator = Paginator(tour, cols, rows)
    keys = footer(cols)
    child = term.exotour("learn", "--restart", rows=rows, cols=cols)
    shown_sections: list[str] = []
    for index, pages in paginator:
        for number, page in enumerate(pages):
            lines = frame(child, header(tour, index, number, len(pages), cols), keys)
            assert len(lines) == rows
            assert all(cell_len(line) <= cols for line in lines), lines
            assert lines[1].startswith(f"╭─ {index + 1}. ")
            assert lines[-2].startswith("╰") and lines[-2].endswith(
                f" {number + 1}/{len(pages)} ─╯"
            )
            screen = "\n".join(lines)
            assert all(line.strip() in screen for line in page.text.split("\n"))
            if number == 0:
                shown_sections.append(lines[1].split(". ", 1)[1].split(" ─")[0])
            child.send("n")
    child.expect_exact("Tour complete")
    child.send("q")
    assert finish(child) == 0
    assert shown_sections == [section.title for section in tour.sections]
