"""Markdown from a tour made safe to publish: wherever the Markdown export (or `summary
--markdown`) is rendered as HTML, nothing in it runs, loads or links to a script.

A tour folder is hostile input. Its bodies are Markdown and stay Markdown, but:
- every `<` outside code becomes `&lt;`, so no raw HTML (a tag, an event handler, an iframe)
  survives; autolinks to http, https and mailto are kept;
- a link or a link definition whose destination is not http, https, mailto or an anchor in
  the document (`#...`) is broken into plain text, its brackets escaped: `javascript:`,
  `data:`, `ms-msdt:`, `smb:`, a protocol-relative `//host`, a file's relative path;
- so is a link whose text is itself an address other than its destination
  (`[https://www.fda.gov/x](https://elsewhere)`): the reader sees where it really goes;
- an image becomes a link to it, so opening the document loads nothing from elsewhere.
The export judges the document it writes, not each body alone (render/document.py): a code
fence a body leaves open is closed, and the joined document is what is neutralised.
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
    """Whether URL, as a browser would read it after Markdown's escapes and entities, uses
    http, https or mailto, or is an anchor in the same document: the one link policy of both
    exports."""
    squeezed = _IGNORED_IN_URL.sub("", _as_read(url)).casefold()
    if squeezed.startswith("#"):
        return True
    scheme = _SCHEME.match(squeezed)
    return scheme is not None and scheme[1] in SAFE_SCHEMES


def names_other_address(text: str, url: str) -> bool:
    """Whether a link's TEXT is written as an address (`https://...`, `www.fda.gov/x`,
    `fda.gov`, `a@b.org`) other than its destination URL, or a start of it that ends
    before URL's host or path does (`fda.gov` for `https://fda.gov.example/x`)."""
    label = _as_read(text).strip().strip("<>").strip()
    if not _ADDRESS_LIKE.match(label):
        return False
    shown, target = _comparable(label), _comparable(_as_read(url))
    if not target.startswith(shown):
        return True
    rest = target[len(shown) :]
    return not (rest == "" or shown.endswith("/") or rest[0] in "/?#")


def _as_read(text: str) -> str:
    """TEXT as a browser reads it: Markdown's backslash escapes and HTML's entities undone."""
    import html  # its entity table is large: loaded only when links are checked

    return html.unescape(_BACKSLASH_ESCAPE.sub(r"\1", text))


def _comparable(address: str) -> str:
    squeezed = _IGNORED_IN_URL.sub("", address).casefold()
    for prefix in ("https://", "http://", "mailto:", "//", "www."):
        squeezed = squeezed.removeprefix(prefix)
    return squeezed.rstrip("/") if squeezed.count("/") <= 1 else squeezed


# Text a reader takes for an address: a scheme, www., or a host name with a dot and a
# top-level name, alone on the line (an e-mail address too).
_ADDRESS_LIKE = re.compile(
    r"(?:[a-z][a-z0-9+.\-]*:\S|www\.\S|//\S|(?:[\w.+\-]+@)?[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}"
    r"(?:[/:?#]\S*)?$)",
    re.IGNORECASE,
)


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


def closed_fences(markdown: str) -> str:
    """MARKDOWN with a code fence it leaves open closed at its end, so that a document it is
    part of goes on as Markdown after it, not as code."""
    if "```" not in markdown and "~~~" not in markdown:
        return markdown
    lines = markdown.splitlines()
    fences = [t for t in _block_parser().parse(markdown) if t.type == "fence" and t.map]
    if not fences or fences[-1].map is None or fences[-1].map[1] < len(lines):
        return markdown
    first, end = fences[-1].map
    fence = fences[-1].markup
    if not lines[first].lstrip(" ").startswith(fence):
        return markdown  # inside a quote or a list, which ends with the body; the document is
        # neutralised whole anyway
    last = lines[end - 1].strip()
    if end - first >= 2 and last.startswith(fence) and not last.strip(fence[0]):
        return markdown  # closed on its last line
    return markdown + "\n" + fence


def _unchanged(markdown: str) -> bool:
    """Whether neutralise would give MARKDOWN back as it is, whichever of its lines are code:
    no `<` and no image anywhere, and every link destination safe (in code or not, escaped or
    not: a destination that is not safe anywhere sends the text the whole way)."""
    if _OPENS_HTML.search(markdown) or "![" in markdown:
        return False
    for found in _LINK_END.finditer(markdown):
        gap = _BEFORE_DESTINATION.match(markdown, found.end())
        assert gap is not None  # the pattern matches the empty string
        destination = _DESTINATION.match(markdown, gap.end())
        assert destination is not None
        if not is_safe_link(destination[0]):
            return False
        label = _link_text(markdown, found.start()) if found[0] == "](" else ""
        if names_other_address(label, destination[0]):
            return False
    return True


# A `<` that does not open a safe autolink (which neutralise keeps as it is).
_OPENS_HTML = re.compile(r"<(?!(?:https?|mailto):[^\x00-\x20<>\x7f]*>)", re.IGNORECASE)


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
            label = _link_text(text, i) if mark == "(" else ""
            safe = is_safe_link(destination[0]) and not names_other_address(label, destination[0])
            out.append(f"]{mark}" if safe else f"\\]\\{mark}")
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


# Where _neutralise_text may do anything but keep a character: an escape, a backtick (in inline
# text), a `<`, an image, or the end of a link's text before its destination.
_SPECIAL = re.compile(r"\\[\s\S]|<|!\[|\][(:]")
_SPECIAL_IN_INLINE = re.compile(r"\\[\s\S]|`|<|!\[|\][(:]")


# How far back the text of a link is looked for: link text is short, and a text of many `](`
# must stay linear.
_LONGEST_LINK_TEXT = 2000


def _link_text(text: str, close: int) -> str:
    """The text of the link whose `]` is at CLOSE: from the last unescaped `[` before it."""
    start = max(0, close - _LONGEST_LINK_TEXT)
    found = close
    while True:
        found = text.rfind("[", start, found)
        if found < 0:
            return ""
        backslashes = len(text[start:found]) - len(text[start:found].rstrip("\\"))
        if backslashes % 2 == 0:
            return text[found + 1 : close]


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
