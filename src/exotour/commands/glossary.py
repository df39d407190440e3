"""`exotour glossary [TERM]`: every key term with a one-line definition, or one term in full.

A TERM matches a term or any alias, ignoring case (`msc` finds Mesenchymal stem cell); an unknown
TERM exits 2 with the closest terms as a hint. A tour without a glossary (a `--content` folder with
no glossary.yaml) prints a short note and exits 0 when listing, and exits 2 when asked for a TERM,
since that term cannot be found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from exotour.commands import Options, command_prefix, emit, load, stdout
from exotour.errors import ExitStatus

if TYPE_CHECKING:
    from rich.console import RenderableType

    from exotour.model import GlossaryEntry, Tour

# Below this width the term and its definition stack instead of sitting side by side.
NARROW = 60


def run(options: Options, term: str | None) -> ExitStatus:
    tour = load(options)
    from exotour import glossary

    prefix = command_prefix(options)
    if term is None:
        screen = listing(tour, width=stdout(options).width, prefix=prefix)
    else:
        screen = one_term(tour, glossary.find(tour.glossary, term, prefix), prefix=prefix)
    emit(options, screen)
    return ExitStatus.OK


def listing(tour: Tour, width: int, prefix: str = "exotour") -> RenderableType:
    """Every term, A to Z, each with the first sentence of its definition; the command it
    suggests begins with PREFIX (`exotour --content DIR` for another tour)."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from exotour import glossary

    if not tour.glossary:
        return Text("This tour has no glossary (its content folder has no glossary.yaml).")
    entries = sorted(tour.glossary, key=lambda e: e.term.casefold())
    heading = Text(f"Glossary: {len(entries)} terms", style="bold")
    footer = Text(f"One term in full: {prefix} glossary TERM (aliases work too)", style="dim")
    if width < NARROW:
        rows: list[RenderableType] = []
        for entry in entries:
            rows.append(Text(glossary.short_name(entry), style="bold"))
            rows.append(Padding(Text(glossary.first_sentence(entry.definition)), (0, 0, 0, 2)))
        return Group(heading, Text(""), *rows, Text(""), footer)
    names = [glossary.short_name(entry) for entry in entries]
    table = Table.grid(padding=(0, 2))
    longest = max(len(name) for name in names)
    table.add_column(style="bold", width=min(longest, 30))
    table.add_column(ratio=1)
    for name, entry in zip(names, entries, strict=True):
        table.add_row(Text(name), Text(glossary.first_sentence(entry.definition)))
    return Group(heading, Text(""), table, Text(""), footer)


def one_term(tour: Tour, entry: GlossaryEntry, prefix: str = "exotour") -> RenderableType:
    """One term: its definition, its other names, and the sections that use it, each with the
    command that opens it (beginning with PREFIX)."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    from exotour import glossary
    from exotour.content import sources

    parts: list[RenderableType] = [Text(entry.term, style="bold"), Text(entry.definition)]
    if entry.aliases:
        parts.append(Text(f"Also: {', '.join(entry.aliases)}", style="dim"))
    used = [
        index
        for index, section in enumerate(tour.sections)
        if not sources.is_sources_section(section)
        and glossary.mentions(entry, " ".join([section.body, *(n.text for n in section.evidence)]))
    ]
    if used:
        from exotour.render.command_rows import numbered

        rows = [
            (index + 1, Text(tour.sections[index].title), f"{prefix} learn {index + 1}")
            for index in used
        ]
        parts.extend([Text(""), Text("In the tour:"), Padding(numbered(rows), (0, 0, 0, 2))])
    return Group(*parts)
