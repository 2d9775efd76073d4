"""A gate's wrong parameters are named by what is wrong in them (mp_neuron's check_gate).

Every gate has one right inhibitory mask (an inhibitory input vetoes: the inputs that must never
veto are excitatory, those that must always veto are inhibitory), so a mask that differs from
it is the mistake, whatever theta; with the right mask a wrong truth table means theta is too
high or too low. Graded through `grader grade`'s path (grader.batch.driver.run_batch: sandbox,
proxy, codec): the correct loops-style solution (its own thetas: n − 0.5, 0.5, −3, 0.25) with
one line changed gets the name, and the name says no input of the hidden test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assignments.harness import MUTANTS, grade_edits

pytestmark = pytest.mark.slow

LOOPS = MUTANTS / "mp_neuron" / "correct" / "loops.py"
EDITS = {
    # student -> (line of the correct file, its mistaken version, test, the name it must give)
    "nor_first_input_only": (
        "        return -3.0, [True] * n", "        return -3.0, [True] + [False] * (n - 1)",
        "mp_gate_nor", "the NOR gate's inhibitory mask is wrong: x2 is not marked inhibitory"),
    "and_not_no_veto": (
        "        return 0.25, [False, True]", "        return 0.25, [False, False]",
        "mp_gate_and_not",
        "the AND NOT gate's inhibitory mask is wrong: x2 is not marked inhibitory"),
    "or_theta_far_too_high": (
        "        return 0.5, [False] * n", "        return 2.5, [False] * n",
        "mp_gate_or", "theta is too high for the OR gate"),
    # the right mask as 0.0/1.0 floats (np.zeros(n), MATLAB's zeros): only its dtype is wrong
    "and_mask_of_floats": (
        "        return float(n) - 0.5, [False] * n", "        return float(n) - 0.5, [0.0] * n",
        "mp_gate_returns_a_boolean_mask",
        "the inhibitory mask is an array of floats instead of booleans"),
}


def test_a_gate_with_a_wrong_mask_or_theta_is_named_by_it(tmp_path: Path) -> None:
    results = grade_edits("mp_neuron", LOOPS, {s: e[:2] for s, e in EDITS.items()}, tmp_path)
    for student, (_, _, test, name) in EDITS.items():
        failed = {t.name: t for t in results[student].tests if t.status != "passed"}
        assert test in failed, f"{student}: {test} does not fail: {sorted(failed)}"
        said = failed[test].mistake or ""
        assert said.startswith(name), f"{student}: {test} says {said!r}"
        assert "mp_gate(" not in said and not any(ch.isdigit() for ch in
                                                   said.replace("x1", "").replace("x2", "")), said
