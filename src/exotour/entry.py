"""The `exotour` script: the command lines it is sure of without loading Typer (about 25 ms), the
rest through cli.py. It parses with the table scripts/commandline.py generates from the app
(exotour._commandline) and calls `exotour.commands.<name>.run(options, **params)` as cli.py does,
only when sure: options with a value (`--limit 3`, `-n 3`, `--limit=3`), flags, positional words
in their counts, the global options either side of the command (exotour.globalopts). Anything
else (--help, `--`, an unknown word, a repeated option, a value it cannot convert or that starts
with '-', combined short flags, completion) goes to Typer, which reports errors as it always has.
tests/test_cli_table.py holds the two parsers equal."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, NoReturn

from exotour import __version__

if TYPE_CHECKING:
    from exotour._commandline import Command, Param

COMPLETE_VARIABLE = "_EXOTOUR_COMPLETE"  # Typer's, from the program's name: always Typer's job


class Parsed:
    """A command line as Click would see it: the global options' values, the command (None: the
    welcome screen), the words after it, and its parameters' values."""

    # A plain class: a NamedTuple or a dataclass costs `exotour --version` a millisecond or more.
    __slots__ = ("command", "params", "root", "words")

    def __init__(
        self, root: dict[str, Any], command: str | None, words: list[str], params: dict[str, Any]
    ) -> None:
        self.root = root
        self.command = command
        self.words = words
        self.params = params

    def __repr__(self) -> str:
        return f"Parsed({self.root!r}, {self.command!r}, {self.words!r}, {self.params!r})"


def main(argv: list[str] | None = None) -> NoReturn:
    """Run exotour with ARGV (default: the command line) and exit with its status."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args == ["--version"] and COMPLETE_VARIABLE not in os.environ:
        _print_version()  # before the error boundary: it needs none of it
    call = plain_call(args)
    if call is None:
        from exotour.cli import main as typer_main

        typer_main(args)
    from exotour.errors import guarded

    guarded(call)


def plain_call(
    args: list[str], environ: Mapping[str, str] | None = None
) -> Callable[[], int] | None:
    """The call ARGS asks for, when this module is sure of it; else None (for Typer)."""
    environ = os.environ if environ is None else environ
    if COMPLETE_VARIABLE in environ:
        return None
    if args == ["--version"]:
        return _version
    parsed = parse(args, environ)
    if parsed is None:
        return None
    return lambda: run(parsed)


def parse(args: list[str], environ: Mapping[str, str]) -> Parsed | None:
    """ARGS parsed with the generated table, or None wherever Typer might see it otherwise."""
    from exotour._commandline import COMMANDS, ROOT
    from exotour.globalopts import hoisted

    globals_ = {f: not p.is_flag for p in ROOT.params if _takes(p) for f in _flags(p)}
    found = _parse(ROOT, hoisted(args, globals_), environ, interspersed=False)
    if found is None:
        return None
    root, words = found
    if not words:
        return Parsed(root, None, [], {})
    name, rest = words[0], words[1:]
    command = COMMANDS.get(name)
    if command is None:
        return None
    found = _parse(command, list(rest), environ, interspersed=True)
    if found is None:
        return None
    return Parsed(root, name, rest, found[0])


def run(parsed: Parsed) -> int:
    """Call the command's run function as cli.py does, with Typer's Python values."""
    from importlib import import_module

    from exotour._commandline import COMMANDS, ROOT
    from exotour.commands import Options

    chosen = to_python(ROOT, parsed.root)
    if parsed.command is None:
        from exotour.commands import welcome

        welcome.run(Options(**chosen))
        return 0
    command = COMMANDS[parsed.command]
    params = to_python(command, parsed.params)
    # A command's option that repeats a global one (`summary --no-color`) goes into Options,
    # as cli.py does, and wins when given; run() takes only the command's own.
    for param in command.params:
        if param.name in chosen and param.name in params:
            value = params.pop(param.name)
            if value != param.default:
                chosen[param.name] = value
    module = import_module(f"exotour.commands.{parsed.command}")
    return int(module.run(Options(**chosen), **params))


def to_python(command: Command, values: dict[str, Any]) -> dict[str, Any]:
    """Click's values as Typer hands them to the function: paths as Path, lists as lists,
    enum values as members."""
    from pathlib import Path

    converted = dict(values)
    for param in command.params:
        value = values.get(param.name)
        if param.name not in values or value is None:
            continue
        if param.to_python == "path":
            converted[param.name] = Path(value)
        elif param.to_python == "list":
            empty = param.default is None and not value
            converted[param.name] = None if empty else list(value)
        elif param.to_python and param.to_python.startswith("enum:"):
            from importlib import import_module

            _, module, name = param.to_python.split(":")
            converted[param.name] = getattr(import_module(module), name)(value)
    return converted


class _UnsureError(Exception):
    """The fast path is not sure what Click would make of this: leave it to Typer."""


def _parse(
    command: Command, words: list[str], environ: Mapping[str, str], *, interspersed: bool
) -> tuple[dict[str, Any], list[str]] | None:
    """COMMAND's values from WORDS, and the words left over (a group's subcommand and after)."""
    params = command.params
    if not all(p.plain for p in params):
        return None
    by_flag = {flag: p for p in params if p.kind == "option" for flag in _flags(p)}
    given: dict[str, Any] = {}
    positional: list[str] = []
    try:
        while words:
            word = words.pop(0)
            if word.startswith("-"):
                name, equals, attached = (
                    word.partition("=") if word.startswith("--") else (word, "", "")
                )
                param = by_flag.get(name)
                if param is None or param.name in given or not _takes(param):
                    raise _UnsureError
                if param.is_flag:
                    if equals:
                        raise _UnsureError
                    given[param.name] = name not in param.secondary_opts
                    continue
                if not equals:
                    if not words or words[0].startswith("-"):
                        raise _UnsureError
                    attached = words.pop(0)
                given[param.name] = _convert(param, attached)
            elif interspersed:
                positional.append(word)
            else:
                return _complete(params, given, [], environ), [word, *words]
        return _complete(params, given, positional, environ), []
    except _UnsureError:
        return None


def _flags(param: Param) -> tuple[str, ...]:
    return (*param.opts, *param.secondary_opts)


def _takes(param: Param) -> bool:
    """Whether this option can be parsed here when given."""
    return not param.answers_and_exits and not param.multiple and param.nargs == 1


def _complete(
    params: tuple[Param, ...],
    given: dict[str, Any],
    positional: list[str],
    environ: Mapping[str, str],
) -> dict[str, Any]:
    """Every exposed parameter's value: given, else from its variable, else its default."""
    values = dict(given)
    values.update(_arguments([p for p in params if p.kind == "argument"], positional))
    for param in params:
        if param.name in values or not param.exposed:
            continue
        variable = environ.get(param.envvar or "") if param.envvar else None
        if variable:  # Click ignores an empty variable
            values[param.name] = _convert(param, variable)
        elif param.required:
            raise _UnsureError
        else:
            values[param.name] = param.default
    return {name: value for name, value in values.items() if _exposed(params, name)}


def _exposed(params: tuple[Param, ...], name: str) -> bool:
    return any(p.name == name and p.exposed for p in params)


def _arguments(arguments: list[Param], words: list[str]) -> dict[str, Any]:
    """Positional WORDS shared out as Click does, when the counts leave no doubt."""
    variadic = [a for a in arguments if a.nargs == -1]
    if len(variadic) > 1 or (variadic and arguments[-1] is not variadic[0]):
        raise _UnsureError  # only the plain shapes: fixed words first, then one open-ended list
    fixed = [a for a in arguments if a.nargs == 1]
    if len(words) > len(fixed) and not variadic:
        raise _UnsureError
    values: dict[str, Any] = {}
    for index, argument in enumerate(fixed):
        if index < len(words):
            values[argument.name] = _convert(argument, words[index])
        elif argument.required or variadic:
            raise _UnsureError
    if variadic:
        rest = words[len(fixed) :]
        if not rest and variadic[0].required:
            raise _UnsureError
        values[variadic[0].name] = tuple(_convert(variadic[0], word) for word in rest)
    return values


def _convert(param: Param, text: str) -> Any:
    """TEXT as Click's type for PARAM makes it, or _UnsureError when Click might refuse it."""
    kind = param.type
    if kind == "str":
        return text
    if kind in ("int", "int range"):
        try:
            number = int(text)
        except ValueError:
            raise _UnsureError from None
        low, high = param.min, param.max
        if (low is not None and number < low) or (high is not None and number > high):
            raise _UnsureError
        return number
    if kind in ("path", "folder") and text and _path_passes(param, text):
        return text  # to_python makes it a Path
    if kind == "choice" and text in param.choices:
        return text
    raise _UnsureError


def _path_passes(param: Param, text: str) -> bool:
    """Click's checks of a path: one that does not exist passes unless it must exist."""
    import stat
    from pathlib import Path

    try:
        mode = Path(text).stat().st_mode
    except OSError:
        return not param.path_must_exist
    except ValueError:  # a NUL in the path
        return False
    checks = param.path_checks
    return not (
        ("not-file" in checks and stat.S_ISREG(mode))
        or ("not-dir" in checks and stat.S_ISDIR(mode))
        or ("readable" in checks and not os.access(text, os.R_OK))
        or ("writable" in checks and not os.access(text, os.W_OK))
    )


def _version() -> int:
    print(f"exotour {__version__}")
    return 0


def _print_version() -> NoReturn:
    try:
        print(f"exotour {__version__}", flush=True)
    except OSError:  # stdout closed or full: nobody to tell
        os._exit(0 if isinstance(sys.exc_info()[1], BrokenPipeError) else 2)
    sys.exit(0)
