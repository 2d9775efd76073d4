"""A staircase that is wrong is named by what its towers do one at a time (towers' hidden
approximate_1d test: hidden_tests.staircase_mistake probes the student's approximate_1d with
one height at a time on a grid of its own): every tower shifted by a part of a bin, steps that
never come down, a tower that shows elsewhere. Graded through `grader grade`'s path
(grader.batch.driver.run_batch: sandbox, proxy, codec) on a correct solution of another style
(the staircase as steps × a difference matrix × the heights, not the reference's loop of
towers) with one line changed; the names say no input of the hidden test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assignments.harness import MUTANTS, failed_test, grade_edits

pytestmark = pytest.mark.slow

MATRIX = MUTANTS / "towers" / "correct" / "staircase_matrix.py"
TEST = "approximate_1d_matches_reference"
EDITS = {
    # student -> (line of the correct file, its mistaken version, the name it must give)
    "edges_at_the_midpoints": (
        "    edges = lo + delta * np.arange(k + 1)",
        "    edges = lo + delta * (np.arange(k + 1) + 0.5)",
        "every tower is shifted half a bin to the right"),
    "no_down_steps": (
        "    difference = np.eye(k + 1, k) - np.eye(k + 1, k, k=-1)",
        "    difference = np.eye(k + 1, k)",
        "each tower is a step that never comes down"),
    "superdiagonal": (
        "    difference = np.eye(k + 1, k) - np.eye(k + 1, k, k=-1)",
        "    difference = np.eye(k + 1, k) - np.eye(k + 1, k, k=1)",
        "the tower of f[0] is wrong: alone (the other heights 0) it gives 1 on bin 0, 1 on "
        "bin 1"),
}


def test_a_wrong_staircase_is_named_by_its_towers(tmp_path: Path) -> None:
    results = grade_edits("towers", MATRIX, {s: e[:2] for s, e in EDITS.items()}, tmp_path)
    for student, (_, _, name) in EDITS.items():
        test = failed_test(results, student, TEST)
        said = test.mistake or ""
        assert said.startswith(name), f"{student}: {TEST} says {said!r}"
        assert "Looks like" in test.message
