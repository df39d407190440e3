"""`exotour export`: the whole tour as one Markdown or HTML document, to a file or stdout.

A file is written atomically (state.atomic: a temporary file in the same folder, then a rename),
so a reader never sees half a document, and an existing file is kept unless --force says
otherwise. Only a regular file is ever replaced: a folder, a FIFO, a device (/dev/null) or a
symbolic link (/dev/stderr) is refused even with --force. `-o -` and `-o /dev/stdout` write to
stdout, as no -o does.

The file's extension and the format agree: `.md` is Markdown, `.html` HTML, and an extension
export cannot write (`.pdf`) is refused rather than filled with something else.
"""

from __future__ import annotations

import sys
from pathlib import Path

from exotour.commands import Options, load
from exotour.errors import ExitStatus, UsageError
from exotour.i18n import _, ngettext
from exotour.text import printable

# Names of stdout as a file; `-` is the usual one.
STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})
# Extensions that say nothing of the format: the default (or --format) decides.
NEUTRAL_SUFFIXES = frozenset({"", ".txt", ".text"})


def choose_format(format_: str | None, output: Path | None) -> str:
    """The format asked for, which OUTPUT's extension (if any) must agree with; without one,
    what the extension says, else Markdown."""
    from exotour.render.document import ALIASES, EXTENSIONS, FORMATS

    chosen = None
    if format_ is not None:
        chosen = ALIASES.get(format_.strip().lower())
        if chosen is None:
            known = ", ".join(FORMATS)
            raise UsageError(
                _("unknown format '{format}'").format(format=printable(format_)),
                hint=_("choose one of: {formats}").format(formats=known),
            )
    if output is None:
        return chosen or "markdown"
    suffix = output.suffix.lower()
    if suffix in NEUTRAL_SUFFIXES:
        return chosen or "markdown"
    named = next((fmt for fmt, suffixes in EXTENSIONS.items() if suffix in suffixes), None)
    name = printable(str(output))
    stem = printable(output.stem) or "tour"
    if named is None:
        raise UsageError(
            _("cannot write {file}: export writes Markdown or HTML, not {suffix}").format(
                file=name, suffix=printable(suffix)
            ),
            hint=_("name the file {stem}.md or {stem}.html, or use '-o -' for stdout").format(
                stem=stem
            ),
        )
    if chosen is not None and chosen != named:
        right = EXTENSIONS[chosen][0]
        raise UsageError(
            _("--format {format} does not match {file}, which names a {named} file").format(
                format=chosen, file=name, named=named
            ),
            hint=_("name the file {file}, or leave out --format to write {named}").format(
                file=f"{stem}{right}", named=named
            ),
        )
    return named


def run(options: Options, format_: str | None, output: Path | None, *, force: bool) -> ExitStatus:
    to_stdout = output is None or str(output) in STDOUT_NAMES
    target = None if to_stdout else output
    fmt = choose_format(format_, target)
    if target is not None:
        check_target(target, force=force)
    tour = load(options)
    from exotour.render.document import render

    text = render(tour, fmt)
    if target is None:
        sys.stdout.write(text)
        return ExitStatus.OK
    write_atomically(target, text)
    print(wrote(target, fmt, text))
    return ExitStatus.OK


def wrote(target: Path, fmt: str, text: str) -> str:
    """The line that says TEXT was written to TARGET, in FMT, and how many bytes it took."""
    from exotour.localnumbers import number

    size = len(text.encode("utf-8"))
    return ngettext(
        "Wrote {file} ({format}, {size} byte)", "Wrote {file} ({format}, {size} bytes)", size
    ).format(file=printable(str(target)), format=fmt, size=number(size))


def check_target(path: Path, *, force: bool) -> None:
    """Refuse PATH before any work: a symbolic link or not a regular file (even with FORCE),
    an existing file without FORCE, or a folder that does not exist."""
    from exotour.state.atomic import kind_of

    name = printable(str(path))
    if path.is_symlink():  # /dev/stderr among them: the rename would put a file in its place
        raise UsageError(
            _("{file} is a symbolic link").format(file=name),
            hint=_(
                "export replaces only a regular file, never a link; give the file it points "
                "to, or '-o -' for stdout"
            ),
        )
    kind = kind_of(path)
    if kind is not None:
        raise UsageError(
            _("{file} is {kind}").format(file=name, kind=kind),
            hint=_(
                "export replaces only a regular file; give a file name, e.g. -o tour.md, "
                "or '-o -' for stdout"
            ),
        )
    if path.exists() and not force:
        raise UsageError(
            _("{file} already exists").format(file=name),
            hint=_("add --force to overwrite it, or choose another name with -o"),
        )
    if not path.parent.is_dir():
        raise UsageError(
            _("cannot write {file}: the folder {folder} does not exist").format(
                file=name, folder=printable(str(path.parent))
            ),
            hint=_("create the folder first, or choose another place with -o"),
        )


def write_atomically(path: Path, text: str) -> None:
    """Write TEXT to PATH through the one atomic writer, as a document to share (the usual
    file mode); a failure is a UsageError naming PATH and why, and leaves PATH as it was."""
    from exotour.state import atomic

    try:
        atomic.write_atomically(path, text, shared=True)
    except atomic.NotARegularFileError as exc:  # it became one since check_target
        raise UsageError(printable(str(exc))) from exc
    except OSError as exc:
        why = exc.strerror.lower() if exc.strerror else type(exc).__name__
        raise UsageError(
            _("cannot write {file} ({why})").format(file=printable(str(path)), why=why)
        ) from exc
