"""render.summary: the screen's line count is the lines Rich draws."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import RenderableType

from exotour.render import summary as screen_of
from exotour.render.console import offscreen_console
from exotour.summary import Summary, Takeaway

# Text drawn without Rich; a takeaway with a tab or wide characters is added now and then.
_TEXT = st.text(st.sampled_from([*"abc de  fg-.,;:!?()1", "é", "—"]), max_size=90)
_TAKEAWAYS = st.tuples(
    st.lists(st.tuples(_TEXT, _TEXT), min_size=1, max_size=12),
    st.sampled_from([[], [], [], [("a\tb", "c")], [("wide", "\u4e00\u4e01")]]),
).map(lambda both: both[0] + both[1])


def _rich(renderable: RenderableType, width: int) -> list[str]:
    console = offscreen_console(width)
    with console.capture() as capture:
        console.print(renderable, crop=False)
    return [line.rstrip() for line in capture.get().splitlines()]


def _summary(takeaways: list[tuple[str, str]]) -> Summary:
    return Summary(
        "Title",
        "",
        "Not advice.",
        tuple(
            Takeaway(number, f"s{number}", title, takeaway, False)
            for number, (title, takeaway) in enumerate(takeaways, start=1)
        ),
        None,
        "",
        "",
    )


@settings(max_examples=50)
@given(_TAKEAWAYS, st.integers(10, 120))
def test_the_screen_counts_the_lines_rich_draws(
    takeaways: list[tuple[str, str]], width: int
) -> None:
    screen = screen_of.renderable(_summary(takeaways), width=width, shown_at=width)
    assert screen_of.count_lines(screen, width) == len(_rich(screen, width))
