"""Issue 20 in real pseudo-terminals, at 80x24 and 40x15: typing in the search results starts a new
query with every letter, n is the next page once the reader is off a search's hits, a resize keeps
the current hit and its count, digits and `:` reach any section, Ctrl-L and `h` do what less does,
and the footer names q with one header form on every page."""

from __future__ import annotations

import pytest
from terminals import Terminals, finish, frame, header, plain

from exotour.model import Tour
from exotour.render.learn import footer
from exotour.tui.pages import Paginator

pexpect = pytest.importorskip("pexpect")

pytestmark = pytest.mark.slow

SIZES = [(80, 24), (40, 15)]


@pytest.mark.parametrize(("cols", "rows"), SIZES)
def test_typing_in_the_results_starts_a_new_query_with_every_letter(
    term: Terminals, cols: int, rows: int
) -> None:
    child = term.exotour("learn", "--restart", rows=rows, cols=cols)
    child.expect_exact(footer(cols))
    child.send("/")
    child.expect_exact("Search: ")
    child.send("collagen\r")
    child.expect_exact("result")
    child.send("joint")
    child.expect_exact("Search: joint")
    child.send("\x1b")
    child.send("q")
    assert finish(child) == 0


@pytest.mark.parametrize(("cols", "rows"), SIZES)
def test_digits_colon_ctrl_l_and_h(term: Terminals, tour: Tour, cols: int, rows: int) -> None:
    pages = Paginator(tour, cols, rows)
    child = term.exotour("learn", "--restart", rows=rows, cols=cols)
    frame(child, header(tour, 0, 0, pages.count(0), cols), footer(cols))
    child.send("10")
    frame(child, header(tour, 9, 0, pages.count(9), cols), footer(cols))
    child.send(":3")
    child.expect_exact("Go to section")
    child.send("\r")
    frame(child, header(tour, 2, 0, pages.count(2), cols), footer(cols))
    child.send("\x0c")  # Ctrl-L: the same screen again, no complaint
    shown = frame(child, header(tour, 2, 0, pages.count(2), cols), footer(cols))
    assert "does nothing" not in "\n".join(shown)
    child.send("h")
    child.expect_exact("Keys")
    child.send("x")
    frame(child, header(tour, 2, 0, pages.count(2), cols), footer(cols))
    child.send("q")
    assert finish(child) == 0


@pytest.mark.parametrize(("cols", "rows"), SIZES)
def test_the_footer_names_q_and_the_header_keeps_its_form(
    term: Terminals, tour: Tour, cols: int, rows: int
) -> None:
    assert "q" in footer(cols).replace(":", " ").split()
    pages = Paginator(tour, cols, rows)
    child = term.exotour("learn", "1", "--restart", rows=rows, cols=cols)
    forms = set()
    for page in range(min(12, pages.count(0))):
        head = header(tour, 0, page, pages.count(0), cols)
        shown = frame(child, head, footer(cols))
        forms.add("/" in shown[0].split("·")[0])
        child.send(" ")
    assert len(forms) == 1
    child.send("q")
    assert finish(child) == 0


def test_n_is_the_next_page_off_the_hits_and_a_resize_keeps_the_hit(
    term: Terminals, tour: Tour
) -> None:
    child = term.exotour("learn", "--restart")
    child.expect_exact(footer(80))
    child.send("/fda\r")
    child.expect_exact("results")
    child.send("\r")
    child.expect(r"hit (\d+) of (\d+)")
    hit, hits = child.match.group(1), child.match.group(2)
    child.setwinsize(15, 40)  # the same hit, on the page that shows it at this size
    child.expect(r"Section \d+/\d+ · page \d+/\d+")
    child.expect_exact(f"hit {hit} of {hits}")
    child.setwinsize(24, 80)
    child.expect(r"Section \d+ of \d+ · page \d+ of \d+")
    child.expect_exact(f"hit {hit} of {hits}")
    child.send("\x1b")
    child.expect_exact("Search ended")
    child.send("/fda\r")
    child.expect_exact("results")
    child.send("\r")
    child.expect_exact(f"hit {hit} of {hits}")
    for _ in range(30):  # read on past the hits: the search ends, and says what n is now
        child.send(" ")
        index = child.expect([r"hit \d+ of", "Search ended: n is next page again"])
        if index == 1:
            break
    child.send("n")  # the next page, and the footer that names the keys again
    child.expect_exact(footer(80))
    child.send("q")
    assert finish(child) == 0
    assert "Traceback" not in plain(child.before or "")


@pytest.mark.parametrize(
    ("args", "env"),
    [(["learn", "--plain"], {}), (["learn"], {"TERM": "dumb"}), (["learn", "9"], {"TERM": "dumb"})],
    ids=["learn --plain", "TERM=dumb learn", "TERM=dumb learn 9"],
)
@pytest.mark.parametrize(("cols", "rows"), SIZES)
def test_long_plain_output_on_a_terminal_goes_through_the_pager(
    term: Terminals, args: list[str], env: dict[str, str], cols: int, rows: int
) -> None:
    pager = "sed -e s/^/PAGED:/"  # a pager that marks every line it shows
    child = term.exotour(*args, rows=rows, cols=cols, PAGER=pager, **env)
    text = plain(child.read())
    assert finish(child) == 0
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) > rows
    assert all(line.startswith("PAGED:") for line in lines), lines[:3]
    child = term.exotour(*args, "--no-pager", rows=rows, cols=cols, PAGER=pager, **env)
    assert "PAGED:" not in plain(child.read())
    assert finish(child) == 0
