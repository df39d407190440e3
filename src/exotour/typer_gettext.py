"""Typer's own words in the reader's language, where Typer lets them be.

Typer 0.28 looks up four of its words with the standard library's gettext, in gettext's global
domain: the help's headings (Arguments, Options, Commands) and "No such command". Its bundled
Click looks up none (its usage line and errors are English). So for a language other than
English, the Typer app is run with exotour's catalogue as gettext's domain and the language in
LANGUAGE, which gettext reads; the four words are marked here so that scripts/i18n.py extracts
them. Only the Typer app needs this: the fast path never shows Typer's words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from exotour.i18n import N_

# Word for word as Typer writes them (typer/core.py); the catalogue translates them.
MESSAGES = (
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("No such command {name!r}."),
)


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
    """Let Typer's gettext lookups answer in the language ARGS and ENVIRON choose."""
    import os

    from exotour import i18n

    language = i18n.choose(os.environ if environ is None else environ, lang_option(args))
    if language == i18n.ENGLISH:
        return
    import gettext

    gettext.bindtextdomain(i18n.DOMAIN, str(i18n.LOCALE_DIR))
    gettext.textdomain(i18n.DOMAIN)
    os.environ["LANGUAGE"] = language  # what gettext's lookups go by; a pager inherits it too
