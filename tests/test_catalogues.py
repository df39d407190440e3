"""The message catalogues: current with the marked strings, complete, and in the wheel."""

from __future__ import annotations

import importlib.util
import subprocess
import tomllib
from types import ModuleType

import pytest
from helpers import REPO

from exotour import i18n


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_script", REPO / "scripts" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_catalogues_are_current_and_complete(capsys: pytest.CaptureFixture[str]) -> None:
    status = _script().main(["--check"])
    assert capsys.readouterr().err == ""
    assert status == 0


def test_every_language_but_english_has_a_compiled_catalogue() -> None:
    for language in i18n.SUPPORTED:
        compiled = i18n.LOCALE_DIR / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
        assert compiled.is_file() == (language != i18n.ENGLISH), language


def test_the_wheel_takes_the_compiled_catalogues() -> None:
    """The wheel is the package folder as git has it (hatch leaves out what .gitignore does):
    the compiled catalogues are inside it and not ignored. test_wheel.py looks in a built one."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = config["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["packages"] == ["src/exotour"]
    assert not wheel.get("exclude")
    # The source tree's copy: the tests may run against an installed (non-editable) package.
    compiled = REPO / "src" / "exotour" / "locale" / "es" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
    assert compiled.is_file()
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", str(compiled)], cwd=REPO, check=False
    ).returncode
    assert ignored == 1  # 1: not ignored
