"""`exotour validate [DIR]`: check a content folder and report every problem at once.

The problems are the command's output, so they go to stdout, one `file:line:column: message` a
line, never wrapped, in the form editors and `grep` read. A closing line on stderr says how many
errors there were when there is any (exit 2); otherwise one line on stdout says what was checked.
"""

from __future__ import annotations

import sys
from pathlib import Path

from exotour.commands import Options
from exotour.errors import ExitStatus


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def run(options: Options, folder: Path | None) -> ExitStatus:
    from exotour.content.loader import check_content, display_path
    from exotour.content.sources import is_sources_section

    root = folder if folder is not None else options.content_dir()
    tour, problems = check_content(root)
    for problem in problems:
        print(problem)
    errors = sum(1 for p in problems if not p.is_warning)
    warnings = len(problems) - errors
    if tour is None:
        found = _count(errors, "error") + (
            f" and {_count(warnings, 'warning')}" if warnings else ""
        )
        sys.stdout.flush()  # the problems first, then the verdict, even when both are one terminal
        print(f"exotour: error: {found} in {display_path(root)}", file=sys.stderr)
        return ExitStatus.ERROR
    sections = [s for s in tour.sections if not is_sources_section(s)]
    questions = sum(len(s.quiz) for s in sections)
    print(
        f"{_count(len(sections), 'section')}, {_count(len(tour.glossary), 'glossary term')}, "
        f"{_count(questions, 'question')}: OK"
    )
    return ExitStatus.OK
