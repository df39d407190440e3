"""What a tour may hold: every bound the loader enforces, in one place.

Each bound keeps the work of every command proportional to what `validate` accepted: a file is
refused before it is read whole, YAML aliases cannot multiply a file's text beyond a bound, and
the Markdown shapes that make the Markdown libraries slow are refused by validate rather than
met later by `learn` or `search`. docs/authoring.md states them (a test holds the two equal).
"""

from __future__ import annotations

MAX_FILE_BYTES = 1_000_000  # the size of one file on disk
MAX_FILE_CHARS = 2_000_000  # the text of one file's values, counted after aliases are expanded
MAX_FIELD_CHARS = 200_000  # the text of one field, counted after aliases are expanded
# A gist fits one 80-column line beside its number ("10. ") with room to spare.
GIST_CHARS = 72
MAX_LINE_CHARS = 2_000  # one line of text: a title, a takeaway, a keyword, a link
MAX_TOUR_BYTES = 64_000_000  # the files of a tour together, on disk
MAX_SECTIONS = 20_000  # section files in one tour
MAX_VALUES = 20_000  # values in one file (the whole built-in tour has a few thousand)
MAX_ALIAS_EXPANSION = 10_000  # values that aliases may add beyond the file's own
MAX_DEPTH = 32  # values nested in values
MAX_PROBLEMS_PER_FILE = 100  # reported one by one; the rest are counted
MAX_CHAR_REPORTS = 5  # control characters reported one by one in a file, then counted
MAX_SUGGESTIONS = 20  # missing section ids that get a "did you mean"

# Markdown shapes that Rich and markdown-it render in more than linear time, or slowly per
# character (measured with rich 15 and markdown-it-py 4): bounded in every text field.
MAX_MARKDOWN_BRACKETS = 2_000  # `[` in one text: each may open a link to look for
MAX_MARKDOWN_LIST_ITEMS = 1_000  # list items in one text: drawing a list grows faster than it
MAX_MARKDOWN_INDENT = 40  # leading spaces on a line: deep nesting costs the square of its depth

# Human words for a limit, as the messages and docs/authoring.md give them.
LIMITS: tuple[tuple[str, int, str], ...] = (
    ("a file on disk", MAX_FILE_BYTES, "bytes"),
    ("a file's text, aliases expanded", MAX_FILE_CHARS, "characters"),
    ("one field, aliases expanded", MAX_FIELD_CHARS, "characters"),
    ("one line (title, takeaway, keyword, link, ...)", MAX_LINE_CHARS, "characters"),
    ("the files of a tour together", MAX_TOUR_BYTES, "bytes"),
    ("section files in a tour", MAX_SECTIONS, "files"),
    ("values in one file", MAX_VALUES, "values"),
    ("values that aliases add in one file", MAX_ALIAS_EXPANSION, "values"),
    ("nesting of values", MAX_DEPTH, "levels"),
    ("`[` in one text field", MAX_MARKDOWN_BRACKETS, "brackets"),
    ("list items in one text field", MAX_MARKDOWN_LIST_ITEMS, "items"),
    ("indentation of a line in a text field", MAX_MARKDOWN_INDENT, "spaces"),
)
