"""A known mistake in a student's OWN construction is named (issue 16, catalogue views).

shallow_network and deep_parity return networks: a student's network with a catalogue mistake
has other weights, unit order and depth than the catalogue's, so the catalogue compares what a
network computes (assignments/boolean_networks/mistakes/_views.py). Graded through `grader
grade`'s path (grader.batch.driver.run_batch: sandbox, proxy, codec): the correct chain-of-XORs
solution of another style with one line changed gets the mistake's name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assignments.harness import MUTANTS, grade_edits

pytestmark = pytest.mark.slow

CHAIN = MUTANTS / "boolean_networks" / "correct" / "chain_loops.py"
EDITS = {
    # student -> (line of the correct file, its mistaken version, the name the grader must give)
    "chain_stops_early": ("    for k in range(1, n):", "    for k in range(1, n - 1):",
                          "the parity chain stops one input early"),
    "outputs_first": ("            z = z + [float(v) for v in last]",
                      "            z = [float(v) for v in last] + z",
                      "a layer's input is [earlier outputs, network inputs]"),
}


def test_a_mistake_in_an_own_construction_is_named(tmp_path: Path) -> None:
    results = grade_edits("boolean_networks", CHAIN, {s: e[:2] for s, e in EDITS.items()},
                          tmp_path)
    for student, (_, _, name) in EDITS.items():
        failed = [t for t in results[student].tests if t.status != "passed"]
        assert failed, f"{student}: no test fails"
        named = [t for t in failed if t.mistake and name in t.mistake]
        assert named, f"{student}: not named {name!r}: {[(t.name, t.mistake) for t in failed]}"
        others = [t.mistake for t in failed if t.mistake and name not in t.mistake]
        assert not others, f"{student}: other names given: {others}"
