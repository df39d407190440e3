"""`exotour show SECTION`: one section printed in full, with no keys to press."""

from __future__ import annotations

from exotour.commands import Options, command_prefix, emit, load
from exotour.errors import ExitStatus


def run(options: Options, section: str) -> ExitStatus:
    tour = load(options)
    index = tour.resolve(section)  # the same SECTION rule as learn; unknown -> exit 2
    from exotour.render.show import section_in_full

    emit(options, section_in_full(tour, index, command_prefix(options)))
    return ExitStatus.OK
