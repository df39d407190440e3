"""The screens of `exotour glossary`: every term in one listing, or one term in full."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from exotour.glossary import Use, first_sentence, short_name
from exotour.i18n import N_, _, ngettext
from exotour.model import GlossaryEntry

# Below this width the term and its definition stack instead of sitting side by side.
NARROW = 60
NO_GLOSSARY = N_("This tour has no glossary (its content folder has no glossary.yaml).")


def listing(
    entries: Sequence[GlossaryEntry], width: int, prefix: str = "exotour"
) -> RenderableType:
    """Every term, A to Z, each with the first sentence of its definition; the command it
    suggests begins with PREFIX (`exotour --content DIR` for another tour)."""
    if not entries:
        return Text(_(NO_GLOSSARY))
    ordered = sorted(entries, key=lambda e: e.term.casefold())
    count = len(ordered)
    # The English says "terms" for one too, as it always has; another language says its own.
    terms = ngettext("Glossary: {count} terms", "Glossary: {count} terms", count)
    heading = Text(terms.format(count=count), style="bold")
    # TRANSLATORS: TERM is what the reader types after the command.
    one = _("One term in full: {command} (aliases work too)")
    # TRANSLATORS: stands for the term a reader asks for, in "exotour glossary TERM".
    term = _("TERM")
    footer = Text(one.format(command=f"{prefix} glossary {term}"), style="dim")
    if width < NARROW:
        rows: list[RenderableType] = []
        for entry in ordered:
            rows.append(Text(short_name(entry), style="bold"))
            rows.append(Padding(Text(first_sentence(entry.definition)), (0, 0, 0, 2)))
        return Group(heading, Text(""), *rows, Text(""), footer)
    from rich.table import Table

    names = [short_name(entry) for entry in ordered]
    table = Table.grid(padding=(0, 2))
    longest = max(len(name) for name in names)
    table.add_column(style="bold", width=min(longest, 30))
    table.add_column(ratio=1)
    for name, entry in zip(names, ordered, strict=True):
        table.add_row(Text(name), Text(first_sentence(entry.definition)))
    return Group(heading, Text(""), table, Text(""), footer)


def one_term(entry: GlossaryEntry, used: Sequence[Use], prefix: str = "exotour") -> RenderableType:
    """One term: its definition, its other names, and the sections that use it, each with the
    command that opens the page holding it (beginning with PREFIX)."""
    parts: list[RenderableType] = [Text(entry.term, style="bold"), Text(entry.definition)]
    if entry.aliases:
        also = _("Also: {names}").format(names=", ".join(entry.aliases))
        parts.append(Text(also, style="dim"))
    if used:
        # Each command on a line of its own, under its title: it is long, and is never cut.
        digits = max(len(f"{use.number}.") for use in used)
        rows: list[RenderableType] = []
        for use in used:
            rows.append(Text(f"{use.number}.".rjust(digits) + " " + use.title))
            rows.append(Padding(Text(use.command(prefix), style="dim"), (0, 0, 0, digits + 1)))
        parts.extend([Text(""), Text(_("In the tour:")), Padding(Group(*rows), (0, 0, 0, 2))])
    return Group(*parts)
