"""The command line: parse, call one core function, print what it returns, map errors to exits.

This is the one definition of the commands, their options and defaults. Each command function
calls `exotour.commands.<name>.run(options, **params)` with keyword arguments named exactly as
its parameters, because the script's fast path (entry.py, from the table that
`python scripts/commandline.py` generates from this app) makes the same call without Typer.
No logic lives here; every error reaches `main` or errors.guarded, which print
`exotour: error: ...` on stderr and exit with the documented status; nobody sees a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.models import TyperPath

from exotour import __version__
from exotour.commands import Options
from exotour.commands.completion import complete_section, complete_term
from exotour.errors import ExitStatus

app = typer.Typer(
    name="exotour",
    help="A guided tour of exosome therapy in the terminal, with what the evidence says.",
    add_completion=True,  # --install-completion and --show-completion, for bash, zsh and fish
    no_args_is_help=False,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class FolderPath(TyperPath):
    """A path that must not be empty: Click would read '' as the current folder."""

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if value == "":
            self.fail("an empty path names no folder (for this folder, write '.')", param, ctx)
        return super().convert(value, param, ctx)


def _options(ctx: typer.Context) -> Options:
    options = ctx.find_object(Options)
    return options if options is not None else Options()


def _version(value: bool) -> None:
    if value:
        print(f"exotour {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    content: Annotated[
        Path | None,
        typer.Option(
            "--content",
            envvar="EXOTOUR_CONTENT",
            help="Use another tour's content folder (default: the built-in exosome tour).",
            show_default=False,
            click_type=FolderPath(),
        ),
    ] = None,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="No colours or styles, as NO_COLOR does.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            expose_value=False,
            help="Show the version.",
        ),
    ] = False,
) -> None:
    """A guided tour of exosome therapy in the terminal, with what the evidence says."""
    ctx.obj = Options(content=content, no_color=no_color)
    if ctx.invoked_subcommand is None:
        from exotour.commands import welcome

        welcome.run(ctx.obj)


@app.command()
def learn(
    ctx: typer.Context,
    section: Annotated[
        str | None,
        typer.Argument(
            help="Open this section: an id, a number, or the start of a title.",
            autocompletion=complete_section,
        ),
    ] = None,
    restart: Annotated[
        bool, typer.Option("--restart", help="Start again from the beginning.")
    ] = False,
    plain: Annotated[
        bool, typer.Option("--plain", help="Print the tour as plain text, with no keys.")
    ] = False,
) -> None:
    """Walk through the tour page by page; it remembers where you stopped."""
    from exotour.commands import learn as command

    status = command.run(_options(ctx), section=section, restart=restart, plain=plain)
    raise typer.Exit(int(status))


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(help='Words to find; "a phrase" or a prefix*.')],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most N hits.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the hits as JSON.")] = False,
) -> None:
    """Search the tour; the best passages first, with the command that opens each."""
    from exotour.commands import search as command

    status = command.run(_options(ctx), query=query, limit=limit, as_json=as_json)
    raise typer.Exit(int(status))


@app.command()
def summary(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    as_markdown: Annotated[
        bool, typer.Option("--markdown", help="Print the summary as Markdown.")
    ] = False,
) -> None:
    """The gist of the whole tour on one screen: one takeaway per section."""
    from exotour.commands import summary as command

    raise typer.Exit(int(command.run(_options(ctx), as_json=as_json, as_markdown=as_markdown)))


@app.command()
def sections(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the contents as JSON.")] = False,
) -> None:
    """The contents: number, id, title, reading time and what you have read."""
    from exotour.commands import sections as command

    raise typer.Exit(int(command.run(_options(ctx), as_json=as_json)))


@app.command()
def show(
    ctx: typer.Context,
    section: Annotated[
        str,
        typer.Argument(
            help="An id, a number, or the start of a title.",
            metavar="SECTION",
            autocompletion=complete_section,
        ),
    ],
) -> None:
    """Print one section in full, with no keys to press."""
    from exotour.commands import show as command

    raise typer.Exit(int(command.run(_options(ctx), section=section)))


@app.command()
def export(
    ctx: typer.Context,
    format_: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="markdown or html (default: from FILE's extension, else markdown).",
            metavar="FORMAT",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to FILE ('-': stdout, the default).", metavar="FILE"
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """The whole tour, sources included, as one document to share or print."""
    from exotour.commands import export as command

    status = command.run(_options(ctx), format_=format_, output=output, force=force)
    raise typer.Exit(int(status))


@app.command()
def glossary(
    ctx: typer.Context,
    term: Annotated[
        str | None,
        typer.Argument(help="Show one term (aliases work too).", autocompletion=complete_term),
    ] = None,
) -> None:
    """The key terms in plain words, or one term."""
    from exotour.commands import glossary as command

    raise typer.Exit(int(command.run(_options(ctx), term=term)))


@app.command()
def quiz(
    ctx: typer.Context,
    section: Annotated[
        str | None,
        typer.Argument(help="Only this section's questions.", autocompletion=complete_section),
    ] = None,
) -> None:
    """A short multiple-choice check with explanations and a score."""
    from exotour.commands import quiz as command

    raise typer.Exit(int(command.run(_options(ctx), section=section)))


@app.command()
def validate(
    ctx: typer.Context,
    folder: Annotated[
        Path | None,
        typer.Argument(
            help="The content folder to check (default: the one in use).",
            metavar="DIR",
            click_type=FolderPath(),
        ),
    ] = None,
    watch: Annotated[
        bool,
        typer.Option("--watch", help="Check again whenever a file changes, until Ctrl-C."),
    ] = False,
) -> None:
    """Check a content folder and report every problem as file:line:column: message."""
    from exotour.commands import validate as command

    raise typer.Exit(int(command.run(_options(ctx), folder=folder, watch=watch)))


@app.command()
def new(
    ctx: typer.Context,
    folder: Annotated[
        Path,
        typer.Argument(
            help="The folder to create (it must not exist, or be empty).",
            metavar="DIR",
            click_type=FolderPath(),
        ),
    ],
    title: Annotated[
        str | None,
        typer.Option("--title", help="The new tour's title.", metavar="TITLE", show_default=False),
    ] = None,
) -> None:
    """Start a tour of your own, with schemas for your editor, that passes validate."""
    from exotour.commands import new as command

    raise typer.Exit(int(command.run(_options(ctx), folder=folder, title=title)))


def main(argv: list[str] | None = None) -> NoReturn:
    """Run the Typer app on ARGV and exit; entry.main (the `exotour` script) runs the command
    lines it is sure of without loading Typer. Every failure becomes a message and a status:
    Typer's usage errors here, all others in errors.guarded."""
    from exotour.errors import fail, guarded

    def invoke() -> int:
        try:
            # Not standalone: Typer returns exit codes instead of exiting, and raises usage
            # errors for us to print in our own format.
            status = app(args=argv, prog_name="exotour", standalone_mode=False)
        except typer.Abort:
            return int(ExitStatus.INTERRUPTED)
        except typer.TyperException as exc:
            # Typer 0.28 keeps Click inside a private module; the public base of all its
            # errors is TyperException, and usage errors are the ones whose exit_code is 2
            # (Click's own rule); those name the command whose --help tells more.
            hint = None
            if exc.exit_code == 2:
                context = getattr(exc, "ctx", None)
                hint = f"try '{context.command_path if context else 'exotour'} --help'"
            fail(exc.format_message(), hint, int(ExitStatus.ERROR))
        return status if isinstance(status, int) else int(ExitStatus.OK)

    guarded(invoke)
