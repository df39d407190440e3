"""`--help` in the reader's language: the help texts that cli.py defines (in English, marked
with N_) translated when the help is drawn, not when the app is built, so one app speaks the
language each command line chooses (--lang is read only as the line is parsed). clitypes'
Command and Group draw their help through these; scripts/manpage.py writes the page with them.
"""

from __future__ import annotations

import re
from typing import Any

from exotour.i18n import _

# A row of a block that Click keeps as it is (learn's keys): the keys, two spaces or more, what
# they do. The keys stay (they are keys); only what they do is translated.
_ROW = re.compile(r"^(\s*\S.*?\s{2,})(\S.*)$")
# The brackets Typer adds after an option's help: "[env var: X; default: 10; x>=1; required]".
_EXTRA = re.compile(r"  \[([^\[\]]*)\]$")


def help_text(text: str | None) -> str:
    """A command's help TEXT in the reader's language, paragraph by paragraph; a block Click
    keeps as it is (\\b) line by line, its columns as they were."""
    if not text:
        return ""
    return "\n\n".join(_paragraph(block) for block in text.split("\n\n"))


def _paragraph(block: str) -> str:
    if not block.startswith("\b"):
        return _(block)
    caption, *rows = block.removeprefix("\b\n").split("\n")
    lines = [_(caption)]
    for row in rows:
        found = _ROW.match(row)
        lines.append(found[1] + _(found[2]) if found else row)
    return "\b\n" + "\n".join(lines)


def short_help(command: Any) -> str:
    """COMMAND's one line in the group's list of commands, in the reader's language."""
    text = command.short_help or (command.help or "").split("\n\n")[0]
    return _(text)


def help_record(param: Any, ctx: Any) -> tuple[str, str] | None:
    """PARAM's row in the help (its flags, and its help with Typer's [brackets]), in the
    reader's language; None for a hidden one."""
    record = param.get_help_record(ctx)
    if record is None:
        return None
    usage, description = record
    english = param.help or ""
    if english and description.startswith(english):
        description = _(english) + description[len(english) :]
    found = _EXTRA.search(description)
    if found:
        parts = "; ".join(_extra(part) for part in found[1].split("; "))
        description = description[: found.start()] + f"  [{parts}]"
    elif description.startswith("[") and description.endswith("]"):
        description = "[" + "; ".join(_extra(p) for p in description[1:-1].split("; ")) + "]"
    return usage, description


def _extra(part: str) -> str:
    """One of Typer's bracketed notes, as Typer's own msgids (typer_gettext) translate it."""
    name, colon, value = part.partition(": ")
    if colon and name == "env var":
        return _("env var: {var}").format(var=value)
    if colon and name == "default":
        return _("default: {default}").format(default=value)
    if part == "required":
        return _("required")
    return part
