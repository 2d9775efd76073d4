"""Fixtures shared by the tests of grader/."""

from __future__ import annotations

from pathlib import Path

import pytest

from grader.authoring.generate import generate_release
from grader.config import find_assignment
from grader.paths import assignments_dir

BUNDLED = sorted(
    p.name for p in assignments_dir().iterdir()
    if (p / "assignment.toml").is_file() and (p / "visible_tests.py").is_file()
)
"""The bundled assignments that have a release (visible tests)."""


@pytest.fixture(scope="session")
def bundled_releases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """`grader generate` of every bundled assignment, once per session: name -> folder."""
    root = tmp_path_factory.mktemp("bundled")
    for name in BUNDLED:
        generate_release(find_assignment(name), root / name)
    return {name: root / name for name in BUNDLED}
