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
from typing import Annotated, NoReturn

import typer

from exotour import __version__
from exotour.clitypes import Command, FolderPath, Group
from exotour.commands import Options
from exotour.commands.completion import complete_section, complete_term
from exotour.errors import ExitStatus

app = typer.Typer(
    cls=Group,
    name="exotour",
    help="A guided tour of exosome therapy in the terminal, with what the evidence says.",
    add_completion=True,  # --install-completion and --show-completion, for bash, zsh and fish
    no_args_is_help=False,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Global options that every command accepts after its name too (`exotour summary --no-color`);
# given either side of the command, they are folded into Options, never passed to `run`.
NoColor = Annotated[
    bool, typer.Option("--no-color", help="No colours (bold stays), as NO_COLOR does.")
]
NoPager = Annotated[
    bool, typer.Option("--no-pager", help="Print long output instead of showing it in $PAGER.")
]


def _options(ctx: typer.Context, no_color: bool = False, no_pager: bool = False) -> Options:
    """The root's options, with a command's own --no-color and --no-pager merged in."""
    found = ctx.find_object(Options)
    options = found if found is not None else Options()
    return Options(
        options.content,
        no_color=options.no_color or no_color,
        ascii=options.ascii,
        no_pager=options.no_pager or no_pager,
    )


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
            metavar="DIR",
            show_default=False,
            click_type=FolderPath(),
        ),
    ] = None,
    no_color: NoColor = False,
    ascii: Annotated[  # named as Options names it, for the fast path
        bool,
        typer.Option("--ascii", help="No box drawing or symbols, as ACCESSIBLE=1 does."),
    ] = False,
    no_pager: NoPager = False,
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
    ctx.obj = Options(content=content, no_color=no_color, ascii=ascii, no_pager=no_pager)
    if ctx.invoked_subcommand is None:
        from exotour.commands import welcome

        welcome.run(ctx.obj)


@app.command(cls=Command, short_help="Walk through the tour, page by page.")
def learn(
    ctx: typer.Context,
    section: Annotated[
        str | None,
        typer.Argument(
            help="Open this section: an id, a number, or the start of a title.",
            metavar="SECTION",
            autocompletion=complete_section,
        ),
    ] = None,
    restart: Annotated[
        bool, typer.Option("--restart", help="Start again from the beginning.")
    ] = False,
    plain: Annotated[
        bool, typer.Option("--plain", help="Print the tour as plain text, with no keys.")
    ] = False,
    at: Annotated[
        str | None,
        typer.Option(
            "--at",
            help="Open SECTION at the page that shows these words (ignored with --plain).",
            metavar="WORDS",
        ),
    ] = None,
    watch: Annotated[
        bool, typer.Option("--watch", help="Reload as the content files change.")
    ] = False,
    theme: Annotated[
        str | None,
        typer.Option(
            "--theme",
            help="Colours for a light or dark background (default: as COLORFGBG says).",
            metavar="light|dark",
            show_default=False,
        ),
    ] = None,
    no_color: NoColor = False,
) -> None:
    """Walk through the tour page by page; it remembers where you stopped.

    \b
    Keys (a single key acts; no Enter needed):
      n, Space, Enter, j, f, PgDn or →   next page
      p, Backspace, k, b, PgUp or ←      previous page
      g and G (or Home and End)          the first and the last page
      1-9                                that section
      t contents                         jump to a section
      / search                           then n and N: the next and previous hit
      ' or Ctrl-O                        back to before the last jump
      w the glossary                     the terms on this page
      ? help;  Esc closes what is open (or ends a search);  q quits
    """
    from exotour.commands import learn as command

    options = _options(ctx, no_color)
    status = command.run(
        options, section=section, restart=restart, plain=plain, at=at, watch=watch, theme=theme
    )
    raise typer.Exit(int(status))


@app.command(cls=Command, short_help="Search the tour; the best passages first.")
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str],
        typer.Argument(help='Words to find; "a phrase" or a prefix*.', metavar="QUERY..."),
    ],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="Show at most N hits.", metavar="N")
    ] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the hits as JSON.")] = False,
    no_color: NoColor = False,
) -> None:
    """Search the tour; the best passages first, with the command that opens each."""
    from exotour.commands import search as command

    options = _options(ctx, no_color)
    raise typer.Exit(int(command.run(options, query=query, limit=limit, as_json=as_json)))


@app.command(cls=Command, short_help="The gist of the whole tour on one screen.")
def summary(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    as_markdown: Annotated[
        bool, typer.Option("--markdown", help="Print the summary as Markdown.")
    ] = False,
    no_pager: NoPager = False,
    no_color: NoColor = False,
) -> None:
    """The gist of the whole tour on one screen: one takeaway per section."""
    from exotour.commands import summary as command

    options = _options(ctx, no_color, no_pager)
    raise typer.Exit(int(command.run(options, as_json=as_json, as_markdown=as_markdown)))


@app.command(cls=Command, short_help="The contents, with ids, reading time and progress.")
def sections(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the contents as JSON.")] = False,
    no_pager: NoPager = False,
    no_color: NoColor = False,
) -> None:
    """The contents: number, id, title, reading time and what you have read."""
    from exotour.commands import sections as command

    raise typer.Exit(int(command.run(_options(ctx, no_color, no_pager), as_json=as_json)))


@app.command(cls=Command, short_help="Print one section in full, with no keys to press.")
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
    no_pager: NoPager = False,
    no_color: NoColor = False,
) -> None:
    """Print one section in full, with no keys to press."""
    from exotour.commands import show as command

    raise typer.Exit(int(command.run(_options(ctx, no_color, no_pager), section=section)))


@app.command(cls=Command, short_help="The whole tour as one Markdown or HTML document.")
def export(
    ctx: typer.Context,
    format_: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="markdown or html (default: what FILE's extension says, else markdown).",
            metavar="FORMAT",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to FILE, a .md or .html file ('-': stdout, the default).",
            metavar="FILE",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite FILE if it is a file that exists.")
    ] = False,
    no_color: NoColor = False,
) -> None:
    """The whole tour, sources included, as one document to share or print."""
    from exotour.commands import export as command

    options = _options(ctx, no_color)
    raise typer.Exit(int(command.run(options, format_=format_, output=output, force=force)))


@app.command(cls=Command, short_help="The key terms in plain words, or one term.")
def glossary(
    ctx: typer.Context,
    term: Annotated[
        str | None,
        typer.Argument(
            help="Show one term (aliases work too).", metavar="TERM", autocompletion=complete_term
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the terms (or TERM) as JSON.")
    ] = False,
    no_pager: NoPager = False,
    no_color: NoColor = False,
) -> None:
    """The key terms in plain words, or one term with the sections that use it."""
    from exotour.commands import glossary as command

    raise typer.Exit(
        int(command.run(_options(ctx, no_color, no_pager), term=term, as_json=as_json))
    )


@app.command(cls=Command, short_help="A short multiple-choice check, with a score.")
def quiz(
    ctx: typer.Context,
    section: Annotated[
        str | None,
        typer.Argument(
            help="Only this section's questions.",
            metavar="SECTION",
            autocompletion=complete_section,
        ),
    ] = None,
    no_color: NoColor = False,
) -> None:
    """A short multiple-choice check with explanations and a score."""
    from exotour.commands import quiz as command

    raise typer.Exit(int(command.run(_options(ctx, no_color), section=section)))


@app.command(cls=Command, short_help="Check a content folder; list every problem.")
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
    no_color: NoColor = False,
) -> None:
    """Check a content folder and report every problem as file:line:column: message."""
    from exotour.commands import validate as command

    raise typer.Exit(int(command.run(_options(ctx, no_color), folder=folder, watch=watch)))


@app.command(cls=Command, short_help="Start a tour of your own that passes validate.")
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
    no_color: NoColor = False,
) -> None:
    """Start a tour of your own, with schemas for your editor, that passes validate."""
    from exotour.commands import new as command

    raise typer.Exit(int(command.run(_options(ctx, no_color), folder=folder, title=title)))


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
