"""One path: the in-process runner (grader.sandbox.local, which calibration, validate and notebook
check
cells use on trusted code) and the sandboxed path of `grader grade` give every test of every
course-pack submission (reference, stub, each mutant, each correct style of the demo class) the
same status, points, mistake and message. Timings are the only thing allowed to differ.

This is the test that would have caught warnings missing from sandboxed calls (a naive
`1 / (1 + np.exp(-z))` sigmoid got full marks under `grader grade` but not in-process)."""

from __future__ import annotations

import pytest

from tests.assignments import harness

pytestmark = pytest.mark.xdist_group("course-pack")  # one worker grades the pack once

UNSEEDED = {"mutant-minibatch_global_rng"}
"""Submissions whose outcomes differ from run to run (they draw from an unseeded generator)."""
CASES = [(name, student) for name in harness.PACKS for student in harness.sources(name)]


def verdicts(outcomes: list[harness.Outcome],
             unstable: frozenset[str] = frozenset()) -> list[tuple[object, ...]]:
    """What must match; a message in `unstable` differs between any two runs of the same
    runner (a mutant drawing from numpy's unseeded global generator), so only its status,
    points and mistake are compared."""
    return [(o.name, o.status, o.points, o.mistake, None if o.name in unstable else o.message)
            for o in outcomes]


@pytest.mark.parametrize(("name", "student"), CASES, ids=[f"{n}-{s}" for n, s in CASES])
def test_parity_in_process_runner_and_sandbox_give_identical_results(name: str, student: str,
                                                                     graded):
    sandboxed = graded(name, student)
    assert sandboxed.status == "graded", sandboxed.message
    local = harness.in_process(name, student)
    unstable = frozenset(o.name for o in local) if student in UNSEEDED else frozenset()
    assert verdicts(local, unstable) == \
        verdicts([harness.Outcome.of(t) for t in sandboxed.tests], unstable)


def test_parity_sandbox_sees_warnings_a_naive_sigmoid_gives(graded):
    """The towers mutant that overflows in exp loses sigmoid_stable_for_huge_inputs in the
    sandbox, through the warning it emits (item 1 of the one-path issue)."""
    result = graded("towers", "mutant-sigmoid_overflow")
    test = next(t for t in result.tests if t.name == "sigmoid_stable_for_huge_inputs")
    assert test.points == 0 and "overflow encountered in exp" in test.message
