"""Markdown as a Rich renderable, without Rich's Markdown parser where plain text does the same.

Importing rich.markdown (markdown-it and Pygments with it) takes about 30 ms, as long as the whole
of `exotour summary` otherwise. Paragraphs of plain words, with nothing that Markdown could read
as syntax, render exactly as Rich's Markdown renders them when they are given as Text: each line
break inside a paragraph a space, one blank line between paragraphs. Anything else goes to Rich's
Markdown. tests/test_prose.py holds the two to the same output.
"""

from __future__ import annotations

import re

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.text import Text

# Whatever could be Markdown syntax, anywhere (escapes, code, emphasis, links, HTML, entities,
# tables, strikethrough, headings, setext lines) or at the start of a line (lists, quotes, code);
# spaces that end a line (a hard break) or indent one; and any white space but the space and the
# line end (tabs, no-break spaces: Markdown and Python trim them differently).
_SYNTAX = re.compile(r"[\\`*_\[\]<>&|~#=+]|[^\S \n]|^ *(?:[-]|\d+[.)])|^ {4}| $", re.MULTILINE)
_BLANK_LINE = re.compile(r"\n *\n")


def markdown(source: str) -> RenderableType:
    """SOURCE, a Markdown text, as Rich's Markdown renders it (links shown as text)."""
    text = source.strip("\n")
    if _SYNTAX.search(text) is None:
        paragraphs = [
            " ".join(line.strip() for line in block.split("\n") if line.strip())
            for block in _BLANK_LINE.split(text)
            if block.strip()
        ]
        parts: list[RenderableType] = []
        for paragraph in paragraphs:
            if parts:
                parts.append(Text(""))
            parts.append(Text(paragraph, justify="left"))
        return Group(*parts)
    from rich.markdown import Markdown

    return Markdown(source, hyperlinks=False)


class Prose:
    """A Markdown body, parsed only when it is drawn (Rich's Markdown, links as text)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parsed: RenderableType | None = None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self._parsed is None:
            from rich.markdown import Markdown

            self._parsed = Markdown(self.source, hyperlinks=False)
        yield self._parsed
