"""The tour's bottom line on the evidence, as the screens that open with it show it: the answer
first (the welcome screen, learn's first page and closing panel, and summary)."""

from __future__ import annotations

from rich.text import Text

from exotour.i18n import N_, _
from exotour.model import Tour

LABEL = N_("The bottom line: ")


def bottom_line(tour: Tour, *, short: bool = True) -> Text | None:
    """The bottom line after its label: SHORT, the two-line form where the tour gives one (its
    sources are in it); else the whole text and its source. None where the tour has none."""
    if not tour.bottom_line:
        return None
    line = Text(_(LABEL), style="bold")
    if short and tour.bottom_line_short:
        line.append(" ".join(tour.bottom_line_short.split()))
        return line
    line.append(" ".join(tour.bottom_line.split()))
    if tour.bottom_line_source:
        line.append(_(" (Source: {source})").format(source=tour.bottom_line_source), style="dim")
    return line
