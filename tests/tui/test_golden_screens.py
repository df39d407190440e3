"""The learn screen as a person sees it, at 80x24 and 40x15, and a page while a search is active:
golden files beside this test; EXOTOUR_UPDATE_GOLDENS=1 rewrites them after a change."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from helpers import golden
from rich.console import Console

from exotour.model import Tour
from exotour.render.screens import learn_screen
from exotour.tui.pages import Paginator

GOLDEN = Path(__file__).resolve().parent / "golden"


def screen(tour: Tour, size: tuple[int, int], page: int, search: tuple[int, int] | None) -> str:
    width, height = size
    pages = Paginator(tour, width, height).pages(0)
    console = Console(file=io.StringIO(), width=width, height=height, color_system=None)
    with console.capture() as capture:
        console.print(learn_screen(tour, 0, pages[page], page, len(pages), size, "", search=search))
    return "\n".join(line.rstrip() for line in capture.get().splitlines()) + "\n"


@pytest.mark.parametrize(
    ("name", "size", "page", "search"),
    [
        ("learn-80x24.txt", (80, 24), 0, None),
        ("learn-40x15.txt", (40, 15), 0, None),
        ("learn-80x24-search.txt", (80, 24), 1, (2, 17)),
        ("learn-200x60.txt", (200, 60), 0, None),  # kept to the reading width
    ],
)
def test_the_learn_screen_as_a_golden_file(
    tour: Tour, name: str, size: tuple[int, int], page: int, search: tuple[int, int] | None
) -> None:
    shown = screen(tour, size, page, search)
    assert shown == golden(GOLDEN / name, shown)
    lines = shown.splitlines()
    assert len(lines) == size[1]
    assert max(len(line) for line in lines) <= min(size[0], 104)
