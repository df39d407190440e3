"""`exotour export`: the whole tour as one Markdown or HTML document, to a file or stdout.

A file is written atomically (a temporary file in the same folder, then a rename), so a reader
never sees half a document, and an existing file is kept unless --force says otherwise.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from exotour.commands import Options, load
from exotour.errors import ExitStatus, UsageError


def choose_format(format_: str | None, output: Path | None) -> str:
    """The format asked for; without one, what the file's extension says, else Markdown."""
    from exotour.render.document import ALIASES, FORMATS

    if format_ is None:
        suffix = output.suffix.lower().lstrip(".") if output is not None else ""
        return ALIASES.get(suffix, "markdown")
    chosen = ALIASES.get(format_.strip().lower())
    if chosen is None:
        raise UsageError(f"unknown format '{format_}'", hint=f"choose one of: {', '.join(FORMATS)}")
    return chosen


def run(options: Options, format_: str | None, output: Path | None, *, force: bool) -> ExitStatus:
    to_stdout = output is None or str(output) == "-"
    fmt = choose_format(format_, None if to_stdout else output)
    if output is not None and not to_stdout:
        _check_target(output, force=force)
    tour = load(options)
    from exotour.render.document import render

    text = render(tour, fmt)
    if output is None or to_stdout:
        sys.stdout.write(text)
        return ExitStatus.OK
    write_atomically(output, text)
    print(f"Wrote {output} ({fmt}, {len(text.encode('utf-8')):,} bytes)")
    return ExitStatus.OK


def _check_target(path: Path, *, force: bool) -> None:
    if path.is_dir():
        raise UsageError(f"{path} is a folder", hint="give a file name, e.g. -o tour.md")
    if path.exists() and not force:
        raise UsageError(
            f"{path} already exists",
            hint="add --force to overwrite it, or choose another name with -o",
        )
    if not path.parent.is_dir():
        raise UsageError(
            f"cannot write {path}: the folder {path.parent} does not exist",
            hint="create the folder first, or choose another place with -o",
        )


def write_atomically(path: Path, text: str) -> None:
    """Write TEXT to PATH through a temporary file in the same folder and a rename."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise UsageError(f"cannot write {path} ({_why(exc)})") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            umask = os.umask(0)
            os.umask(umask)
            # mkstemp makes the file private (0600); a document to share gets the usual mode.
            os.fchmod(handle.fileno(), 0o666 & ~umask)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"cannot write {path} ({_why(exc)})") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _why(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else type(exc).__name__
