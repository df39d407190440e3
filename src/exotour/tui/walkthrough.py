"""The walkthrough on a terminal: what each key does, the screen it draws, and the key loop.

The rules of movement are pure (tui/position.py), and the state they move is tui/reading.py;
here they meet keys, screens and the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import RenderableType
from rich.control import Control
from rich.segment import Segment, Segments

from exotour.errors import ExitStatus, Signalled
from exotour.i18n import _
from exotour.model import Tour
from exotour.tui import goto
from exotour.tui.keys import EOF_KEY, REDRAW_KEY, KeyReader
from exotour.tui.openers import OVERLAYS
from exotour.tui.overlay import CLOSE, Jump
from exotour.tui.pages import MIN_HEIGHT, MIN_WIDTH, fits
from exotour.tui.position import (
    CTRL_O,
    JUMPS,
    KEYS,
    REDRAW,
    Action,
    Position,
    describe,
    rescale,
    resume_position,
    step,
)
from exotour.tui.reading import Reading

__all__ = [  # the pure rules too, for the callers from before the split
    "KEYS",
    "Action",
    "Position",
    "Walkthrough",
    "describe",
    "rescale",
    "resume_position",
    "step",
]


@dataclass
class Walkthrough(Reading):
    """The interactive tour on a real terminal: keys in, screens out."""

    typed: goto.Typed | None = None  # a section number being typed (tui/goto.py)

    # -- the screen ------------------------------------------------------------------------------

    def screen(self) -> RenderableType:
        from exotour.render import screens as render

        if not fits(*self.size):
            return render.too_small_screen(self.size, (MIN_WIDTH, MIN_HEIGHT))
        if self.problems:
            from exotour.render.learn import problems_screen

            folder = str(self.watcher.folder) if self.watcher is not None else _("this folder")
            return problems_screen(self.problems, self.size, folder)
        if self.overlay is not None:
            return self.overlay.screen(self.size)
        if self.finished:
            return render.closing_screen(self.tour, self.size, self.message, self.prefix)
        section_pages = self.pages.pages(self.position.section)
        page = section_pages[self.position.page]
        if self.highlight:
            from exotour.render.highlight import highlight_page

            page = highlight_page(page, self.highlight)
        return render.learn_screen(
            self.tour,
            self.position.section,
            page,
            self.position.page,
            len(section_pages),
            self.size,
            self.message,
            search=self.search.status if self.search is not None and self.on_hit() else None,
            palette=self.palette,
        )

    def draw(self, renderable: RenderableType) -> None:
        """Paint exactly one screenful from the top left, overwriting what was there."""
        width, height = self.size
        options = self.console.options.update(width=width, height=height)
        lines = self.console.render_lines(renderable, options, pad=True)[:height]
        lines += [[Segment(" " * width)]] * (height - len(lines))
        segments: list[Segment] = []
        for number, line in enumerate(lines):
            if number:
                segments.append(Segment.line())
            segments.extend(line)
        self.console.control(Control.home())
        self.console.print(Segments(segments), end="", crop=False)

    def run(self) -> ExitStatus:
        """The loop on the terminal, held by a TerminalSession (keys, screen, Ctrl-Z, signals);
        every way out saves the place: q, Ctrl-C (130), SIGTERM/SIGHUP (128+N, re-raised)."""
        from exotour.tui.session import TerminalSession

        self.position = self._clamp(self.position)
        self.save()
        try:
            with TerminalSession() as keys:
                return self._loop(keys)
        except KeyboardInterrupt:
            self.save()
            return ExitStatus.INTERRUPTED
        except Signalled:
            self.save()
            raise
        except OSError:  # the terminal went away under a write
            self.save()
            return ExitStatus.OK

    def tick(self) -> bool:
        """What changed while no key came: the terminal's size, or (--watch) the files. True when
        the screen must be drawn again."""
        changed = False
        now = self._terminal_size()
        if now != self.size:
            self._resize(now)
            changed = True
        if self.watcher is not None:
            answer = self.watcher.poll()
            if isinstance(answer, Tour):
                self.reload(answer)
                changed = True
            elif answer is not None:
                self.problems = tuple(answer.lines()) or (answer.message,)
                changed = True
        return changed

    def cut_ahead(self) -> None:
        """While the reader reads: cut the next section (else the one before) into pages, so
        turning into it is as quick as any other page turn. One section per call."""
        count = len(self.tour.sections)
        for index in (self.position.section + 1, self.position.section - 1):
            if 0 <= index < count and not self.pages.is_cut(index):
                self.pages.pages(index)
                return

    # -- keys ------------------------------------------------------------------------------------

    def handle(self, key: str) -> bool:
        """Act on one key; False when the walkthrough should end."""
        if self.overlay is not None:
            return self._overlay_key(key)
        if self.typed is not None and self._number_key(key):
            self.leave_search()
            return True
        action = KEYS.get(key)
        if action is Action.QUIT:
            return False
        if key == "esc":  # Esc closes what is open, and never quits
            self._escape()
        elif key == REDRAW:
            pass  # Ctrl-L: the whole screen is drawn again after every key
        elif not fits(*self.size) or self.problems:
            pass  # nothing to move on a screen too small, or a tour that does not load
        elif key in ("n", "N") and self.on_hit():
            self.next_hit(1 if key == "n" else -1)
        elif key in ("'", CTRL_O):
            self.back()
        elif action is not None:
            target = step(self.position, action, len(self.tour.sections), self.pages.count)
            self.jump(target) if action in JUMPS else self.go(target)
        elif key in OVERLAYS:
            self.overlay = OVERLAYS[key](self)
        elif goto.is_digit(key) or key == ":":
            self._number_key(key)
        elif key == "N":
            self.message = _("N goes to the previous hit of a search: press / to search")
        else:
            self.message = _("That key does nothing here; press ? for the keys")
        self.leave_search()
        return True

    def _number_key(self, key: str) -> bool:
        """A key while a section number is typed; False when the number ends and KEY acts."""
        typed, sections = self.typed, len(self.tour.sections)
        self.typed = None
        if goto.is_digit(key):
            self.typed = goto.more(typed, key, sections)
            index = goto.named(self.typed.digits, sections)
            if self.typed.asked:
                pass
            elif index is None:
                self.typed = None
                self.message = _("No section {number}: the tour has 1-{sections}").format(
                    number=key, sections=sections
                )
            elif typed is None:
                self.jump(Position(index))  # the first digit jumps, and ' comes back
            else:
                self.go(Position(index))  # the next ones only say where more exactly
        elif key == ":":
            self.typed = goto.Typed(asked=True)
        elif typed is not None and typed.asked and key == "backspace":
            self.typed = goto.Typed(typed.digits[:-1], asked=True)
        elif typed is not None and typed.asked and key == "enter":
            index = goto.named(typed.digits, sections)
            if index is None:
                self.message = _("No section {number}: the tour has 1-{sections}").format(
                    number=typed.digits or _("number"), sections=sections
                )
            else:
                self.jump(Position(index))
            return True
        else:  # Enter (or Esc after `:`) ends the number, and the page stays; others act
            return key == "enter" or (typed is not None and typed.asked and key == "esc")
        if self.typed is not None and self.typed.asked:
            self.message = goto.prompt(self.typed, sections)
        return True

    def _escape(self) -> None:
        if self.search is not None:
            self.search, self.highlight = None, ()
            self.message = _("Search ended; / searches again")
        else:
            self.message = _("Esc closes what is open; q quits the tour")

    def _overlay_key(self, key: str) -> bool:
        assert self.overlay is not None
        answer = self.overlay.handle(key)
        if key == EOF_KEY:
            return False
        if isinstance(answer, Jump):
            self.overlay = None
            if answer.query is not None:
                self.start_search(answer.query, answer.section, answer.passage)
            last = self.pages.count(answer.section) - 1
            self.jump(Position(answer.section, min(answer.page, last)))
            self.leave_search()
            self.highlight = answer.highlight
        elif answer == CLOSE:
            self.overlay = None
        return True

    def _loop(self, keys: KeyReader) -> ExitStatus:
        dirty = True
        while True:
            if self.tick():
                dirty = True
            if dirty and not keys.pending():  # keys waiting (a paste): draw once they are read
                self.draw(self.screen())
                self.message = ""
                dirty = False
            key = keys.read_key(timeout=0.25)
            if key == REDRAW_KEY:  # back from Ctrl-Z: the screen was the shell's meanwhile
                dirty = True
                continue
            if key is None:
                self.cut_ahead()
                continue
            dirty = True
            if not self.handle(key):
                self.save()
                return ExitStatus.OK
