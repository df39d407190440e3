"""`exotour sections`: the contents with ids, reading time and what has been read."""

from __future__ import annotations

import json
import sys
from typing import Any

from exotour.commands import Options, command_prefix, emit, load, store_for, warn
from exotour.errors import ExitStatus


def run(options: Options, *, as_json: bool) -> ExitStatus:
    tour = load(options)
    store = store_for(tour)
    visited = store.load().visited
    warn(store.warnings)
    if as_json:
        data: dict[str, Any] = {
            "title": tour.title,
            "sections": [
                {
                    "number": number,
                    "id": s.id,
                    "title": s.title,
                    "reading_minutes": s.reading_minutes,
                    "read": s.id in visited,
                    "added_by_tour": s.added_by_tour,
                }
                for number, s in enumerate(tour.sections, start=1)
            ],
        }
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return ExitStatus.OK
    from rich.console import Group
    from rich.text import Text

    from exotour.render.screens import contents_table

    read = sum(1 for s in tour.sections if s.id in visited)
    minutes = sum(s.reading_minutes for s in tour.sections)
    prefix = command_prefix(options)
    footer = Text(
        f"{read} of {len(tour.sections)} read · {minutes} min in all · "
        f"read one: {prefix} show N or {prefix} learn ID",
        style="dim",
    )
    screen = Group(contents_table(tour, visited, detailed=True), Text(""), footer)
    emit(options, screen)
    return ExitStatus.OK
