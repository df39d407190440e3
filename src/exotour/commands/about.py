"""`exotour about`: who made the tour, when and how its facts were checked, its update policy,
funding, conflicts of interest, how its reading level is measured, and where to report an error
(IPDAS's certifying items), as the tour file's `about:` block gives them."""

from __future__ import annotations

from exotour.commands import Options, command_prefix, emit, load, stdout
from exotour.errors import ExitStatus


def run(options: Options) -> ExitStatus:
    tour = load(options)
    from exotour.render.about import about_screen

    console = stdout(options)
    emit(options, about_screen(tour, prefix=command_prefix(options)), console)
    return ExitStatus.OK
