"""The field schema of the decision aid (decision.yaml) and of a tour's `about:` block: part of
THE field schema (exotour.content.schema merges these records into RECORDS), kept apart only so
that each module stays small. Plain data, no YAML."""

from __future__ import annotations

from exotour.content.fields import FieldSpec, RecordSpec, records_field

# Far beyond what a decision needs, small enough that every screen of `decide` stays quick.
MAX_CONDITIONS = 12
MAX_OPTIONS = 10
MAX_FACTORS = 10
MAX_QUESTIONS = 30
MAX_CHECKS = 10
MAX_STEPS = 20

_SOURCES = "The sources of what it says (at least one), as an evidence note gives them."


def _text(name: str, description: str) -> FieldSpec:
    return FieldSpec(name, "text", description=description)


AID_RECORDS: dict[str, RecordSpec] = {
    "decision": RecordSpec(
        "The decision aid of a tour (decision.yaml): the decision, the conditions with their "
        "options in equal detail, the factors a reader weighs, the questions to ask a clinic "
        "and the checks to make. Used by the options grid and 'exotour decide'.",
        (
            _text("decision", "The decision, as the reader's question, in one sentence."),
            records_field(
                "conditions",
                "condition",
                "One per area the source names, in its order.",
                bounds=(1, MAX_CONDITIONS),
            ),
            records_field(
                "factors",
                "factor",
                "What the reader rates 0-5 in 'exotour decide'; each rating is set beside every "
                "option's text for the factor's field, never scored or ranked.",
                bounds=(1, MAX_FACTORS),
            ),
            records_field(
                "questions",
                "clinic_question",
                "Questions to ask a clinic, each with its sources.",
                bounds=(1, MAX_QUESTIONS),
            ),
            records_field(
                "checks",
                "check",
                "How to check an IND or a trial listing, and where to report a harm, as steps.",
                "optional",
                bounds=(0, MAX_CHECKS),
            ),
        ),
    ),
    "condition": RecordSpec(
        "A condition the reader may be deciding about, and its options.",
        (
            FieldSpec("id", "line", description="The condition's id, e.g. skin.", pattern="id"),
            FieldSpec("name", "line", description="The condition's name, e.g. Skin ageing."),
            _text("about", "The condition in one to three plain sentences."),
            _text(
                "without_treatment",
                "What the sources say happens without treatment, or that none here says.",
            ),
            records_field(
                "options",
                "option",
                "The exosome offer first, then a trial, then each established option, then "
                "waiting: every one with all the fields.",
                bounds=(1, MAX_OPTIONS),
            ),
        ),
    ),
    "option": RecordSpec(
        "One option, told in the same fields as every other.",
        (
            FieldSpec(
                "id", "line", description="The option's id, unique in its condition.", pattern="id"
            ),
            FieldSpec(
                "kind",
                "line",
                description="exosome, trial, established or wait.",
                pattern="option-kind",
            ),
            FieldSpec("name", "line", description="The option's name, in plain words."),
            _text("what", "What it is and how it works."),
            _text(
                "benefit",
                "How much it helps: a number in figures and words where a source gives one, "
                "else say that no source gives one.",
            ),
            _text("risks", "Its risks and side effects, or that no source lists them."),
            _text("daily_life", "What it is like to live with: time, visits, daily life."),
            _text("cost", "Its cost where a source gives one, else say that none does."),
            _text("evidence", "How sure anyone is: the kind and size of the studies."),
            records_field("sources", "source", _SOURCES, bounds=(1, None)),
        ),
    ),
    "factor": RecordSpec(
        "Something a reader may care about, and the option field that speaks to it.",
        (
            FieldSpec("id", "line", description="The factor's id.", pattern="id"),
            FieldSpec("label", "line", description="What the reader rates, e.g. Cost."),
            FieldSpec(
                "field",
                "line",
                description="The option field set beside the rating: what, benefit, risks, "
                "daily_life, cost or evidence.",
                pattern="option-field",
            ),
        ),
    ),
    "clinic_question": RecordSpec(
        "A question to ask a clinic.",
        (
            _text("text", "The question, addressed as the reader would ask it."),
            records_field("sources", "source", _SOURCES, bounds=(1, None)),
        ),
    ),
    "check": RecordSpec(
        "Steps to check an IND or a trial listing, or to report a harm.",
        (
            FieldSpec(
                "id",
                "line",
                description="check-ind, check-trial or report-harm (or an id of your own).",
                pattern="id",
            ),
            FieldSpec("title", "line", description="The check's title."),
            FieldSpec(
                "steps",
                "lines",
                description="The steps in order, each one line addressed to the reader.",
                bounds=(1, MAX_STEPS),
            ),
            records_field("sources", "source", _SOURCES, bounds=(1, None)),
        ),
    ),
    "about": RecordSpec(
        "Who made the tour, how its facts were checked, its update policy, funding and "
        "conflicts, how its reading level is measured and where to report an error: shown by "
        "'exotour about' and in the exports.",
        (
            _text("checked", "When the facts were last checked, and how."),
            _text("update_policy", "When and how the tour is updated."),
            _text("made_by", "Who made the tour."),
            _text("funding", "Who paid for it (say so when no one did)."),
            _text("conflicts", "Conflicts of interest (say so when there are none)."),
            _text("reading_level", "How the reading level is measured, and the aim."),
            _text("report_errors", "Where to report an error."),
        ),
    ),
}
