"""The quiz as pure state: which questions, what an answer means, the score, what to re-read.

Nothing here reads keys or prints; `commands/quiz.py` drives it from a terminal or a pipe. A Quiz
is immutable: `answer` returns the next state with feedback, so every rule is testable alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from exotour.errors import UsageError
from exotour.i18n import _
from exotour.model import Question, Tour

LETTERS = "abcd"
QUIT_KEYS = frozenset({"q", "Q", "esc"})


@dataclass(frozen=True)
class Item:
    """One question and the section it comes from."""

    section: int  # index in the tour, from 0
    section_id: str
    section_title: str
    question: Question


@dataclass(frozen=True)
class Feedback:
    """What one answer earned: whether it was right, the right choice, and why."""

    item: Item
    chosen: int | None  # None: an answer that named no choice
    correct: bool

    @property
    def right_choice(self) -> int:
        return self.item.question.answer


@dataclass(frozen=True)
class Quiz:
    """The questions in order and the answers given so far (True for right)."""

    items: tuple[Item, ...]
    results: tuple[bool, ...] = ()

    @property
    def current(self) -> Item | None:
        """The question to ask next, or None once every one was answered."""
        return self.items[len(self.results)] if not self.finished else None

    @property
    def number(self) -> int:
        """The number of the current question, from 1."""
        return len(self.results) + 1

    @property
    def finished(self) -> bool:
        return len(self.results) >= len(self.items)

    @property
    def right(self) -> int:
        return sum(self.results)

    @property
    def asked(self) -> int:
        return len(self.results)

    def answer(self, choice: int | None) -> tuple[Quiz, Feedback]:
        """Answer the current question with CHOICE (from 0; None counts as wrong)."""
        item = self.current
        if item is None:
            raise ValueError("the quiz is over; there is no question to answer")
        correct = choice == item.question.answer
        return replace(self, results=(*self.results, correct)), Feedback(item, choice, correct)

    def to_review(self) -> tuple[Item, ...]:
        """One item per section with a wrong answer, in tour order: the sections to re-read."""
        seen: dict[int, Item] = {}
        for item, correct in zip(self.items, self.results, strict=False):
            if not correct and item.section not in seen:
                seen[item.section] = item
        return tuple(seen[index] for index in sorted(seen))


def questions(tour: Tour, section: int | None = None) -> tuple[Item, ...]:
    """The tour's questions in reading order, or only SECTION's (an index from 0)."""
    return tuple(
        Item(index, s.id, s.title, question)
        for index, s in enumerate(tour.sections)
        if section is None or index == section
        for question in s.quiz
    )


def start(tour: Tour, section: str | None = None, prefix: str = "exotour") -> tuple[Quiz, str]:
    """A new quiz over the whole tour or one SECTION (as `learn` names them), and its scope.

    The scope is the section id, or "all": the key its best score is kept under. Raises
    UsageError when there is nothing to ask (a command in its hint begins with PREFIX).
    """
    if section is None:
        items = questions(tour)
        if not items:
            raise UsageError(
                _("this tour has no quiz questions"),
                hint=_("questions live in each section file under 'quiz:'"),
            )
        return Quiz(items), "all"
    index = tour.resolve(section)
    items = questions(tour, index)
    if not items:
        with_questions = [str(i + 1) for i, s in enumerate(tour.sections) if s.quiz]
        hint = (
            _("sections with questions: {numbers}; or '{command}' for all").format(
                numbers=", ".join(with_questions), command=f"{prefix} quiz"
            )
            if with_questions
            else _("this tour has no quiz questions")
        )
        title = tour.sections[index].title
        words = _("section {number} ({title}) has no quiz questions")
        raise UsageError(words.format(number=index + 1, title=title), hint=hint)
    return Quiz(items), tour.sections[index].id


def parse_answer(text: str, choices: int) -> int | None:
    """The choice (from 0) that TEXT names: '1'-'4' or 'a'-'d', any case; None if it names none."""
    answer = text.strip().casefold()
    if len(answer) != 1:
        return None
    if answer in "123456789" and int(answer) <= choices:
        return int(answer) - 1
    if answer in LETTERS[:choices]:
        return LETTERS.index(answer)
    return None


def label(choice: int) -> str:
    """How a choice is shown and typed: its number (the letter a-d works too)."""
    return str(choice + 1)
