"""`exotour validate [DIR] [--watch]`: check a content folder and report every problem at once.

The problems are the command's output, so they go to stdout, one `file:line:column: message` a
line, never wrapped, in the form editors and `grep` read. A closing line on stderr says how many
errors there were when there is any (exit 2); otherwise one line on stdout says what was checked.

With --watch it checks again whenever a file in the folder changes (on a terminal, on a cleared
screen), until Ctrl-C, which exits 130 as any interrupted command does: the watch has no result
of its own to report, and a script that runs it learns it was stopped, not that the tour is OK.
"""

from __future__ import annotations

import sys
from pathlib import Path

from exotour.commands import Options
from exotour.errors import ExitStatus

POLL_SECONDS = 0.5  # quick enough to feel live, rare enough to cost nothing
CLEAR = "\x1b[H\x1b[2J"


def run(options: Options, folder: Path | None, *, watch: bool = False) -> ExitStatus:
    root = folder if folder is not None else options.content_dir()
    if not watch:
        return check(root)
    return _watch(root)


def _watch(root: Path) -> ExitStatus:
    """Check ROOT now and after every change, until Ctrl-C."""
    import os
    import time

    from exotour.content.loader import display_path
    from exotour.errors import ExotourError
    from exotour.i18n import _
    from exotour.text import printable

    seen: object = None
    clear = sys.stdout.isatty() and os.environ.get("TERM") != "dumb"
    try:
        while True:
            now = snapshot(root)
            if now != seen:
                if seen is not None and clear:
                    sys.stdout.write(CLEAR)
                try:
                    check(root)
                except ExotourError as error:  # the folder gone for a moment (a save, a
                    # checkout): said, and watched until it is back
                    sys.stdout.flush()
                    for line in error.lines():
                        print(f"exotour: error: {printable(line)}", file=sys.stderr)
                sys.stdout.flush()
                watching = _("watching {folder}; Ctrl-C stops").format(folder=display_path(root))
                print(f"exotour: {watching}", file=sys.stderr)
                seen = now
            time.sleep(POLL_SECONDS)
    except KeyboardInterrupt:
        return ExitStatus.INTERRUPTED


def snapshot(root: Path) -> list[tuple[str, int, int, int]]:
    """Each file under ROOT with its size, change time and inode: equal while nothing changed."""
    found = []
    try:
        paths = sorted(root.rglob("*")) if root.is_dir() else []
    except OSError:  # the folder went while it was listed: the next look sees what is there
        return [("", -1, -1, -1)]
    for path in paths:
        try:
            st = path.stat()
        except OSError:  # gone between the listing and now: the next look sees it
            continue
        found.append((str(path), st.st_size, st.st_mtime_ns, st.st_ino))
    return found


def check(root: Path) -> ExitStatus:
    """Check ROOT once: the problems on stdout, the verdict on stderr (errors) or stdout (OK)."""
    from exotour.content.loader import check_content, display_path
    from exotour.content.sources import is_sources_section
    from exotour.i18n import _, ngettext

    tour, problems = check_content(root)
    for problem in problems:
        print(problem)
    errors = sum(1 for p in problems if not p.is_warning)
    warnings = len(problems) - errors
    if tour is None:
        found = ngettext("{n} error", "{n} errors", errors).format(n=errors)
        if warnings:
            also = ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings)
            found = _("{errors} and {warnings}").format(errors=found, warnings=also)
        verdict = _("{found} in {folder}").format(found=found, folder=display_path(root))
        sys.stdout.flush()  # the problems first, then the verdict, even when both are one terminal
        print(f"exotour: error: {verdict}", file=sys.stderr)
        return ExitStatus.ERROR
    sections = sum(1 for s in tour.sections if not is_sources_section(s))
    questions = sum(len(s.quiz) for s in tour.sections if not is_sources_section(s))
    terms = len(tour.glossary)
    print(
        _("{sections}, {terms}, {questions}: OK").format(
            sections=ngettext("{n} section", "{n} sections", sections).format(n=sections),
            terms=ngettext("{n} glossary term", "{n} glossary terms", terms).format(n=terms),
            questions=ngettext("{n} question", "{n} questions", questions).format(n=questions),
        )
    )
    return ExitStatus.OK
