"""Matched words made visible on a rendered page (snippets are drawn by render/results.py).

Highlighting only adds styles to the characters that matched; text is never turned into markup,
so a bracket in content stays a bracket.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style

if TYPE_CHECKING:  # `exotour search` needs no pages, and paginate brings in the model
    from exotour.render.page import Line, Page

# On a page, whose text has styles of its own, reverse video stands out whatever they are.
PAGE_MATCH_STYLE = Style(bold=True, reverse=True)

Span = tuple[int, int]


def highlight_page(page: Page, terms: Sequence[str]) -> Page:
    """PAGE with every word that matches one of TERMS (as search matches: stems, case and
    accents do not matter; `heal*` is a prefix, `stem cells` a phrase) in PAGE_MATCH_STYLE."""
    from exotour.render.page import Page
    from exotour.search.snippets import match_spans

    texts = ["".join(seg.text for seg in line if not seg.control) for line in page.lines]
    marks = _per_line(texts, match_spans("\n".join(texts), terms))
    if not marks:
        return page
    return Page(
        tuple(
            _mark_line(line, marks[number]) if number in marks else line
            for number, line in enumerate(page.lines)
        )
    )


def _per_line(texts: Sequence[str], spans: Iterable[Span]) -> dict[int, list[Span]]:
    """Spans over the joined lines, cut at line ends and trimmed to their letters and digits,
    so a phrase that wraps does not paint the border or padding between its words."""
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    marks: dict[int, list[Span]] = {}
    for start, end in spans:
        for number, line_start in enumerate(starts):
            line_end = line_start + len(texts[number])
            if end <= line_start or start >= line_end:
                continue
            a, b = max(start, line_start) - line_start, min(end, line_end) - line_start
            text = texts[number]
            while a < b and not text[a].isalnum():
                a += 1
            while b > a and not text[b - 1].isalnum():
                b -= 1
            if a < b:
                marks.setdefault(number, []).append((a, b))
    return marks


def _mark_line(line: Line, spans: Sequence[Span]) -> Line:
    """LINE with the characters at SPANS (offsets in its text) in PAGE_MATCH_STYLE."""
    out: list[Segment] = []
    offset = 0
    for segment in line:
        if segment.control:
            out.append(segment)
            continue
        text = segment.text
        end = offset + len(text)
        cuts = {0, len(text)}
        for start, stop in spans:
            if start < end and stop > offset:
                cuts.add(max(start, offset) - offset)
                cuts.add(min(stop, end) - offset)
        points = sorted(cuts)
        for a, b in pairwise(points):
            inside = any(start <= offset + a and offset + b <= stop for start, stop in spans)
            style = (segment.style or Style()) + PAGE_MATCH_STYLE if inside else segment.style
            out.append(Segment(text[a:b], style))
        offset = end
    return tuple(out)
