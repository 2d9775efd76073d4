"""Grade a folder of single-mistake overlays (a reference with some functions overridden, as
tests/fixtures/<kind>/<assignment>/*.py hold them) through `grader grade`'s path
(grader.batch.driver.run_batch: sandbox, proxy, the reference replay)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from grader.authoring.demo import overlay_source
from grader.authoring.source import read_reference
from grader.batch.driver import run_batch
from grader.config import find_assignment
from grader.models import RunResult


def grade_overlays(fixtures: Path, name: str, tmp: Path) -> dict[str, RunResult]:
    """student (the fixture's stem) -> its result, for every fixtures/<name>/*.py."""
    assignment = find_assignment(name)
    ref = read_reference(assignment.reference)
    subs = tmp / name / "submissions"
    for path in sorted((fixtures / name).glob("*.py")):
        sub = subs / path.stem
        sub.mkdir(parents=True)
        (sub / f"{assignment.module}.py").write_text(
            overlay_source(ref, path.read_text(encoding="utf-8"), path.stem), encoding="utf-8")
    batch = run_batch(assignment, subs, tmp / name / "out", jobs=2, progress=False)
    return {r.student: r for r in batch.results}


def graded_fixture(fixtures: Path, label: str) -> Any:
    """A module-scoped pytest fixture `graded`: name -> grade_overlays(fixtures, name), each
    assignment graded once per module (`graded = graded_fixture(FIXTURES, "state")`)."""
    @functools.cache
    def grade(name: str, tmp: Path) -> dict[str, RunResult]:
        return grade_overlays(fixtures, name, tmp)

    @pytest.fixture(scope="module", name="graded")
    def graded(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str],
                                                                    dict[str, RunResult]]:
        tmp = tmp_path_factory.mktemp(label)
        return lambda name: grade(name, tmp)
    return graded
