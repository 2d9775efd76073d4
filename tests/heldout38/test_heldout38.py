"""Held-out batch 38 (issue 16), graded through `grader grade`: what must hold whatever the
catalogue says (the shared checks of tests/heldout_batch.py).

Every single-mistake submission loses points, and every correct solution, in every style, scores
full marks with no mistake name. Batch 38 also spreads its mistakes: at least 10 per assignment.
How many are named, and rightly, is measured (not asserted) by bench/heldout.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.heldout_batch import ASSIGNMENTS, check_complete, check_graded

BATCH = Path(__file__).resolve().parent

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_batch_is_complete(assignment: str) -> None:
    check_complete(BATCH, assignment, min_mistakes=10)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_mistakes_lose_points_and_correct_solutions_get_no_name(
        assignment: str, tmp_path: Path) -> None:
    check_graded(BATCH, assignment, tmp_path)
