"""What may reach a terminal: text made safe and steady in width, and symbols a stream can encode.

Three rules live here, and only here:

- no control or bidi character from content, a path, a cache or a state file acts on the
  terminal (`exotour.text.printable` shows each as its escape);
- no emoji sequence whose width terminals disagree on (a variation selector, a zero-width joiner,
  a skin-tone modifier) is drawn: terminals that follow wcwidth count such a sequence as the sum
  of its parts, newer ones as one wide character, and Rich's `cell_len` sides with one or the
  other depending on its version, so frames broke on some. Without the joiners every character
  has one width everywhere;
- a stream that cannot encode a symbol (`PYTHONIOENCODING=ascii`, `LANG=C`, Latin-1) gets an
  ASCII stand-in, never a UnicodeEncodeError; `--ascii` and `ACCESSIBLE=1` ask for the stand-ins
  on any stream, for screen readers.

Only the standard library at import: every command imports this.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import unicodedata
from typing import IO

from exotour.text import UNSAFE_CHARS, printable

# Joiners and modifiers that make terminals disagree on width: U+FE0E/U+FE0F (variation
# selectors), U+200D (zero-width joiner), U+1F3FB-U+1F3FF (skin tones).
UNSTEADY = re.compile("[\ufe0e\ufe0f\u200d\U0001f3fb-\U0001f3ff]")
# Either kind of character that must not reach a terminal as written.
NEEDS_CARE = re.compile(f"{UNSAFE_CHARS.pattern}|{UNSTEADY.pattern}")

# Symbols exotour and Rich draw, and their ASCII stand-ins. Box drawing is Rich's to replace
# (it draws ASCII boxes on a stream whose encoding is not UTF); these are the rest.
SYMBOLS: dict[str, str] = {
    "…": "...",
    "✓": "+",
    "✔": "+",
    "✗": "x",
    "·": "-",
    "•": "*",
    "◦": "o",
    "▪": "*",
    "—": "--",
    "\u2013": "-",
    "→": "->",
    "←": "<-",
    "↑": "^",
    "↓": "v",
    "⏎": "Enter",
    "“": '"',
    "”": '"',
    "\u2018": "'",
    "\u2019": "'",
    "«": '"',
    "»": '"',
    "\u00d7": "x",
    "≥": ">=",
    "≤": "<=",
    "≈": "~",
    "±": "+/-",
    "\u00a0": " ",
    "━": "-",
    "─": "-",
    "═": "=",
    "│": "|",
    "┃": "|",
    "║": "|",
    "▏": "|",
    "▎": "|",
    "█": "#",
    "▌": "|",
    "░": ".",
    "╸": "-",
    "╺": "-",
}
_SYMBOL_TABLE = str.maketrans(SYMBOLS)
# After layout a stand-in must take the cells the symbol took: one character for one.
_ONE_CELL = {"…": ".", "—": "-", "→": ">", "←": "<", "⏎": "~", "≥": ">", "≤": "<", "±": "+"}
_ONE_CELL_TABLE = str.maketrans({k: _ONE_CELL.get(k, v) for k, v in SYMBOLS.items()})
# Box-drawing corners and joints not named above all become `+`.
_BOX = re.compile("[\u2500-\u257f]")

ERROR_HANDLER = "exotour-ascii"


def steady_width(text: str) -> str:
    """TEXT without the joiners and modifiers that terminals measure differently."""
    return UNSTEADY.sub("", text) if UNSTEADY.search(text) else text


def terminal_safe(text: str) -> str:
    """TEXT as it may be sent to a terminal: controls shown as escapes, widths steady."""
    if not NEEDS_CARE.search(text):
        return text
    return printable(steady_width(text))


def ascii_symbols(text: str, *, laid_out: bool = False) -> str:
    """TEXT with exotour's and Rich's symbols as ASCII; letters (é, ü) are kept. Text already
    LAID_OUT gets one character for each symbol, so that columns and frames stay in place."""
    if text.isascii():
        return text
    return _BOX.sub("+", text.translate(_ONE_CELL_TABLE if laid_out else _SYMBOL_TABLE))


def _stand_in(char: str) -> str:
    """An ASCII form of CHAR: its symbol stand-in, its letter without accents, or `?`."""
    known = ascii_symbols(char, laid_out=True)
    if known.isascii():
        return known
    bare = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return bare if bare and bare.isascii() else "?"


def _replace(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start : error.end]
    return "".join(_stand_in(char) for char in chunk), error.end


codecs.register_error(ERROR_HANDLER, _replace)


def utf(stream: IO[str]) -> bool:
    """Whether STREAM can take any character."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
    return encoding.startswith("utf")


def guard(stream: IO[str]) -> None:
    """Let STREAM write a stand-in for what its encoding cannot hold, instead of failing.

    Only streams that are not UTF are changed; one that cannot be reconfigured (a test's
    StringIO takes any character anyway) is left as it is."""
    if utf(stream):
        return
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        # A closed or detached stream is left alone: nothing will be written to it.
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors=ERROR_HANDLER)


class AsciiStream:
    """STREAM seen through ASCII: it says its encoding is ASCII (so Rich draws ASCII boxes and
    bars) and turns symbols into their stand-ins on the way. Letters pass as they are when
    STREAM can hold them, so a screen reader reads `é` as `é`."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    @property
    def encoding(self) -> str:
        return "ascii"

    def write(self, text: str) -> int:
        self.stream.write(ascii_symbols(text, laid_out=True))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()
