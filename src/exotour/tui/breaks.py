"""Where a page may end, as a typesetter would choose: pure, on rendered lines.

A page ends after a blank line in its lower half if it can, else after any line of running text,
else (nothing else fits) inside a frame. Whatever the choice, it keeps meaning together:
- a heading or a label (a line all in bold, or one that ends in ':', as a list's lead-in or
  "Sources:") never ends a page: it goes over with what it introduces;
- a group (an evidence note and its sources) is not split where the whole group fits a page;
- a page does not open on blank lines.
Where no such place exists on a page (a label and what follows it taller than the page, say),
a page ends anywhere but after a label, inside a frame if it must, so that it is never taller than
its rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from exotour.render.page import Line

# How good a place to end a page each line is: after a blank line is best; inside a framed note
# (which reads badly cut in two) is a last resort; anywhere else in running text will do.
SOFT, ALLOWED, KEEP = 2, 1, 0


def line_text(line: Line) -> str:
    return "".join(seg.text for seg in line).strip()


def is_label(line: Line) -> bool:
    """A heading or a label, which belongs with the lines after it: a line that ends in ':' or
    whose words are all bold."""
    text = line_text(line)
    if not text:
        return False
    if text.endswith(":"):
        return True
    worded = [seg for seg in line if seg.text.strip()]
    return all(seg.style is not None and seg.style.bold for seg in worded)


def cuts(
    lines: Sequence[tuple[Line, int]], rows: int, groups: Sequence[int] | None = None
) -> list[tuple[int, int]]:
    """Where pages of at most ROWS lines begin and end, as (start, end) indexes into LINES.
    GROUPS, one id a line (or none), marks lines kept on one page where their group fits."""
    rows = max(1, rows)
    total = len(lines)
    labels = _after_label(lines)
    ends_well = _good_ends(lines, rows, groups, labels)
    spans: list[tuple[int, int]] = []
    start = 0
    while start < total:
        while start < total and not line_text(lines[start][0]):
            start += 1  # a page does not open on blank lines
        if start >= total:
            break
        end = min(start + rows, total)
        if end < total:
            window = range(start, end)
            good = [i for i in window if ends_well[i]]
            # After a blank line, or after the last line before one: a block's end.
            soft = [i for i in good if _before_blank(lines, i) and i >= start + rows // 2]
            # Where meaning cannot be kept whole: anywhere but after a label, else anywhere.
            unlabelled = [i for i in window if not labels[i]]
            allowed = [i for i in unlabelled if lines[i][1] != KEEP]
            for choice in (soft, good, allowed, unlabelled):
                if choice:
                    end = choice[-1] + 1
                    break
        spans.append((start, end))
        start = end
    return spans


def _before_blank(lines: Sequence[tuple[Line, int]], index: int) -> bool:
    if lines[index][1] == SOFT:
        return True
    return index + 1 < len(lines) and lines[index + 1][1] == SOFT


def _after_label(lines: Sequence[tuple[Line, int]]) -> list[bool]:
    """For each line, whether the last line with text at or before it is a heading or a label."""
    out: list[bool] = []
    label = False
    for line, _ in lines:
        if line_text(line):
            label = is_label(line)
        out.append(label)
    return out


def _good_ends(
    lines: Sequence[tuple[Line, int]],
    rows: int,
    groups: Sequence[int] | None,
    labels: Sequence[bool],
) -> list[bool]:
    """For each line, whether a page may end after it without breaking meaning."""
    sizes: dict[int, int] = {}
    if groups is not None:
        for group in groups:
            if group >= 0:
                sizes[group] = sizes.get(group, 0) + 1
    good: list[bool] = []
    for index, (_, kind) in enumerate(lines):
        ok = kind != KEEP and not labels[index]
        if ok and groups is not None and index + 1 < len(lines):
            group = groups[index]
            ok = not (group >= 0 and groups[index + 1] == group and sizes[group] <= rows)
        good.append(ok)
    return good
