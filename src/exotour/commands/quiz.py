"""`exotour quiz [SECTION]`: one question at a time, immediate feedback, then the score.

On a terminal (stdin and stdout both) each answer is a single key: 1-4 or a-d; q or Esc stops
early with the score so far. Otherwise answers are read one per line, so a quiz can be scripted
(`printf '1\\n2\\n' | exotour quiz`): a line that names no choice counts as a wrong answer (so the
following lines still answer the following questions), a line `q` stops, and the end of input ends
the quiz with the score so far. Every way of stopping but Ctrl-C (exit 130) exits 0.

The best score is kept with the progress, per section or for "all", for quizzes answered to the
end: a quiz stopped after two right answers would otherwise count as a perfect score.

Where answers come from and where screens go are injected (`Streams`), so tests drive both ways
of answering in-process, with no terminal.
"""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TextIO

from exotour.commands import Options, command_prefix, load, print_plain, stdout, store_for, warn
from exotour.errors import ExitStatus, UsageError
from exotour.i18n import _
from exotour.localnumbers import number

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, RenderableType

    from exotour.model import Tour
    from exotour.quiz import Quiz

# Keys that may follow an answer out of habit; they are ignored rather than called invalid.
_IGNORED_KEYS = frozenset({"enter", "space", "unknown"})


class KeySource(Protocol):
    """Single keys by name (tui.keys.KeyReader on a terminal); None when none came."""

    def read_key(self) -> str | None: ...


@dataclass(frozen=True)
class Streams:
    """Where screens go (CONSOLE) and where answers come from: single KEYS when given (a
    terminal, in cbreak mode while the context is open), else one line each from LINES."""

    console: Console
    lines: TextIO
    keys: AbstractContextManager[KeySource] | None = None


def default_streams(options: Options) -> Streams:
    """The real terminal's keys when both ends are a terminal; else stdin's lines."""
    from exotour.render.console import is_interactive

    console = stdout(options)
    if not is_interactive(console):
        return Streams(console, sys.stdin)
    # The session restores the terminal on Ctrl-Z and signals, as the walkthrough's does.
    from exotour.tui.session import TerminalSession

    return Streams(console, sys.stdin, TerminalSession(full_screen=False))


# The longest line read as one answer: far beyond "2" or "quit", far below what memory notices.
LONGEST_ANSWER = 1000


class _Screen:
    """Prints to a terminal with styles, or elsewhere as plain text without trailing spaces."""

    def __init__(self, options: Options, console: Console) -> None:
        self.options = options
        self.console = console

    def show(self, renderable: RenderableType) -> None:
        if self.console.is_terminal:
            self.console.print(renderable)
        else:
            print_plain(self.options, renderable, self.console)

    def prompt(self, text: str) -> None:
        """Text that the answer completes on the same line."""
        if self.console.is_terminal:
            self.console.print(text, end="", style="bold", highlight=False)
        else:
            self.console.file.write(text)
            self.console.file.flush()

    def answered(self, text: str) -> None:
        """End the prompt's line with the answer given (the prompt ends without a space)."""
        self.finish_line(f" {text}" if text else "")

    def finish_line(self, text: str) -> None:
        if self.console.is_terminal:
            self.console.print(text, highlight=False)
        else:
            self.console.file.write(text + "\n")


def run(options: Options, section: str | None, *, streams: Streams | None = None) -> ExitStatus:
    tour = load(options)
    from exotour import quiz as engine
    from exotour.render import quiz as screens

    prefix = command_prefix(options)
    state, scope = engine.start(tour, section, prefix)
    streams = streams if streams is not None else default_streams(options)
    screen = _Screen(options, streams.console)
    screen.show(screens.intro(state, scope, interactive=streams.keys is not None))
    if streams.keys is not None:
        asking = _by_keys(state, screen, streams.keys)
    else:
        asking = _by_lines(state, screen, streams.lines)
    try:
        for answered in asking:  # each answer's state, kept so Ctrl-C still has the score
            state = answered
    except KeyboardInterrupt:
        screen.finish_line("")
        screen.show(screens.ending(tour, state, best=None, prefix=prefix))
        return ExitStatus.INTERRUPTED
    best = _keep_best(tour, scope, state) if state.finished else None
    screen.show(screens.ending(tour, state, best, prefix=prefix))
    return ExitStatus.OK


def _by_keys(
    state: Quiz, screen: _Screen, source: AbstractContextManager[KeySource]
) -> Iterator[Quiz]:
    """Ask each question and read a single key for its answer, until the end or q/Esc.

    Yields the state after every answer, so an interrupted quiz still has its score so far.
    """
    from exotour import quiz as engine
    from exotour.render import quiz as screens
    from exotour.tui.keys import EOF_KEY, REDRAW_KEY

    with source as keys:
        while (item := state.current) is not None:
            screen.show(screens.question_block(state, item))
            count = len(item.question.choices)
            screen.prompt(screens.prompt_text(count))
            while True:
                key = keys.read_key()
                if key is None or key in _IGNORED_KEYS:
                    continue
                if key == REDRAW_KEY:  # back from Ctrl-Z: the shell wrote below the prompt
                    screen.prompt(screens.prompt_text(count))
                    continue
                if key in engine.QUIT_KEYS or key == EOF_KEY:
                    screen.answered("(stopped)")
                    return
                choice = engine.parse_answer(key, count)
                if choice is not None:
                    break
                screen.finish_line("")
                screen.prompt(screens.retry_text(count))
            screen.answered(engine.label(choice))
            state, feedback = state.answer(choice)
            yield state
            screen.show(screens.feedback_block(feedback))


def _by_lines(state: Quiz, screen: _Screen, lines: TextIO) -> Iterator[Quiz]:
    """Ask each question and read one line for its answer, until the end, a 'q' line or EOF.

    Yields the state after every answer, as _by_keys does.
    """
    import io

    from exotour import quiz as engine
    from exotour.render import quiz as screens
    from exotour.text import printable

    if isinstance(lines, io.TextIOWrapper):
        lines.reconfigure(errors="replace")  # a stray byte is a wrong answer, not a crash
    while (item := state.current) is not None:
        screen.show(screens.question_block(state, item))
        count = len(item.question.choices)
        screen.prompt(screens.prompt_text(count))
        line = lines.readline(LONGEST_ANSWER + 1)  # read no further: stdin may never end a line
        if len(line) > LONGEST_ANSWER:
            raise UsageError(
                _("an answer line is longer than {count} characters").format(
                    count=number(LONGEST_ANSWER)
                ),
                _("answer each question with its number or letter, one to a line"),
            )
        if not line:
            screen.answered(_("(end of input)"))
            return
        # Echoed back, so nothing in it may reach the terminal as a control sequence.
        answer = printable(line.strip())[:40]
        if answer.casefold() in ("q", "quit"):
            screen.answered(answer)
            return
        choice = engine.parse_answer(answer, count)
        screen.answered(answer)
        state, feedback = state.answer(choice)
        yield state
        if choice is None:
            screen.finish_line(screens.not_a_choice(answer, count))
        screen.show(screens.feedback_block(feedback))


def _keep_best(tour: Tour, scope: str, state: Quiz) -> tuple[int, int] | None:
    """Save the score if it is the best for SCOPE; the best (right, asked) kept, if any."""
    store = store_for(tour)
    saved = store.load().with_quiz(scope, state.right, state.asked)
    store.save(saved)
    warn(store.warnings)
    return next(((r, a) for s, r, a in saved.quiz_best if s == scope), None)
