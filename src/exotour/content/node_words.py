"""What validate says of YAML as the parser and the bounds see it: a syntax error (its place,
the parser's problem and a hint), a value nested or expanded beyond a limit, a control character.

The parser's problem is its own text, in English; the ones libyaml (the composer the wheel
ships) says most often are translated as whole sentences, matched exactly, and any other is
shown as the parser wrote it. The hints for two common mistakes are exotour's own.
"""

from __future__ import annotations

import yaml

from exotour.content.limits import MAX_DEPTH, MAX_FIELD_CHARS, MAX_FILE_CHARS
from exotour.content.problems import shown
from exotour.i18n import N_, _
from exotour.localnumbers import number

_SYNTAX_HINTS = (
    ("found undefined alias", N_("an alias (*name) needs an anchor (&name) before it")),
    ("but found another document", N_("a file holds one document: remove the second '---'")),
)
# libyaml's problems, exactly as it words them (context first where it leads the sentence).
_PROBLEMS = frozenset(
    {
        N_("mapping values are not allowed in this context"),
        N_("did not find expected ',' or ']'"),
        N_("did not find expected ',' or '}'"),
        N_("did not find expected '-' indicator"),
        N_("did not find expected key"),
        N_("did not find expected node content"),
        N_("could not find expected ':'"),
        N_("found character that cannot start any token"),
        N_("found a tab character where an indentation space is expected"),
        N_("found unexpected end of stream"),
        N_("found unknown escape character"),
        N_("found undefined alias"),
        N_("expected a single document in the stream, but found another document"),
    }
)


def syntax_error(exc: yaml.MarkedYAMLError) -> tuple[int, int, str]:
    """The line, column and message of the syntax error EXC."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = str(exc.problem or exc.context or _("the file cannot be read"))
    if exc.context and what.startswith("but "):  # "expected a single document, but ..."
        what = f"{exc.context}, {what}"
    what = " ".join(what.split())
    hint = next((h for key, h in _SYNTAX_HINTS if key in what), "")
    problem = shown(_(what) if what in _PROBLEMS else what, 200)
    if hint:
        message = _("YAML syntax error: {problem} ({hint})")
        return line, column, message.format(problem=problem, hint=_(hint))
    return line, column, _("YAML syntax error: {problem}").format(problem=problem)


def too_deep() -> str:
    return _("values are nested more than {limit} deep").format(limit=MAX_DEPTH)


def too_much(chars: int, what: str) -> str:
    if what == "a field":
        message = _(
            "holds {count} characters of text (aliases counted as expanded); "
            "the limit for a field is {limit}"
        )
        return message.format(count=number(chars), limit=number(MAX_FIELD_CHARS))
    message = _(
        "holds {count} characters of text (aliases counted as expanded); "
        "the limit for a file is {limit}"
    )
    return message.format(count=number(chars), limit=number(MAX_FILE_CHARS))


def char(found: str) -> str:
    code = f"U+{ord(found):04X}"
    return _("control character {code} is not allowed in content").format(code=code)
