"""The tour's about block in the exports (IPDAS's certifying items: who made and funded it, its
conflicts, when and how its facts were checked, its update policy, how its reading level is
measured, where to report an error). Pure: the tour in, escaped text out."""

from __future__ import annotations

import html

from exotour.decision import ABOUT_FIELDS
from exotour.i18n import N_, _
from exotour.model import Tour
from exotour.safe_markdown import literal

HEADING = N_("About this tour")


def about_markdown(tour: Tour) -> list[str]:
    if tour.about is None:
        return []
    out = [f"## {_(HEADING)}", ""]
    for name, label in ABOUT_FIELDS:
        out += [f"- **{_(label)}:** {literal(getattr(tour.about, name))}"]
    return [*out, ""]


def about_html(tour: Tour) -> str:
    if tour.about is None:
        return ""
    e = html.escape
    rows = "\n".join(
        f"<dt>{e(_(label))}</dt><dd>{e(getattr(tour.about, name))}</dd>"
        for name, label in ABOUT_FIELDS
    )
    return f'<section id="about">\n<h2>{e(_(HEADING))}</h2>\n<dl>\n{rows}\n</dl>\n</section>'
