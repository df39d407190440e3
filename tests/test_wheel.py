"""The built wheel, installed in a fresh virtual environment, tours from any folder.

Slow (a build and an install from the package index): one wheel and one venv for the module.
"""

from __future__ import annotations

import importlib.util
import subprocess
import tarfile
import zipfile
from pathlib import Path

import pytest
import yaml
from helpers import PYTHON, REPO, child_env

from exotour import __version__
from exotour.model import Tour

pytestmark = pytest.mark.slow


def run(args: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    env = child_env(COLUMNS="80")
    env.pop("PYTHONPATH", None)
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(
        args,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # With the backend at hand, build without an isolated environment: quicker, and offline.
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-isolation"]
    done = run([PYTHON, "-m", "build", "--wheel", *isolation, "--outdir", str(out), str(REPO)], out)
    assert done.returncode == 0, done.stdout + done.stderr
    (built,) = out.glob("exotour-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("venv")
    done = run([PYTHON, "-m", "venv", str(root)], root)
    assert done.returncode == 0, done.stderr
    done = run([str(root / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], root)
    assert done.returncode == 0, done.stdout + done.stderr
    return root


def test_the_wheel_carries_the_content(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "exotour/tours/exosome/tour.yaml" in names
    assert "exotour/tours/exosome/sections/safety.yaml" in names
    assert "exotour/tours/exosome-es/tour.yaml" in names  # the tour in Spanish
    assert "exotour/tours/exosome-es/sections/safety.yaml" in names
    assert "exotour/tours/exosome-es/glossary.yaml" in names
    assert "exotour/tours/exosome-es/decision.yaml" in names
    assert "exotour/py.typed" in names
    assert "exotour/locale/es/LC_MESSAGES/exotour.mo" in names  # the interface in Spanish
    assert not any(name.startswith(("tests/", "content/", "content-es/")) for name in names)


def test_the_wheel_carries_the_license_the_example_and_the_manual_page(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    version = wheel.name.split("-")[1]
    assert f"exotour-{version}.dist-info/licenses/LICENSE" in names
    assert f"exotour-{version}.data/data/share/man/man1/exotour.1" in names
    assert f"exotour-{version}.data/data/share/man/es/man1/exotour.1" in names  # man -L es
    assert "exotour/tours/first-tour/tour.yaml" in names
    assert "exotour/tours/first-tour/schema/section.schema.json" in names
    assert "exotour/docs/authoring.md" in names  # `exotour new` points to it


def test_the_sdist_carries_what_its_tests_read(tmp_path: Path) -> None:
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-isolation"]
    done = run(
        [PYTHON, "-m", "build", "--sdist", *isolation, "--outdir", str(tmp_path), str(REPO)],
        tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (sdist,) = tmp_path.glob("exotour-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for needed in (
        "LICENSE",
        "README.md",
        "examples/first-tour/tour.yaml",
        "bench/run.py",
        "scripts/commandline.py",
        "scripts/manpage.py",
        "scripts/screenshots.py",
        "docs/exotour.1",
        "docs/es/exotour.1",
        "tests/conftest.py",
        "content/tour.yaml",
        "content-es/tour.yaml",
    ):
        assert needed in names, needed


def test_installed_manual_page_and_new_tour(venv: Path, tmp_path: Path) -> None:
    assert (venv / "share" / "man" / "man1" / "exotour.1").is_file()
    assert (venv / "share" / "man" / "es" / "man1" / "exotour.1").is_file()
    exotour = str(venv / "bin" / "exotour")
    made = run([exotour, "new", "my-tour", "--title", "Mine"], tmp_path)
    assert (made.returncode, made.stderr) == (0, ""), made.stdout
    # Every file the installed program points to is installed with it.
    pointed = [word for word in made.stdout.split() if word.startswith("/")]
    assert pointed and all(word.endswith(".md") for word in pointed)
    assert [word for word in pointed if not Path(word).is_file()] == []
    assert all(Path(word).is_relative_to(venv) for word in pointed)
    checked = run([exotour, "validate", "my-tour"], tmp_path)
    assert (checked.returncode, checked.stderr) == (0, "")
    assert checked.stdout.endswith(": OK\n")


def test_installed_exotour_learn_plain_from_another_folder(
    venv: Path, tour: Tour, tmp_path: Path
) -> None:
    done = run([str(venv / "bin" / "exotour"), "learn", "--plain"], tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert "\x1b" not in done.stdout
    for number, section in enumerate(tour.sections, start=1):
        assert (
            f"{number}. {section.title}  (section {number} of {len(tour.sections)}" in done.stdout
        )


def test_installed_package_is_the_one_that_runs(venv: Path, tmp_path: Path) -> None:
    code = "import exotour.content.loader as m; print(m.__file__); print(m.builtin_content_dir())"
    done = run([str(venv / "bin" / "python"), "-c", code], tmp_path)
    assert done.returncode == 0, done.stderr
    module, content = done.stdout.splitlines()
    assert module.startswith(str(venv)) and content.startswith(str(venv))


def test_installed_exotour_in_spanish_reads_the_spanish_tour(venv: Path, tmp_path: Path) -> None:
    exotour = str(venv / "bin" / "exotour")
    spanish = yaml.safe_load((REPO / "content-es" / "tour.yaml").read_text(encoding="utf-8"))
    code = "import exotour.content.location as m; print(m.builtin_content_dir('es'))"
    done = run([str(venv / "bin" / "python"), "-c", code], tmp_path)
    assert done.returncode == 0, done.stderr
    folder = Path(done.stdout.strip())
    assert folder.name == "exosome-es" and folder.is_relative_to(venv)
    done = run([exotour, "--lang", "es", "summary"], tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith(f"{spanish['title']} · ")


def test_installed_version_and_module(venv: Path, tmp_path: Path) -> None:
    done = run([str(venv / "bin" / "python"), "-m", "exotour", "--version"], tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"exotour {__version__}\n", "")
