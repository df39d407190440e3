"""Search results drawn: each hit's place, its snippet with the matched words highlighted, and
the command that opens it; and highlighted() for any snippet (the `/` overlay shows them too).

Highlighting only adds styles to the characters that matched; text is never turned into markup,
so a bracket in content stays a bracket. The text arrives from the search layer already passed
through exotour.text.printable; the commands, which hold a folder's name, are passed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.style import Style
from rich.text import Text

from exotour.i18n import _, ngettext
from exotour.text import printable

if TYPE_CHECKING:
    from exotour.search.hits import Hit

# Snippets in a list: a colour that reads on dark and light terminals, bold for when it does not.
MATCH_STYLE = Style(bold=True, color="yellow")
COMMAND_STYLE = "green"

Span = tuple[int, int]


def highlighted(
    text: str, spans: Iterable[Span], style: Style = MATCH_STYLE, base: str | Style = ""
) -> Text:
    """TEXT as a Text in style BASE, with the characters of each span in STYLE."""
    out = Text(text, style=base)
    for start, end in spans:
        out.stylize(style, start, end)
    return out


class WholeCommand:
    """A command to copy: in a file or a pipe whole on its line, however long; on a terminal
    folded at the edge rather than cut, so its end stays in sight."""

    def __init__(self, command: str, indent: int = 2) -> None:
        self.command = printable(command)
        self.indent = indent

    def _text(self, terminal: bool) -> Text:
        text = Text(" " * self.indent) + Text(self.command, style=COMMAND_STYLE)
        if terminal:
            text.overflow = "fold"
        else:
            text.no_wrap, text.overflow = True, "ignore"
        return text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self._text(options.is_terminal)


def results_screen(
    hits: Sequence[Hit], heading_query: str, total: int | None, *, width: int, prefix: str
) -> RenderableType:
    """The hits, best first: where each is, its snippet with the words highlighted, its command.

    HEADING_QUERY is the query as a message may show it; TOTAL how many hits there are, where
    --limit cut the list short; PREFIX how a suggested command begins (`exotour --content DIR`).
    The count is the walkthrough's too: its list and its "hit 2 of N" count the same hits.
    """
    count = len(hits)
    if total and total > count:
        words = ngettext(
            "{count} of {total} result for '{query}', best first (--limit {total} shows them all)",
            "{count} of {total} results for '{query}', best first (--limit {total} shows them all)",
            total,
        )
    else:
        words = ngettext(
            "{count} result for '{query}', best first",
            "{count} results for '{query}', best first",
            count,
        )
    heading = words.format(count=count, total=total, query=heading_query)
    parts: list[RenderableType] = [Text(heading, style="dim")]
    size = max(60, min(2 * (width - 4) - 16, 240))  # two lines, leaving room for wrapping
    for hit in hits:
        snippet, spans = hit.excerpt(size)
        if hit.field != "text":
            label = (_("Takeaway:") if hit.field == "takeaway" else _("Keywords:")) + " "
            snippet = label + snippet
            spans = tuple((a + len(label), b + len(label)) for a, b in spans)
        parts.extend(
            [
                Text(""),
                place(hit),
                Padding(highlighted(snippet, spans), (0, 0, 0, 2)),
                WholeCommand(hit.command_from(prefix)),
            ]
        )
    return Group(*parts)


def place(hit: Hit) -> Text:
    """Where HIT is: `Section 3 · Title · id`, or `Glossary · Term`; an evidence note says so."""
    out = Text()
    if hit.section is None:
        where = _("Glossary")
    else:
        where = _("Section {number}").format(number=hit.section + 1)
    out.append(f"{where} · ", "bold")
    out.append_text(highlighted(hit.title, hit.title_spans, base="bold"))
    if hit.section is not None:
        out.append(f" · {hit.id}", style="dim")
    if hit.kind == "note":
        out.append(" · " + _("evidence note"), style="cyan")
    return out
