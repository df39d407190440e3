"""The worksheet's words that a reader types or is told: yes and no in the interface language
(the English ones always work too), and what an answer that does not fit is told.

Pure; the worksheet (exotour.worksheet) asks and keeps the answers."""

from __future__ import annotations

from exotour.i18n import N_, _
from exotour.text import printable

MAX_RATING = 5
MAX_TEXT = 200  # a few words: the "by when" and the next step


def answers_for(letter: str, word: str) -> frozenset[str]:
    """The answers that mean LETTER/WORD (y/yes, n/no): the English ones, which always work, and
    the interface language's, with or without accents ('s', 'sí', 'si')."""
    import unicodedata

    said = {letter, word, _(letter).casefold(), _(word).casefold()}
    bare = {
        "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
        for s in said
    }
    return frozenset(said | bare)


# TRANSLATORS: the letters and words a reader types for yes and no in the worksheet; the
# English y, yes, n and no are always taken too.
_YES_NO = (N_("y"), N_("yes"), N_("n"), N_("no"))


# For each kind of question: what a wrong answer is told, what an empty one is, and what to type.
_RETRY = {
    "choice": (
        N_("'{answer}' is not one of the numbers 1-{count}."),
        N_("An empty answer is not one of the numbers 1-{count}."),
        N_("Type the number of a condition."),
    ),
    "yesno": (
        N_("'{answer}' is not yes or no."),
        N_("An empty answer is not yes or no."),
        N_("Type y for yes or n for no."),
    ),
    "rating": (
        N_("'{answer}' is not a rating."),
        N_("An empty answer is not a rating."),
        N_("Type a number from 0 (not at all) to {most} (very much)."),
    ),
}


def retry_for(kind: str, count: int, answer: str) -> str:
    """What an answer that does not fit a question of KIND (COUNT choices) is told, before the
    question is put again."""
    said = answer.strip()
    words = _RETRY.get(kind)
    if words is None:
        return _("That is longer than {most} characters. Write a few words.").format(most=MAX_TEXT)
    wrong, empty, how = words
    told = f"{_(wrong if said else empty)} {_(how)}"
    return told.format(answer=printable(said)[:40], count=count, most=MAX_RATING)
