"""The one Console checks every segment once, where it leaves the outermost render: nothing from
outside reaches the stream raw, however deep it was yielded, and however renders interleave."""

from __future__ import annotations

import io
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.constrain import Constrain
from rich.padding import Padding
from rich.panel import Panel
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from exotour.render.console import Environment, make_console, offscreen_console
from exotour.render.terminal import NEEDS_CARE


class RawSegments:
    """A renderable that yields TEXT as segments of its own, styled and not, never as Text."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Segment(self.text)
        yield Segment(self.text, console.get_style("bold"))
        yield Segment.line()


def nestings(text: str) -> list[RenderableType]:
    """TEXT, as Text and as raw segments, at every depth the tour's screens use."""
    raw = RawSegments(text)
    table = Table("a", "b")
    table.add_row(raw, Text(text))
    return [
        raw,
        Text(text),
        Group(Text(text), raw),
        Constrain(Padding(Group(raw, Text(text)), (0, 2)), 40),
        Panel(Group(Panel(raw), Text(text))),
        table,
    ]


def drawn(console: Console, renderable: RenderableType) -> str:
    with console.capture() as capture:
        console.print(renderable, crop=False)
    return capture.get()


# Control and bidi characters, escape sequences, joiners, and text around them.
PIECES = ["a", " ", "é", "\x1b", "[2J", "]0;", "\x07", "\x9b", "\u202e", "\u2066", "\u2028",
          "\r", "\x00", "\x7f", "\u200d", "\ufe0f", "\U0001f3fd", "…", "✓", "\n"]  # fmt: skip
HOSTILE = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=60, deadline=None)
@given(HOSTILE)
def test_nothing_raw_reaches_the_stream_from_any_depth(text: str) -> None:
    plain = make_console(Environment(stdout=io.StringIO(), environ={}), width=60)
    styled = make_console(Environment(stdout=io.StringIO(), environ={"FORCE_COLOR": "1"}), width=60)
    ascii_only = offscreen_console(60, ascii_only=True)
    for renderable in nestings(text):
        for console in (plain, ascii_only):
            out = drawn(console, renderable)
            assert NEEDS_CARE.search(out) is None, (renderable, out)
        out = drawn(styled, renderable)
        # Rich's own style codes are the only escapes: ESC [ ... m, nothing else.
        for piece in out.split("\x1b[")[1:]:
            codes, _, rest = piece.partition("m")
            assert codes.replace(";", "").isdigit() or codes == "", (renderable, out)
            assert NEEDS_CARE.search(rest) is None, (renderable, out)


def test_a_render_started_while_another_waits_checks_its_own_segments() -> None:
    console = make_console(Environment(stdout=io.StringIO(), environ={}))
    waiting = iter(console.render(Group(Text("first"), RawSegments("\x1b]0;one\x07"))))
    next(waiting)  # the first render holds: its caller has a segment in hand
    second = "".join(s.text for s in console.render(Panel(RawSegments("\x1b[2J"))))
    assert "\x1b" not in second and "\\x1b[2J" in second
    rest = "".join(s.text for s in waiting)
    assert "\x1b" not in rest and "\\x1b]0;one\\x07" in rest


def test_a_render_left_unfinished_leaves_the_next_one_checked() -> None:
    console = make_console(Environment(stdout=io.StringIO(), environ={}))
    dropped: Iterator[Segment] = iter(console.render(Panel(RawSegments("\x1b[31m"))))
    next(dropped)  # taken, then never finished
    again = "".join(s.text for s in console.render(Group(RawSegments("\x1b[5m"))))
    assert again == "\\x1b[5m\\x1b[5m\n"
    out = drawn(console, Padding(RawSegments("\x9b"), (0, 1)))
    assert "\x9b" not in out and "\\x9b" in out
