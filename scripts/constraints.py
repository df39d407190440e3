#!/usr/bin/env python3
"""Print a pip constraints file that pins every requirement in pyproject.toml to its lowest
allowed version (`name==lowest`): the runtime dependencies, the test extra and the build
backend. .ci/run installs with it into a second environment and runs the fast tests there,
so every lower bound in pyproject.toml is one that is tested.

    python scripts/constraints.py            # to stdout
    python scripts/constraints.py -o FILE    # to FILE

A requirement without a `>=` bound is an error: nothing would say which version is the floor.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# name[extras] then the specifiers, up to an environment marker.
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;]*)")


def requirements(pyproject: dict[str, object]) -> list[str]:
    """Every requirement string that pyproject names for building, running and testing."""
    project = pyproject["project"]
    build = pyproject["build-system"]
    assert isinstance(project, dict) and isinstance(build, dict)
    extras = project.get("optional-dependencies", {})
    return [*build["requires"], *project["dependencies"], *extras.get("test", [])]


def lowest(requirement: str) -> str:
    """`name==X` for a requirement whose lower bound is `>=X`."""
    match = _REQUIREMENT.match(requirement)
    if not match:
        raise ValueError(f"cannot read the requirement {requirement!r}")
    name, _, specifiers = match.groups()
    floors = re.findall(r">=\s*([0-9][^,\s]*)", specifiers)
    if len(floors) != 1:
        raise ValueError(f"{requirement!r} needs one lower bound (>=) to be tested at")
    return f"{name}=={floors[0]}"


def constraints(path: Path = REPO / "pyproject.toml") -> str:
    with path.open("rb") as file:
        pyproject = tomllib.load(file)
    pins = sorted({lowest(r) for r in requirements(pyproject)}, key=str.lower)
    return "# The lowest versions pyproject.toml allows (scripts/constraints.py).\n" + "".join(
        f"{pin}\n" for pin in pins
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", type=Path, help="write to this file")
    args = parser.parse_args(argv)
    try:
        text = constraints()
    except ValueError as exc:
        print(f"constraints: {exc}", file=sys.stderr)
        return 1
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
