"""Text made safe for where it goes: a terminal (`printable`) and Markdown (`escape_markdown`).

Pure and below every layer: the content layer writes Markdown (the generated Sources section),
render writes it (exports, summaries), and every layer's messages reach a terminal.
"""

from __future__ import annotations

import re

# C0 and C1 controls but tab and newline, DEL, and the characters that reorder or split lines
# (bidi overrides and isolates, line and paragraph separators): never sent to a terminal raw.
UNSAFE_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~&])")
# What would start a list item, a heading or a quote at the start of a line: `1.`, `1)`, `-`, `+`.
_MD_LINE_START = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+=])(?=\s|$)", re.M)


def printable(text: str) -> str:
    """TEXT with every unsafe character shown as its escape (`\\x1b`), so an escape sequence
    from a file name, content, a cache or a state file prints as text, never acts."""
    if not UNSAFE_CHARS.search(text):
        return text  # the usual case: spare the rebuild
    return UNSAFE_CHARS.sub(lambda m: repr(m[0])[1:-1], text)


def escape_markdown(text: str) -> str:
    """Plain text made literal inside Markdown: every character that could mark up is escaped,
    and so is what would start a list, a heading or a quote at the start of a line."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)

    def line_start(match: re.Match[str]) -> str:
        if match[2] is not None:
            return f"{match[1]}{match[2]}\\{match[3]}"
        return f"{match[4]}\\{match[5]}"

    return _MD_LINE_START.sub(line_start, escaped)
