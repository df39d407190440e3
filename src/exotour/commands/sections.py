"""`exotour sections`: the contents with ids, reading time, what has been read and how far, and
the best quiz scores; `--json` gives the same as an object with a format version."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from exotour.commands import Options, command_prefix, emit, load, stdout, store_for, warn
from exotour.errors import ExitStatus
from exotour.i18n import _, ngettext

if TYPE_CHECKING:
    from exotour.model import Tour
    from exotour.state.progress import Saved

# The version of `sections --json`; README.md, "exotour sections --json", documents each key.
JSON_FORMAT = 1
# Below this many columns the ids leave the titles no room; `show N` and `learn N` take numbers.
NARROW = 60


def run(options: Options, *, as_json: bool) -> ExitStatus:
    tour = load(options)
    store = store_for(tour)
    saved = store.load()
    warn(store.warnings)
    if as_json:
        sys.stdout.write(json.dumps(as_data(tour, saved), indent=2, ensure_ascii=False) + "\n")
        return ExitStatus.OK
    from rich.console import Group
    from rich.text import Text

    from exotour.render.contents import contents_table

    read = sum(1 for s in tour.sections if s.id in saved.visited)
    minutes = sum(s.reading_minutes for s in tour.sections)
    prefix = command_prefix(options)
    console = stdout(options)
    show_ids = console.width >= NARROW
    # TRANSLATORS: N and ID stand for a section's number and id, typed as they are.
    said = ngettext(
        "{read} of {count} read · {minutes} min in all · "
        "read one: {prefix} show N or {prefix} learn {section}",
        "{read} of {count} read · {minutes} min in all · "
        "read one: {prefix} show N or {prefix} learn {section}",
        len(tour.sections),
    )
    footer = Text(
        said.format(
            read=read,
            count=len(tour.sections),
            minutes=minutes,
            prefix=prefix,
            section="ID" if show_ids else "N",
        ),
        style="dim",
    )
    parts = [
        contents_table(
            tour,
            saved.visited,
            detailed=True,
            progress=_progress(tour, saved),
            quiz_best={scope: (right, asked) for scope, right, asked in saved.quiz_best},
            show_ids=show_ids,
        ),
        Text(""),
        footer,
    ]
    best = saved.best("all")
    if best is not None:
        score = _("Best quiz score on the whole tour: {right}/{asked}")
        parts.append(Text(score.format(right=best[0], asked=best[1]), style="dim"))
    emit(options, Group(*parts), console)
    return ExitStatus.OK


def _progress(tour: Tour, saved: Saved) -> dict[str, tuple[int, int]]:
    """(pages shown, pages) of each section begun and not read to its end."""
    return {s.id: p for s in tour.sections if (p := saved.progress(s.id)) is not None}


def _score(best: tuple[int, int] | None) -> dict[str, int] | None:
    return None if best is None else {"right": best[0], "asked": best[1]}


def as_data(tour: Tour, saved: Saved) -> dict[str, Any]:
    """What `sections --json` prints: every key is in README.md with its type."""
    progress = _progress(tour, saved)
    return {
        "format": JSON_FORMAT,
        "tour": {
            "id": tour.id,
            "title": tour.title,
            "sections": len(tour.sections),
            "read": sum(1 for s in tour.sections if s.id in saved.visited),
            "reading_minutes": sum(s.reading_minutes for s in tour.sections),
            "quiz_best": _score(saved.best("all")),
        },
        "sections": [
            {
                "number": number,
                "id": s.id,
                "title": s.title,
                "reading_minutes": s.reading_minutes,
                "read": s.id in saved.visited,
                "progress": (
                    {"pages_seen": progress[s.id][0], "pages": progress[s.id][1]}
                    if s.id in progress
                    else None
                ),
                "quiz_best": _score(saved.best(s.id)),
                "added_by_tour": s.added_by_tour,
            }
            for number, s in enumerate(tour.sections, start=1)
        ],
    }
