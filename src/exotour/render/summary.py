"""The summary screen: one takeaway per section, the article's own summary cut by paragraphs to
fit the line budget, and the bottom line. The data comes from exotour/summary.py.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.text import Text

from exotour.i18n import _, ngettext
from exotour.render.phrases import with_command
from exotour.render.prose import markdown  # plain paragraphs without loading rich.markdown
from exotour.summary import Overall, Summary, Takeaway

# `exotour summary` must fit this many lines at this width.
MAX_LINES = 60
WIDTH = 80
# The most sections the one-screen summary lists, so that it fits an 80x24 terminal.
BRIEF_SECTIONS = 12


def _heading(text: str) -> Text:
    return Text(text, style="bold underline")


class _Takeaways:
    """Each takeaway under its numbered title, indented to hang from the number.

    Drawn with Padding rather than a table: rich.table costs 5 ms to import, 6% of the command.
    """

    def __init__(self, summary: Summary) -> None:
        self.summary = summary
        self.width = len(str(len(summary.takeaways)))  # of the widest number

    def _heads(self) -> Iterator[tuple[Takeaway, str]]:
        for t in self.summary.takeaways:
            yield t, f"{t.number:>{self.width}}. "

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        rows: list[RenderableType] = []
        for t, number in self._heads():
            head = Text(number)
            head.append(t.title, style="bold")
            head.append(f"  {t.command}", style="cyan")
            rows += [head, Padding(Text(t.takeaway), (0, 0, 0, self.width + 2))]
        yield Group(*rows)


def renderable(
    summary: Summary, width: int = WIDTH, max_lines: int = MAX_LINES, shown_at: int = WIDTH
) -> RenderableType:
    """The summary screen. When it would pass MAX_LINES at WIDTH, the article's own summary
    keeps only the paragraphs that fit and says where the rest is. WIDTH is where the budget is
    measured, not where it is shown: every terminal gets the same text. Shown at WIDTH (a pipe,
    an 80-column terminal), the takeaways are drawn once, here, and printed as drawn. When not
    even one paragraph fits (a tour of many sections), the article's summary is one line that
    names the command showing it: every takeaway is kept whole."""
    drawn = _Takeaways(summary)
    takeaways: RenderableType = drawn
    if shown_at == width:
        takeaways = _Drawn(_render(drawn, width))  # drawn once, here: counted, then printed
    overall = summary.overall
    paragraphs = overall.paragraphs if overall is not None else ()
    if overall is None or not paragraphs:
        return _screen(summary, takeaways, (), cut=False)
    # A Group's lines are its parts' lines one after another: the screen without the article's
    # summary is measured once, then only the paragraphs kept.
    bare = count_lines(_screen(summary, takeaways, (), cut=False), width)
    cut = count_lines(_cut_line(overall, summary.prefix), width)
    for keep in range(len(paragraphs), 0, -1):
        kept = count_lines(markdown("\n\n".join(paragraphs[:keep])), width)
        if bare + kept + (cut if keep < len(paragraphs) else 0) <= max_lines:
            return _screen(summary, takeaways, paragraphs[:keep], cut=keep < len(paragraphs))
    return _screen(summary, takeaways, (), cut=True, compact=True)


class _Drawn:
    """Lines already drawn, printed as they are."""

    def __init__(self, lines: list[list[Segment]]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines:
            yield from line
            yield Segment.line()


def _cut_line(overall: Overall, prefix: str) -> Text:
    return Text(
        _("… all of it: {command}").format(command=f"{prefix} show {overall.id}"), style="dim"
    )


def _screen(
    summary: Summary,
    takeaways: RenderableType,
    paragraphs: tuple[str, ...],
    *,
    cut: bool,
    compact: bool = False,
) -> RenderableType:
    parts: list[RenderableType] = [
        *_opening(summary),
        _heading(_("One takeaway per section")),
        takeaways,
    ]
    overall = summary.overall
    if overall is not None and compact:
        line = _heading(_overall_heading(overall))
        line.append(f": {summary.prefix} show {overall.id}", style="dim")
        parts += [Text(""), line]
    elif overall is not None:
        parts += [Text(""), _heading(_overall_heading(overall))]
        if paragraphs:
            parts.append(markdown("\n\n".join(paragraphs)))
        if cut:
            parts.append(_cut_line(overall, summary.prefix))
    return Group(*parts, *_decide_pointer(summary))


def _decide_pointer(summary: Summary) -> list[RenderableType]:
    """Where the tour has a decision aid, the line that names it."""
    if not summary.decide:
        return []
    words = _("To weigh your options, step by step: {command}")
    # The command in cyan, as the other commands.
    return [with_command(words, f"{summary.prefix} decide", command_style="cyan")]


def _overall_heading(overall: Overall) -> str:
    return _("The article's own summary (section {number})").format(number=overall.number)


def _opening(summary: Summary) -> list[RenderableType]:
    """The title, the disclaimer and the answer first: the bottom line on the evidence."""
    title = Text(summary.title, style="bold")
    title.append(_(" · summary"))
    parts: list[RenderableType] = [title, Text(summary.disclaimer, style="italic"), Text("")]
    if summary.bottom_line:
        line = Text(" ".join(summary.bottom_line.split()))
        if summary.bottom_line_source:
            source = _(" (Source: {source})").format(source=summary.bottom_line_source)
            line.append(source, style="dim")
        parts += [_heading(_("The bottom line on the evidence")), line, Text("")]
    return parts


def brief(summary: Summary) -> RenderableType:
    """`exotour summary`: one screen (80x24) that opens with the bottom line, then the key
    lines: each section in one line (its gist, or its title where it has none) under its number,
    and how to open one; `summary --all` gives every takeaway and the article's own summary."""
    parts = _opening(summary)
    parts.append(_heading(_("The sections")))
    listed = summary.takeaways if len(summary.takeaways) <= BRIEF_SECTIONS else ()
    listed = listed or summary.takeaways[: BRIEF_SECTIONS - 2]
    digits = len(str(max((t.number for t in listed), default=0)))
    for t in listed:
        parts.append(_Hanging(f"{t.number:>{digits}}. ", _key_line(t)))
    if len(listed) < len(summary.takeaways):
        left = len(summary.takeaways) - len(listed)
        more = ngettext("… and {count} more", "… and {count} more", left).format(count=left)
        parts.append(Text(more, style="dim"))
    # Numbers, not ids: the shortest command, and learn takes either.
    # TRANSLATORS: N is the section's number, as in the command before it.
    opens = _("{command} opens section N")
    learn = with_command(opens, f"{summary.prefix} learn N", command_style="cyan")
    every_words = _("every takeaway: {command}")
    every = with_command(every_words, f"{summary.prefix} summary --all", command_style="cyan")
    return Group(*parts, *_decide_pointer(summary), _OneLineOrTwo(learn, every))


class _OneLineOrTwo:
    """FIRST and SECOND on one line where they fit, else each on its own: a command is never
    broken between two lines while a line of its own would hold it."""

    def __init__(self, first: Text, second: Text) -> None:
        self.first, self.second = first, second

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        joined = Text.assemble(self.first, "; ", self.second)
        if joined.cell_len <= options.max_width:
            yield joined
        else:
            yield self.first
            yield self.second


def _key_line(takeaway: Takeaway) -> Text:
    """The section's gist, its topic (the words before its first colon) in bold; or its title."""
    if not takeaway.gist:
        return Text(takeaway.title, style="bold")
    topic, colon, rest = takeaway.gist.partition(": ")
    if not colon:
        return Text(takeaway.gist)
    return Text.assemble((topic + colon, "bold"), rest)


class _Hanging:
    """TEXT after HEAD, its wrapped lines indented to hang from HEAD's end (at 40 columns)."""

    def __init__(self, head: str, text: Text) -> None:
        self.head, self.text = head, text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = len(self.head)
        narrower = options.update_width(max(options.max_width - indent, 1))
        lines = console.render_lines(self.text, narrower, pad=False)
        for number, line in enumerate(lines):
            yield Segment(self.head if number == 0 else " " * indent)
            yield from line
            yield Segment.line()


def count_lines(renderable: RenderableType, width: int) -> int:
    """How many lines RENDERABLE takes at WIDTH, as the plain printer draws it."""
    return len(_render(renderable, width))


def _render(renderable: RenderableType, width: int) -> list[list[Segment]]:
    from exotour.render.console import offscreen_console

    console = offscreen_console(width)
    return console.render_lines(renderable, console.options, pad=False)
