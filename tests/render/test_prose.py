"""exotour.render.prose: plain paragraphs drawn as Rich's Markdown draws them, without
loading it."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console, RenderableType
from rich.markdown import Markdown

from exotour.model import Tour
from exotour.render.prose import markdown


def _drawn(renderable: RenderableType, width: int, colour: bool) -> str:
    console = Console(
        file=io.StringIO(),
        width=width,
        color_system="truecolor" if colour else None,
        force_terminal=colour,
        markup=False,
        emoji=False,
        highlight=False,
    )
    with console.capture() as capture:
        console.print(renderable)
    return capture.get()


def _same_as_rich(text: str, width: int) -> None:
    for colour in (False, True):
        assert _drawn(markdown(text), width, colour) == _drawn(
            Markdown(text, hyperlinks=False), width, colour
        )


@pytest.mark.parametrize("width", [20, 41, 80, 133])
def test_the_article_summary_is_drawn_as_markdown_draws_it(tour: Tour, width: int) -> None:
    body = tour.sections[tour.index_of("summary")].body
    assert not isinstance(markdown(body), Markdown)  # plain paragraphs: no parser needed
    _same_as_rich(body, width)


@pytest.mark.parametrize(
    "text",
    [
        "**bold** words",
        "- a list\n- of two",
        "1. one\n2. two",
        "# A heading",
        "A line  \nwith a hard break",
        "    code",
        "a [link](https://example.org)",
        "Title\n=====",
        "a | table\n--- | ---",
        "x &amp; y",
        "under_score",
    ],
)
def test_anything_that_could_be_markdown_goes_to_rich(text: str) -> None:
    assert isinstance(markdown(text), Markdown)
    _same_as_rich(text, 60)


_WORDS = st.text(
    alphabet="abcdefghij XYZ,.;:'\"()?!%/-\u2013é0123456789@${}^\u00a0\u2003*_#", max_size=40
)


@settings(max_examples=150, deadline=None)
@given(
    paragraphs=st.lists(st.lists(_WORDS, min_size=1, max_size=4), min_size=0, max_size=4),
    width=st.integers(min_value=10, max_value=100),
)
def test_any_text_is_drawn_as_rich_markdown_draws_it(
    paragraphs: list[list[str]], width: int
) -> None:
    text = "\n\n".join("\n".join(lines) for lines in paragraphs)
    _same_as_rich(text, width)
