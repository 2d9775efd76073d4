"""A 2-D tower that stands on the wrong rectangle is named by where it stands (towers' hidden
tower_2d tests: hidden_tests.box_mistake probes the student's tower_2d once on a grid of the
plane, with a box of four numbers it can tell apart): "stands on [a1, b1] × [b1, a2]". A
tower that keeps the cross strips is named by them; one whose high points fill no rectangle
on the box's numbers is not named by the box. Graded through `grader grade`'s path
(grader.batch.driver.run_batch: sandbox, proxy, codec) on a correct solution of another style
with one line changed; the names say no input of the hidden test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assignments.harness import MUTANTS, failed_test, grade_edits

pytestmark = pytest.mark.slow

MATRIX = MUTANTS / "towers" / "correct" / "staircase_matrix.py"
TEST = "tower_2d_matches_reference"
UNPACK = "    a1, b1, a2, b2 = box"
EDITS = {
    # student -> (line of the correct file, its mistaken version, the name it must give)
    "box_indexed_by_coordinate": (UNPACK, "    a1, b1, a2, b2 = box[0], box[1], box[1], box[2]",
                                  "tower_2d() stands on [a1, b1] × [b1, a2] instead of the box"),
    "box_read_one_late": (UNPACK, "    a1, b1, a2, b2 = box[1], box[2], box[2], box[3]",
                          "tower_2d() stands on [b1, a2] × [a2, b2] instead of the box"),
    "threshold_three_quarters": ("    return h * sigmoid(w * (Tx + Ty - 1.5))",
                           "    return h * sigmoid(w * (Tx + Ty - 0.75))",
                           "tower_2d() is high on the cross strips too"),
    "towers_multiplied": ("    return h * sigmoid(w * (Tx + Ty - 1.5))",
                          "    return h * sigmoid(w * (Tx * Ty - 1.5))", None),
}


def test_a_tower_on_the_wrong_rectangle_is_named_by_where_it_stands(tmp_path: Path) -> None:
    results = grade_edits("towers", MATRIX, {s: e[:2] for s, e in EDITS.items()}, tmp_path)
    for student, (_, _, name) in EDITS.items():
        test = failed_test(results, student, TEST)
        said = test.mistake or ""
        if name is None:  # about 0 everywhere: many slips give it, the box names none
            assert "stands" not in said and "strips" not in said, f"{student}: {said!r}"
            continue
        assert said.startswith(name), f"{student}: {TEST} says {said!r}"
        assert "Looks like" in test.message
