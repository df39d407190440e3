"""Translated sentences that hold a command: the command styled on its own, the words around it
in whatever order the language puts them (a translator moves `{command}`, never splits the
sentence into fragments)."""

from __future__ import annotations

from rich.text import Text


def with_command(
    message: str, command: str, style: str = "", command_style: str = "bold", **values: object
) -> Text:
    """MESSAGE (translated, holding `{command}` once) with VALUES filled in, COMMAND in
    COMMAND_STYLE and the rest in STYLE."""
    before, found, after = message.partition("{command}")
    text = Text(before.format(**values), style=style)
    if found:
        text.append(command, style=command_style)
    text.append(after.format(**values), style=style)
    return text
