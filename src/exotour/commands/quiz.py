"""`exotour quiz [SECTION]`: one question at a time, immediate feedback, then the score.

On a terminal (stdin and stdout both) each answer is a single key: 1-4 or a-d; q or Esc stops
early with the score so far. Otherwise answers are read one per line, so a quiz can be scripted
(`printf '1\\n2\\n' | exotour quiz`): a line that names no choice counts as a wrong answer (so the
following lines still answer the following questions), a line `q` stops, and the end of input ends
the quiz with the score so far. Every way of stopping but Ctrl-C (exit 130) exits 0.

The best score is kept with the progress, per section or for "all", for quizzes answered to the
end: a quiz stopped after two right answers would otherwise count as a perfect score.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from exotour.commands import (
    Options,
    command_prefix,
    load,
    print_plain,
    stdout,
    store_for,
    warn,
)
from exotour.errors import ExitStatus

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, RenderableType

    from exotour.model import Tour
    from exotour.quiz import Feedback, Item, Quiz

# Keys that may follow an answer out of habit; they are ignored rather than called invalid.
_IGNORED_KEYS = frozenset({"enter", "space", "unknown"})


class _Screen:
    """Prints to a terminal with styles, or elsewhere as plain text without trailing spaces."""

    def __init__(self, options: Options, console: Console) -> None:
        self.options = options
        self.console = console

    def show(self, renderable: RenderableType) -> None:
        if self.console.is_terminal:
            self.console.print(renderable)
        else:
            print_plain(self.options, renderable)

    def prompt(self, text: str) -> None:
        """Text that the answer completes on the same line."""
        if self.console.is_terminal:
            self.console.print(text, end="", style="bold", highlight=False)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()

    def answered(self, text: str) -> None:
        """End the prompt's line with the answer given (the prompt ends without a space)."""
        self.finish_line(f" {text}" if text else "")

    def finish_line(self, text: str) -> None:
        if self.console.is_terminal:
            self.console.print(text, highlight=False)
        else:
            sys.stdout.write(text + "\n")


def run(options: Options, section: str | None) -> ExitStatus:
    tour = load(options)
    from exotour import quiz as engine
    from exotour.render.console import is_interactive

    prefix = command_prefix(options)
    state, scope = engine.start(tour, section, prefix)
    console = stdout(options)
    screen = _Screen(options, console)
    interactive = is_interactive(console)
    screen.show(intro(tour, state, scope, interactive))
    asking = _by_keys(state, screen) if interactive else _by_lines(state, screen)
    try:
        for answered in asking:  # each answer's state, kept so Ctrl-C still has the score
            state = answered
    except KeyboardInterrupt:
        screen.finish_line("")
        screen.show(ending(tour, state, best=None, prefix=prefix))
        return ExitStatus.INTERRUPTED
    best = _keep_best(tour, scope, state) if state.finished else None
    screen.show(ending(tour, state, best, prefix=prefix))
    return ExitStatus.OK


def _by_keys(state: Quiz, screen: _Screen) -> Iterator[Quiz]:
    """Ask each question and read a single key for its answer, until the end or q/Esc.

    Yields the state after every answer, so an interrupted quiz still has its score so far.
    """
    from exotour import quiz as engine
    from exotour.tui.keys import EOF_KEY, REDRAW_KEY
    from exotour.tui.session import TerminalSession

    with TerminalSession(full_screen=False) as keys:
        while (item := state.current) is not None:
            screen.show(question_block(state, item))
            count = len(item.question.choices)
            screen.prompt(prompt_text(count))
            while True:
                key = keys.read_key()
                if key is None or key in _IGNORED_KEYS:
                    continue
                if key == REDRAW_KEY:  # back from Ctrl-Z: the shell wrote below the prompt
                    screen.prompt(prompt_text(count))
                    continue
                if key in engine.QUIT_KEYS or key == EOF_KEY:
                    screen.answered("(stopped)")
                    return
                choice = engine.parse_answer(key, count)
                if choice is not None:
                    break
                screen.finish_line("")
                screen.prompt(f"Press 1-{count} or a-{engine.LETTERS[count - 1]}, or q to stop:")
            screen.answered(engine.label(choice))
            state, feedback = state.answer(choice)
            yield state
            screen.show(feedback_block(feedback))


def _by_lines(state: Quiz, screen: _Screen) -> Iterator[Quiz]:
    """Ask each question and read one line for its answer, until the end, a 'q' line or EOF.

    Yields the state after every answer, as _by_keys does.
    """
    import io

    from exotour import quiz as engine

    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="replace")  # a stray byte is a wrong answer, not a crash
    while (item := state.current) is not None:
        screen.show(question_block(state, item))
        count = len(item.question.choices)
        screen.prompt(prompt_text(count))
        line = sys.stdin.readline()
        if not line:
            screen.answered("(end of input)")
            return
        # Echoed back, so nothing in it may reach the terminal as a control sequence.
        answer = "".join(c if c.isprintable() else "?" for c in line.strip())[:40]
        if answer.casefold() in ("q", "quit"):
            screen.answered(answer)
            return
        choice = engine.parse_answer(answer, count)
        screen.answered(answer)
        state, feedback = state.answer(choice)
        yield state
        if choice is None:
            what = f"'{answer}' is not" if answer else "An empty line is not"
            letters = f"a-{engine.LETTERS[count - 1]}"
            screen.finish_line(f"{what} one of 1-{count} or {letters}; counted as wrong.")
        screen.show(feedback_block(feedback))


def _keep_best(tour: Tour, scope: str, state: Quiz) -> tuple[int, int] | None:
    """Save the score if it is the best for SCOPE; the best (right, asked) kept, if any."""
    store = store_for(tour)
    saved = store.load().with_quiz(scope, state.right, state.asked)
    store.save(saved)
    warn(store.warnings)
    return next(((r, a) for s, r, a in saved.quiz_best if s == scope), None)


# -- what is shown -------------------------------------------------------------------------------


def prompt_text(count: int) -> str:
    from exotour.quiz import LETTERS

    return f"Your answer (1-{count} or a-{LETTERS[count - 1]}, q stops):"


def intro(tour: Tour, state: Quiz, scope: str, interactive: bool) -> RenderableType:
    from rich.text import Text

    count = len(state.items)
    what = "the whole tour" if scope == "all" else f"section {state.items[0].section + 1}"
    text = Text(f"Quiz: {count} question{'s' if count != 1 else ''} on {what}", style="bold")
    how = "Press a number or letter to answer" if interactive else "One answer a line"
    text.append(f"\n{how}; q stops and shows your score so far.", style="")
    text.append(
        "\nThe questions check what the article and the evidence notes say; none is advice.",
        style="dim",
    )
    return text


def question_block(state: Quiz, item: Item) -> RenderableType:
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    head = Text(f"\nQuestion {state.number} of {len(state.items)}", style="bold")
    head.append(f" · {item.section + 1}. ", style="dim")
    head.append(item.section_title, style="dim")
    choices = Table.grid(padding=(0, 1))
    choices.add_column(justify="right", no_wrap=True)
    choices.add_column(ratio=1)
    for number, choice in enumerate(item.question.choices):
        choices.add_row(f"{number + 1}.", Text(choice))
    return Group(head, Text(item.question.question), Padding(choices, (0, 0, 0, 2)))


def feedback_block(feedback: Feedback) -> RenderableType:
    from rich.text import Text

    question = feedback.item.question
    if feedback.correct:
        text = Text("✓ Right. ", style="bold green")
    else:
        right = feedback.right_choice
        text = Text("✗ Not quite: ", style="bold red")
        text.append(f"the answer is {right + 1}, ", style="bold")
        text.append(question.choices[right], style="bold")
        text.append(". ")
    text.append(question.explanation)
    return text


def ending(
    tour: Tour, state: Quiz, best: tuple[int, int] | None, prefix: str = "exotour"
) -> RenderableType:
    """The score, how far the quiz got, and the sections worth reading again, each with the
    command that opens it (beginning with PREFIX)."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    parts: list[RenderableType] = [Text("")]
    score = Text(f"Score: {state.right}/{state.asked}", style="bold")
    if not state.asked:
        score.append("  (no questions answered)", style="")
    elif not state.finished:
        score.append(f"  (stopped after {state.asked} of {len(state.items)} questions)", style="")
    parts.append(score)
    if best is not None and best != (state.right, state.asked):
        parts.append(Text(f"Your best: {best[0]}/{best[1]}"))
    review = state.to_review()
    if review:
        from exotour.render.command_rows import numbered

        rows = [
            (item.section + 1, Text(item.section_title), f"{prefix} learn {item.section + 1}")
            for item in review
        ]
        parts.extend([Text("Sections to review:"), Padding(numbered(rows), (0, 0, 0, 2))])
    elif state.asked:
        parts.append(Text("Nothing to review: every answer was right."))
    parts.append(Text(tour.disclaimer, style="italic dim"))
    return Group(*parts)
