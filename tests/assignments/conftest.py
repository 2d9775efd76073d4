"""The course pack graded once per session through `grader grade`'s path (see harness)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from grader.models import RunResult
from tests.assignments import harness


@pytest.fixture(scope="session")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], RunResult]:
    """graded(assignment, student) -> the student's RunResult; each assignment's whole class
    (reference, stub, mutants, correct styles) is graded in one batch, the first time."""
    batches: dict[str, dict[str, RunResult]] = {}

    def result(name: str, student: str) -> RunResult:
        if name not in batches:
            batches[name] = harness.grade_pack(name, tmp_path_factory.mktemp(f"pack-{name}"))
        return batches[name][student]

    return result
