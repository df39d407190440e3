"""The patterns content values must match, each with the words that say so to a person: the
editor's message (JSON Schema's patternErrorMessage) and validate's."""

from __future__ import annotations

import re
from dataclasses import dataclass

from exotour.i18n import N_, _


@dataclass(frozen=True)
class Pattern:
    """A pattern a value must match, and the words that say so to a person."""

    regex: str
    says: str  # what the value must be, as an editor shows it ("one line of text")
    message: str  # what validate says when a value does not match (translated at use)

    def matches(self, value: str) -> bool:
        return re.match(self.regex, value) is not None

    def problem(self) -> str:
        """What validate says of a value that does not match, in the reader's language."""
        return _(self.message)

    def refuse(self, value: str) -> str:
        """The problem of VALUE, quoted (escaped and cut short as content is in messages)."""
        from exotour.content.problems import shown

        return _("'{value}' {problem}").format(value=shown(value), problem=self.problem())


PATTERNS: dict[str, Pattern] = {
    "id": Pattern(
        r"^[a-z0-9][a-z0-9-]{0,63}$",
        "an id: lower-case letters, digits and hyphens, at most 64, not starting with a hyphen",
        N_("is not a valid id (use a-z, 0-9 and -, at most 64)"),
    ),
    "url": Pattern(
        r"^https?://\S+$",
        "a link starting with https:// or http://, with no spaces",
        N_("must start with https:// or http://"),
    ),
    "doi": Pattern(
        r"^10\.[0-9]+(\.[0-9]+)*/\S+$",
        "a DOI such as 10.1234/abc, without https://doi.org/",
        N_("must look like 10.1234/abc (without https://doi.org/)"),
    ),
    # BCP 47 as tours use it: a language, then an optional script, region and variants
    # (en, es, es-MX, es-419, zh-Hant-TW, ca-valencia); no extensions or private use.
    "language": Pattern(
        r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$",
        "a BCP 47 language tag, such as en, es or es-MX",
        N_("is not a BCP 47 language tag, such as en, es or es-MX"),
    ),
    "date": Pattern(
        r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        "a date written YYYY-MM-DD, such as 2026-12-01",
        N_("is not a date written YYYY-MM-DD, such as 2026-12-01"),
    ),
    "option-kind": Pattern(
        r"^(exosome|trial|established|wait)$",
        "one of: exosome, trial, established, wait",
        N_("is not a kind of option (use exosome, trial, established or wait)"),
    ),
    "option-field": Pattern(
        r"^(what|benefit|risks|daily_life|cost|evidence)$",
        "one of: what, benefit, risks, daily_life, cost, evidence",
        N_("is not an option field (use what, benefit, risks, daily_life, cost or evidence)"),
    ),
    # A check that took days: the first and the last, as ISO 8601 writes an interval.
    "dates": Pattern(
        r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(/[0-9]{4}-[0-9]{2}-[0-9]{2})?$",
        "a date written YYYY-MM-DD, or two, first/last, such as 2026-12-01/2026-12-06",
        N_(
            "is not a date written YYYY-MM-DD, or two written first/last, such as "
            "2026-12-01/2026-12-06"
        ),
    ),
}
