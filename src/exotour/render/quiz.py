"""The screens of `exotour quiz`: the introduction, each question, the feedback and the score."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from exotour.i18n import _, ngettext
from exotour.model import Tour
from exotour.quiz import LETTERS, Feedback, Item, Quiz


def prompt_text(count: int) -> str:
    """The question's prompt, which the answer completes on the same line."""
    # TRANSLATORS: 1-4 and a-d are the keys that answer; q stops the quiz.
    words = _("Your answer (1-{count} or a-{letter}, q stops):")
    return words.format(count=count, letter=LETTERS[count - 1])


def retry_text(count: int) -> str:
    """The prompt again, after a key that names no choice."""
    return _("Press 1-{count} or a-{letter}, or q to stop:").format(
        count=count, letter=LETTERS[count - 1]
    )


def not_a_choice(answer: str, count: int) -> str:
    """What a line that names no choice is told; the line counts as a wrong answer."""
    if answer:
        words = _("'{answer}' is not one of 1-{count} or a-{letter}; counted as wrong.")
    else:
        words = _("An empty line is not one of 1-{count} or a-{letter}; counted as wrong.")
    return words.format(answer=answer, count=count, letter=LETTERS[count - 1])


def intro(state: Quiz, scope: str, interactive: bool) -> RenderableType:
    """What the quiz covers and how to answer: by keys on a terminal, else a line each."""
    count = len(state.items)
    if scope == "all":
        words = ngettext(
            "Quiz: {count} question on the whole tour",
            "Quiz: {count} questions on the whole tour",
            count,
        )
    else:
        words = ngettext(
            "Quiz: {count} question on section {section}",
            "Quiz: {count} questions on section {section}",
            count,
        )
    heading = words.format(count=count, section=state.items[0].section + 1)
    text = Text(heading, style="bold")
    if interactive:
        how = _("Press a number or letter to answer; q stops and shows your score so far.")
    else:
        how = _("One answer a line; q stops and shows your score so far.")
    text.append(f"\n{how}", style="")
    check = _("The questions check what the article and the evidence notes say; none is advice.")
    text.append(f"\n{check}", style="dim")
    return text


def question_block(state: Quiz, item: Item) -> RenderableType:
    """The question ITEM, numbered, with its section and its choices."""
    from rich.table import Table

    words = _("Question {number} of {count}").format(number=state.number, count=len(state.items))
    head = Text(f"\n{words}", style="bold")
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
        # The mark styled, not what follows.
        text = Text.assemble((_("✓ Right.") + " ", "bold green"))
    else:
        right = feedback.right_choice
        text = Text.assemble((_("✗ Not quite:") + " ", "bold red"))
        # TRANSLATORS: {number} is the right choice's number, {choice} its words.
        answer = _("the answer is {number}, {choice}.")
        # Bold up to the choice's end, as the right answer; what follows (a full stop) not.
        bold, found, rest = answer.partition("{choice}")
        text.append(bold.format(number=right + 1), style="bold")
        if found:
            text.append(question.choices[right], style="bold")
        text.append(rest.format(number=right + 1) + " ")
    text.append(question.explanation)
    return text


def ending(
    tour: Tour, state: Quiz, best: tuple[int, int] | None, prefix: str = "exotour"
) -> RenderableType:
    """The score, how far the quiz got, and the sections worth reading again, each with the
    command that opens it (beginning with PREFIX)."""
    parts: list[RenderableType] = [Text("")]
    words = _("Score: {right}/{asked}").format(right=state.right, asked=state.asked)
    score = Text(words, style="bold")
    if not state.asked:
        score.append("  " + _("(no questions answered)"), style="")
    elif not state.finished:
        stopped = ngettext(
            "(stopped after {asked} of {count} question)",
            "(stopped after {asked} of {count} questions)",
            len(state.items),
        )
        score.append("  " + stopped.format(asked=state.asked, count=len(state.items)), style="")
    parts.append(score)
    if best is not None and best != (state.right, state.asked):
        parts.append(Text(_("Your best: {right}/{asked}").format(right=best[0], asked=best[1])))
    review = state.to_review()
    if review:
        from exotour.render.command_rows import numbered

        rows = [
            (item.section + 1, Text(item.section_title), f"{prefix} learn {item.section + 1}")
            for item in review
        ]
        parts.extend([Text(_("Sections to review:")), Padding(numbered(rows), (0, 0, 0, 2))])
    elif state.asked:
        parts.append(Text(_("Nothing to review: every answer was right.")))
    parts.append(Text(tour.disclaimer, style="italic dim"))
    return Group(*parts)
