#!/usr/bin/env python3
"""Write docs/exotour.1, the manual page exotour(1), from the Typer app that `--help` reads.

    python scripts/manpage.py           # write docs/exotour.1
    python scripts/manpage.py --check   # exit 1 if docs/exotour.1 differs from the app
    man docs/exotour.1                  # read it before installing

The commands, their usage lines, options, arguments and help text come from the app, through
Click's own help records (what `exotour COMMAND --help` prints); a block of help that Click keeps
as it is (the keys of `learn`) becomes a table. The exit statuses come from
exotour.errors.ExitStatus; the environment and the files are described here. The page is dated
the day its text last changed: the date in the file is kept while the rest stays the same. It
passes `mandoc -T lint` (.ci/run). The wheel installs the page as share/man/man1/exotour.1
(pyproject's shared-data), so `man exotour` finds it where the installer links man pages.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
import textwrap
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PAGE = REPO / "docs" / "exotour.1"

EXIT_STATUS = {
    "OK": "Success.",
    "NO_MATCH": "A search that found nothing, as grep(1) has it.",
    "ERROR": "A usage error, or content that is invalid.",
    "INTERRUPTED": "Interrupted (Ctrl-C); another signal N gives 128+N (143 for SIGTERM).",
}
ENVIRONMENT = {
    "EXOTOUR_CONTENT": "The content folder to read, as --content does.",
    "EXOTOUR_LANG": "The interface language (en or es), as --lang does.",
    "LANGUAGE, LC_ALL, LC_MESSAGES, LANG": "Without --lang or EXOTOUR_LANG, the first of these "
    "that is set chooses the language, as gettext(3) reads them; C, POSIX and a language "
    "exotour has no catalogue for give English.",
    "EXOTOUR_STATE_DIR": "Where the reading progress is kept, instead of the user state folder.",
    "EXOTOUR_CACHE_DIR": "Where the tour and search caches are kept, instead of the user cache "
    "folder.",
    "XDG_STATE_HOME, XDG_CACHE_HOME": "The user state and cache folders, on Linux and the BSDs.",
    "EXOTOUR_DEBUG": "When set to anything but empty or 0, an error also shows the traceback "
    "behind it, before its message.",
    "NO_COLOR": "When set and not empty, no colours, as --no-color does; bold, reverse and "
    "underline stay, so a choice still shows. It wins over FORCE_COLOR and CLICOLOR_FORCE.",
    "CLICOLOR": "A value of 0 means no colours, as NO_COLOR does.",
    "FORCE_COLOR, CLICOLOR_FORCE": "When set and not empty (and CLICOLOR_FORCE not 0), styled "
    "output even into a pipe or a file, or on TERM=dumb.",
    "ACCESSIBLE": "When set and not 0, no box drawing or symbols, as --ascii does, for screen "
    "readers.",
    "TERM": "A value of dumb (or unknown) gives plain text with no escape codes, and no pager.",
    "COLORFGBG": "Whether the terminal's background is light or dark, for the colours of learn "
    "(--theme overrides it).",
    "COLUMNS, LINES": "The size to draw for, instead of the terminal's (80 columns where there "
    "is no terminal); a value that is not a number from 1 to 10000 is ignored.",
    "PAGER": "The pager for output taller than the terminal (default: less \\-R); empty or cat "
    "means none.",
    "LESS, LV": "Options for less(1) and lv(1); when unset, exotour runs them with FRX and \\-c.",
}
FILES = {
    "$XDG_STATE_HOME/exotour/progress.json": "Where each tour was left, its ticks and quiz "
    "scores (on Linux, ~/.local/state/exotour/ by default).",
    "$XDG_CACHE_HOME/exotour/": "The validated tours and search indexes, rebuilt whenever the "
    "content changes (on Linux, ~/.cache/exotour/ by default); safe to delete.",
}


def roff(text: str) -> str:
    """TEXT safe in roff lines of at most 80 bytes: backslashes and hyphens escaped, long lines
    folded at spaces, and no line read as a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    lines = [
        folded
        for line in text.splitlines()
        for folded in textwrap.wrap(line, 76, break_long_words=False, break_on_hyphens=False)
        or [""]
    ]
    return "\n".join(f"\\&{line}" if line.startswith((".", "'")) else line for line in lines)


def _paragraphs(text: str | None) -> list[str]:
    return [
        block.strip("\n") if block.startswith("\b") else " ".join(block.split())
        for block in (text or "").split("\n\n")
        if block.strip()
    ]


def _block(paragraph: str) -> list[str]:
    """A paragraph as roff: a block that Click keeps as it is (`\\b`: a caption, then rows of
    two columns two spaces apart) as a table, any other as text."""
    if not paragraph.startswith("\b"):
        return [roff(paragraph)]
    caption, *rows = paragraph.removeprefix("\b").strip("\n").splitlines()
    lines = [roff(caption), ".TS", "l l."]
    for row in rows:
        cells = re.split(r"\s{2,}", row.strip(), maxsplit=1)
        lines.append("\t".join(roff(cell) for cell in cells))
    return [*lines, ".TE"]


def _records(command: Any, context: Any) -> list[str]:
    lines: list[str] = []
    for param in command.get_params(context):
        record = param.get_help_record(context)
        if record is None:
            continue
        usage, description = record
        lines += [".TP", f"\\fB{roff(usage)}\\fR", roff(" ".join(description.split()))]
    return lines


def _dated() -> str | None:
    """The date of the page as it is in docs/exotour.1, if it has one."""
    current = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
    found = re.search(r"^\.TH EXOTOUR 1 (\d{4}-\d\d-\d\d) ", current, re.M)
    return found[1] if found else None


def render(date: str | None = None) -> str:
    """The page, dated DATE (YYYY-MM-DD; default: the date the page has now, else today)."""
    import typer

    from exotour import __version__
    from exotour.cli import app
    from exotour.errors import ExitStatus

    date = date or _dated() or datetime.date.today().isoformat()
    group = typer.main.get_command(app)
    root = typer.Context(group, info_name="exotour", **group.context_settings)  # -h too
    summary = _paragraphs(group.help)[0]
    lines = [
        "'\\\" t",  # tables: man runs tbl(1) first
        '.\\" Generated by scripts/manpage.py from exotour/cli.py; do not edit.',
        f'.TH EXOTOUR 1 {date} "exotour {__version__}" "User Commands"',
        ".SH NAME",
        roff(f"exotour - {summary[0].lower()}{summary[1:].rstrip('.')}"),
        ".SH SYNOPSIS",
        ".B exotour",
        "[\\fIOPTIONS\\fR] [\\fICOMMAND\\fR [\\fIARGS\\fR]...]",
        ".SH DESCRIPTION",
        roff(
            "exotour walks you through what a promotional article says about exosome therapy, "
            "section by section, and beside it what regulators and scientific societies say, "
            "with sources and dates. It is educational information, not medical advice. With "
            "no command it shows the welcome screen; another tour's content folder can be read "
            "with --content."
        ),
        ".SH OPTIONS",
        *_records(group, root),
        ".SH COMMANDS",
    ]
    for name, command in group.commands.items():
        context = typer.Context(command, info_name=name, parent=root)
        usage = " ".join(command.collect_usage_pieces(context))
        lines += [".SS", f"\\fBexotour {roff(name)}\\fR {roff(usage)}"]
        for number, paragraph in enumerate(_paragraphs(command.help)):
            lines += [".PP"] if number else []
            lines += _block(paragraph)
        lines += _records(command, context)
    lines.append(".SH EXIT STATUS")
    for status in ExitStatus:
        lines += [".TP", f"\\fB{int(status)}\\fR", roff(EXIT_STATUS[status.name])]
    lines.append(".SH ENVIRONMENT")
    for name, text in ENVIRONMENT.items():
        lines += [".TP", f"\\fB{roff(name)}\\fR", roff(text)]
    lines.append(".SH FILES")
    for name, text in FILES.items():
        lines += [".TP", f"\\fI{roff(name)}\\fR", roff(text)]
    lines += [
        ".SH SEE ALSO",
        roff(
            "exotour COMMAND --help; for writing a tour of your own, the authoring guide "
            "(authoring.md, installed with exotour: exotour new names where)."
        ),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the page is stale")
    args = parser.parse_args(argv)
    current = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
    wanted = render()
    if wanted != current and not args.check:  # the text changed: dated today
        wanted = render(datetime.date.today().isoformat())
    if args.check:
        if current != wanted:
            print(f"{PAGE.relative_to(REPO)} differs from cli.py: run scripts/manpage.py")
            return 1
        return 0
    if current != wanted:
        from exotour.state.atomic import write_atomically

        write_atomically(PAGE, wanted, shared=True)
        print(f"wrote {PAGE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    sys.exit(main())
