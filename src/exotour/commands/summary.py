"""`exotour summary`: the gist of the whole tour on one screen, or as JSON or Markdown."""

from __future__ import annotations

import json
import sys

from exotour.commands import Options, command_prefix, emit, load, stdout
from exotour.errors import ExitStatus, UsageError


def run(options: Options, *, as_json: bool, as_markdown: bool) -> ExitStatus:
    prefix = command_prefix(options)
    if as_json and as_markdown:
        raise UsageError(
            "--json and --markdown cannot be used together",
            hint=f"choose one: '{prefix} summary --json' or '{prefix} summary --markdown'",
        )
    tour = load(options)
    from exotour.render import summary

    data = summary.build(tour, prefix=prefix)
    if as_json:
        sys.stdout.write(json.dumps(summary.to_json(data), indent=2, ensure_ascii=False) + "\n")
    elif as_markdown:
        sys.stdout.write(summary.to_markdown(data))
    else:
        console = stdout(options)
        emit(options, summary.renderable(data, shown_at=console.width), console)
    return ExitStatus.OK
