"""The tour author's commands, `validate` and `new`, defined on cli.py's app (cli.py calls
`register_authoring`): one definition of the command line, in two files of one job each."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from exotour.clitypes import Command, NoColor, flag, folder_path, merged_options, valued
from exotour.i18n import N_


def register_authoring(app: typer.Typer) -> None:
    """Add `validate` and `new` to APP."""

    @app.command(
        cls=Command,
        short_help=N_("Check a content folder; list every problem."),
        help=N_("Check a content folder and report every problem as file:line:column: message."),
    )
    def validate(
        ctx: typer.Context,
        folder: Annotated[
            Path | None,
            typer.Argument(
                help=N_("The content folder to check (default: the one in use)."),
                metavar="DIR",
                parser=folder_path,
            ),
        ] = None,
        watch: Annotated[
            bool, flag("--watch", N_("Check again whenever a file changes, until Ctrl-C."))
        ] = False,
        no_color: NoColor = False,
    ) -> None:
        from exotour.commands import validate as command

        raise typer.Exit(
            int(command.run(merged_options(ctx, no_color), folder=folder, watch=watch))
        )

    @app.command(
        cls=Command,
        short_help=N_("Start a tour of your own that passes validate."),
        help=N_("Start a tour of your own, with schemas for your editor, that passes validate."),
    )
    def new(
        ctx: typer.Context,
        folder: Annotated[
            Path,
            typer.Argument(
                help=N_("The folder to create (it must not exist, or be empty)."),
                metavar="DIR",
                parser=folder_path,
            ),
        ],
        title: Annotated[
            str | None,
            valued("--title", help=N_("The new tour's title."), metavar="TITLE"),
        ] = None,
        no_color: NoColor = False,
    ) -> None:
        from exotour.commands import new as command

        raise typer.Exit(
            int(command.run(merged_options(ctx, no_color), folder=folder, title=title))
        )
