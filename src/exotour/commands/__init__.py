"""What each command does, between the command line and the core modules.

One module a command; each loads the tour, calls the core, and prints what the renderer returns.
The helpers here are what every command shares.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console

    from exotour.model import Tour
    from exotour.state.progress import ProgressStore


class Options:
    """What the global options chose, for every command."""

    def __init__(self, content: Path | None = None, no_color: bool = False) -> None:
        self.content = content
        self.no_color = no_color

    def content_dir(self) -> Path:
        from exotour.content.location import builtin_content_dir  # without importing the loader

        return self.content if self.content is not None else builtin_content_dir()


def command_prefix(options: Options) -> str:
    """How a command that exotour suggests begins: `exotour`, or `exotour --content DIR` when
    the tour came from --content, so that copying the command opens the same tour. A folder that
    EXOTOUR_CONTENT names is left out: the variable stays in effect for the next command."""
    if options.content is None:
        return "exotour"
    import os
    import shlex
    from pathlib import Path

    variable = os.environ.get("EXOTOUR_CONTENT")
    if variable and Path(variable) == options.content:
        return "exotour"
    return f"exotour --content {shlex.quote(str(options.content))}"


def load(options: Options) -> Tour:
    """The tour the options name; raises ContentError before anything is printed.

    A folder that loaded without error before and has not changed since comes from the cache.
    """
    from exotour.content import cache as tourcache

    return tourcache.load(options.content_dir())


def stdout(options: Options) -> Console:
    from exotour.render.console import make_console

    return make_console(no_color=options.no_color)


def store_for(tour: Tour) -> ProgressStore:
    """The progress of this tour, so two tours never mix.

    The built-in tour is kept by its id alone, so a reinstall (a new path) keeps the reader's
    place; any other folder by id and path, so a copied tour that kept its id starts afresh.
    """
    from exotour.content.location import (
        builtin_content_dir,  # without importing the loader and YAML
    )
    from exotour.state.progress import ProgressStore, default_state_dir

    key = tour.id
    folder = tour.content_dir
    if folder is not None and folder.resolve() != builtin_content_dir().resolve():
        key = f"{tour.id}@{folder.resolve()}"
    return ProgressStore(default_state_dir(), key)


def warn(lines: list[str]) -> None:
    """Warnings on stderr, each as `exotour: warning: ...`."""
    import sys

    for line in lines:
        print(f"exotour: warning: {line}", file=sys.stderr)


def write_json(data: object) -> None:
    """DATA as indented JSON on stdout, the one way every `--json` prints."""
    import json
    import sys

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def emit(options: Options, screen: object, console: Console | None = None) -> None:
    """SCREEN with its styles on a terminal; elsewhere (a pipe, a file) as plain text."""
    console = console if console is not None else stdout(options)
    if console.is_terminal:
        console.print(screen)
    else:
        print_plain(options, screen, console)


def print_plain(options: Options, renderable: object, console: Console | None = None) -> None:
    """Print as plain text, whatever the terminal: no escape codes, no trailing spaces; to
    CONSOLE's file at its width (default: stdout's)."""
    from rich.console import Console

    target = console if console is not None else stdout(options)
    plain = Console(
        color_system=None,
        markup=False,
        emoji=False,
        highlight=False,
        width=target.width,
        file=target.file,
    )
    with plain.capture() as capture:
        plain.print(renderable, crop=False)  # links run past the width rather than fold
    text = "\n".join(line.rstrip() for line in capture.get().splitlines())
    target.file.write(text + "\n")
