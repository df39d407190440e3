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


# The Markdown that plain text draws without a parser (`markdown_lines`): paragraphs, `## `
# headings and tight `- ` lists, whose text holds only words, `**strong**`, `*emphasis*` and
# `[links](https://...)`, each written so that CommonMark could not read it another way.
_WORDS = r"[^\\`*_\[\]<>&|~#=+\n]"  # no character that Markdown could read as syntax
_EDGE = r"[^\\`*_\[\]<>&|~#=+\n ]"
_STRESS = r"(?<![^ (]){mark}[A-Za-z0-9](?:{words}*[A-Za-z0-9.,;:!?])?{mark}(?![^ .,;:!?)])"
_LINK = rf"(?<!!)\[({_EDGE}(?:{_WORDS}*{_EDGE})?)\]\((https?://[A-Za-z0-9\-._~:/?#@!$+,;=]+)\)"
# Possessive, so that a text that fails fails in linear time: the choices begin differently.
_INLINE = re.compile(
    "(?:{words}++|{strong}|{em}|{link})*+".format(
        strong=_STRESS.format(mark=r"\*\*", words=_WORDS),
        em=_STRESS.format(mark=r"\*", words=_WORDS),
        link=_LINK,
        words=_WORDS,
    )
)
_LINKS = re.compile(_LINK)
# A line that could open a block of its own (a list, a quote, a heading) inside a paragraph;
# a stress mark before a word cannot.
_BLOCK_START = re.compile(r"[-+>#]|\*(?!\*?[A-Za-z0-9])|\d+[.)]")
_HEADING = re.compile(r"#{2,6} (.+)")


def _inline(text: str) -> str | None:
    """TEXT, a paragraph's lines joined, as Rich prints it (a link's address after its words);
    None where it holds anything but words, stress and links."""
    if _INLINE.fullmatch(text) is None:
        return None
    if "[" in text:
        text = _LINKS.sub(lambda link: f"{link[1]} ({link[2]})", text)
    if "*" in text:
        text = text.replace("*", "")  # every `*` is a stress mark: _INLINE saw to it
    return text


def _block_text(lines: list[str]) -> str | None:
    if any(_BLOCK_START.match(line) for line in lines):
        return None
    return _inline(" ".join(lines))


def markdown_lines(source: str, width: int) -> list[str] | None:
    """SOURCE, a Markdown body, as the lines Rich's Markdown prints at WIDTH (links as text, as
    `Markdown(source, hyperlinks=False)`); None where it holds more than plain text needs."""
    from exotour.render.plainlines import narrow, wrap

    if not narrow(source.replace("\n", " ")):
        return None  # tabs, controls, wide characters: Rich's to lay out
    # Every text below is made of the source's characters: narrow, so wrap need not look again.
    blocks: list[list[str]] = [[]]
    for line in source.strip("\n").split("\n"):
        if not line:
            if blocks[-1]:
                blocks.append([])
            continue
        if line[0] == " " or line[-1] == " ":
            return None  # indents, hard breaks, tabs: Markdown's rules, not ours
        blocks[-1].append(line)
    drawn: list[str] = []
    after_list = False
    for block in blocks:
        if not block:
            continue
        lines: list[str] | None
        is_list = all(line.startswith("- ") for line in block)
        if is_list:
            if after_list:
                return None  # two lists a blank line apart are one loose list
            lines = _list_lines([line[2:] for line in block], width)
        elif len(block) == 1 and (heading := _HEADING.fullmatch(block[0])):
            text = _block_text([heading[1]])
            lines = None if text is None else wrap(text, width, narrow_text=True)
        else:
            text = _block_text(block)
            lines = None if text is None else wrap(text, width, narrow_text=True)
        if lines is None:
            return None
        if drawn or is_list:  # Rich opens a list with a blank line, even at the top
            drawn.append("")
        drawn += lines
        after_list = is_list
    return drawn


def _list_lines(items: list[str], width: int) -> list[str] | None:
    """A tight list's items as Rich draws them: a bullet, and lines that hang under the text."""
    from exotour.render.plainlines import wrap

    drawn: list[str] = []
    for item in items:
        text = _block_text([item])
        lines = None if text is None else wrap(text, width - 3, narrow_text=True)
        if not lines:
            return None
        drawn += [" • " + lines[0], *("   " + line for line in lines[1:])]
    return drawn


class Prose:
    """A Markdown body, parsed only when it is drawn with styles (Rich's Markdown, links as
    text); plain text takes `plain_lines`, without the parser, where that draws the same."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parsed: RenderableType | None = None

    def plain_lines(self, width: int) -> list[str] | None:
        return markdown_lines(self.source, width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self._parsed is None:
            from rich.markdown import Markdown

            self._parsed = Markdown(self.source, hyperlinks=False)
        yield self._parsed
