"""`exotour summary`: the bottom line and the sections on one screen (every takeaway with
--all), or as JSON or Markdown."""

from __future__ import annotations

import sys

from exotour.commands import Options, command_prefix, emit, load, stdout, write_json
from exotour.errors import ExitStatus, UsageError
from exotour.i18n import _


def run(
    options: Options, *, as_json: bool, as_markdown: bool, show_all: bool = False
) -> ExitStatus:
    prefix = command_prefix(options)
    if as_json and as_markdown:
        raise UsageError(
            _("--json and --markdown cannot be used together"),
            hint=_("choose one: '{prefix} summary --json' or '{prefix} summary --markdown'").format(
                prefix=prefix
            ),
        )
    tour = load(options)
    from exotour import summary

    data = summary.build(tour, prefix=prefix)
    if as_json:
        write_json(summary.to_json(data))
    elif as_markdown:
        sys.stdout.write(summary.to_markdown(data))
    elif show_all:
        from exotour.render.summary import renderable

        console = stdout(options)
        emit(options, renderable(data, shown_at=console.width), console)
    else:
        from exotour.render.summary import brief

        emit(options, brief(data), stdout(options))
    return ExitStatus.OK
