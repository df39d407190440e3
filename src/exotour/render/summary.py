"""The summary screen: one takeaway per section, the article's own summary cut by paragraphs to
fit the line budget, and the bottom line. The data comes from exotour/summary.py.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.segment import Segment
from rich.text import Text

from exotour.render.plainlines import Indented, plain_lines
from exotour.render.prose import markdown  # plain paragraphs without loading rich.markdown
from exotour.summary import Overall, Summary

# `exotour summary` must fit this many lines at this width.
MAX_LINES = 60
WIDTH = 80


def _heading(text: str) -> Text:
    return Text(text, style="bold underline")


def _takeaways(summary: Summary) -> Group:
    """Each takeaway under its numbered title, indented to hang from the number.

    Drawn with Padding rather than a table: rich.table costs 5 ms to import, 6% of the command.
    """
    width = len(str(len(summary.takeaways)))
    rows: list[RenderableType] = []
    for t in summary.takeaways:
        head = Text(f"{t.number:>{width}}. ")
        head.append(t.title, style="bold")
        head.append(f"  {t.command}", style="cyan")
        rows += [head, Indented(Text(t.takeaway), width + 2)]
    return Group(*rows)


def renderable(summary: Summary, width: int = WIDTH, max_lines: int = MAX_LINES) -> RenderableType:
    """The summary screen. When it would pass MAX_LINES at WIDTH, the article's own summary
    keeps only the paragraphs that fit and says where the rest is. WIDTH is where the budget is
    measured, not where it is shown: every terminal gets the same text. When not even one
    paragraph fits (a tour of many sections), the article's summary is one line that names the
    command showing it: every takeaway is kept whole."""
    takeaways = _takeaways(summary)
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


def _cut_line(overall: Overall, prefix: str) -> Text:
    return Text(f"… all of it: {prefix} show {overall.id}", style="dim")


def _screen(
    summary: Summary,
    takeaways: RenderableType,
    paragraphs: tuple[str, ...],
    *,
    cut: bool,
    compact: bool = False,
) -> RenderableType:
    title = Text(summary.title, style="bold")
    title.append(" · summary")
    parts: list[RenderableType] = [
        title,
        Text(summary.disclaimer, style="italic"),
        Text(""),
        _heading("One takeaway per section"),
        takeaways,
    ]
    overall = summary.overall
    if overall is not None and compact:
        line = _heading(f"The article's own summary (section {overall.number})")
        line.append(f": {summary.prefix} show {overall.id}", style="dim")
        parts += [Text(""), line]
    elif overall is not None:
        parts += [Text(""), _heading(f"The article's own summary (section {overall.number})")]
        if paragraphs:
            parts.append(markdown("\n\n".join(paragraphs)))
        if cut:
            parts.append(_cut_line(overall, summary.prefix))
    if summary.bottom_line:
        line = Text(summary.bottom_line)
        if summary.bottom_line_source:
            line.append(f" (Source: {summary.bottom_line_source})", style="dim")
        parts += [Text(""), _heading("The bottom line on the evidence"), line]
    return Group(*parts)


def count_lines(renderable: RenderableType, width: int) -> int:
    """How many lines RENDERABLE takes at WIDTH: counted from its plain lines, which Rich draws
    only where the text needs it (render/plainlines.py holds the two to the same lines)."""
    return len(plain_lines(renderable, width, lambda part, at: [""] * len(_render(part, at))))


def _render(renderable: RenderableType, width: int) -> list[list[Segment]]:
    from exotour.render.console import offscreen_console

    console = offscreen_console(width)
    return console.render_lines(renderable, console.options, pad=False)
