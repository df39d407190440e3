"""The decision aid as immutable data (the model layer, beside model.py): the decision, the
conditions and their options in equal detail, the factors a reader weighs, the questions to ask
a clinic and the checks to make. What the loader builds from decision.yaml; no I/O here."""

from __future__ import annotations

from dataclasses import dataclass

from exotour.i18n import N_
from exotour.model import Source

# The fields every option has, in the order the grid shows them, with their row labels (marked
# for the catalogue: translated where drawn, as the language is chosen after import).
OPTION_FIELDS: tuple[tuple[str, str], ...] = (
    ("what", N_("What it is")),
    ("benefit", N_("How much it helps")),
    ("risks", N_("Risks and side effects")),
    ("daily_life", N_("What it is like")),
    ("cost", N_("Cost")),
    ("evidence", N_("How sure anyone is")),
)
FIELD_NAMES = tuple(name for name, _ in OPTION_FIELDS)
FIELD_LABELS = dict(OPTION_FIELDS)
OPTION_KINDS = ("exosome", "trial", "established", "wait")
CHECK_IDS = ("check-ind", "check-trial", "report-harm")


@dataclass(frozen=True)
class Option:
    """One option for one condition, every field told (the grid's column)."""

    id: str
    kind: str
    name: str
    what: str
    benefit: str
    risks: str
    daily_life: str
    cost: str
    evidence: str
    sources: tuple[Source, ...]

    def __post_init__(self) -> None:
        if self.kind not in OPTION_KINDS:
            raise ValueError(f"option kind {self.kind!r} is not one of {OPTION_KINDS}")
        if not self.sources:
            raise ValueError("an option needs at least one source")

    def field_text(self, name: str) -> str:
        """The text of one of FIELD_NAMES."""
        if name not in FIELD_LABELS:
            raise ValueError(f"no option field {name!r}")
        text: str = getattr(self, name)
        return text


@dataclass(frozen=True)
class Condition:
    """An area the article names, what the sources say without treatment, and its options."""

    id: str
    name: str
    about: str
    without_treatment: str
    options: tuple[Option, ...]

    def __post_init__(self) -> None:
        ids = [option.id for option in self.options]
        if not ids or len(set(ids)) != len(ids):
            raise ValueError("a condition needs options with unique ids")


@dataclass(frozen=True)
class Factor:
    """What a reader rates 0-5; its rating is set beside each option's FIELD, never scored."""

    id: str
    label: str
    field: str

    def __post_init__(self) -> None:
        if self.field not in FIELD_LABELS:
            raise ValueError(f"factor field {self.field!r} is not an option field")


@dataclass(frozen=True)
class ClinicQuestion:
    """A question to ask a clinic, with where it comes from."""

    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Check:
    """How to check an IND or a trial listing, or where to report a harm, as steps."""

    id: str
    title: str
    steps: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Decision:
    """The whole decision aid of a tour."""

    decision: str
    conditions: tuple[Condition, ...]
    factors: tuple[Factor, ...]
    questions: tuple[ClinicQuestion, ...]
    checks: tuple[Check, ...]

    def __post_init__(self) -> None:
        if not self.conditions:
            raise ValueError("a decision needs at least one condition")
        for name, items in (("condition", self.conditions), ("factor", self.factors)):
            ids = [item.id for item in items]
            if len(set(ids)) != len(ids):
                raise ValueError(f"{name} ids must be unique")

    def condition(self, condition_id: str) -> Condition | None:
        return next((c for c in self.conditions if c.id == condition_id), None)


@dataclass(frozen=True)
class About:
    """Who made a tour, when and how its facts were checked, and the rest of IPDAS's
    certifying items: shown by `exotour about` and in the exports."""

    checked: str  # when the facts were last checked, and how
    update_policy: str
    made_by: str
    funding: str
    conflicts: str
    reading_level: str  # how the reading level is measured
    report_errors: str  # where to report an error


# The About fields in the order they are shown, with their headings (translated where drawn).
ABOUT_FIELDS: tuple[tuple[str, str], ...] = (
    ("checked", N_("Facts last checked")),
    ("update_policy", N_("Update policy")),
    ("made_by", N_("Who made it")),
    ("funding", N_("Who paid for it")),
    ("conflicts", N_("Conflicts of interest")),
    ("reading_level", N_("Reading level")),
    ("report_errors", N_("To report an error")),
)
