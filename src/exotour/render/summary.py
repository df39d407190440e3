"""The gist of a tour: one takeaway per section, the article's own summary, the bottom line.

Pure: `build` turns a tour into data, and `renderable`, `to_json` and `to_markdown` give its three
forms. Nothing here prints or reads files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.text import Text

from exotour.model import Tour
from exotour.render.prose import markdown  # plain paragraphs without loading rich.markdown

# The section whose body is the article's own overall summary, when the tour has one.
OVERALL_ID = "summary"
# `exotour summary` must fit this many lines at this width.
MAX_LINES = 60
WIDTH = 80


@dataclass(frozen=True)
class Takeaway:
    number: int
    id: str
    title: str
    takeaway: str
    added_by_tour: bool
    prefix: str = "exotour"  # how the commands begin: `exotour --content DIR` for another tour

    @property
    def command(self) -> str:
        return f"{self.prefix} learn {self.id}"


@dataclass(frozen=True)
class Overall:
    """The article's own summary: a section's Markdown body."""

    number: int
    id: str
    title: str
    body: str

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p.strip() for p in re.split(r"\n\s*\n", self.body) if p.strip())


@dataclass(frozen=True)
class Summary:
    title: str
    subtitle: str
    disclaimer: str
    takeaways: tuple[Takeaway, ...]
    overall: Overall | None
    bottom_line: str
    bottom_line_source: str
    prefix: str = "exotour"  # how the commands begin, as in Takeaway


def build(tour: Tour, prefix: str = "exotour") -> Summary:
    """The summary of TOUR; the commands it names begin with PREFIX."""
    from exotour.content.sources import is_sources_section

    # The generated list of sources has no takeaway of its own to give: it is left out.
    takeaways = tuple(
        Takeaway(number, s.id, s.title, s.takeaway, s.added_by_tour, prefix)
        for number, s in enumerate(tour.sections, start=1)
        if not is_sources_section(s)
    )
    overall = None
    if OVERALL_ID in tour.section_ids:
        index = tour.index_of(OVERALL_ID)
        section = tour.sections[index]
        overall = Overall(index + 1, section.id, section.title, section.body.strip())
    return Summary(
        tour.title,
        tour.subtitle,
        tour.disclaimer,
        takeaways,
        overall,
        tour.bottom_line,
        tour.bottom_line_source,
        prefix,
    )


def to_json(summary: Summary) -> dict[str, Any]:
    """The same data as the screen, as one JSON object (the overall summary in full)."""
    overall = summary.overall
    return {
        "title": summary.title,
        "subtitle": summary.subtitle,
        "disclaimer": summary.disclaimer,
        "takeaways": [
            {
                "number": t.number,
                "id": t.id,
                "title": t.title,
                "takeaway": t.takeaway,
                "added_by_tour": t.added_by_tour,
                "command": t.command,
            }
            for t in summary.takeaways
        ],
        "overall_summary": None
        if overall is None
        else {
            "number": overall.number,
            "id": overall.id,
            "title": overall.title,
            "markdown": overall.body,
        },
        "bottom_line": {"text": summary.bottom_line, "source": summary.bottom_line_source},
    }


def to_markdown(summary: Summary) -> str:
    """A Markdown document that reads well on a code-hosting site."""
    from exotour.render.document import md_text  # html with it: only --markdown needs them

    out = [f"# {md_text(summary.title)} (summary)", ""]
    if summary.subtitle:
        out += [f"*{md_text(summary.subtitle)}*", ""]
    out += [f"> **{md_text(summary.disclaimer)}**", "", "## One takeaway per section", ""]
    for t in summary.takeaways:
        out.append(f"{t.number}. **{md_text(t.title)}** (`{t.command}`): {md_text(t.takeaway)}")
    if summary.overall is not None:
        out += ["", f"## The article's own summary (section {summary.overall.number})", ""]
        out += [summary.overall.body]
    if summary.bottom_line:
        out += ["", "## The bottom line on the evidence", "", md_text(summary.bottom_line)]
        if summary.bottom_line_source:
            out += ["", f"Source: {md_text(summary.bottom_line_source)}"]
    return "\n".join(out) + "\n"


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
        rows += [head, Padding(Text(t.takeaway), (0, 0, 0, width + 2))]
    return Group(*rows)


def renderable(
    summary: Summary, width: int = WIDTH, max_lines: int = MAX_LINES, shown_at: int = WIDTH
) -> RenderableType:
    """The summary screen. When it would pass MAX_LINES at WIDTH, the article's own summary
    keeps only the paragraphs that fit and says where the rest is. WIDTH is where the budget is
    measured, not where it is shown: every terminal gets the same text. Shown at WIDTH (a pipe,
    an 80-column terminal), the takeaways are drawn once, here, and printed as drawn."""
    takeaways: RenderableType = _takeaways(summary)
    if shown_at == width:
        takeaways = _Drawn(_render(takeaways, width))
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
    return _screen(summary, takeaways, (), cut=True)


class _Drawn:
    """Lines already drawn, printed as they are."""

    def __init__(self, lines: list[list[Segment]]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines:
            yield from line
            yield Segment.line()


def _cut_line(overall: Overall, prefix: str) -> Text:
    return Text(f"… all of it: {prefix} show {overall.id}", style="dim")


def _screen(
    summary: Summary, takeaways: RenderableType, paragraphs: tuple[str, ...], *, cut: bool
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
    if overall is not None:
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
    """How many lines RENDERABLE takes at WIDTH."""
    return len(_render(renderable, width))


def _render(renderable: RenderableType, width: int) -> list[list[Segment]]:
    from exotour.render.console import offscreen_console

    console = offscreen_console(width)
    return console.render_lines(renderable, console.options, pad=False)
