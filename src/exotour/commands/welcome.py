"""`exotour` with no command: the welcome screen."""

from __future__ import annotations

from exotour.commands import Options, load, stdout


def run(options: Options) -> None:
    tour = load(options)
    from exotour.render import welcome_screen

    stdout(options).print(welcome_screen(tour))
