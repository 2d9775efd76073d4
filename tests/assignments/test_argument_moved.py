"""Slips of a loop over an argument named by that change of the argument (issue 16,
grader.run.arguments), each from heldout22: inhibitory roles stored under position + 1 put
every mark on the input after its own (the reference's neuron on the mask moved one place
along); a total assigned where it is meant to be added to keeps only the last layer
(count_units). Graded through `grader grade`'s path (grader.batch.driver.run_batch:
sandbox, proxy, codec) on correct solutions of other styles with one line changed; a mask
read back to front is not named as moved.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assignments.harness import MUTANTS, check_named, failed_test, grade_edits

pytestmark = pytest.mark.slow

LOOPS = MUTANTS / "mp_neuron" / "correct" / "loops.py"
MASK = ("    mask = [False] * len(values) if inhibitory is None else [bool(v) for v in "
        "inhibitory]")
TEST = "mp_neuron_inhibitory_input_vetoes"
EDITS = {
    "mask_one_place_along": (MASK, MASK.replace("[bool(v) for v in inhibitory]",
                                                "[False] + [bool(v) for v in inhibitory][:-1]"),
                             "mp_neuron() gives its value for inhibitory moved one place along"),
    "mask_one_place_back": (MASK, MASK.replace("[bool(v) for v in inhibitory]",
                                               "[bool(v) for v in inhibitory][1:] + [False]"),
                            "mp_neuron() gives its value for inhibitory moved one place back"),
    "mask_reversed": (MASK, MASK.replace("[bool(v) for v in inhibitory]",
                                         "[bool(v) for v in inhibitory][::-1]"), None),
    "mask_read_at_its_first_entry": (  # heldout26's mask_flags_all_from_first_entry
        MASK, MASK.replace("[bool(v) for v in inhibitory]",
                           "[bool(inhibitory[0]) for v in inhibitory]"),
        "mp_neuron() gives its value for every entry of inhibitory read from its first"),
}


COUNT = "    return sum(len(b) for _, b in layers)"
LOOPS_ELSEWHERE = {
    # assignment -> correct file, {student: ((line, mistaken line), test, the name it starts)}
    "boolean_networks": (MUTANTS / "boolean_networks" / "correct" / "chain_loops.py", {
        "count_keeps_the_last_layer": (
            (COUNT, "    return [len(b) for _, b in layers][-1]"), "count_units_by_hand",
            "count_units() gives its value for only the last item of layers")}),
}


@pytest.mark.parametrize("assignment", sorted(LOOPS_ELSEWHERE))
def test_a_loop_that_leaves_out_items_is_named_by_the_items_it_reads(
        assignment: str, tmp_path: Path) -> None:
    correct, edits = LOOPS_ELSEWHERE[assignment]
    check_named(assignment, correct, edits, tmp_path)


def test_a_mask_read_one_place_off_is_named_by_the_move(tmp_path: Path) -> None:
    results = grade_edits("mp_neuron", LOOPS, {s: e[:2] for s, e in EDITS.items()}, tmp_path)
    for student, (_, _, name) in EDITS.items():
        said = failed_test(results, student, TEST).mistake or ""
        if name is None:
            assert "one place" not in said, f"{student}: {said!r}"
        else:
            assert said.startswith(name), f"{student}: {TEST} says {said!r}"
