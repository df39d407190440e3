"""The one place a Console is built, and the one decision of how output may look.

Streams and variables come in as an `Environment` (as httpie's), so a command or an overlay can
be run in-process against a fake terminal. What the output may use, in this order:

1. `--no-color`, then `NO_COLOR` (not empty), then `CLICOLOR=0`: no colour; bold, reverse and
   underline stay, so a choice still shows. They win over everything below (no-color.org; the
   bixense CLICOLOR rules say NO_COLOR beats CLICOLOR_FORCE).
2. `FORCE_COLOR` (not empty, as force-color.org and Rich read it) or `CLICOLOR_FORCE` (not
   empty, not `0`): styled output even into a pipe or a file, or on TERM=dumb.
3. `TERM=dumb` (or `unknown`): plain text, no escape codes at all.
4. Otherwise styles and colour on a terminal, plain text anywhere else.

Separately, `--ascii`, `ACCESSIBLE` (not empty, not `0`) or a stream that is not UTF draws
boxes, bars and symbols in ASCII (see render.terminal).
"""

from __future__ import annotations

import io
import os
import re
import sys
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any, NamedTuple, cast

from rich.console import Console
from rich.segment import Segment
from rich.text import Span, Text

from exotour.render.terminal import (
    NEEDS_CARE,
    AsciiStream,
    ascii_symbols,
    guard,
    terminal_safe,
    utf,
)

if TYPE_CHECKING:
    from rich.console import ConsoleOptions, RenderableType


# NamedTuples, not dataclasses: a frozen dataclass costs about 2 ms to create, on every command.
class Environment(NamedTuple):
    """The streams and variables a command runs with. A stream left as None is the process's
    own at the time it is used (so a test's captured stdout is the one written to); the
    variables are the process's own (os.environ, as it is when read) unless given."""

    stdin: IO[str] | None = None
    stdout: IO[str] | None = None
    stderr: IO[str] | None = None
    environ: Mapping[str, str] = os.environ

    @property
    def out(self) -> IO[str]:
        return self.stdout if self.stdout is not None else sys.stdout

    @property
    def err(self) -> IO[str]:
        return self.stderr if self.stderr is not None else sys.stderr

    @property
    def inp(self) -> IO[str]:
        return self.stdin if self.stdin is not None else sys.stdin

    def flag(self, name: str) -> bool:
        """Whether variable NAME is set to something other than nothing or `0`."""
        return self.environ.get(name, "") not in ("", "0")


class Look(NamedTuple):
    """What the command line asked of the output: --no-color, --ascii."""

    no_color: bool = False
    ascii: bool = False


DEFAULT_LOOK = Look()


class Display(NamedTuple):
    """How output to one stream may look."""

    styled: bool  # drawn for a terminal: styles, links, layout; else plain text
    colour: bool  # colours too (else bold, reverse and underline only)
    ascii: bool  # ASCII boxes and symbols
    forced: bool  # styled because FORCE_COLOR or CLICOLOR_FORCE said so


def isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):  # no such method, or a closed stream
        return False


def display(stream: IO[str], env: Environment, look: Look = DEFAULT_LOOK) -> Display:
    """The rules in this module's docstring, for output to STREAM."""
    variables = env.environ
    forced = bool(variables.get("FORCE_COLOR")) or env.flag("CLICOLOR_FORCE")
    dumb = variables.get("TERM", "").lower() in ("dumb", "unknown")
    styled = forced or (isatty(stream) and not dumb)
    no_colour = look.no_color or bool(variables.get("NO_COLOR")) or variables.get("CLICOLOR") == "0"
    ascii_only = look.ascii or env.flag("ACCESSIBLE") or not utf(stream)
    return Display(styled, styled and not no_colour, ascii_only, forced)


def is_interactive(console: Console, env: Environment | None = None) -> bool:
    """Both ends are a real terminal, not a dumb one: keys can be read and screens drawn.
    (FORCE_COLOR styles a pipe; it does not make one a terminal.)"""
    env = env if env is not None else Environment()
    stream = console.file.stream if isinstance(console.file, AsciiStream) else console.file
    dumb = env.environ.get("TERM", "").lower() in ("dumb", "unknown")
    return console.is_terminal and isatty(stream) and isatty(env.inp) and not dumb


class SafeConsole(Console):
    """A Console through which nothing from outside reaches the terminal raw.

    Text is rewritten before it is laid out (so widths stay right): control and bidi characters
    shown as escapes, width-unsteady joiners dropped, and symbols made ASCII on an ASCII
    console. Every segment is checked again on its way out of the outermost render, for
    renderables that yield segments of their own: what a nested render yields reaches the
    output only through the outermost one, so checking it again at every level of nesting
    (about 6% of the drawing of the whole tour) would add nothing."""

    ascii_only_output = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._drawing = threading.local()  # per thread: is a render of ours running now?

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        if isinstance(renderable, Text):
            renderable = self._safe_text(renderable)
        if getattr(self._drawing, "on", False):  # nested: the outermost render checks
            return super().render(renderable, options)
        return self._checked(super().render(renderable, options))

    def _checked(self, segments: Iterable[Segment]) -> Iterator[Segment]:
        """SEGMENTS, each made safe. Renders started while the next one is being made are
        nested in this one; while this one waits (its caller holds a segment, or has dropped
        it unfinished) a new render is outermost again and checks its own."""
        drawing = self._drawing
        ascii_only = self.ascii_only_output
        iterator = iter(segments)
        while True:
            drawing.on = True
            try:
                segment = next(iterator)
            except StopIteration:
                return
            finally:
                drawing.on = False
            text = segment.text
            if segment.control is None and (
                NEEDS_CARE.search(text) or (ascii_only and not text.isascii())
            ):
                text = terminal_safe(text)
                if ascii_only:  # laid out already: one character for one
                    text = ascii_symbols(text, laid_out=True)
                segment = Segment(text, segment.style)
            yield segment

    def _safe_text(self, text: Text) -> Text:
        plain = text.plain
        if NEEDS_CARE.search(plain):
            text = rewritten(text, NEEDS_CARE, terminal_safe)
        if self.ascii_only_output and not text.plain.isascii():
            text = rewritten(text, _NOT_ASCII, ascii_symbols)
        return text


_NOT_ASCII = re.compile("[^\x00-\x7f]")


def rewritten(text: Text, pattern: re.Pattern[str], fix: Callable[[str], str]) -> Text:
    """TEXT with each match of PATTERN replaced by FIX(match), its styles kept on the same
    characters."""
    plain = text.plain
    pieces: list[str] = []
    ends: list[int] = []  # where each replaced stretch ended in the old text
    shifts: list[int] = []  # how far later characters moved, from that end on
    last = shift = 0
    for match in pattern.finditer(plain):
        new = fix(match.group())
        pieces += [plain[last : match.start()], new]
        shift += len(new) - (match.end() - match.start())
        ends.append(match.end())
        shifts.append(shift)
        last = match.end()
    if not ends:
        return text
    pieces.append(plain[last:])
    result = text.blank_copy("".join(pieces))
    size = len(result.plain)

    def moved(index: int) -> int:
        before = bisect_right(ends, index)
        return min(size, max(0, index + (shifts[before - 1] if before else 0)))

    result.spans = [Span(moved(s.start), moved(s.end), s.style) for s in text.spans]
    return result


def make_console(
    env: Environment | None = None,
    look: Look = DEFAULT_LOOK,
    *,
    stderr: bool = False,
    width: int | None = None,
) -> Console:
    """The console for stdout (or STDERR) under ENV, as LOOK and the variables allow.

    Markup and emoji codes are off: content prints as written; our styles come from Text."""
    env = env if env is not None else Environment()
    stream = env.err if stderr else env.out
    seen = display(stream, env, look)
    guard(stream)
    file: IO[str] = stream
    if seen.ascii and utf(stream):
        file = cast("IO[str]", AsciiStream(stream))
    dumb = env.environ.get("TERM", "").lower() in ("dumb", "unknown")
    return _safe_console(
        file,
        seen.ascii,
        stderr=stderr,
        force_terminal=seen.styled,
        color_system=("standard" if dumb else "auto") if seen.styled else None,
        no_color=not seen.colour,
        width=width,
        # Messages on stderr are never wrapped: `file:line:col: ...` stays one line to grep.
        soft_wrap=stderr,
        _environ=sized(env.environ),
    )


# The most columns or lines a size variable may give; beyond, it is a mistake, not a terminal.
_MOST_CELLS = 10_000


def sized(environ: Mapping[str, str]) -> dict[str, str]:
    """ENVIRON less COLUMNS and LINES where they make no sense (0, negative, huge, not a
    number), so that Rich takes the terminal's size, or 80x25, instead of printing nothing."""
    kept = dict(environ)
    for name in ("COLUMNS", "LINES"):
        value = kept.get(name)
        if value is not None and not (
            value.isascii() and value.isdigit() and 0 < int(value) <= _MOST_CELLS
        ):
            del kept[name]
    return kept


def offscreen_console(
    width: int, height: int = 10_000, *, styled: bool = False, ascii_only: bool = False
) -> Console:
    """A console that draws into memory at WIDTH x HEIGHT: to measure, to cut pages, to capture
    plain text. STYLED keeps styles and links in the segments (the real console decides what
    reaches the terminal)."""
    file: IO[str] = io.StringIO()
    if ascii_only:
        file = cast("IO[str]", AsciiStream(file))
    return _safe_console(
        file,
        ascii_only,
        width=width,
        height=height,
        force_terminal=styled,
        color_system="truecolor" if styled else None,
        _environ={},
    )


def _safe_console(file: IO[str], ascii_only: bool, **options: Any) -> SafeConsole:
    """A SafeConsole that reads no markup, emoji codes or highlighting into text (content is
    data, never markup), with the rest of OPTIONS as Console takes them."""
    console = SafeConsole(
        file=file, markup=False, emoji=False, highlight=False, legacy_windows=False, **options
    )
    console.ascii_only_output = ascii_only
    return console
