"""The decision worksheet of `exotour decide` as pure state: what is asked in which step, what an
answer means, and what has been answered. Nothing here reads keys or prints.

The answers are kept as text by key (the progress file holds them so), and the next question is
always the first one not answered: a worksheet stopped anywhere resumes where it left off. An
answer read back from a file is used only if it is one this worksheet could have taken.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from exotour.decision import FIELD_NAMES, Condition, Decision, Factor
from exotour.i18n import N_, _
from exotour.model import Source
from exotour.text import printable
from exotour.worksheet_words import MAX_RATING as MAX_RATING
from exotour.worksheet_words import MAX_TEXT as MAX_TEXT
from exotour.worksheet_words import answers_for, retry_for

# Marked for the catalogue, translated where shown: the language is chosen after import.
STEP_TITLES = (
    N_("The decision"),
    N_("SURE: how sure do you feel?"),
    N_("Your options side by side"),
    N_("What matters to you"),
    N_("Questions to ask a clinic"),
    N_("SURE again, and your next step"),
)
STEPS = len(STEP_TITLES)
# The SURE test (Légaré et al. 2010): one point for each yes; 3 or less suggests doubt.
# TRANSLATORS: SURE is the test's name (Sure of myself, Understand information, Risk-benefit
# ratio, Encouragement); keep it in capitals as the test's name.
SURE_ITEMS = (
    N_("Do you feel SURE about the best choice for you?"),
    N_("Do you know the benefits and risks of each option?"),
    N_("Are you clear about which benefits and risks matter to you most?"),
    N_("Do you have enough support and advice to make a choice?"),
)
LOW_SURE = 3
YES, NO = "yes", "no"
QUIT_WORDS = frozenset({"q", "quit"})


@dataclass(frozen=True)
class Ask:
    """One thing the worksheet asks: KEY under which the answer is kept, its STEP (1-6), its
    KIND (choice, text, yesno, rating, or ack for a page the reader only reads on) and, for a
    choice, how many there are."""

    key: str
    step: int
    kind: str
    prompt: str
    count: int = 0


def _sure_asks(prefix: str, step: int) -> list[Ask]:
    return [
        Ask(f"{prefix}-{n}", step, "yesno", _(item)) for n, item in enumerate(SURE_ITEMS, start=1)
    ]


@dataclass(frozen=True)
class Worksheet:
    """The decision aid and the answers given so far, by key."""

    decision: Decision
    answers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_saved(cls, decision: Decision, saved: Iterable[tuple[str, str]]) -> Worksheet:
        """The answers SAVED holds that this worksheet could have taken; the rest dropped."""
        sheet = cls(decision)
        asks = {ask.key: ask for ask in sheet.asks()}
        for key, value in saved:
            ask = asks.get(key)
            if ask is None or type(value) is not str:
                continue
            if (ask.key == "condition" and decision.condition(value) is not None) or (
                ask.key != "condition" and parse(ask, value) == value
            ):
                sheet = sheet.answer(ask, value)
        return sheet

    def take(self, ask: Ask, answer: str) -> Worksheet | None:
        """The worksheet with ANSWER (a key or a line) to ASK, or None when it is no answer."""
        value = parse(ask, answer)
        if value is None:
            return None
        if ask.key == "condition":
            value = self.decision.conditions[int(value) - 1].id
        return self.answer(ask, value)

    @property
    def given(self) -> Mapping[str, str]:
        return dict(self.answers)

    @property
    def condition(self) -> Condition | None:
        chosen = self.given.get("condition")
        return self.decision.condition(chosen) if chosen else None

    def asks(self) -> list[Ask]:
        """Everything the worksheet asks, in order."""
        count = len(self.decision.conditions)
        asks = [
            Ask("condition", 1, "choice", _("Which condition are you deciding about?"), count),
            Ask("by-when", 1, "text", _("By when do you want to decide? (a date or a few words)")),
            *_sure_asks("sure", 2),
            Ask("options", 3, "ack", _("Read the options above.")),
        ]
        asks += [
            Ask(
                f"rate-{factor.id}",
                4,
                "rating",
                _("How much does this matter to you: {factor}?").format(factor=factor.label),
            )
            for factor in self.decision.factors
        ]
        asks += [
            Ask("weighed", 4, "ack", _("Read your ratings beside the options above.")),
            Ask("questions", 5, "ack", _("Read the questions above.")),
            *_sure_asks("again", 6),
            Ask(
                "next-step",
                6,
                "text",
                _("Your next step (a few words, for example who to talk to)"),
            ),
        ]
        return asks

    @property
    def current(self) -> Ask | None:
        """The first question not answered yet; None once the worksheet is done."""
        given = self.given
        return next((ask for ask in self.asks() if ask.key not in given), None)

    @property
    def done(self) -> bool:
        return self.current is None

    def answer(self, ask: Ask, value: str) -> Worksheet:
        """The worksheet with ASK answered VALUE (as parse gave it)."""
        answers = dict(self.answers)
        answers[ask.key] = value
        return Worksheet(self.decision, tuple(sorted(answers.items())))

    def sure(self, prefix: str) -> tuple[bool | None, ...]:
        """The four SURE answers under PREFIX (sure, again): True for yes, None if not given."""
        given = self.given
        answers = (given.get(f"{prefix}-{n}") for n in range(1, len(SURE_ITEMS) + 1))
        return tuple(None if a is None else a == YES for a in answers)

    def sure_score(self, prefix: str) -> int | None:
        """The SURE score (0-4), once all four were answered."""
        answers = self.sure(prefix)
        return None if None in answers else sum(1 for a in answers if a)

    def ratings(self) -> list[tuple[Factor, int | None]]:
        given = self.given
        found = ((f, given.get(f"rate-{f.id}")) for f in self.decision.factors)
        return [(factor, None if value is None else int(value)) for factor, value in found]

    def text(self, key: str) -> str | None:
        return self.given.get(key)


def parse(ask: Ask, answer: str) -> str | None:
    """ANSWER (a key or a line) as ASK keeps it, or None when it is no answer to ASK."""
    said = answer.strip()
    folded = said.casefold()
    if ask.kind == "choice":
        if folded.isdigit() and 1 <= int(folded) <= ask.count and len(folded) <= 3:
            return str(int(folded))
        return None
    if ask.kind == "yesno":
        if folded in answers_for("y", "yes"):
            return YES
        return NO if folded in answers_for("n", "no") else None
    if ask.kind == "rating":
        return folded if len(folded) == 1 and folded in "012345" else None
    if ask.kind == "text":
        text = " ".join(printable(said).split())
        return text if len(text) <= MAX_TEXT else None
    return "seen" if ask.kind == "ack" else None


def retry_words(ask: Ask, answer: str) -> str:
    """What an answer that does not fit ASK is told, before ASK is put again."""
    return retry_for(ask.kind, ask.count, answer)


JSON_FORMAT = 1


def _sources_json(sources: Iterable[Source]) -> list[dict[str, str]]:
    return [{"citation": source.label, "link": source.link} for source in sources]


def _sure_json(sheet: Worksheet, prefix: str) -> dict[str, object]:
    score = sheet.sure_score(prefix)
    return {
        "answers": [
            {"question": _(item), "answer": answer}
            for item, answer in zip(SURE_ITEMS, sheet.sure(prefix), strict=True)
        ],
        "score": score,
        "low": None if score is None else score <= LOW_SURE,
    }


def as_json(tour_id: str, sheet: Worksheet) -> dict[str, object]:
    """The worksheet as `exotour decide --json` prints it (keys: see README)."""
    decision = sheet.decision
    condition = sheet.condition
    options = condition.options if condition is not None else ()
    current = sheet.current
    return {
        "format": JSON_FORMAT,
        "tour": tour_id,
        "decision": decision.decision,
        "complete": current is None,
        "step": None if current is None else current.step,
        "conditions": [{"id": c.id, "name": c.name} for c in decision.conditions],
        "condition": None
        if condition is None
        else {
            "id": condition.id,
            "name": condition.name,
            "about": condition.about,
            "without_treatment": condition.without_treatment,
        },
        "by_when": sheet.text("by-when"),
        "sure_before": _sure_json(sheet, "sure"),
        "options": [
            {
                "id": option.id,
                "kind": option.kind,
                "name": option.name,
                **{name: option.field_text(name) for name in FIELD_NAMES},
                "sources": _sources_json(option.sources),
            }
            for option in options
        ],
        "ratings": [
            {
                "factor": factor.id,
                "label": factor.label,
                "field": factor.field,
                "rating": rating,
                "beside": [
                    {"option": option.id, "text": option.field_text(factor.field)}
                    for option in options
                ],
            }
            for factor, rating in sheet.ratings()
        ],
        "questions": [
            {"text": q.text, "sources": _sources_json(q.sources)} for q in decision.questions
        ],
        "checks": [
            {
                "id": check.id,
                "title": check.title,
                "steps": list(check.steps),
                "sources": _sources_json(check.sources),
            }
            for check in decision.checks
        ],
        "sure_after": _sure_json(sheet, "again"),
        "next_step": sheet.text("next-step"),
    }
