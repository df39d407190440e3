"""The walkthrough's keys as people read them: the one list that the `?` overlay, `learn --help`
and the README show. Light on purpose: the command line imports it to write its help."""

from __future__ import annotations

from exotour.i18n import N_

HELP_KEYS: tuple[tuple[str, str], ...] = (
    ("→ n Space Enter j f PgDn ↓", N_("next page")),
    ("← p Backspace k b PgUp ↑", N_("previous page")),
    ("g Home / G End", N_("first / last page")),
    ("1-9, 10 ...", N_("that section (1 then 2: section 12)")),
    (":N Enter", N_("go to section N")),
    ("t", N_("contents, to jump")),
    ("/", N_("search (remembers the last words)")),
    ("n / N", N_("next / previous hit, while on a search's hits")),
    ("' Ctrl-O", N_("back to before the last jump")),
    ("w", N_("glossary terms on this page")),
    ("? h", N_("help: this list of keys")),
    ("Ctrl-L", N_("draw the screen again")),
    ("Esc", N_("close what is open; end a search")),
    ("q Ctrl-C", N_("quit (place saved)")),
)


def keys_help() -> str:
    """The keys as a block of help text, one key per line (Click keeps a \\b block as it is)."""
    width = max(len(keys) for keys, _ in HELP_KEYS)
    lines = [f"  {keys:<{width}}  {what}" for keys, what in HELP_KEYS]
    return "\b\n" + N_("Keys (a single key acts; no Enter needed):") + "\n" + "\n".join(lines)
