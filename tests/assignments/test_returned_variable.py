"""A function that returns the wrong one of its values is named by what it returned (issue 16:
the automatic mistakes, grader.run.automatic._returned): an intermediate value of the
reference's computation (sin(x²), which the reference holds in `v`, where e^{sin(x²)} is
meant: heldout22's value read from the sine node) or an argument (the network's first input
where its output is meant). The name quotes the reference's return and what the returned
variable holds there. Graded through `grader grade`'s path (grader.batch.driver.run_batch:
sandbox, proxy, codec), each a correct solution of another style with one line changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assignments.harness import MUTANTS, failed_test, grade_edits

pytestmark = pytest.mark.slow

CASES = {
    # assignment -> correct file, {student: ((line, mistaken line), test, phrases of its name)}
    "backprop": (MUTANTS / "backprop" / "correct" / "loops.py", {
        "returns_the_sine": (
            ("    return v, v * math.cos(x * x) * 2 * x",
             "    return math.sin(x * x), v * math.cos(x * x) * 2 * x"),
            "chain_rule_example_known_values",
            ("returns `v` = `np.sin(u)` where `f` = `np.exp(v)` is meant",
             "chain_rule_example()")),
    }),
    "boolean_networks": (MUTANTS / "boolean_networks" / "correct" / "chain_loops.py", {
        "returns_the_first_input": (
            ("        outputs.append(last[0])", "        outputs.append(int(x[0]))"),
            "threshold_unit_fires_at_equality",
            ("returns the argument `X` where `out` is meant", "threshold_forward()")),
    }),
}


@pytest.mark.parametrize("assignment", sorted(CASES))
def test_a_wrong_variable_returned_is_named_by_what_it_holds(assignment: str,
                                                             tmp_path: Path) -> None:
    correct, edits = CASES[assignment]
    results = grade_edits(assignment, correct, {s: e[0] for s, e in edits.items()}, tmp_path)
    for student, (_, test_name, phrases) in edits.items():
        said = failed_test(results, student, test_name).mistake or ""
        assert all(p in said for p in phrases), f"{student}: {test_name} says {said!r}"
