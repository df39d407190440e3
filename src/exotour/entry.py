"""The `exotour` script: everyday command lines without loading Typer, the rest through cli.py.

Importing Typer (and the Click inside it) and building the app takes about 25 ms, as long as the
rest of `exotour search collagen` together. So the plainest command lines are run from here:
`exotour --version`; `exotour` alone; and `search WORDS...`, `summary`, `sections`, `show
SECTION`, `learn [SECTION]`, `glossary [TERM]` and `quiz [SECTION]` with no options of their
own; each after the global options `--content DIR` and `--no-color`, if any. They call the same
`run` functions with the same defaults as cli.py. Any other command line (an option after the
command, --help, a word that starts with '-', an option given twice, a --content folder that
cannot be read) goes to the Typer app, which parses it and reports errors as it always has.
tests/test_entry.py holds the two paths to the same output.

`guarded` is the one place where failures become `exotour: error: ...` and an exit status.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn

from exotour import __version__

if TYPE_CHECKING:
    from exotour.commands import Options

# The commands taken here: (fewest, most) words after the name; None is no limit.
_PLAIN: dict[str, tuple[int, int | None]] = {
    "search": (1, None),
    "summary": (0, 0),
    "sections": (0, 0),
    "show": (1, 1),
    "learn": (0, 1),
    "glossary": (0, 1),
    "quiz": (0, 1),
}


def main(argv: list[str] | None = None) -> NoReturn:
    """Run exotour with ARGV (default: the command line) and exit with its status."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args == ["--version"]:
        _print_version()  # before the error boundary: it needs none of it
    call = plain_call(args)
    if call is None:
        from exotour.cli import main as typer_main

        typer_main(args)
    from exotour.errors import guarded

    guarded(call)


def plain_call(args: list[str]) -> Callable[[], int] | None:
    """What ARGS asks for, when it is one of the plain forms above; else None (for Typer)."""
    if args == ["--version"]:
        return _version
    content: str | None = None
    no_color = False
    rest = list(args)
    while rest and rest[0].startswith("-"):
        flag = rest.pop(0)
        if flag == "--no-color" and not no_color:
            no_color = True
        elif flag == "--content" and content is None and rest and _plain_value(rest[0]):
            content = rest.pop(0)
        elif flag.startswith("--content=") and content is None and _plain_value(flag[10:]):
            content = flag[10:]
        else:
            return None
    if content is None:
        content = os.environ.get("EXOTOUR_CONTENT") or None  # Click ignores an empty variable
    if content is not None and not _readable(content):
        return None  # Click's own message names the option
    command, words = (rest[0], rest[1:]) if rest else (None, [])
    if command is not None and command not in _PLAIN:
        return None
    fewest, most = _PLAIN[command] if command is not None else (0, 0)
    if any(word.startswith("-") for word in words) or len(words) < fewest:
        return None
    if most is not None and len(words) > most:
        return None

    def call() -> int:
        from pathlib import Path

        from exotour.commands import Options

        options = Options(Path(content) if content is not None else None, no_color)
        return _run(options, command, words)

    return call


def _readable(path: str) -> bool:
    """As Click's check of a Path option: a path that does not exist passes, as it does."""
    from pathlib import Path

    try:
        Path(path).stat()
    except (OSError, ValueError):
        return True
    return os.access(path, os.R_OK)


def _plain_value(value: str) -> bool:
    return bool(value) and not value.startswith("-")


def _version() -> int:
    print(f"exotour {__version__}")
    return 0


def _print_version() -> NoReturn:
    try:
        print(f"exotour {__version__}", flush=True)
    except OSError:  # stdout closed or full: nobody to tell
        os._exit(0 if isinstance(sys.exc_info()[1], BrokenPipeError) else 2)
    sys.exit(0)


def _run(options: Options, command: str | None, words: list[str]) -> int:
    """Call COMMAND's run function as cli.py would, with its defaults (None: the welcome)."""
    first = words[0] if words else None
    if command == "search":
        from exotour.commands import search

        return int(search.run(options, words, limit=10, as_json=False))
    if command == "summary":
        from exotour.commands import summary

        return int(summary.run(options, as_json=False, as_markdown=False))
    if command == "sections":
        from exotour.commands import sections

        return int(sections.run(options, as_json=False))
    if command == "show":
        from exotour.commands import show

        return int(show.run(options, words[0]))
    if command == "learn":
        from exotour.commands import learn

        return int(learn.run(options, first, restart=False, plain=False))
    if command == "glossary":
        from exotour.commands import glossary

        return int(glossary.run(options, first))
    if command == "quiz":
        from exotour.commands import quiz

        return int(quiz.run(options, first))
    from exotour.commands import welcome

    welcome.run(options)
    return 0
