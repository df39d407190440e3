"""Search in a real pseudo-terminal: highlighted words from `exotour search`, and `/` in the tour.

Escape codes are checked around the matched word; the in-tour search is driven with real keys.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import COLOUR_SGR, PYTHON
from terminals import Terminals, finish, plain

from exotour.model import Tour
from exotour.tui.pages import Paginator

pexpect = pytest.importorskip("pexpect")

pytestmark = pytest.mark.slow

# Any SGR sequence that turns bold (1) or reverse (7) on, as Rich writes them.
STYLED = r"\x1b\[(?:[0-9;]*;)?{code}(?:;[0-9;]*)?m"


@pytest.fixture
def spawn(term: Terminals, tmp_path: Path) -> Callable[..., Any]:
    """`exotour ARGS` in an 80x24 pseudo-terminal, with this test's own search cache."""

    def start(*args: str, **env: str) -> Any:
        env = {"EXOTOUR_CACHE_DIR": str(tmp_path / "cache"), **env}
        return term.start(PYTHON, ["-m", "exotour", *args], 24, 80, env)

    return start


def test_search_highlights_the_matched_word_on_a_terminal(spawn: Any) -> None:
    child = spawn("search", "collagen")
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    assert child.exitstatus == 0
    # The word is wrapped in a bold style and a reset, and the text around it is as written.
    assert re.search(STYLED.format(code="1") + r"collagen\x1b\[0m", output)
    text = plain(output)
    assert "They boost collagen, a protein that keeps skin" in text
    assert "exotour learn how-does-it-work" in text
    assert "Traceback" not in text


def test_no_color_means_no_escape_codes(spawn: Any) -> None:
    child = spawn("search", "collagen", NO_COLOR="1")
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    assert child.exitstatus == 0
    assert not re.search(COLOUR_SGR, output)  # bold may mark the match: NO_COLOR allows it
    assert "They boost collagen, a protein that keeps skin" in plain(output)


def test_no_results_on_a_terminal(spawn: Any) -> None:
    child = spawn("search", "colagen")
    assert plain(child.read()).splitlines() == [
        "exotour: error: no results for 'colagen'",
        "exotour: hint: did you mean: collagen?",
    ]
    assert finish(child) == 1


def test_slash_searches_and_jumps_to_the_page_with_the_word_highlighted(
    spawn: Any, tour: Tour
) -> None:
    pages = Paginator(tour, 80, 24).count(2)
    child = spawn("learn", "--restart")
    child.expect_exact(f"Section 1 of {len(tour.sections)}")
    child.send("/")
    child.expect_exact("Enter: search")
    child.send("collagen")
    child.expect_exact("collagen")
    child.send("\r")
    child.expect_exact("3 results")
    child.expect_exact("Enter: open")
    child.send("\r")  # the first hit: the passage in section 3
    child.expect_exact(f"Section 3 of {len(tour.sections)} · page 1 of {pages}")
    child.expect_exact("Esc ends search")  # the key line: a search is active now
    screen = child.before
    assert re.search(STYLED.format(code="7") + r"collagen", screen)
    assert "They boost collagen, a protein that keeps skin" in plain(screen)
    child.send("q")
    assert finish(child) == 0


def test_escape_leaves_the_search_where_the_reader_was(spawn: Any, tour: Tour) -> None:
    pages = Paginator(tour, 80, 24).count(0)
    child = spawn("learn", "--restart")
    child.expect_exact(f"Section 1 of {len(tour.sections)} · page 1 of {pages}")
    child.send("n")
    child.expect_exact(f"Section 1 of {len(tour.sections)} · page 2 of {pages}")
    child.send("/")
    child.expect_exact("Enter: search")
    child.send("collagen\r")
    child.expect_exact("3 results")
    child.send("\x1b")
    child.expect_exact(f"Section 1 of {len(tour.sections)} · page 2 of {pages}")
    child.expect_exact("→ n space: next")
    child.send("q")
    assert finish(child) == 0


def test_slash_with_a_misspelling_suggests_and_a_glossary_hit_shows_its_definition(
    spawn: Any,
) -> None:
    child = spawn("learn", "--restart")
    child.expect_exact("Section 1 of")
    child.send("/colagen\r")
    child.expect_exact("did you mean: collagen?")
    child.send("\x7f" * 7 + "collagen\r")
    child.expect_exact("3 results (1 in the glossary)")
    for _ in range(2):  # ↓ ↓: the third hit (a digit would start a new search)
        child.send("\x1b[B")
        time.sleep(0.2)  # one key at a time, not a paste
    child.send("\r")
    child.expect_exact("Search · glossary")
    child.expect_exact("A protein that makes skin")
    child.expect_exact("any key: back to the hits")
    child.send("x")
    child.expect_exact("Enter: open")
    child.send("\x1b")
    child.expect_exact("→ n space: next")
    child.send("q")
    assert finish(child) == 0
