"""The decision aid's commands, `decide` and `about`, defined on cli.py's app (cli.py calls
`register_decision`): one definition of the command line, in files of one job each."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from exotour.clitypes import Command, NoColor, NoPager, flag, merged_options, valued
from exotour.i18n import N_


def register_decision(app: typer.Typer) -> None:
    """Add `decide` and `about` to APP."""

    @app.command(
        cls=Command,
        short_help=N_("A decision worksheet in six steps, and a handout."),
        help=N_(
            "The decision aid: the decision, SURE, the options side by side, what matters to you, "
            "the questions to ask a clinic, and SURE again. Saved as you go; never advice."
        ),
    )
    def decide(
        ctx: typer.Context,
        restart: Annotated[bool, flag("--restart", N_("Start the worksheet again."))] = False,
        output: Annotated[
            Path | None,
            valued(
                "--output",
                "-o",
                help=N_(
                    "Write the one-page handout to FILE, .html (to print) or .md; asks nothing."
                ),
                metavar="FILE",
            ),
        ] = None,
        force: Annotated[
            bool, flag("--force", N_("Overwrite FILE if it is a file that exists."))
        ] = False,
        as_json: Annotated[
            bool,
            typer.Option(
                "--json", help=N_("Print the saved worksheet as JSON (keys: see README).")
            ),
        ] = False,
        no_color: NoColor = False,
    ) -> None:
        from exotour.commands import decide as command

        options = merged_options(ctx, no_color)
        status = command.run(options, restart=restart, output=output, as_json=as_json, force=force)
        raise typer.Exit(int(status))

    @app.command(
        cls=Command,
        short_help=N_("Who made the tour, and how its facts were checked."),
        help=N_(
            "Who made the tour, when and how its facts were checked, its update policy, funding "
            "and conflicts of interest, how its reading level is measured, where to report an "
            "error."
        ),
    )
    def about(
        ctx: typer.Context,
        no_pager: NoPager = False,
        no_color: NoColor = False,
    ) -> None:
        from exotour.commands import about as command

        raise typer.Exit(int(command.run(merged_options(ctx, no_color, no_pager))))
