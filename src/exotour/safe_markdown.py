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

from exotour.text import escape_markdown

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
    from markdown_it import MarkdownIt

    lines = markdown.splitlines(keepends=True)
    # For each line: "code" (kept), the index of the inline block it belongs to, or "other".
    kinds: list[str | int] = ["other"] * len(lines)
    blocks = MarkdownIt("commonmark")
    blocks.core.ruler.disable("inline")  # the blocks are enough; inline parsing can be slow
    for number, token in enumerate(blocks.parse(markdown)):
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


def _neutralise_text(text: str, *, code_spans: bool) -> str:
    """TEXT with every `<` escaped but in safe autolinks (and, with CODE_SPANS, in code spans,
    which only inline text has), unsafe link destinations broken, images made links."""
    out: list[str] = []
    runs = _backtick_runs(text) if code_spans else {}
    i, n = 0, len(text)
    while i < n:
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
