"""A network whose outputs are wrong is named by the unit that shows it (boolean_networks'
hidden network tests: hidden_tests.network_mistake): a unit that never or always fires, that
computes what an earlier unit computes, or whose output no later layer reads — a construction
that computes the function with the fewest units wastes no unit so, whatever the student's
construction. Graded through `grader grade`'s path
(grader.batch.driver.run_batch: sandbox, proxy, codec) on the chain-of-XORs solution of another
style (its XOR is (a AND NOT b) OR (b AND NOT a), not the reference's OR/NAND/AND) with one line
changed; the name says no input of the hidden test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assignments.harness import MUTANTS, grade_edits

pytestmark = pytest.mark.slow

CHAIN = MUTANTS / "boolean_networks" / "correct" / "chain_loops.py"
EDITS = {
    # student -> (line of the correct file, its mistaken version, test, the name it must give)
    "or_bias_of_an_and": (
        "        layers.append((W, np.array([-0.5])))",
        "        layers.append((W, np.array([-1.5])))",
        "deep_parity_on_all_inputs", "unit 1 of layer 2 never fires"),
    "or_reads_one_column_early": (
        "        W[0, width - 2:] = 1.0  # OR of the two",
        "        W[0, width - 3:width - 1] = 1.0",
        "deep_parity_on_all_inputs",
        "the output of unit 2 of layer 1 is read by no later layer"),
    "second_unit_copies_the_first": (
        "        W[1, a], W[1, b] = -1.0, 1.0  # b AND NOT a",
        "        W[1, a], W[1, b] = 1.0, -1.0",
        "deep_parity_on_all_inputs",
        "unit 2 of layer 1 computes exactly what unit 1 of layer 1 computes"),
    "pattern_bias_below_its_pattern": (
        "    b1 = np.array([-4.0 * inputs[r].sum() + 2.0 for r in rows])",
        "    b1 = np.array([-4.0 * inputs[r].sum() - 2.0 for r in rows])",
        "shallow_network_random_truth_tables", "unit 1 of layer 1 never fires"),
}


def test_a_wasted_unit_names_the_mistake_in_an_own_construction(tmp_path: Path) -> None:
    results = grade_edits("boolean_networks", CHAIN, {s: e[:2] for s, e in EDITS.items()},
                          tmp_path)
    for student, (_, _, test, name) in EDITS.items():
        failed = {t.name: t for t in results[student].tests if t.status != "passed"}
        assert test in failed, f"{student}: {test} does not fail: {sorted(failed)}"
        said = failed[test].mistake or ""
        assert said.startswith(name), f"{student}: {test} says {said!r}"
        assert "deep_parity(" not in said and "table" not in said, said
