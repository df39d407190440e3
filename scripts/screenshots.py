#!/usr/bin/env python3
"""Make the README's pictures from the real app: docs/learn.svg, docs/search.svg, docs/summary.svg,
and the text screenshot of `exotour learn` at the top of README.md.

    python scripts/screenshots.py [OUT_DIR]      (default: docs/ next to this script, and the
                                                  README's text screenshot)

Each picture is what an 80-column terminal shows, recorded by Rich and saved as SVG. `learn` is
its first screen at 80x24, built by the same paginator and renderer the walkthrough uses;
`search` and `summary` are the commands themselves, run through the command line with their
console swapped for a recording one. Progress is kept in a throwaway folder, so the pictures do
not depend on what you have read.

A package index shows the README without the repository's files, so a picture linked by a
relative path breaks there; the README's first screen is therefore text in a code block (which
renders everywhere), between the two markers below, and the SVGs are linked for those who read
the README in a checkout or on the repository's page.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.text import Text

WIDTH, HEIGHT = 80, 24
DOCS = Path(__file__).resolve().parent.parent / "docs"
README = DOCS.parent / "README.md"
START = "<!-- exotour learn, as text: made by scripts/screenshots.py -->"
END = "<!-- end of the text screenshot -->"


def with_text_screenshot(readme: str, screen: str) -> str:
    """README with SCREEN (the text of a recorded screen) between START and END."""
    before, _, rest = readme.partition(START)
    _, _, after = rest.partition(END)
    if not rest:
        raise SystemExit(f"screenshots: README.md has no line {START!r}")
    lines = "\n".join(line.rstrip() for line in screen.rstrip("\n").splitlines())
    return f"{before}{START}\n\n```text\n{lines}\n```\n\n{END}{after}"


def recording_console(height: int | None = None) -> Console:
    return Console(
        record=True,
        width=WIDTH,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )


@contextmanager
def commands_print_to(console: Console) -> Iterator[None]:
    """Every console the commands make is CONSOLE, while this lasts."""
    import exotour.render.console

    original = exotour.render.console.make_console

    def make_console(
        env: object = None, look: object = None, *, stderr: bool = False, width: object = None
    ) -> Console:
        return original(stderr=True) if stderr else console

    exotour.render.console.make_console = make_console
    try:
        yield
    finally:
        exotour.render.console.make_console = original


def run_command(args: list[str]) -> Console:
    """`exotour ARGS` as a user would run it, with its output recorded."""
    from exotour.cli import app

    console = recording_console()
    console.print(Text(f"$ exotour {' '.join(args)}", style="bold"))
    with commands_print_to(console):
        status = app(args=args, prog_name="exotour", standalone_mode=False)
    if status:
        raise SystemExit(f"screenshots: 'exotour {' '.join(args)}' exited {status}")
    return console


def learn() -> Console:
    """The first screen of `exotour learn` on an 80x24 terminal."""
    from exotour.commands import Options, load
    from exotour.render.screens import learn_screen
    from exotour.tui.pages import Paginator

    tour = load(Options())
    pages = Paginator(tour, WIDTH, HEIGHT).pages(0)
    console = recording_console(HEIGHT)
    console.print(learn_screen(tour, 0, pages[0], 0, len(pages), (WIDTH, HEIGHT), ""))
    return console


def search() -> Console:
    return run_command(["search", "collagen"])


def summary() -> Console:
    return run_command(["summary"])


PICTURES: dict[str, tuple[str, Callable[[], Console]]] = {
    "learn": ("exotour learn", learn),
    "search": ("exotour search collagen", search),
    "summary": ("exotour summary", summary),
}


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DOCS
    out.mkdir(parents=True, exist_ok=True)
    before = os.environ.get("EXOTOUR_STATE_DIR")
    with tempfile.TemporaryDirectory() as state:
        os.environ["EXOTOUR_STATE_DIR"] = state
        try:
            for name, (title, make) in PICTURES.items():
                path = out / f"{name}.svg"
                console = make()
                screen = console.export_text(clear=False)
                console.save_svg(str(path), title=title)
                print(f"screenshots: wrote {path}")
                if name == "learn" and not argv:
                    from exotour.state.atomic import write_atomically

                    readme = README.read_text(encoding="utf-8")
                    write_atomically(README, with_text_screenshot(readme, screen), shared=True)
                    print(f"screenshots: wrote the text screenshot in {README.name}")
        finally:
            if before is None:
                del os.environ["EXOTOUR_STATE_DIR"]
            else:
                os.environ["EXOTOUR_STATE_DIR"] = before
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
