"""The Markdown shapes that Rich and markdown-it render slowly, found by a linear scan.

Measured (rich 15, markdown-it-py 4): every unclosed `[` costs about 25 µs, so 400,000 of them
take 10 s; a list's drawing grows faster than its items (8,000 items: 2.4 s); lists nested by
indentation cost the square of their depth (4,000 levels: 5 s). Emphasis runs (`_`, `*`),
backticks and long lines stay linear and cheap. A text field holding more than the limits is
refused by validate, so `learn`, `show` and `search` never meet it.
"""

from __future__ import annotations

import re

from exotour.content.limits import (
    MAX_MARKDOWN_BRACKETS,
    MAX_MARKDOWN_INDENT,
    MAX_MARKDOWN_LIST_ITEMS,
)
from exotour.i18n import _
from exotour.localnumbers import number

_LIST_ITEM = re.compile(r"^[ \t]*(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)", re.M)
_DEEP = re.compile(rf"^[ \t]{{{MAX_MARKDOWN_INDENT + 1},}}", re.M)


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def shape_problem(text: str) -> tuple[int, str] | None:
    """The line of the Markdown TEXT (from 1) where it passes a bound, and why; or None."""
    brackets = text.count("[")
    if brackets > MAX_MARKDOWN_BRACKETS:
        at = _nth(text, "[", MAX_MARKDOWN_BRACKETS + 1)
        message = _("holds {count} '['; the limit is {limit} in one field").format(
            count=number(brackets), limit=number(MAX_MARKDOWN_BRACKETS)
        )
        return _line_of(text, at), message
    deep = _DEEP.search(text)
    if deep is not None:
        message = _("indented more than {limit} spaces; nest lists less deeply").format(
            limit=MAX_MARKDOWN_INDENT
        )
        return _line_of(text, deep.start()), message
    for items, match in enumerate(_LIST_ITEM.finditer(text), start=1):
        if items > MAX_MARKDOWN_LIST_ITEMS:
            message = _("more than {limit} list items; split the list").format(
                limit=number(MAX_MARKDOWN_LIST_ITEMS)
            )
            return _line_of(text, match.start()), message
    return None


def _nth(text: str, char: str, n: int) -> int:
    """The index of the Nth CHAR in TEXT (from 1); TEXT holds at least N."""
    index = -1
    for _count in range(n):
        index = text.index(char, index + 1)
    return index
