"""Numbers grouped as the interface's language writes them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from exotour import i18n
from exotour.localnumbers import number


@pytest.fixture(autouse=True)
def _environment_language() -> Iterator[None]:
    yield
    i18n.use(None)


@pytest.mark.parametrize(
    ("value", "english", "spanish"),
    [
        (7, "7", "7"),
        (2000, "2,000", "2000"),
        (-2000, "-2,000", "-2000"),
        (10_000, "10,000", "10 000"),
        (1_000_000, "1,000,000", "1 000 000"),
        (-64_000_000, "-64,000,000", "-64 000 000"),
    ],
)
def test_numbers_in_english_and_spanish(value: int, english: str, spanish: str) -> None:
    i18n.use("en")
    assert number(value) == english == f"{value:,}"
    i18n.use("es")
    assert number(value) == spanish
