"""Dates and numbers as each language writes them, in the interface language or a given one."""

from __future__ import annotations

import pytest

from exotour import i18n
from exotour.localdates import decimal, long_date, short_date
from exotour.model import day_month_year


@pytest.mark.parametrize(
    ("language", "long", "short", "number"),
    [
        ("en", "6 December 2019", "6 Dec 2019", "4.4"),
        ("es", "6 de diciembre de 2019", "6 dic 2019", "4,4"),
        ("es-MX", "6 de diciembre de 2019", "6 dic 2019", "4,4"),
        ("fr", "6 December 2019", "6 Dec 2019", "4.4"),  # no table: as English
    ],
)
def test_a_given_language(language: str, long: str, short: str, number: str) -> None:
    assert long_date("2019-12-06", language) == long
    assert short_date("2019-12-06", language) == short
    assert decimal(4.4, language) == number
    assert decimal("4.4", language) == number


def test_the_interface_language_by_default() -> None:
    i18n.use("es")
    assert (long_date("2026-09-01"), short_date("2026-09-01")) == (
        "1 de septiembre de 2026",
        "1 sept 2026",
    )
    assert (day_month_year("2026-09-01"), decimal(12.25, digits=1)) == ("1 sept 2026", "12,2")
    i18n.use("en")
    assert (day_month_year("2026-09-01"), decimal(12.25, digits=1)) == ("1 Sep 2026", "12.2")


@pytest.mark.parametrize("written", ["2019", "2019-13-01", "undated", "", "2019-1"])
def test_what_is_not_a_date_is_kept_as_written(written: str) -> None:
    assert long_date(written, "es") == short_date(written, "es") == written
