"""The `exotour about` screen: the tour's about block, item by item, or a word that its author
gave none; drawn once by Rich (plain output is the same without styles)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.constrain import Constrain
from rich.padding import Padding
from rich.text import Text

from exotour.decision import ABOUT_FIELDS
from exotour.i18n import N_, _
from exotour.model import Tour
from exotour.render.notes import READING_WIDTH

NOT_GIVEN = N_(
    "This tour's author gave no 'about' block in tour.yaml, so who made it, when its "
    "facts were checked and who paid for it are not stated."
)


def about_screen(tour: Tour, prefix: str = "exotour") -> RenderableType:
    heading = _("About this tour: {title}").format(title=tour.title)
    parts: list[RenderableType] = [Text(heading, style="bold")]
    if tour.about is None:
        parts.append(Text(_(NOT_GIVEN)))
    else:
        for name, label in ABOUT_FIELDS:
            parts.append(Text(""))
            parts.append(Text(_(label), style="bold"))
            parts.append(Padding(Text(getattr(tour.about, name)), (0, 0, 0, 2)))
    if tour.sources_checked:
        from exotour.content.sources import checked_on

        parts += [Text(""), Text(checked_on(tour.sources_checked, tour.language))]
    parts += [Text(""), Text(tour.disclaimer, style="italic")]
    if tour.has_decision:
        weigh = _("To weigh your options: {command}").format(command=f"{prefix} decide")
        parts.append(Text(weigh, style="dim"))
    return Constrain(Group(*parts), READING_WIDTH)
