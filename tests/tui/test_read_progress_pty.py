"""In a real terminal, "read" means read: a page turned in a section shows it begun ("2/5") in
`sections`, and only its last page ticks it."""

from __future__ import annotations

import pytest
from helpers import run_cli
from terminals import Terminals, finish

from exotour.model import Tour
from exotour.tui.pages import Paginator

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.slow


def test_a_section_begun_shows_how_far_and_its_last_page_ticks_it(
    term: Terminals, tour: Tour, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = Paginator(tour, 80, 24).count(0)
    assert pages >= 3
    child = term.exotour("learn", "--restart")
    child.expect_exact(f"page 1 of {pages}")
    child.send("n")
    child.expect_exact(f"page 2 of {pages}")
    child.send("q")
    assert finish(child) == 0
    row = run_cli(["sections"], capsys).out.splitlines()[1]
    assert row.lstrip().startswith(f"2/{pages} ") and "✓" not in row

    child = term.exotour("learn", "1")
    child.expect_exact(f"page 1 of {pages}")
    for page in range(2, pages + 1):
        child.send("n")
        child.expect_exact(f"page {page} of {pages}")
    child.send("q")
    assert finish(child) == 0
    row = run_cli(["sections"], capsys).out.splitlines()[1]
    assert row.lstrip().startswith("✓ ")
