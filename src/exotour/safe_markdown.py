"""Markdown from a tour made safe to publish: wherever the Markdown export (or `summary
--markdown`) is rendered as HTML, nothing in it runs, loads or links to a script.

A tour folder is hostile input. Its bodies are Markdown and stay Markdown, but:
- every `<` outside code becomes `&lt;`, so no raw HTML (a tag, an event handler, an iframe)
  survives; autolinks to http, https and mailto are kept;
- a link or a link definition whose destination is not http, https, mailto or a relative one
  (`javascript:`, `data:`, `vbscript:`...) is broken into plain text: its brackets are escaped;
- an image becomes a link to it, so opening the document loads nothing from elsewhere.
Code blocks and code spans are kept as written: a renderer shows their text literally. Which
lines are code is decided by markdown-it, the CommonMark parser, so the blocks seen here are
the blocks any CommonMark renderer sees.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from exotour.text import escape_markdown

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

# An autolink as CommonMark reads one (RFC 3986 characters but controls, space, < and >).
_SAFE_AUTOLINK = re.compile(r"<(?:https?|mailto):[^\x00-\x20<>\x7f]*>", re.IGNORECASE)
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
# Browsers drop controls and white space from a URL before reading its scheme.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")
_BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# What may stand between `](` or `]:` and a destination: spaces, one line end, an opening `<`.
_BEFORE_DESTINATION = re.compile(r"[ \t]*\n?[ \t]*<?")
_DESTINATION = re.compile(r"[^\s)>]*")
_BACKTICKS = re.compile(r"`+")


def literal(text: str) -> str:
    """Content text (a title, a takeaway) on one line, made literal inside Markdown."""
    return escape_markdown(" ".join(text.split()))


def is_safe_link(url: str) -> bool:
    """Whether URL, as a browser would read it after Markdown's escapes and entities, is
    relative or uses http, https or mailto."""
    import html  # its entity table is large: loaded only when links are checked

    decoded = html.unescape(_BACKSLASH_ESCAPE.sub(r"\1", url))
    squeezed = _IGNORED_IN_URL.sub("", decoded).casefold()
    scheme = _SCHEME.match(squeezed)
    return scheme is None or scheme[1] in SAFE_SCHEMES


def neutralise(markdown: str) -> str:
    """MARKDOWN with raw HTML, unsafe links and images made harmless, code kept as written."""
    if _unchanged(markdown):
        return markdown
    lines = markdown.splitlines(keepends=True)
    # For each line: "code" (kept), the index of the inline block it belongs to, or "other".
    kinds: list[str | int] = ["other"] * len(lines)
    for number, token in enumerate(_block_parser().parse(markdown)):
        if token.map is None:
            continue
        kind: str | int | None = None
        if token.type in ("fence", "code_block"):
            kind = "code"
        elif token.type == "inline":
            kind = number
        if kind is not None:
            for line in range(*token.map):
                kinds[line] = kind
    out: list[str] = []
    start = 0
    for end in range(1, len(lines) + 1):
        if end < len(lines) and kinds[end] == kinds[start]:
            continue
        chunk = "".join(lines[start:end])
        kind = kinds[start]
        if kind == "code":
            out.append(chunk)
        else:
            out.append(_neutralise_text(chunk, code_spans=isinstance(kind, int)))
        start = end
    return "".join(out)


def _unchanged(markdown: str) -> bool:
    """Whether neutralise would give MARKDOWN back as it is, whichever of its lines are code:
    no `<` and no image anywhere, and every link destination safe (in code or not, escaped or
    not: a destination that is not safe anywhere sends the text the whole way)."""
    if "<" in markdown or "![" in markdown:
        return False
    for found in _LINK_END.finditer(markdown):
        gap = _BEFORE_DESTINATION.match(markdown, found.end())
        assert gap is not None  # the pattern matches the empty string
        destination = _DESTINATION.match(markdown, gap.end())
        assert destination is not None
        if not is_safe_link(destination[0]):
            return False
    return True


_LINK_END = re.compile(r"\][(:]")


@cache
def _block_parser() -> MarkdownIt:
    """CommonMark's block rules alone (inline parsing can be slow): made once, as making one
    costs more than parsing a section."""
    from markdown_it import MarkdownIt

    blocks = MarkdownIt("commonmark")
    blocks.core.ruler.disable("inline")
    return blocks


def _neutralise_text(text: str, *, code_spans: bool) -> str:
    """TEXT with every `<` escaped but in safe autolinks (and, with CODE_SPANS, in code spans,
    which only inline text has), unsafe link destinations broken, images made links."""
    out: list[str] = []
    runs = _backtick_runs(text) if code_spans else {}
    special = _SPECIAL_IN_INLINE if code_spans else _SPECIAL
    i, n = 0, len(text)
    while i < n:
        found = special.search(text, i)  # every other character is kept as it is
        if found is None:
            out.append(text[i:])
            break
        if found.start() > i:
            out.append(text[i : found.start()])
            i = found.start()
        c = text[i]
        if c == "\\" and i + 1 < n:
            out.append(text[i : i + 2])  # an escaped character opens nothing
            i += 2
        elif c == "`" and code_spans:
            run = len(_BACKTICKS.match(text, i)[0])  # type: ignore[index]
            close = _next_run(runs.get(run, []), i + run)
            end = i + run if close is None else close + run
            out.append(text[i:end])
            i = end
        elif c == "<":
            autolink = _SAFE_AUTOLINK.match(text, i)
            out.append(autolink[0] if autolink else "&lt;")
            i = autolink.end() if autolink else i + 1
        elif c == "!" and text.startswith("![", i):
            out.append("[")  # the image's link, not the image
            i += 2
        elif c == "]" and text[i + 1 : i + 2] in ("(", ":"):
            mark = text[i + 1]
            gap = _BEFORE_DESTINATION.match(text, i + 2)
            assert gap is not None  # the pattern matches the empty string
            destination = _DESTINATION.match(text, gap.end())
            assert destination is not None
            out.append(f"]{mark}" if is_safe_link(destination[0]) else f"\\]\\{mark}")
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


# Where _neutralise_text may do anything but keep a character: an escape, a backtick (in inline
# text), a `<`, an image, or the end of a link's text before its destination.
_SPECIAL = re.compile(r"\\[\s\S]|<|!\[|\][(:]")
_SPECIAL_IN_INLINE = re.compile(r"\\[\s\S]|`|<|!\[|\][(:]")


def _backtick_runs(text: str) -> dict[int, list[int]]:
    """Where each run of backticks starts, by its length: found once, so that a text of many
    unclosed runs still takes linear time."""
    runs: dict[int, list[int]] = {}
    for match in _BACKTICKS.finditer(text):
        runs.setdefault(len(match[0]), []).append(match.start())
    return runs


def _next_run(starts: list[int], after: int) -> int | None:
    """The first of STARTS (sorted) at or after AFTER, or None."""
    from bisect import bisect_left

    found = bisect_left(starts, after)
    return starts[found] if found < len(starts) else None
