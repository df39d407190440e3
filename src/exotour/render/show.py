"""The screen of `exotour show SECTION`: one section in full, then where to go next."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from exotour.model import Tour


def section_in_full(tour: Tour, index: int, prefix: str = "exotour") -> RenderableType:
    """Section INDEX whole, with the disclaimer (the first section opens with it already) and
    the commands that show the next one and open this one page by page (beginning with PREFIX)."""
    from exotour.i18n import _
    from exotour.render.screens import plain_section

    footer = Text("", style="dim")
    if index + 1 < len(tour.sections):
        footer.append(_("Next: {command}").format(command=f"{prefix} show {index + 2}") + "   ")
    by_page = _("Page by page: {command}")
    footer.append(by_page.format(command=f"{prefix} learn {tour.sections[index].id}"))
    parts = [plain_section(tour, index)]
    if index != 0:
        parts.append(Text(tour.disclaimer, style="italic"))
    parts.append(footer)
    return Group(*parts)
