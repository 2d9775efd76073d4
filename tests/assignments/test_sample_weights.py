"""Slips of the loop over the samples of a loss or its gradient, named by how the value weighs
the samples (issue 16, grader.run.samples): a loop from the second sample, a total reset in the
loop (only the last sample left), a total started at the first sample's value before a loop over
all of them, a loop over blocks of samples that skips the last, shorter block. And a sample left
out of a bound that is no mean (Novikoff's max norm and min margin), named as the reference's
value without that sample (grader.run.arguments). Graded through `grader grade`'s path
(grader.batch.driver.run_batch: sandbox, proxy, codec) on correct solutions with one line
changed; the correct ones pass with no name (grade_edits).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assignments.harness import MUTANTS, check_named, grade_edits

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
HINGE_LOOP = "    for i in range(N):\n        s = X[i] @ W\n        for j in range(W.shape[1]):"
SOFTMAX_TOTAL = ("    loss = 0.0\n    N = X.shape[0]\n    for i in range(N):\n"
                 "        s = X[i] @ W\n        s = s - s.max()")
GRAD_ROW = "        for k in range(d):\n            g[k] += float(A[i, k]) * r"
CASES = {
    # assignment -> (correct file, {student: ((line, mistaken line), test, name it starts)})
    "backprop": (MUTANTS / "backprop" / "correct" / "loops.py", {
        "hinge_loop_from_the_second_sample": (
            (HINGE_LOOP, HINGE_LOOP.replace("range(N)", "range(1, N)")),
            "hinge_loss_value_matches_reference",
            "hinge_loss() leaves the first sample out (and still divides by all n)"),
        "hinge_last_short_block_skipped": (
            (HINGE_LOOP, HINGE_LOOP.replace("range(N)", "range(N - N % 4)")),
            "hinge_loss_value_matches_reference",
            "hinge_loss() leaves out a last block of its samples (and still divides by all n)"),
        "softmax_total_started_at_the_first_sample": (
            (SOFTMAX_TOTAL, SOFTMAX_TOTAL.replace(
                "    loss = 0.0\n",
                "    s0 = X[0] @ W - (X[0] @ W).max()\n"
                "    loss = math.log(np.exp(s0).sum()) - s0[y[0]]\n")),
            "softmax_loss_value_matches_reference",
            "the first value returned by softmax_loss() counts the first sample twice")}),
    "perceptron": (ROOT / "tests" / "heldout26" / "perceptron" / "correct_scalar.py", {
        "bound_loop_stops_one_early": (
            ("    for i in range(1, n):\n        R = max(",
             "    for i in range(1, n - 1):\n        R = max("),
            "novikoff_bound_counts_every_sample",
            "novikoff_bound() gives its value for the last sample (its row of X and its label "
            "in y) left out")}),
    "gradient_descent": (ROOT / "tests" / "heldout26" / "gradient_descent" / "correct_scalar.py", {
        "gradient_row_assigned_not_added": (
            (GRAD_ROW, GRAD_ROW.replace("g[k] +=", "g[k] =")),
            "squared_loss_grad_matches_reference",
            "squared_loss_grad() counts only the last sample (divided by n)")}),
}


@pytest.mark.parametrize("assignment", sorted(CASES))
def test_a_slip_in_the_loop_over_the_samples_is_named_by_their_weights(
        assignment: str, tmp_path: Path) -> None:
    correct, edits = CASES[assignment]
    check_named(assignment, correct, edits, tmp_path)


def test_a_row_wise_function_of_x_alone_is_not_named_by_its_samples(tmp_path: Path) -> None:
    """threshold_forward(layers, X) returning the first row's output alone (heldout13's
    first_row_not_column: out[0] for out[:, 0]) is an index slip, not a loop over samples that
    stops after the first: a function without labels y is not split into samples."""
    correct = MUTANTS / "boolean_networks" / "correct" / "chain_loops.py"
    edit = ("    return outputs\n\n\ndef shallow_network", "    return outputs[:1]\n\n\n"
            "def shallow_network")
    results = grade_edits("boolean_networks", correct, {"first_row_only": edit}, tmp_path)
    failed = [t for t in results["first_row_only"].tests if t.status != "passed"]
    assert failed
    assert not any("sample" in (t.mistake or "") for t in failed), \
        [(t.name, t.mistake) for t in failed]


def test_a_gradient_whose_samples_cancel_is_not_named_by_the_samples_it_counts(
        tmp_path: Path) -> None:
    """The true class's −x_i put at column j (heldout26's true_class_gradient_at_j): every
    sample's data gradient cancels to zero, so on a call where only the last samples have active
    margins, "a last block left out" gives the same zero. Samples that add nothing to the value
    are no evidence of which were counted: no sample name."""
    correct = MUTANTS / "backprop" / "correct" / "loops.py"
    edit = ("                dW[:, y[i]] -= X[i]", "                dW[:, j] -= X[i]")
    results = grade_edits("backprop", correct, {"true_class_at_j": edit}, tmp_path)
    failed = [t for t in results["true_class_at_j"].tests if t.status != "passed"]
    assert failed
    assert not any("sample" in (t.mistake or "") for t in failed), \
        [(t.name, t.mistake) for t in failed]
