"""The commands that print the tour for reference, `export`, `glossary` and `quiz`, defined on
cli.py's app (cli.py calls `register_reference`): one definition of the command line, in files
of one job each."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from exotour.clitypes import (
    AsJson,
    Command,
    NoColor,
    NoPager,
    Section,
    flag,
    merged_options,
    valued,
)
from exotour.commands.completion import choices, complete_term
from exotour.i18n import N_


def register_reference(app: typer.Typer) -> None:
    """Add `export`, `glossary` and `quiz` to APP."""

    @app.command(
        cls=Command,
        short_help=N_("The whole tour as one Markdown or HTML document."),
        help=N_("The whole tour, sources included, as one document to share or print."),
    )
    def export(
        ctx: typer.Context,
        format_: Annotated[
            str | None,
            valued(
                "--format",
                "-f",
                help=N_("markdown or html (default: what FILE's extension says, else markdown)."),
                metavar="FORMAT",
                autocompletion=choices("markdown", "html"),
            ),
        ] = None,
        output: Annotated[
            Path | None,
            valued(
                "--output",
                "-o",
                help=N_("Write to FILE, a .md or .html file ('-': stdout, the default)."),
                metavar="FILE",
            ),
        ] = None,
        force: Annotated[
            bool, flag("--force", N_("Overwrite FILE if it is a file that exists."))
        ] = False,
        no_color: NoColor = False,
    ) -> None:
        from exotour.commands import export as command

        options = merged_options(ctx, no_color)
        raise typer.Exit(int(command.run(options, format_=format_, output=output, force=force)))

    @app.command(
        cls=Command,
        short_help=N_("The key terms in plain words, or one term."),
        help=N_("The key terms in plain words, or one term with the sections that use it."),
    )
    def glossary(
        ctx: typer.Context,
        term: Annotated[
            str | None,
            typer.Argument(
                help=N_("Show one term (aliases work too)."),
                metavar="TERM",
                autocompletion=complete_term,
            ),
        ] = None,
        as_json: AsJson = False,
        no_pager: NoPager = False,
        no_color: NoColor = False,
    ) -> None:
        from exotour.commands import glossary as command

        raise typer.Exit(
            int(command.run(merged_options(ctx, no_color, no_pager), term=term, as_json=as_json))
        )

    @app.command(
        cls=Command,
        short_help=N_("A short multiple-choice check, with a score."),
        help=N_("A short multiple-choice check with explanations and a score."),
    )
    def quiz(
        ctx: typer.Context,
        section: Section = None,
        no_color: NoColor = False,
    ) -> None:
        from exotour.commands import quiz as command

        raise typer.Exit(int(command.run(merged_options(ctx, no_color), section=section)))
