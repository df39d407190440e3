"""Bodies of shapes that once made indexing backtrack are indexed, and as written where there is
too much markup to parse. That the time grows linearly is bench/linear.py's to measure: no test
asserts a time."""

from __future__ import annotations

import pytest

from exotour.model import Section, Tour
from exotour.search import engine
from exotour.search.passages import markdown_passages


def _tour(body: str) -> Tour:
    return Tour("t", "T", "", "", (Section("s", "S", "", body),))


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
