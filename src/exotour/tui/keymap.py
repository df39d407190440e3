"""The walkthrough's keys as people read them: the one list that the `?` overlay, `learn --help`
and the README show. Light on purpose: the command line imports it to write its help."""

from __future__ import annotations

HELP_KEYS: tuple[tuple[str, str], ...] = (
    ("→ n Space Enter j f PgDn ↓", "next page"),
    ("← p Backspace k b PgUp ↑", "previous page"),
    ("g Home / G End", "first / last page"),
    ("1-9, 10 ...", "that section (1 then 2: section 12)"),
    (":N Enter", "go to section N"),
    ("t", "contents, to jump"),
    ("/", "search (remembers the last words)"),
    ("n / N", "next / previous hit, while on a search's hits"),
    ("' Ctrl-O", "back to before the last jump"),
    ("w", "glossary terms on this page"),
    ("? h", "help: this list of keys"),
    ("Ctrl-L", "draw the screen again"),
    ("Esc", "close what is open; end a search"),
    ("q Ctrl-C", "quit (place saved)"),
)


def keys_help() -> str:
    """The keys as a block of help text, one key per line (Click keeps a \\b block as it is)."""
    width = max(len(keys) for keys, _ in HELP_KEYS)
    lines = [f"  {keys:<{width}}  {what}" for keys, what in HELP_KEYS]
    return "\b\nKeys (a single key acts; no Enter needed):\n" + "\n".join(lines)
