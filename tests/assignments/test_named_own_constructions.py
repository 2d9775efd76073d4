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

from grader.batch.driver import run_batch
from grader.config import find_assignment
from tests.assignments.harness import MUTANTS

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
    source = CHAIN.read_text(encoding="utf-8")
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "correct.py").write_text(source, encoding="utf-8")
    for student, (line, wrong, _) in EDITS.items():
        assert source.count(line) == 1, f"{CHAIN}: the line to edit is not there once: {line!r}"
        (subs / f"{student}.py").write_text(source.replace(line, wrong), encoding="utf-8")
    batch = run_batch(find_assignment("boolean_networks"), subs, tmp_path / "out", jobs=2,
                      progress=False)
    results = {r.student: r for r in batch.results}
    correct = results["correct"]
    assert all(t.status == "passed" and not t.mistake for t in correct.tests)
    for student, (_, _, name) in EDITS.items():
        failed = [t for t in results[student].tests if t.status != "passed"]
        assert failed, f"{student}: no test fails"
        named = [t for t in failed if t.mistake and name in t.mistake]
        assert named, f"{student}: not named {name!r}: {[(t.name, t.mistake) for t in failed]}"
        others = [t.mistake for t in failed if t.mistake and name not in t.mistake]
        assert not others, f"{student}: other names given: {others}"
