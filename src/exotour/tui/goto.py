"""Reaching a section by its number, as less reaches a line: pure rules, tested without a terminal.

A digit goes to that section at once, and the digits typed one after another go on naming it
while they still name a section (1 then 2 is section 12 in a tour of twelve or more; in a tour of
ten, 1 then 2 is section 2). `:` asks for a number and waits for Enter. Enter ends a number
without turning the page; any other key ends it and acts as itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from exotour.i18n import _

DIGITS = "0123456789"  # only ASCII digits choose a section: `²` or `①` are not numbers


@dataclass(frozen=True)
class Typed:
    """The digits typed so far, and whether they were asked for with `:` (then Enter goes)."""

    digits: str = ""
    asked: bool = False


def is_digit(key: str) -> bool:
    return len(key) == 1 and key in DIGITS


def named(digits: str, sections: int) -> int | None:
    """The section index DIGITS name (from 1), or None when they name none."""
    if digits and 1 <= int(digits) <= sections:
        return int(digits) - 1
    return None


def more(typed: Typed | None, digit: str, sections: int) -> Typed:
    """The number once DIGIT is typed: longer while that still names a section (or while `:`
    waits for Enter), else DIGIT alone."""
    so_far = typed.digits if typed is not None else ""
    asked = typed is not None and typed.asked
    longer = so_far + digit
    if asked or named(longer, sections) is not None:
        return Typed(longer[:6], asked)
    return Typed(digit, asked)


def prompt(typed: Typed, sections: int) -> str:
    """The key line while `:` waits for a number."""
    return _("Go to section (1-{sections}): {digits}▏ Enter: go · Esc: cancel").format(
        sections=sections, digits=typed.digits
    )
