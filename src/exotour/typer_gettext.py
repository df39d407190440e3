"""Typer's and Click's own words in the reader's language.

Typer 0.28 looks up a few of its words with the standard library's gettext, in gettext's global
domain: the help's headings (Arguments, Options, Commands), the notes after an option's help
(env var, default, required) and "No such command". So for a language other than English the
Typer app is run with exotour's catalogue as gettext's domain and the language in LANGUAGE,
which gettext reads. Its bundled Click looks up none: its usage errors are translated here, when
exotour prints them (`click_message`), from their English text, matched word for word as Click
writes it, and the help's own lines (Usage:, the help option's help) where clitypes draws them.
Every such word is marked here, so that scripts/i18n.py extracts it. Only the Typer app needs
this: the fast path never shows Typer's or Click's words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from exotour.i18n import N_, _

# Word for word as Typer writes them (typer/core.py); the catalogue translates them.
MESSAGES = (
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("No such command {name!r}."),
    N_("Missing command."),
    N_("env var: {var}"),
    N_("default: {default}"),
    N_("required"),
    # The help of the options Click and Typer add themselves.
    N_("Show this message and exit."),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
    N_("Usage: "),
)

# Click's usage errors, word for word as Typer's bundled Click formats them, most specific
# first; a {message} inside is itself one of these (or one of exotour's, marked with _()).
CLICK_MESSAGES = (
    N_("{message}. Did you mean {suggestions}?"),
    N_("No such command {name!r}."),
    N_("No such option: {name} (Possible options: {options})"),
    N_("No such option: {name}"),
    N_("Missing argument {name}."),
    N_("Missing option {name}."),
    N_("Missing parameter {name}."),
    N_("Missing command."),
    N_("Got unexpected extra argument(s) ({words})"),
    N_("Option {name!r} requires an argument."),
    N_("Option {name!r} does not take a value."),
    N_("Invalid value for {name}: {message}"),
    N_("Invalid value: {message}"),
    N_("{value!r} is not a valid integer."),
    N_("{value} is not in the range {range}."),
)


# How Click names an option that its variable gave a value: "'--content' (env var: 'X')".
PARAM_FROM_VARIABLE = N_("{name} (env var: {var})")


class _Shown(str):
    """A value already as Click showed it: its repr is itself (Click wrote {name!r})."""

    __slots__ = ()

    def __repr__(self) -> str:
        return str(self)


def _group(name: str) -> str:
    """A placeholder as a regular expression: an option's name holds no colon but that of the
    variable that gave its value; anything else, as little as will do."""
    if name == "name":
        return r"(?P<name>[^:]+?(?: \(env var: [^)]*\))?)"
    return f"(?P<{name}>.+?)"


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{\w+(?:!r)?\})", template)
    regex = "".join(
        _group(part.strip("{}").removesuffix("!r"))
        if part.startswith("{") and part.endswith("}")
        else re.escape(part)
        for part in parts
    )
    return re.compile(f"{regex}$", re.S)


def click_message(message: str) -> str:
    """MESSAGE, one of Click's or Typer's usage errors in English, in the reader's language;
    as it is when it is none of them, or the language is English."""
    for template in CLICK_MESSAGES:
        found = _pattern(template).match(message)
        if found is None:
            continue
        values = {
            name: _inner(value)
            if name == "message"
            else _param(value)
            if name == "name"
            else _Shown(value)
            for name, value in found.groupdict().items()
        }
        return _(template).format(**values)
    return _(message)  # one of exotour's own (folder_path's), or left as Click wrote it


def _param(hint: str) -> _Shown:
    """An option's name as Click shows it, with the variable that gave its value."""
    found = _pattern(PARAM_FROM_VARIABLE).match(hint)
    if found is None:
        return _Shown(hint)
    name, var = _Shown(found["name"]), _Shown(found["var"])
    return _Shown(_(PARAM_FROM_VARIABLE).format(name=name, var=var))


def _inner(message: str) -> str:
    """A MESSAGE within another: Typer takes the full stop off a message it adds to."""
    if message.endswith("."):
        return click_message(message)
    return click_message(message + ".").removesuffix(".")


def lang_option(args: Sequence[str]) -> str | None:
    """The value of --lang in ARGS, before any `--`: Typer draws its help while it parses, so
    the language is needed before Click has read the line (which it then reads as always)."""
    for index, word in enumerate(args):
        if word == "--":
            break
        if word == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if word.startswith("--lang="):
            return word.partition("=")[2]
    return None


def speak(args: Sequence[str], environ: Mapping[str, str] | None = None) -> None:
    """Speak the language ARGS and ENVIRON choose, in exotour's strings and in Typer's gettext
    lookups."""
    import os

    from exotour import i18n

    language = i18n.choose(os.environ if environ is None else environ, lang_option(args))
    i18n.use(language)
    if language == i18n.ENGLISH:
        import sys

        # English after another language in this process (a library caller, a test): Typer's
        # lookups go back to gettext's default domain, which has no catalogue. No import here.
        earlier = sys.modules.get("gettext")
        if earlier is not None and earlier.textdomain() == i18n.DOMAIN:
            earlier.textdomain("messages")
        return
    import gettext

    gettext.bindtextdomain(i18n.DOMAIN, str(i18n.LOCALE_DIR))
    gettext.textdomain(i18n.DOMAIN)
    os.environ["LANGUAGE"] = language  # what gettext's lookups go by; a pager inherits it too
