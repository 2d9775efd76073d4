"""A vector argument read one place off is named by that change of the argument (issue 16,
grader.run.arguments: "moved one place along / back"): heldout22's inhibitory roles stored
under position + 1 put every mark on the input after its own, which is the reference's neuron
on the mask moved one place along. Graded through `grader grade`'s path
(grader.batch.driver.run_batch: sandbox, proxy, codec) on a correct solution of another style
with one line changed; a mask read back to front is not named so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assignments.harness import MUTANTS, failed_test, grade_edits

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
}


def test_a_mask_read_one_place_off_is_named_by_the_move(tmp_path: Path) -> None:
    results = grade_edits("mp_neuron", LOOPS, {s: e[:2] for s, e in EDITS.items()}, tmp_path)
    for student, (_, _, name) in EDITS.items():
        said = failed_test(results, student, TEST).mistake or ""
        if name is None:
            assert "one place" not in said, f"{student}: {said!r}"
        else:
            assert said.startswith(name), f"{student}: {TEST} says {said!r}"
