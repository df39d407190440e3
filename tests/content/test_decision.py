"""decision.yaml and the `about:` block: loaded into the model, cached, and every problem
reported at its file, line and column; hostile values refused as anywhere in a tour."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import run_cli

from exotour.content import cache as tourcache
from exotour.content import loader
from exotour.decision import FIELD_NAMES, Decision
from exotour.model import Tour
from exotour.state.paths import cache_dir

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "decision-tour"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "first-tour"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "tour"
    shutil.copytree(FIXTURE, target)
    return target


def _decision(tour: Tour) -> Decision:
    assert tour.decision is not None
    return tour.decision


def test_the_fixture_loads_with_every_option_told_in_every_field() -> None:
    tour = loader.load_tour(FIXTURE)
    decision = _decision(tour)
    assert [c.id for c in decision.conditions] == ["skin", "hair"]
    assert [o.kind for o in decision.conditions[0].options] == ["exosome", "established", "wait"]
    for condition in decision.conditions:
        for option in condition.options:
            assert all(option.field_text(name) for name in FIELD_NAMES)
            assert option.sources
    assert [f.field for f in decision.factors] == ["risks", "evidence", "cost"]
    assert decision.checks[0].steps[0] == "Ask the clinic for the IND number."
    assert tour.sections[1].options_grid
    assert tour.about is not None and tour.about.funding == "No one paid for it."


def test_the_example_tour_has_a_decision_that_validates() -> None:
    assert _decision(loader.load_tour(EXAMPLE)).conditions


def test_a_tour_without_decision_yaml_has_none(copy: Path) -> None:
    (copy / "decision.yaml").unlink()
    assert loader.load_tour(copy).decision is None


def test_the_cache_carries_the_decision_and_about(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tourcache, "SETTLE_NS", -(10**18))
    first = tourcache.load(copy)

    def no_yaml(root: Path) -> Tour:
        raise AssertionError("read from YAML")

    monkeypatch.setattr(loader, "load_tour", no_yaml)
    again = tourcache.load(copy)
    assert again == first
    assert isinstance(_decision(again).conditions[0].options[0].sources, tuple)


def test_a_cached_decision_is_decoded_only_when_it_is_read(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tourcache, "SETTLE_NS", -(10**18))
    first = tourcache.load(copy)
    again = tourcache.load(copy)
    assert again.has_decision and "_later_decision" in vars(again)
    assert not isinstance(vars(again)["_later_decision"], Decision)  # not decoded yet
    assert again.decision == first.decision
    assert vars(again)["_later_decision"] is again.decision  # decoded once, then kept
    (copy / "decision.yaml").unlink()
    assert not tourcache.load(copy).has_decision


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda aid: aid.update(conditions="text"), id="text for a list"),
        pytest.param(lambda aid: aid.pop("factors"), id="a field missing"),
        pytest.param(lambda aid: aid["conditions"][0].update(extra=1), id="a field too many"),
    ],
)
def test_a_damaged_cached_decision_is_read_from_the_files(
    copy: Path, monkeypatch: pytest.MonkeyPatch, damage: Callable[[dict[str, Any]], object]
) -> None:
    monkeypatch.setattr(tourcache, "SETTLE_NS", -(10**18))
    expected = loader.load_tour(copy)
    tourcache.load(copy)
    (cache,) = sorted(cache_dir().glob("tour-*.json"))
    key, data = cache.read_text(encoding="utf-8").split("\n", 1)
    tampered = json.loads(data)
    damage(tampered["decision"])
    cache.write_text(key + "\n" + json.dumps(tampered), encoding="utf-8")
    tour = tourcache.load(copy)
    assert tour.has_decision
    assert tour.decision == expected.decision


def test_a_cached_decision_that_is_no_record_is_read_past(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tourcache, "SETTLE_NS", -(10**18))
    expected = loader.load_tour(copy)
    tourcache.load(copy)
    (cache,) = sorted(cache_dir().glob("tour-*.json"))
    key, data = cache.read_text(encoding="utf-8").split("\n", 1)
    tampered = json.loads(data)
    tampered["decision"] = ["a", "list"]
    cache.write_text(key + "\n" + json.dumps(tampered), encoding="utf-8")
    assert tourcache.load(copy) == expected


def test_a_changed_decision_is_not_served_from_the_cache(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tourcache, "SETTLE_NS", -(10**18))
    tourcache.load(copy)
    path = copy / "decision.yaml"
    path.write_text(path.read_text().replace("Hair loss", "Hair loss, pattern"))
    assert _decision(tourcache.load(copy)).conditions[1].name == "Hair loss, pattern"


def _edit(copy: Path, old: str, new: str) -> None:
    path = copy / "decision.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "        kind: established\n",
            "        kind: later\n",
            "decision.yaml:27:15: conditions[0].options[1].kind: 'later' is not a kind of "
            "option (use exosome, trial, established or wait)",
        ),
        (
            "    field: cost\n",
            "    field: price\n",
            "decision.yaml:95:12: factors[2].field: 'price' is not an option field (use what, "
            "benefit, risks, daily_life, cost or evidence)",
        ),
        (
            "  - id: hair\n",
            "  - id: skin\n",
            "decision.yaml:55:9: conditions[1].id: 'skin' is also the id of conditions[0]",
        ),
        (
            "        daily_life: Every morning.\n",
            "",
            "decision.yaml:26:9: conditions[0].options[1].daily_life: missing (required)",
        ),
        (
            "        risks: No trial has measured its risks.\n        daily_life: Visits",
            '        risks: "\\e[31mred"\n        daily_life: Visits',
            "decision.yaml:17:16: conditions[0].options[0].risks: control character U+001B is "
            "not allowed in content",
        ),
        (
            "        risks: No trial has measured its risks.\n        daily_life: Visits",
            '        risks: "a \\u202e b"\n        daily_life: Visits',
            "decision.yaml:17:16: conditions[0].options[0].risks: control character U+202E is "
            "not allowed in content",
        ),
        (
            "    sources:\n      - author: FDA\n        year: 2019\n        url: https://www.fda"
            ".gov/vaccines-blood-biologics/safety-availability-biologics/public-safety-"
            "notification-exosome-products\n  - text",
            "    sources: []\n  - text",
            "decision.yaml:98:14: questions[0].sources: lists none",
        ),
    ],
)
def test_validate_names_each_problem_at_its_place(
    copy: Path,
    old: str,
    new: str,
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _edit(copy, old, new)
    monkeypatch.chdir(copy)
    result = run_cli(["validate", "."], capsys)
    assert result.out.splitlines() == [message]
    assert result.err == "exotour: error: 1 error in .\n"
    assert result.status == 2


def test_rich_markup_in_a_decision_is_kept_as_text(copy: Path) -> None:
    _edit(copy, "Hair loss\n", "'[bold red]Hair loss[/]'\n")
    assert _decision(loader.load_tour(copy)).conditions[1].name == "[bold red]Hair loss[/]"
