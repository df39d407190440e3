"""The screens of `exotour quiz`: the introduction, each question, the feedback and the score."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from exotour.model import Tour
from exotour.quiz import LETTERS, Feedback, Item, Quiz


def prompt_text(count: int) -> str:
    """The question's prompt, which the answer completes on the same line."""
    return f"Your answer (1-{count} or a-{LETTERS[count - 1]}, q stops):"


def retry_text(count: int) -> str:
    """The prompt again, after a key that names no choice."""
    return f"Press 1-{count} or a-{LETTERS[count - 1]}, or q to stop:"


def not_a_choice(answer: str, count: int) -> str:
    """What a line that names no choice is told; the line counts as a wrong answer."""
    what = f"'{answer}' is not" if answer else "An empty line is not"
    return f"{what} one of 1-{count} or a-{LETTERS[count - 1]}; counted as wrong."


def intro(state: Quiz, scope: str, interactive: bool) -> RenderableType:
    """What the quiz covers and how to answer: by keys on a terminal, else a line each."""
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
    """The question ITEM, numbered, with its section and its choices."""
    from rich.table import Table

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
    """Right or not, the right choice when not, and the explanation."""
    question = feedback.item.question
    if feedback.correct:
        text = Text.assemble(("✓ Right. ", "bold green"))  # the mark styled, not what follows
    else:
        right = feedback.right_choice
        text = Text.assemble(("✗ Not quite: ", "bold red"))
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
