"""The content layer's front door: a folder to a checked Tour, and its problems.

    load_tour(root) -> Tour           raises ContentError naming every problem
    check_content(root) -> (Tour | None, [Problem])   for `validate`
    display_path(path) -> str         a path as messages show it

The work is done, one job a module, by guards (bytes -> YAML nodes, safely), schema (the one
field definition), checker (nodes against the schema), records and build (nodes -> the model,
cross-file checks) and fingerprint (which files are read, and the content key). Importing this
module imports YAML; the tour cache (content/cache.py) serves a current tour without it.
"""

from __future__ import annotations

from exotour.content.build import check_content, load_tour
from exotour.content.location import builtin_content_dir, example_tour_dir
from exotour.content.problems import display_path, shown

__all__ = [
    "builtin_content_dir",
    "check_content",
    "display_path",
    "example_tour_dir",
    "load_tour",
    "shown",
]
