"""`exotour show SECTION`: one section printed in full, with no keys to press."""

from __future__ import annotations

from exotour.commands import Options, command_prefix, emit, load
from exotour.errors import ExitStatus


def run(options: Options, section: str) -> ExitStatus:
    tour = load(options)
    index = tour.resolve(section)  # the same SECTION rule as learn; unknown -> exit 2
    from rich.console import Group
    from rich.text import Text

    from exotour.render.screens import plain_section

    count = len(tour.sections)
    prefix = command_prefix(options)
    footer = Text("", style="dim")
    if index + 1 < count:
        footer.append(f"Next: {prefix} show {index + 2}   ")
    footer.append(f"Page by page: {prefix} learn {tour.sections[index].id}")
    parts = [plain_section(tour, index)]
    if index != 0:  # the first section opens with the disclaimer already
        parts.append(Text(tour.disclaimer, style="italic"))
    parts.append(footer)
    screen = Group(*parts)
    emit(options, screen)
    return ExitStatus.OK
