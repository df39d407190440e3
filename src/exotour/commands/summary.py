"""`exotour summary`: the gist of the whole tour on one screen, or as JSON or Markdown."""

from __future__ import annotations

import json
import sys

from exotour.commands import Options, emit, load
from exotour.errors import ExitStatus, UsageError


def run(options: Options, *, as_json: bool, as_markdown: bool) -> ExitStatus:
    if as_json and as_markdown:
        raise UsageError(
            "--json and --markdown cannot be used together",
            hint="choose one: 'exotour summary --json' or 'exotour summary --markdown'",
        )
    tour = load(options)
    from exotour import summary

    data = summary.build(tour)
    if as_json:
        sys.stdout.write(json.dumps(summary.to_json(data), indent=2, ensure_ascii=False) + "\n")
    elif as_markdown:
        sys.stdout.write(summary.to_markdown(data))
    else:
        emit(options, summary.renderable(data))
    return ExitStatus.OK
