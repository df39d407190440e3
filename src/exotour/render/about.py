"""The `exotour about` screen: the tour's about block, item by item, or a word that its author
gave none; drawn once by Rich (plain output is the same without styles)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.constrain import Constrain
from rich.padding import Padding
from rich.text import Text

from exotour.decision import ABOUT_FIELDS
from exotour.model import Tour
from exotour.render.notes import READING_WIDTH

NOT_GIVEN = "This tour's author gave no 'about' block in tour.yaml, so who made it, when its "
NOT_GIVEN += "facts were checked and who paid for it are not stated."


def about_screen(tour: Tour, prefix: str = "exotour") -> RenderableType:
    parts: list[RenderableType] = [Text(f"About this tour: {tour.title}", style="bold")]
    if tour.about is None:
        parts.append(Text(NOT_GIVEN))
    else:
        for name, label in ABOUT_FIELDS:
            parts.append(Text(""))
            parts.append(Text(label, style="bold"))
            parts.append(Padding(Text(getattr(tour.about, name)), (0, 0, 0, 2)))
    if tour.sources_checked:
        from exotour.content.sources import checked_on

        parts += [Text(""), Text(checked_on(tour.sources_checked, tour.language))]
    parts += [Text(""), Text(tour.disclaimer, style="italic")]
    if tour.decision is not None:
        parts.append(Text(f"To weigh your options: {prefix} decide", style="dim"))
    return Constrain(Group(*parts), READING_WIDTH)
