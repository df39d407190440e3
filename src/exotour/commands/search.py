"""`exotour search QUERY...`: the best passages first, the words highlighted, how to open each.

No hits exits 1, as grep does, with "did you mean" when a close word finds something; an empty
query is a usage error (exit 2). `--json` prints the hits as a list of objects.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from exotour.commands import Options, command_prefix, load, stdout
from exotour.errors import ExitStatus, NoResultsError, UsageError

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from exotour.search.engine import Hit

# The longest query an error message repeats; a pasted page would bury the message.
SHOWN_QUERY = 60


def query_text(words: list[str]) -> str:
    """The query the shell's words make: a word with spaces in it was quoted, so it is a phrase."""
    parts = []
    for word in words:
        stripped = word.strip()
        if any(ch.isspace() for ch in stripped) and '"' not in stripped:
            parts.append(f'"{stripped}"')
        else:
            parts.append(stripped)
    return " ".join(part for part in parts if part)


def shown(query: str) -> str:
    """QUERY as an error message may show it: no control characters, and not too long."""
    from exotour.search.engine import clean

    text = clean(query)
    return text if len(text) <= SHOWN_QUERY else text[: SHOWN_QUERY - 1] + "…"


def run(options: Options, query: list[str], *, limit: int, as_json: bool) -> ExitStatus:
    text = query_text(query)
    if not text:
        raise UsageError(
            "the search query is empty", hint="give a word to find, as in: exotour search collagen"
        )
    from exotour.search.engine import FolderSearch, parse_query

    # From the cache file while the content is unchanged: no YAML to read, so it starts fast.
    engine = FolderSearch(options.content_dir(), lambda: load(options))
    hits = engine.search(text, limit + 1)  # one more than shown, to know if there are more
    more = len(hits) > limit
    hits = hits[:limit]
    if not hits:
        if as_json:
            sys.stdout.write("[]\n")
        suggestion = engine.suggest(text)
        if suggestion:
            hint = f"did you mean: {suggestion}?"
        elif not parse_query(text):
            hint = "search for words or numbers; punctuation and symbols are not indexed"
        elif len(parse_query(text)) > 1:
            hint = "every word must be in the same passage; try fewer words"
        else:
            hint = "try another word, or the start of one followed by *, as in collag*"
        raise NoResultsError(f"no results for '{shown(text)}'", hint=hint)
    prefix = command_prefix(options)
    if as_json:
        import json

        data = [hit.as_json(prefix) for hit in hits]
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return ExitStatus.OK
    console = stdout(options)
    show(console, results(hits, text, limit if more else None, width=console.width, prefix=prefix))
    return ExitStatus.OK


def show(console: Console, blocks: list[RenderableType | str]) -> None:
    """Print BLOCKS; a str is a command, printed whole on its line so it can be copied.

    On a terminal with Rich (long commands soft-wrap), elsewhere as plain text.
    """
    from rich.text import Text

    if console.is_terminal:
        for block in blocks:
            if isinstance(block, str):
                console.print(Text(block, style="green"), soft_wrap=True)
            else:
                console.print(block)
        return
    from exotour.render.console import offscreen_console

    plain = offscreen_console(console.width)
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            lines.append(block)
            continue
        with plain.capture() as capture:
            plain.print(block)
        lines.extend(line.rstrip() for line in capture.get().splitlines())
    sys.stdout.write("\n".join(lines) + "\n")


def results(
    hits: list[Hit], query: str, more: int | None, *, width: int, prefix: str = "exotour"
) -> list[RenderableType | str]:
    """The hits, best first: where each is, its snippet with the words highlighted, its command.

    MORE is the --limit that cut the list short, if one did.
    """
    from rich.padding import Padding
    from rich.text import Text

    from exotour.render.highlight import highlighted

    count = len(hits)
    heading = f"{count} result{'s' if count != 1 else ''} for '{shown(query)}', best first"
    if more:
        heading += f"; there are more (--limit {more * 2})"
    parts: list[RenderableType | str] = [Text(heading, style="dim")]
    size = max(60, min(2 * (width - 4) - 16, 240))  # two lines, leaving room for wrapping
    for hit in hits:
        place = Text()
        if hit.section is None:
            place.append("Glossary · ", style="bold")
        else:
            place.append(f"Section {hit.section + 1} · ", style="bold")
        place.append_text(highlighted(hit.title, hit.title_spans, base="bold"))
        if hit.section is not None:
            place.append(f" · {hit.id}", style="dim")
        if hit.kind == "note":
            place.append(" · evidence note", style="cyan")
        snippet, spans = hit.excerpt(size)
        if hit.field != "text":
            label = "Takeaway: " if hit.field == "takeaway" else "Keywords: "
            snippet, spans = (
                label + snippet,
                tuple((a + len(label), b + len(label)) for a, b in spans),
            )
        command = hit.command_from(prefix)
        parts.extend([Text(""), place, Padding(highlighted(snippet, spans), (0, 0, 0, 2))])
        parts.append(f"  {command}")
    return parts
