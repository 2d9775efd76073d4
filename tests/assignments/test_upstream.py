"""A crash caused by an earlier call's value is named by that call (issue 16,
grader.run.upstream): when the student's threshold_forward() raises on the network their
deep_parity() built, and the reference's threshold_forward() refuses that network too while it
takes the reference's, the mistake is in deep_parity(): the name says so, not the traceback's
function (heldout21's and heldout22's networks with layers missing, merged or out of order).
Graded through `grader grade`'s path (grader.batch.driver.run_batch: sandbox, proxy, codec) on
a correct solution of another style with one line changed; a network that threshold_forward()
takes but that computes another function is not named so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assignments.harness import MUTANTS, failed_test, grade_edits

pytestmark = pytest.mark.slow

CHAIN = MUTANTS / "boolean_networks" / "correct" / "chain_loops.py"
TEST = "deep_parity_of_three_inputs"
UPSTREAM = "deep_parity() returns a value that threshold_forward() cannot take"
EDITS = {
    "layers_reversed": (("    return layers", "    return layers[::-1]"), UPSTREAM),
    "or_unit_reads_one_column": (("        W[0, width - 2:] = 1.0  # OR of the two",
                                  "        W[0, width - 2] = 1.0"), None),
}


def test_a_value_the_next_call_cannot_take_is_named_by_the_call_that_made_it(
        tmp_path: Path) -> None:
    results = grade_edits("boolean_networks", CHAIN, {s: e[0] for s, e in EDITS.items()},
                          tmp_path)
    for student, (_, name) in EDITS.items():
        test = failed_test(results, student, TEST)
        said = test.mistake or ""
        if name is None:
            assert "cannot take" not in said, f"{student}: {said!r}"
        else:
            assert said.startswith(name), f"{student}: {TEST} says {said!r}"
            assert "ValueError" in test.message
