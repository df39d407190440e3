"""The answer first: the welcome screen (in two lines at 80 columns), learn's first page and its
closing panel all carry the tour's bottom line on the evidence."""

from __future__ import annotations

import io

from rich.console import Console, RenderableType

from exotour.model import Tour
from exotour.render.bottomline import LABEL
from exotour.render.screens import closing_screen, welcome_screen
from exotour.tui.pages import Paginator


def lines(renderable: RenderableType, width: int = 80, height: int = 24) -> list[str]:
    console = Console(file=io.StringIO(), width=width, height=height, color_system=None)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get().splitlines()


def test_the_welcome_screen_carries_the_bottom_line_in_two_lines(tour: Tour) -> None:
    shown = lines(welcome_screen(tour))
    assert len(shown) <= 23  # one 80x24 screen, with the shell's prompt
    first = next(n for n, line in enumerate(shown) if line.startswith(LABEL))
    assert first <= 4  # near the top: the answer first
    two = " ".join(shown[first : first + 2])
    assert two == LABEL + " ".join(tour.bottom_line_short.split())
    assert not shown[first + 2].strip()
    assert "FDA-approved" in two and "Fusco et al., 2024" in two


def test_learn_opens_and_closes_with_the_bottom_line(tour: Tour) -> None:
    for width, height in [(80, 24), (40, 15)]:
        first = Paginator(tour, width, height).pages(0)[0].text
        assert LABEL.strip() in first, (width, height)
        assert "FDA-approved" in " ".join(first.replace("│", " ").split())
        drawn = lines(closing_screen(tour, (width, height), ""), width)
        closing = " ".join(" ".join(drawn).replace("║", " ").split())
        assert "The bottom line: No exosome product is FDA-approved" in closing
        assert tour.disclaimer in closing  # and nothing cut at the foot of the panel
        assert "exotour summary" in closing


def test_a_tour_without_a_short_bottom_line_shows_the_whole_one(tour: Tour) -> None:
    from dataclasses import replace

    from exotour.render.bottomline import bottom_line

    whole = bottom_line(replace(tour, bottom_line_short=""))
    assert whole is not None
    assert " ".join(tour.bottom_line.split()) in whole.plain
    assert tour.bottom_line_source in whole.plain
    assert bottom_line(replace(tour, bottom_line="")) is None


def test_the_spanish_welcome_screen_fits_one_screen_too() -> None:
    # Spanish words are longer: the Spanish tour's title, disclaimer and short bottom line are
    # written to take the same lines as the English ones.
    from exotour import i18n
    from exotour.content.loader import load_tour
    from exotour.content.location import builtin_content_dir

    i18n.use("es")  # the autouse fixture puts the language back after the test
    spanish = load_tour(builtin_content_dir("es"))
    shown = lines(welcome_screen(spanish))
    assert len(shown) <= 23
    label = i18n._(LABEL)
    first = next(n for n, line in enumerate(shown) if line.startswith(label))
    assert first <= 4
    assert " ".join(shown[first : first + 2]) == label + " ".join(spanish.bottom_line_short.split())
    assert not shown[first + 2].strip()
