"""One rule for the global options (--content, --lang, --no-color, --ascii, --no-pager): they
may come before or after any command, as in `exotour search collagen --no-pager`. Those given
after the command's name are moved before it, so the group reads them as its own, whatever the
command declares. `--` ends the options, as everywhere: what follows it is never moved."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from exotour.i18n import N_

# How the help says it, under every command's options.
RULE = N_(
    "Global options (--content DIR, --lang LANG, --no-color, --ascii, --no-pager) may come "
    "before or after the command."
)


def hoisted(args: Sequence[str], flags: Mapping[str, bool]) -> list[str]:
    """ARGS with the global options after the command moved before it. FLAGS maps each global
    option to whether it takes a value (`--content DIR` or `--content=DIR`)."""
    words = list(args)
    command = _command_index(words, flags)
    if command is None:
        return words
    before, moved, after = words[:command], [], [words[command]]
    rest = words[command + 1 :]
    while rest:
        word = rest.pop(0)
        if word == "--":
            after += [word, *rest]
            break
        name, equals, _ = word.partition("=")
        if name in flags and (equals or not flags[name] or rest):
            moved.append(word)
            if flags[name] and not equals:
                moved.append(rest.pop(0))
        else:
            after.append(word)
    return before + moved + after


def _command_index(words: Sequence[str], flags: Mapping[str, bool]) -> int | None:
    """Where the command's name is: the first word that is no option nor an option's value."""
    index = 0
    while index < len(words):
        word = words[index]
        if word == "--":
            return None
        if not word.startswith("-"):
            return index
        index += 2 if flags.get(word, False) else 1
    return None
