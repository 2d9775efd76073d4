"""A relation the test's inputs fit by coincidence is not said (issue 16: a name must be
right; heldout23, measured unseen, had five such names). A sigmoid that returns its values
back to front gives, on a symmetric z, exactly 1 − σ(z): "one minus the expected value" held on
that test but not on the submission's other calls of sigmoid, and is now not said (its reverse
order is). Squared hinge terms are right on the calls whose active margins are 1, which were
the calls with reg = 0: "wrong only on the calls where reg is not zero" is now said only when
the student's code is right on a failing call with reg set to zero (one probe). Graded through
`grader grade`'s path (grader.batch.driver.run_batch: sandbox, proxy, codec) on correct
solutions of other styles with one line changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assignments.harness import MUTANTS, grade_edits

pytestmark = pytest.mark.slow

CASES = {
    # assignment -> (correct file, {student: (line, mistaken line)}, phrases no name may hold,
    #                a phrase some name must hold)
    "towers": (MUTANTS / "towers" / "correct" / "staircase_matrix.py", {
        "sigmoid_back_to_front": (
            "    out = np.where(z >= 0, 1.0 / (1.0 + small), small / (1.0 + small))",
            "    out = np.where(z >= 0, 1.0 / (1.0 + small), small / (1.0 + small))"
            ".ravel()[::-1].reshape(z.shape)")},
        ("one minus the expected value",), "in reverse order"),
    "backprop": (MUTANTS / "backprop" / "correct" / "loops.py", {
        "hinge_terms_squared": ("                loss += margin",
                                "                loss += margin ** 2")},
        ("where reg is not zero",), None),
}


@pytest.mark.parametrize("assignment", sorted(CASES))
def test_a_relation_that_fits_one_test_by_coincidence_is_not_said(assignment: str,
                                                                   tmp_path: Path) -> None:
    correct, edits, never, some = CASES[assignment]
    results = grade_edits(assignment, correct, edits, tmp_path)
    for student in edits:
        names = [t.mistake for t in results[student].tests if t.mistake]
        failed = [t for t in results[student].tests if t.status != "passed"]
        assert failed, student
        assert not any(p in n for p in never for n in names), (student, names)
        if some is not None:
            assert any(some in n for n in names), (student, names)
