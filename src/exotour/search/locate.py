"""Where a hit is among a section's pages, found by its words (the pages are drawn text)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from exotour.search.hits import Hit
from exotour.suggest import fold

_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return [fold(m.group()) for m in _WORD.finditer(text)]


def page_holding(page_texts: Sequence[str], hit: Hit) -> int:
    """The index of the page (of PAGE_TEXTS, a section's pages as text) that shows HIT's match.

    The passage is found by its first words in the pages' words, then the match by counting
    words on from there; failing that, the first page with the matched word.
    """
    stream = [(word, page) for page, text in enumerate(page_texts) for word in _words(text)]
    if not stream:
        return 0
    flat = [word for word, _ in stream]
    passage = _words(hit.text) if hit.field == "text" else []
    target = len(_words(hit.text[: hit.spans[0][0]])) if hit.spans and passage else 0
    for size in (8, 5, 3, 1):
        anchor = passage[:size]
        if len(anchor) < min(size, len(passage)) or not anchor:
            continue
        start = _find(flat, anchor)
        if start >= 0:
            return stream[min(start + target, len(stream) - 1)][1]
    if hit.spans:
        matched = _words(hit.text[hit.spans[0][0] : hit.spans[0][1]])
        if matched and (start := _find(flat, matched[:1])) >= 0:
            return stream[start][1]
    return 0


def _find(words: Sequence[str], anchor: Sequence[str]) -> int:
    """Where ANCHOR (a few words) first starts in WORDS, or -1."""
    size = len(anchor)
    first = anchor[0]
    for i, word in enumerate(words):
        if word == first and list(words[i : i + size]) == list(anchor):
            return i
    return -1
