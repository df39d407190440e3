"""`/` in the walkthrough: type words, Enter lists the hits, choose one and Enter jumps to its page.

A prompt first, holding the last query (a key typed replaces it, Backspace edits it, Enter
searches it again). Then the hits are listed: ↑↓ (PgUp PgDn Home End) choose, Enter opens the
page that holds the passage (with the words highlighted there) and starts the search that n and N
walk; any printable key starts a new query with that key, as less does (no letter is a move). A
glossary hit opens its definition in the panel. Esc goes back to the page the reader was on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from exotour.i18n import N_, _, ngettext
from exotour.render.palette import Palette
from exotour.render.results import highlighted
from exotour.tui.overlay import CLOSE, Jump, OverlayAnswer
from exotour.tui.overlays import overlay_frame

if TYPE_CHECKING:
    from exotour.search.engine import Hit
    from exotour.tui.overlay import Reader

# The longest query typed (or pasted) into the prompt; the rest of a paste is dropped.
LONGEST_QUERY = 200
PROMPT = N_("Search: ")
EDIT_KEYS = (
    N_("type words · Enter: search · Backspace: delete · Esc: back to the tour"),
    N_("Enter search · Esc back"),
)
LIST_KEYS = (
    N_("↑↓: choose · Enter: open · type: new search · Esc: back"),
    N_("↑↓ choose · Enter open · Esc back"),
)
_MOVES = {"up": -1, "down": 1, "pageup": -5, "pagedown": 5}
DETAIL_KEYS = (
    N_("any key: back to the hits · Esc: back to the tour"),
    N_("any key: hits · Esc: tour"),
)


@dataclass
class SearchOverlay:
    """The search prompt and its hits, over the walkthrough."""

    walkthrough: Reader
    query: str = ""
    hits: list[Hit] = field(default_factory=list)
    selected: int = 0
    editing: bool = True
    message: str = ""
    detail: Hit | None = None
    fresh: bool = False  # the query is the last one, offered again: a key typed replaces it

    # -- keys ------------------------------------------------------------------------------------

    def handle(self, key: str) -> OverlayAnswer:
        if key == "esc":
            return CLOSE
        if self.detail is not None:
            self.detail = None
            return None
        if key == "enter":
            return self._search() if self.editing else self._open()
        if self.hits and (key in _MOVES or key in ("home", "end")):
            self.editing = False
            self._move(key)
        elif key == "backspace":
            self.editing, self.message, self.fresh = True, "", False
            self.query = self.query[:-1]
        elif key == "/":  # edit the words as they are
            self.editing, self.message, self.fresh = True, "", False
        elif key == "space" or (len(key) == 1 and key.isprintable()):
            if self.fresh or not self.editing:
                self.query = ""  # a new search: the old words give way
            self.editing, self.message, self.fresh = True, "", False
            if len(self.query) >= LONGEST_QUERY:  # a paste of a book is no search
                self.message = _("A search is at most {count} characters").format(
                    count=LONGEST_QUERY
                )
                return None
            self.query += " " if key == "space" else key
        return None

    def _move(self, key: str) -> None:
        last = len(self.hits) - 1
        step = {**_MOVES, "home": -last, "end": last}
        self.selected = min(last, max(0, self.selected + step[key]))

    def _search(self) -> OverlayAnswer:
        from exotour.search.engine import ALL_HITS, parse_query, search, suggest

        tour = self.walkthrough.tour
        self.fresh = False
        if not self.query.strip():
            self.message = _("Type a word to search for, then Enter")
            return None
        self.walkthrough.last_query = self.query
        self.hits = search(tour, self.query, ALL_HITS)  # all: counted as `exotour search` counts
        self.selected = 0
        if self.hits:
            self.editing = False
            count = len(self.hits)
            self.message = ngettext("{count} result", "{count} results", count).format(count=count)
            glossary = sum(1 for hit in self.hits if hit.section is None)
            if glossary:
                self.message += " " + _("({count} in the glossary)").format(count=glossary)
            return None
        suggestion = suggest(tour, self.query)
        self.message = _("No results for '{query}'").format(query=self.query.strip())
        if suggestion:
            self.message += "; " + _("did you mean: {word}?").format(word=suggestion)
        elif not parse_query(self.query):
            self.message += "; " + _("search for words or numbers")
        return None

    def _open(self) -> OverlayAnswer:
        if not self.hits:
            return None
        hit = self.hits[self.selected]
        if hit.section is None:
            self.detail = hit
            return None
        from exotour.search.engine import page_holding

        pages = self.walkthrough.pages.pages(hit.section)
        page = page_holding([p.findable for p in pages], hit)
        return Jump(hit.section, page, hit.terms, self.query, hit.passage)

    # -- the screen ------------------------------------------------------------------------------

    @property
    def _palette(self) -> Palette:
        return self.walkthrough.palette

    def screen(self, size: tuple[int, int]) -> RenderableType:
        if self.detail is not None:
            return self._detail_screen(self.detail, size)
        width, height = size
        prompt = Text(_(PROMPT), style="bold")
        prompt.append(self.query)
        if self.editing:
            prompt.append("▏", style="bold")
        lines: list[RenderableType] = [
            _tail(prompt, width - 4),
            Text(self.message, style=self._palette.begun if not self.hits else "dim", no_wrap=True),
        ]
        rows = max(2, height - 3 - len(lines) - 1)  # the panel's borders, the key line
        lines.append(Text(""))
        lines.extend(self._hit_lines(rows, width - 9))
        keys = EDIT_KEYS if self.editing or not self.hits else LIST_KEYS
        return overlay_frame(_("Search"), Group(*lines), size, _fit(keys, width))

    def _hit_lines(self, rows: int, width: int) -> list[RenderableType]:
        """Two lines a hit: where it is, and its snippet; scrolled to show the one chosen."""
        shown = max(1, rows // 2)
        top = min(max(0, self.selected - shown // 2), max(0, len(self.hits) - shown))
        lines: list[RenderableType] = []
        for number in range(top, min(len(self.hits), top + shown)):
            hit = self.hits[number]
            chosen = number == self.selected and not self.editing
            place = Text("> " if chosen else "  ", style="bold")
            place.append(f"{number + 1}. ", style="reverse" if chosen else "bold")
            where = (
                _("Glossary")
                if hit.section is None
                else _("Section {number}").format(number=hit.section + 1)
            )
            place.append(f"{where} · ", style="reverse" if chosen else "")
            place.append_text(
                highlighted(
                    hit.title, hit.title_spans, self._palette.match, "reverse" if chosen else ""
                )
            )
            if hit.kind == "note":
                place.append(" · " + _("evidence note"), style="cyan")
            place.no_wrap, place.overflow = True, "ellipsis"
            snippet, spans = hit.excerpt(width - 4)  # "… " and " …" fit too
            line = Text("     ") + highlighted(snippet, spans, self._palette.match)
            line.no_wrap, line.overflow = True, "ellipsis"
            lines.extend([place, line])
        return lines

    def _detail_screen(self, hit: Hit, size: tuple[int, int]) -> RenderableType:
        body = Group(
            highlighted(hit.title, hit.title_spans, self._palette.match, "bold"),
            Text(""),
            highlighted(hit.text, hit.spans, self._palette.match),
            Text(""),
            Text(
                _("Outside the tour: {command}").format(
                    command=hit.command_from(self.walkthrough.prefix)
                ),
                style="dim",
            ),
        )
        return overlay_frame(_("Search · glossary"), body, size, _fit(DETAIL_KEYS, size[0]))


def _fit(keys: tuple[str, str], width: int) -> str:
    """The key line that fits WIDTH: the full one, or the short one."""
    full = _(keys[0])
    return full if len(full) < width else _(keys[1])


def _tail(text: Text, width: int) -> Text:
    """The end of TEXT when it is wider than WIDTH, so the cursor stays in sight."""
    if len(text) > width > 1:
        text = Text("…") + text[len(text) - width + 1 :]
    text.no_wrap = True
    return text


def search_overlay(walkthrough: Reader) -> SearchOverlay:
    """The search, offering the last query again."""
    query = walkthrough.last_query
    return SearchOverlay(walkthrough, query=query, fresh=bool(query))
