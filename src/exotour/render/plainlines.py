"""Plain text as lines, drawn as Rich draws it but without a Console where that is certain.

`learn --plain` on a 10,000-section tour spent about 47 s in Rich: a Markdown parser, a Console
render and a `Text.wrap` for every paragraph, to produce text with no styles. Text made of
characters that are one cell wide folds the same way by counting characters, so the plain
printer draws such text here: `wrap` is `rich.text.Text.wrap` for it, and `plain_lines` walks a
renderable (Groups, Constrains, Text, and anything with a `plain_lines(width)` method: Markdown
bodies, source entries) and hands whatever it cannot draw, or is not sure of, to Rich.
tests/render/test_plainlines.py holds the two to the same output.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.constrain import Constrain
from rich.padding import Padding
from rich.text import Text

# Characters one cell wide for Rich and for terminals, with no white space but the space and no
# control, bidi or joining character (render.terminal.NEEDS_CARE): a line of only these is
# laid out by counting characters, and reaches the terminal as it is. The tick (U+2713) is the
# one symbol exotour draws itself, in the contents of every tour read.
_NARROW = re.compile(r"[ -~\u00a1-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2713]*")

# Draws RENDERABLE at WIDTH with Rich: the lines of what it prints.
Fallback = Callable[[RenderableType, int], list[str]]


class Parts:
    """Renderables drawn one after another, as a Group draws them, each made only when its turn
    comes: the plain printer writes a part before the next is made, so a tour of 10,000
    sections is never held (nor scanned by the garbage collector) whole."""

    def __init__(self, make: Callable[[], Iterable[RenderableType]]) -> None:
        self.make = make

    def __iter__(self) -> Iterator[RenderableType]:
        return iter(self.make())

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.make()


class Indented:
    """TEXT behind INDENT spaces, as `Padding(TEXT, (0, 0, 0, INDENT))` draws it; its plain
    lines need no Console where the text is narrow (the text folded at the width less the
    indent, each line behind the spaces)."""

    def __init__(self, text: Text, indent: int) -> None:
        self.text = text
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Padding(self.text, (0, 0, 0, self.indent))

    def plain_lines(self, width: int) -> list[str] | None:
        if width <= self.indent:
            return None
        lines = text_lines(self.text, width - self.indent)
        return None if lines is None else [" " * self.indent + line for line in lines]


class Quick:
    """A renderable whose plain lines can be made straight from the model: LINES(width), or
    None where that is not sure, and then the renderable that MAKE gives is drawn (and walked)
    as any other. Rich draws MAKE's renderable."""

    def __init__(
        self, lines: Callable[[int], list[str] | None], make: Callable[[], RenderableType]
    ) -> None:
        self.lines = lines
        self.make = make

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.make()


def narrow(text: str) -> bool:
    """Whether every character of TEXT is one of those `wrap` can lay out by counting."""
    if text.isascii():
        return text.isprintable()  # no control character, no tab
    return _NARROW.fullmatch(text) is not None


def wrap(text: str, width: int, *, narrow_text: bool = False) -> list[str] | None:
    """TEXT folded at WIDTH as `Text.wrap` folds it (a line may keep the spaces it ends with);
    None where a character is not narrow or a word is longer than the line. NARROW_TEXT: the
    caller has seen that every character is narrow (a Markdown body is checked whole, once).

    As Rich's `divide_line`, greedily: a line ends before the first word whose letters would
    pass WIDTH. With one cell a character and the space the only white space, that word is
    found by looking at the column just past the line, not by walking every word."""
    if width < 1:
        return None
    if len(text) <= width and "\n" not in text:  # most headings, and the blank lines between
        return [text] if narrow_text or narrow(text) else None
    lines: list[str] = []
    for line in text.split("\n"):
        if not (narrow_text or narrow(line)):
            return None
        begins = 0
        while len(line) - begins > width:
            limit = begins + width  # the first column past the line
            if not begins and not line[:limit].strip(" "):
                return None  # an indent wider than the line: Rich folds it
            if line[limit] == " ":  # the line's last word fits: the next one begins the next line
                rest = line[limit:].lstrip(" ")
                if not rest:
                    break  # only spaces follow, and a line may end with those
                breaks = len(line) - len(rest)
            else:  # the word across the limit begins the next line
                breaks = line.rfind(" ", begins, limit) + 1
                if breaks <= begins or (not begins and not line[:breaks].strip(" ")):
                    return None  # a word longer than the line: Rich folds it, by its rule
            lines.append(line[begins:breaks])
            begins = breaks
        lines.append(line[begins:])
    return lines


def text_lines(text: Text, width: int) -> list[str] | None:
    """A Text as Rich prints it at WIDTH, for the common Text: left-aligned, ending its line."""
    if text.end != "\n" or text.justify not in (None, "default", "left"):
        return None
    if text.no_wrap:
        if text.overflow != "ignore":
            return None
        lines = text.plain.split("\n")  # a link runs past the page whole
        return lines if all(narrow(line) for line in lines) else None
    return wrap(text.plain, width)


def plain_lines(
    renderable: RenderableType, width: int, fallback: Fallback, *, ascii_only: bool = False
) -> list[str]:
    """RENDERABLE as the lines Rich prints at WIDTH (trailing spaces aside). What cannot be
    drawn here, or is not ASCII on an ASCII console (Rich swaps its symbols), is FALLBACK's."""
    if isinstance(renderable, Group):
        lines: list[str] = []
        for part in renderable.renderables:
            lines += plain_lines(part, width, fallback, ascii_only=ascii_only)
        return lines
    if isinstance(renderable, Quick):
        quick = renderable.lines(width)
        if quick is not None and not (ascii_only and not all(line.isascii() for line in quick)):
            return quick
        return plain_lines(renderable.make(), width, fallback, ascii_only=ascii_only)
    if isinstance(renderable, Constrain):
        inner = width if renderable.width is None else min(width, renderable.width)
        return plain_lines(renderable.renderable, inner, fallback, ascii_only=ascii_only)
    drawn: list[str] | None = None
    if type(renderable) is Text:
        drawn = text_lines(renderable, width)
    else:
        own = getattr(renderable, "plain_lines", None)
        if callable(own):
            drawn = own(width)
    if drawn is None or (ascii_only and not all(line.isascii() for line in drawn)):
        return fallback(renderable, width)
    return drawn
