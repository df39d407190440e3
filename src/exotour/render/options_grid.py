"""The options grid (Option Grid on paper): for one condition, every option told in the same
fields. Wide enough, a Rich Table whose rows are the fields and whose columns are the options;
narrower, the same fields stacked, one block an option, in the same order. Each option's sources
follow, each link whole in plain text. One drawing: plain output is this without styles."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from exotour.decision import OPTION_FIELDS, Condition, Decision, Option
from exotour.i18n import _
from exotour.render.grid_document import GRID_NOTE, options_for
from exotour.render.notes import LinkHint, SourceEntry

LABEL_WIDTH = 14  # the field names' column
OPTION_WIDTH = 16  # the least a column of an option may have before the grid stacks
GRID_STYLE = "bold"


def fits_as_table(width: int, options: int) -> bool:
    """Whether OPTIONS columns (and the field names') fit WIDTH as a table."""
    return width >= LABEL_WIDTH + options * (OPTION_WIDTH + 3) + 4


class OptionsGrid:
    """One condition's options, as a table where it fits, else stacked."""

    def __init__(self, condition: Condition, *, title: bool = True) -> None:
        self.condition = condition
        self.title = title

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width  # a grid may use a wide terminal: more options side by side
        condition = self.condition
        if self.title:
            yield Text(options_for(condition.name), style=GRID_STYLE)
            yield Text(_(GRID_NOTE), style="dim")
            yield Text("")
        if fits_as_table(width, len(condition.options)):
            yield _table(condition.options, width)
        else:
            yield from _stacked(condition.options)


def _table(options: Sequence[Option], width: int) -> Table:
    table = Table(
        box=box.SQUARE,
        show_lines=True,
        width=width,
        header_style=GRID_STYLE,
        padding=(0, 1),
    )
    table.add_column("", style=GRID_STYLE, width=LABEL_WIDTH, overflow="fold")
    for option in options:
        table.add_column(Text(option.name), ratio=1, overflow="fold")
    for name, label in OPTION_FIELDS:
        table.add_row(Text(_(label)), *(Text(option.field_text(name)) for option in options))
    return table


def _stacked(options: Sequence[Option]) -> list[RenderableType]:
    blocks: list[RenderableType] = []
    for number, option in enumerate(options, start=1):
        blocks.append(Text(f"{number}. {option.name}", style=GRID_STYLE))
        for name, label in OPTION_FIELDS:
            line = Text.assemble((f"{_(label)}: ", GRID_STYLE), option.field_text(name))
            blocks.append(line)
        blocks.append(Text(""))
    return blocks


def condition_blocks(
    condition: Condition, *, whole: bool, full_links: str | None = None
) -> list[RenderableType]:
    """One condition as blocks a page may break between: what the condition is and what the
    sources say without treatment, the grid, then each option's sources (WHOLE links for plain
    text; else short where too long, and the last names FULL_LINKS, which prints them whole)."""
    # The label alone is bold: Text(label, style=...) would make the whole line bold.
    about = Text.assemble((_("About it:") + " ", GRID_STYLE), condition.about)
    without_words = _("Without treatment:") + " "
    without = Text.assemble((without_words, GRID_STYLE), condition.without_treatment)
    blocks: list[RenderableType] = [
        Group(Text(options_for(condition.name), style=GRID_STYLE), about, without),
        OptionsGrid(condition, title=False),
    ]
    entries = [(option, source) for option in condition.options for source in option.sources]
    links = [source.link for _, source in entries if source.link]
    hint = LinkHint(full_links, links) if full_links and not whole else None
    for number, (option, source) in enumerate(entries):
        first = number == 0 or entries[number - 1][0] is not option
        blocks.append(
            SourceEntry(
                source,
                whole=whole,
                heading=_("Sources for {option}:").format(option=option.name) if first else None,
                hint=hint if number == len(entries) - 1 else None,
            )
        )
    return blocks


def decision_blocks(
    decision: Decision, *, whole: bool, full_links: str | None = None
) -> list[RenderableType]:
    """Every condition's grid, after a line that says what they are."""
    blocks: list[RenderableType] = [Text(_(GRID_NOTE), style="dim")]
    for condition in decision.conditions:
        blocks.extend(condition_blocks(condition, whole=whole, full_links=full_links))
    return blocks


def decide_pointer(prefix: str = "exotour") -> Text:
    """The line after the grids that names the worksheet."""
    from exotour.render.phrases import with_command

    words = _("To weigh these options for yourself, step by step: {command}")
    # Not bold: a command wrapped onto a line of its own would read as a heading to the pages.
    return with_command(words, f"{prefix} decide", command_style="cyan")
