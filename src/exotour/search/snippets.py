"""Matches as spans of plain text: from FTS5's highlight(), cut into snippets, in any text.

Match offsets come from highlight() with control-character markers that indexed text cannot
hold (the index cleans them out), so callers get plain text and (start, end) spans, never
markup. Text that leaves this layer goes through exotour.text.printable, its spans moved to
follow. Every function here is one pass over its text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from exotour.search.query import expression, parse_query, terms_of
from exotour.text import UNSAFE_CHARS, printable

if TYPE_CHECKING:
    import sqlite3

Span = tuple[int, int]

OPEN, CLOSE = "\x01", "\x02"
SNIPPET_CHARS = 160
TOKENIZER = "porter unicode61 remove_diacritics 2"
_MARKER = re.compile(f"[{OPEN}{CLOSE}]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def unmark(marked: str) -> tuple[str, tuple[Span, ...]]:
    """The text of highlight() output without its markers, and where the marked matches are."""
    out: list[str] = []
    spans: list[Span] = []
    length = 0
    start = -1
    last = 0
    for marker in _MARKER.finditer(marked):
        part = marked[last : marker.start()]
        out.append(part)
        length += len(part)
        last = marker.end()
        if marker.group() == OPEN:
            start = length
        else:
            if start >= 0 and length > start:
                spans.append((start, length))
            start = -1
    out.append(marked[last:])
    return "".join(out), tuple(spans)


def safe(text: str, spans: Sequence[Span]) -> tuple[str, tuple[Span, ...]]:
    """TEXT as printable() shows it, and SPANS moved to point at the same characters."""
    if not UNSAFE_CHARS.search(text):
        return text, tuple(spans)
    starts: list[int] = []  # where each unsafe character was
    extra: list[int] = []  # how many characters its escape adds, with those before it
    added = 0
    for match in UNSAFE_CHARS.finditer(text):
        starts.append(match.start())
        added += len(printable(match.group())) - 1
        extra.append(added)

    def moved(offset: int) -> int:
        before = bisect_right(starts, offset - 1)  # unsafe characters before OFFSET
        return offset + (extra[before - 1] if before else 0)

    return printable(text), tuple((moved(a), moved(b)) for a, b in spans)


def excerpt(
    text: str, spans: Sequence[Span], size: int = SNIPPET_CHARS
) -> tuple[str, tuple[Span, ...]]:
    """About SIZE characters of TEXT around its first match, cut at spaces, with … where cut."""
    size = max(20, size)
    if len(text) <= size:
        return text, tuple(spans)
    first, last = spans[0] if spans else (0, 1)
    start = max(0, first - min(size // 3, 40))
    if start:
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + size)
    if end < len(text):
        space = text.rfind(" ", max(start, last), end)  # the first match stays whole
        end = space if space > start else end
        if end - start < size // 2:  # one long word: cut it rather than show nothing
            end = min(len(text), start + size)
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    shift = len(prefix) - start
    shown = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start
    )
    return prefix + text[start:end].rstrip() + suffix, tuple((s, e) for s, e in shown if e > s)


@lru_cache(maxsize=1)
def _scratch() -> sqlite3.Connection:
    import sqlite3

    connection = sqlite3.connect(":memory:")
    connection.execute(f"CREATE VIRTUAL TABLE scratch USING fts5(text, tokenize = '{TOKENIZER}')")
    return connection


def _as_fts(text: str) -> str | None:
    """TEXT with control characters (our markers among them) as spaces: offsets do not move."""
    safe_text = _CONTROL.sub(" ", text).encode("utf-8", "replace").decode("utf-8")
    return safe_text if len(safe_text) == len(text) else None


def match_spans(text: str, terms: Sequence[str]) -> tuple[Span, ...]:
    """Where any of TERMS (words, phrases, prefix*es) matches in TEXT, as the index would match.

    Stems count as in search: `healing` marks `heal`. TEXT may hold any character; offsets are
    into TEXT as given.
    """
    found = _first(([text] if text else []), expression(terms_of(terms), "OR"), "")
    return found[1] if found else ()


def first_match(texts: Sequence[str], query: str) -> tuple[int, Span] | None:
    """The first of TEXTS (a section's blocks or pages, in order) where every term of QUERY
    matches as `exotour search` matches them, else where any does: its index, and the span of
    the first match in it. A match may run on into the next text (a phrase cut by a page
    break): it counts where it starts. None when nothing matches.

    `exotour learn SECTION --at QUERY` opens the page this names."""
    terms = parse_query(query)
    if not terms:
        return None
    # Each text with the next one: a phrase across the break between them is still found.
    windows = [
        text + "\n" + (texts[number + 1] if number + 1 < len(texts) else "")
        for number, text in enumerate(texts)
    ]
    found = _first(windows, expression(terms, "OR"), expression(terms, "AND"))
    if found is None or not found[1]:
        return None
    number, (start, end) = found[0], found[1][0]
    length = len(texts[number])
    if start > length:  # the match is in the next text
        return number + 1, (start - length - 1, end - length - 1)
    return number, (start, min(end, length))


def _first(texts: Sequence[str], any_of: str, all_of: str) -> tuple[int, tuple[Span, ...]] | None:
    """The first of TEXTS that matches ALL_OF (if given), else ANY_OF, with its spans."""
    import sqlite3

    if not any_of:
        return None
    rows = [(number, cleaned) for number, text in enumerate(texts, 1) if (cleaned := _as_fts(text))]
    connection = _scratch()
    try:
        with connection:
            connection.execute("DELETE FROM scratch")
            connection.executemany("INSERT INTO scratch(rowid, text) VALUES (?, ?)", rows)
            row = None
            for match in (all_of, any_of) if all_of else (any_of,):
                row = connection.execute(
                    "SELECT rowid FROM scratch WHERE scratch MATCH ? ORDER BY rowid LIMIT 1",
                    (match,),
                ).fetchone()
                if row is not None:
                    break
            if row is None:
                return None
            marked = connection.execute(
                "SELECT highlight(scratch, 0, ?, ?) FROM scratch WHERE scratch MATCH ?"
                " AND rowid = ?",
                (OPEN, CLOSE, any_of, row[0]),
            ).fetchone()
    except sqlite3.Error:
        return None
    return (row[0] - 1, unmark(marked[0])[1]) if marked else None
