"""The command line, defined once: the commands, their options, defaults and help. No logic.

Each command calls `exotour.commands.<name>.run(options, **params)` with keyword arguments named
as its parameters, because the script's fast path (entry.py, from the table that
`python scripts/commandline.py` generates from this app) makes the same call without Typer."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer

from exotour.cli_authoring import register_authoring
from exotour.cli_decision import register_decision
from exotour.cli_reference import register_reference
from exotour.clitypes import (
    AsJson,
    Command,
    Group,
    NoColor,
    NoPager,
    Section,
    flag,
    folder_path,
    merged_options,
    run_app,
    show_version,
    valued,
)
from exotour.commands import Options
from exotour.commands.completion import choices, complete_section
from exotour.i18n import N_
from exotour.tui.keymap import keys_help

app = typer.Typer(
    cls=Group,
    name="exotour",
    help=N_("A guided tour of exosome therapy in the terminal, with what the evidence says."),
    add_completion=True,  # --install-completion and --show-completion, for bash, zsh and fish
    no_args_is_help=False,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def root(
    ctx: typer.Context,
    content: Annotated[
        Path | None,
        typer.Option(
            "--content",
            envvar="EXOTOUR_CONTENT",
            help=N_("Use another tour's content folder (default: the built-in exosome tour)."),
            metavar="DIR",
            show_default=False,
            parser=folder_path,
        ),
    ] = None,
    no_color: NoColor = False,
    ascii: Annotated[  # named as Options names it, for the fast path
        bool,
        typer.Option("--ascii", help=N_("No box drawing or symbols, as ACCESSIBLE=1 does.")),
    ] = False,
    no_pager: NoPager = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            envvar="EXOTOUR_LANG",
            help=N_(
                "The interface language: en or es (default: as LANGUAGE, LC_ALL, LC_MESSAGES "
                "or LANG say; English when they name no other)."
            ),
            metavar="LANG",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=show_version,
            is_eager=True,
            expose_value=False,
            help=N_("Show the version."),
        ),
    ] = False,
) -> None:
    """A guided tour of exosome therapy in the terminal, with what the evidence says."""
    ctx.obj = Options(content=content, no_color=no_color, ascii=ascii, no_pager=no_pager, lang=lang)
    if ctx.invoked_subcommand is None:
        from exotour.commands import welcome

        welcome.run(ctx.obj)


@app.command(
    cls=Command,
    short_help=N_("Walk through the tour, page by page."),
    help=N_("Walk through the tour page by page; it remembers where you stopped.")
    + "\n\n"
    + keys_help(),
)
def learn(
    ctx: typer.Context,
    section: Section = None,
    restart: Annotated[bool, flag("--restart", N_("Start again from the beginning."))] = False,
    plain: Annotated[
        bool, flag("--plain", N_("Print the tour as plain text, with no keys."))
    ] = False,
    at: Annotated[
        str | None,
        valued(
            "--at",
            help=N_("Open SECTION where it shows these words (not with --plain)."),
            metavar="WORDS",
        ),
    ] = None,
    watch: Annotated[bool, flag("--watch", N_("Reload as the content files change."))] = False,
    theme: Annotated[
        str | None,
        valued(
            "--theme",
            help=N_("Colours for a light or dark background (default: as COLORFGBG says)."),
            metavar="light|dark",
            autocompletion=choices("light", "dark"),
        ),
    ] = None,
    no_color: NoColor = False,
) -> None:
    from exotour.commands import learn as command

    options = merged_options(ctx, no_color)
    status = command.run(
        options, section=section, restart=restart, plain=plain, at=at, watch=watch, theme=theme
    )
    raise typer.Exit(int(status))


@app.command(
    cls=Command,
    short_help=N_("Search the tour; the best passages first."),
    help=N_("Search the tour; the best passages first, with the command that opens each."),
)
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str],
        typer.Argument(help=N_('Words to find; "a phrase" or a prefix*.'), metavar="QUERY..."),
    ],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help=N_("Show at most N hits."), metavar="N")
    ] = 10,
    as_json: AsJson = False,
    no_color: NoColor = False,
) -> None:
    from exotour.commands import search as command

    options = merged_options(ctx, no_color)
    raise typer.Exit(int(command.run(options, query=query, limit=limit, as_json=as_json)))


@app.command(
    cls=Command,
    short_help=N_("The gist of the whole tour on one screen."),
    help=N_(
        "The gist of the whole tour on one screen: the bottom line on the evidence first, then the"
        " sections; --all adds one takeaway per section and the article's own summary."
    ),
)
def summary(
    ctx: typer.Context,
    show_all: Annotated[
        bool, flag("--all", N_("Every section's takeaway and the article's own summary too."))
    ] = False,
    as_json: AsJson = False,
    as_markdown: Annotated[bool, flag("--markdown", N_("Print the summary as Markdown."))] = False,
    no_pager: NoPager = False,
    no_color: NoColor = False,
) -> None:
    from exotour.commands import summary as command

    options = merged_options(ctx, no_color, no_pager)
    run = command.run(options, show_all=show_all, as_json=as_json, as_markdown=as_markdown)
    raise typer.Exit(int(run))


@app.command(
    cls=Command,
    short_help=N_("The contents, with ids, reading time and progress."),
    help=N_("The contents: number, id, title, reading time and what you have read."),
)
def sections(
    ctx: typer.Context,
    as_json: AsJson = False,
    no_pager: NoPager = False,
    no_color: NoColor = False,
) -> None:
    from exotour.commands import sections as command

    raise typer.Exit(int(command.run(merged_options(ctx, no_color, no_pager), as_json=as_json)))


@app.command(
    cls=Command,
    short_help=N_("Print one section in full, with no keys to press."),
    help=N_("Print one section in full, with no keys to press."),
)
def show(
    ctx: typer.Context,
    section: Annotated[
        str,
        typer.Argument(
            help=N_("An id, a number, or the start of a title."),
            metavar="SECTION",
            autocompletion=complete_section,
        ),
    ],
    no_pager: NoPager = False,
    no_color: NoColor = False,
) -> None:
    from exotour.commands import show as command

    raise typer.Exit(int(command.run(merged_options(ctx, no_color, no_pager), section=section)))


# The commands that print the tour for reference (export, glossary, quiz), beside.
register_reference(app)


# The commands for tour authors (validate, new) are defined beside, on the same app.
register_authoring(app)
# The decision aid's commands (decide, about), likewise.
register_decision(app)


def main(argv: list[str] | None = None) -> NoReturn:
    """Run the Typer app on ARGV and exit; entry.main (the `exotour` script) runs the command
    lines it is sure of without loading Typer."""
    import sys

    from exotour.typer_gettext import speak

    speak(sys.argv[1:] if argv is None else argv)  # Typer's headings in the reader's language
    run_app(app, argv)
