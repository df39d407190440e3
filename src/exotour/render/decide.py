"""The screens of `exotour decide`: each step's heading and what it shows, the prompts, the
ratings set beside every option, the SURE score and what a low one means, and the ending.

Nothing here scores, ranks or recommends an option: a rating is only set beside each option's
own words for that factor."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from exotour.decision import Condition, Decision
from exotour.i18n import N_, _
from exotour.model import Source
from exotour.render.notes import SourceEntry
from exotour.render.options_grid import condition_blocks
from exotour.worksheet import LOW_SURE, MAX_RATING, STEP_TITLES, STEPS, SURE_ITEMS, Ask, Worksheet

# Marked for the catalogue here, translated where drawn (the language is chosen after import).
SURE_SOURCE = N_("The SURE test: Légaré et al., Can Fam Physician 2010; PMID 20705870.")
LOW_MEANING = N_(
    "A score of 3 or less out of 4 may mean you are not yet sure about this choice (Légaré et "
    "al. 2010). You may want more facts, more time to think about what matters "
    "most to you, or someone to talk it through with: a clinician you trust, and advice that does "
    "not come from the clinic selling the treatment (ISSCR)."
)
SURE_HOW = N_("Answer each question yes or no. There are no right answers.")
RATE_HOW = N_(
    "Rate how much each thing matters to you, from 0 (not at all) to 5 (very much). Your "
    "ratings are set beside what each option offers. They do not score or rank the options."
)
NOT_ADVICE = N_("This worksheet informs; it does not advise. The choice is yours.")


def heading(step: int) -> Text:
    title = _(STEP_TITLES[step - 1])
    words = _("Step {step} of {steps}: {title}").format(step=step, steps=STEPS, title=title)
    return Text("\n" + words, style="bold")


def prompt_text(ask: Ask) -> str:
    """The prompt the answer completes on the same line."""
    if ask.kind == "choice":
        return _("{prompt} (1-{count}, q stops):").format(prompt=ask.prompt, count=ask.count)
    if ask.kind == "yesno":
        # TRANSLATORS: y and n are the letters typed for yes and no (the translated "y" and
        # "n" of the worksheet's answers); q stops.
        return _("{prompt} (y/n, q stops):").format(prompt=ask.prompt)
    if ask.kind == "rating":
        return _("{prompt} (0-{most}, q stops):").format(prompt=ask.prompt, most=MAX_RATING)
    if ask.kind == "text":
        return _("{prompt}; Enter alone skips:").format(prompt=ask.prompt)
    return _("Press Enter to go on (q stops):")


def _numbered(items: list[str]) -> RenderableType:
    from rich.table import Table

    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", no_wrap=True)
    table.add_column(ratio=1)
    for number, item in enumerate(items, start=1):
        table.add_row(f"{number}.", Text(item))
    return Padding(table, (0, 0, 0, 2))


def decision_screen(decision: Decision) -> RenderableType:
    return Group(
        Text(_("The decision:"), style="bold"),
        Text(decision.decision),
        Text(""),
        Text(_("The areas the article names:")),
        _numbered([condition.name for condition in decision.conditions]),
    )


def condition_screen(condition: Condition, *, whole: bool) -> RenderableType:
    """The options for CONDITION side by side, with their sources."""
    blocks: list[RenderableType] = []
    for block in condition_blocks(condition, whole=whole):
        blocks += [block, Text("")]
    return Group(*blocks)


def beside(sheet: Worksheet, condition: Condition) -> RenderableType:
    """Each rating, then every option's words on that factor: set side by side, not weighed."""
    parts: list[RenderableType] = []
    for factor, rating in sheet.ratings():
        if rating is None:
            continue
        rated = _("You rated {factor} {rating} of {most}.").format(
            factor=factor.label.lower(), rating=rating, most=MAX_RATING
        )
        line = Text(rated, style="bold")
        parts.append(line)
        for option in condition.options:
            item = Text(f"- {option.name}: ", style="bold")
            item.append(option.field_text(factor.field))
            parts.append(Padding(item, (0, 0, 0, 2)))
        parts.append(Text(""))
    parts.append(Text(_(NOT_ADVICE), style="dim"))
    return Group(*parts)


def questions_screen(decision: Decision, *, whole: bool) -> RenderableType:
    """The questions to ask a clinic, then each check's steps, then their sources."""
    parts: list[RenderableType] = [
        Text(_("Questions to ask a clinic:"), style="bold"),
        _numbered([question.text for question in decision.questions]),
    ]
    for check in decision.checks:
        parts += [Text(""), Text(f"{check.title}:", style="bold"), _numbered(list(check.steps))]
    sources: list[Source] = []
    for group in [q.sources for q in decision.questions] + [c.sources for c in decision.checks]:
        sources += [source for source in group if source not in sources]
    parts.append(Text(""))
    for number, source in enumerate(sources):
        heading = _("Sources:") if number == 0 else None
        parts.append(SourceEntry(source, whole=whole, heading=heading))
    return Group(*parts)


def sure_screen(prefix: str) -> RenderableType:
    if prefix == "again":
        what = _("This is the SURE test, again, now you have seen the options.")
    else:
        what = _("This is the SURE test, before anything else.")
    intro = Text(f"{_(SURE_HOW)} {what}")
    return Group(intro, Text(_(SURE_SOURCE), style="dim"))


def sure_result(sheet: Worksheet, prefix: str) -> RenderableType:
    score = sheet.sure_score(prefix)
    if score is None:
        return Text("")
    words = _("Your SURE score: {score} of {most}.").format(score=score, most=len(SURE_ITEMS))
    line = Text(words, style="bold")
    if score <= LOW_SURE:
        return Group(line, Text(_(LOW_MEANING)))
    return Group(line, Text(_("You said yes to all four questions.")))


def before(sheet: Worksheet, ask: Ask, new_step: bool, *, whole: bool) -> RenderableType | None:
    """What to show before ASK: the step's heading when it starts, and what the step shows."""
    parts: list[RenderableType] = [heading(ask.step)] if new_step else []
    condition = sheet.condition
    if ask.key == "condition" or (new_step and ask.step == 1):
        parts.append(decision_screen(sheet.decision))
    if ask.key in ("sure-1", "again-1") or (new_step and ask.step in (2, 6)):
        parts.append(sure_screen("again" if ask.step == 6 else "sure"))
    if ask.key == "options" and condition is not None:
        parts.insert(0, sure_result(sheet, "sure"))
        parts.append(condition_screen(condition, whole=whole))
    if ask.kind == "rating" and (new_step or ask.key == f"rate-{sheet.decision.factors[0].id}"):
        parts.append(Text(_(RATE_HOW)))
    if ask.key == "weighed" and condition is not None:
        parts.append(beside(sheet, condition))
    if ask.key == "questions":
        parts.append(questions_screen(sheet.decision, whole=whole))
    if ask.key == "next-step":
        parts.append(sure_result(sheet, "again"))
    return Group(*parts) if parts else None


def ending(sheet: Worksheet, prefix: str) -> RenderableType:
    """Where the worksheet stands, and the commands that go on from here."""
    parts: list[RenderableType] = [Text("")]
    if sheet.done:
        parts.append(Text(_("Your worksheet is complete."), style="bold"))
        condition = sheet.condition
        if condition is not None:
            parts.append(Text(_("Condition: {name}").format(name=condition.name)))
        not_given = _("(not given)")
        by_when = sheet.text("by-when") or not_given
        parts.append(Text(_("By when: {answer}").format(answer=by_when)))
        next_step = sheet.text("next-step") or not_given
        parts.append(Text(_("Your next step: {answer}").format(answer=next_step)))
        most = len(SURE_ITEMS)
        before = _("SURE score before: {score} of {most}")
        parts.append(Text(before.format(score=sheet.sure_score("sure"), most=most)))
        after = _("SURE score after: {score} of {most}")
        parts.append(Text(after.format(score=sheet.sure_score("again"), most=most)))
    else:
        step = sheet.current.step if sheet.current else STEPS
        stopped = _("Stopped at step {step} of {steps}. Your answers are saved.")
        parts.append(Text(stopped.format(step=step, steps=STEPS), style="bold"))
        go_on = _("Go on where you left off: {command}")
        parts.append(Text(go_on.format(command=f"{prefix} decide")))
    handout = _("A one-page handout to print: {command}")
    parts.append(Text(handout.format(command=f"{prefix} decide --output handout.html")))
    parts.append(Text(_("Your answers stay on this computer."), style="dim"))
    return Group(*parts)


def resumed(sheet: Worksheet, prefix: str) -> Text:
    step = sheet.current.step if sheet.current else STEPS
    words = _("Resuming at step {step} of {steps}; '{command}' starts over.")
    return Text(
        words.format(step=step, steps=STEPS, command=f"{prefix} decide --restart"), style="dim"
    )
