"""Indexing takes time linear in the text, whatever its shape (issue 13, class 2): doubling a
body at most about doubles the time to index it. Ratios of best-of-several runs are compared,
never an absolute time; the body is doubled twice, so one noisy run cannot decide."""

from __future__ import annotations

import gc
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exotour.model import Section, Tour
from exotour.search import engine
from exotour.search.passages import markdown_passages

# Shapes that made regular expressions backtrack, beside ordinary Markdown.
PIECES = st.sampled_from(
    [
        "word ",
        "collagen ",
        "_",
        "__",
        "*",
        "**",
        "`",
        "[",
        "](",
        "[a](http://x.y) ",
        "![alt](i.png) ",
        "<http://a.b> ",
        "\\\n",
        "\\*",
        "\n\n",
        "\n- item ",
        "\n1. item ",
        "\n# heading\n",
        "\n> quote ",
        "\n```\ncode\n```\n",
        "|a|b|\n|-|-|\n|c|d|\n",
        "snake_case ",
        "_a_ ",
        "**b** ",
    ]
)
TARGET = 20_000  # characters in the smaller body: enough that timing noise is small beside it


def _tour(body: str) -> Tour:
    return Tour("t", "T", "", "", (Section("s", "S", "", body),))


def _best_time(body: str, runs: int = 3) -> float:
    """The least CPU time of RUNS indexings of BODY: CPU time, not wall time, so that other
    processes on a busy machine do not count; no garbage collection meanwhile, whose pauses
    come when they will."""
    best = float("inf")
    for _ in range(runs):
        tour = _tour(body)
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            engine.memory_index(tour).connection.close()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


@pytest.mark.slow
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(st.lists(PIECES, min_size=1, max_size=12))
def test_doubling_a_body_at_most_about_doubles_the_time_to_index_it(pieces: list[str]) -> None:
    unit = "".join(pieces)
    body = unit * max(1, TARGET // len(unit))
    single, double, quadruple = _best_time(body), _best_time(body * 2), _best_time(body * 4)
    # Linear work doubles twice to 4x; quadratic to 16x. The margin (each doubling at most
    # 2.8x on average) absorbs a busy machine; the constant, timer noise on tiny bodies.
    assert quadruple <= 8 * single + 0.05, (unit, single, double, quadruple)


@pytest.mark.parametrize("shape", ["_", "*", "\\\n", "_a", "x _", "[", "**a", "- a\n"])
def test_a_large_body_of_one_shape_is_indexed(shape: str) -> None:
    body = shape * (300_000 // len(shape)) + "\n\ncollagen"
    assert markdown_passages(body)[-1] == ("paragraph", "collagen")
    assert [hit.id for hit in engine.search(_tour(body), "collagen")] == ["s"]


def test_a_hard_line_break_leaves_no_backslash() -> None:
    assert markdown_passages("one\\\ntwo  \nthree") == [("paragraph", "one two three")]


def test_a_long_run_of_one_character_is_text_and_markdown_around_it_still_works() -> None:
    run = "_" * 40
    body = f"a {run}word{run} b\n\n{run}\n\nafter\n\n{'~' * 40}\ncode\n{'~' * 40}"
    assert markdown_passages(body) == [
        ("paragraph", f"a {run}word{run} b"),  # the text as written
        ("paragraph", "after"),  # a line of underscores alone is still a rule
        ("paragraph", "code"),  # and a line of tildes still opens a fence
    ]
    assert markdown_passages("[" * 40 + "a link](http://x.y) and **bold**") == [
        ("paragraph", "[" * 39 + "a link and bold")
    ]


def test_a_body_with_too_much_markup_to_parse_is_indexed_as_written() -> None:
    body = "collagen " + "x _" * 30_000 + "\n\nsecond paragraph"
    passages = markdown_passages(body)
    assert [kind for kind, _ in passages] == ["paragraph", "paragraph"]
    assert passages[0][1].startswith("collagen x _x _")
    assert passages[1] == ("paragraph", "second paragraph")
